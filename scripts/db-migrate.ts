/** `npm run db:migrate`: applies pending migrations and loads the geography, without starting the server. */
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/platform/database/database.ts';
import { migrate, migrationStatus } from '../src/server/platform/database/migrate.ts';
import { geography } from '../src/server/modules/geography/index.ts';

const database = await openDatabase(loadConfig().database);
try {
  await migrate(database);
  await geography.ensureGeography(database.db);
  const status = await migrationStatus(database);
  console.log(`${database.engine}: ${status.applied} migrations applied (latest ${status.latest}).`);
} finally {
  await database.close();
}
