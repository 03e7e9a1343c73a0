/**
 * `npm run db:seed -- --size=demo [--seed=2001] [--today=2026-11-25]`: replaces all data except the
 * geography with freshly generated data. Sizes: tiny, small, demo, large, national (see db/seed/sizes.ts).
 */
import { parseArgs } from 'node:util';
import { loadConfig, seedSizes, type SeedSize } from '../src/server/config.ts';
import { openDatabase } from '../src/server/platform/database/database.ts';
import { migrate } from '../src/server/platform/database/migrate.ts';
import { consoleProgress } from '../src/server/platform/jobs/progress.ts';
import { geography } from '../src/server/modules/geography/index.ts';
import { clearDemo, seedDemo } from '../db/seed/generate.ts';

const config = loadConfig();
const { values } = parseArgs({
  options: { size: { type: 'string', default: config.seedSize }, seed: { type: 'string', default: String(config.seed) }, today: { type: 'string' } },
});
const size = values.size as SeedSize;
if (!seedSizes.includes(size)) {
  console.error(`--size must be one of ${seedSizes.join(', ')}`);
  process.exit(2);
}
if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
  console.error('--today must be a date like 2026-11-25');
  process.exit(2);
}

const database = await openDatabase(config.database);
try {
  await migrate(database);
  await geography.ensureGeography(database.db);
  console.log(`Replacing the data in ${database.engine} with the ${size} set (seed ${values.seed})…`);
  await clearDemo(database.db);
  const summary = await seedDemo(database, {
    size, seed: Number(values.seed), today: values.today, onProgress: consoleProgress(),
    credentials: { publicUrl: config.publicUrl, signingKeyPem: config.credentialSigningKey },
  });
  console.log(JSON.stringify(summary, null, 2));
} finally {
  await database.close();
}
