/**
 * Starts the product: config → database → migrations → reference data → demo (first start) → HTTP.
 */
import { performance } from 'node:perf_hooks';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './platform/database/database.ts';
import { migrate } from './platform/database/migrate.ts';
import { buildApp } from './app.ts';
import { geography } from './modules/geography/index.ts';
import { programsModule } from './modules/programs/index.ts';
import { indicatorsModule } from './modules/indicators/index.ts';
import { failInterruptedJobs } from './platform/jobs/jobs.ts';
import { todayInKorea } from './platform/clock.ts';
import { databaseIsEmpty, seedDemo } from '../../db/seed/generate.ts';
import { consoleProgress } from './platform/jobs/progress.ts';
import { startMailSender } from './platform/mail/sender.ts';

const INDICATOR_REFRESH_MS = 2000;
const MAIL_SEND_MS = 15_000;

export async function prepareDatabase(config: Config, log: (line: string) => void): Promise<Database> {
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
    if (await geography.ensureGeography(database.db)) log('Loaded Korea’s 17 provinces, 229 municipalities and 3,504 dongs.');
    if (config.seedOnFirstStart && (await databaseIsEmpty(database.db))) {
      log(`First start: generating the ${config.seedSize} demo (seed ${config.seed})…`);
      const summary = await seedDemo(database, {
        size: config.seedSize, seed: config.seed, onProgress: consoleProgress(),
        credentials: { publicUrl: config.publicUrl, signingKeyPem: config.credentialSigningKey },
      });
      log(`Demo ready: ${summary.cities} cities, ${summary.institutions} institutions, ${summary.programs} programs, ${summary.residents} residents, ${summary.enrolments} enrolments.`);
    }
    await maintainCatalogue(database, log);
    await failInterruptedJobs(database.db);
    if (await indicatorsModule.ensureComputed(database.db)) log('Computed every city’s indicators.');
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Programs whose last session has passed leave the catalogue; the search index follows. */
async function maintainCatalogue(database: Database, log: (line: string) => void): Promise<void> {
  const today = todayInKorea();
  const closed = await programsModule.closeEndedPrograms(database.db, today);
  if (closed > 0) log(`Closed ${closed} programs that have ended.`);
  if (await programsModule.ensureSearchIndex(database.db, today)) log('Rebuilt the catalogue search index.');
}

export async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const log = (line: string) => console.log(line);
  const where = config.database.engine === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL at DATABASE_URL';
  log(`Learning City: database ${where}`);
  const database = await prepareDatabase(config, log);
  const app = await buildApp({ config, database });
  // Email waits in the outbox with the change that caused it; it is sent only when SMTP_URL is set.
  const stopMail = config.smtpUrl
    ? startMailSender(database.db, { url: config.smtpUrl, from: config.mailFrom }, MAIL_SEND_MS, (error) => app.log.error(error))
    : async () => {};

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: closing…`);
    await stopMail();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const hourly = setInterval(() => void maintainCatalogue(database, log).catch((error: unknown) => app.log.error(error)), 3600_000);
  hourly.unref();
  // Indicators follow the data: cities whose data changed are recomputed every few seconds.
  indicatorsModule.startIndicatorWorker(database.db, INDICATOR_REFRESH_MS, (error) => app.log.error(error));
  await app.listen({ host: config.host, port: config.port });
  const shownHost = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
  log(`Ready in ${((performance.now() - started) / 1000).toFixed(1)} s: http://${shownHost}:${config.port}  (API docs: /api/docs)`);
}
