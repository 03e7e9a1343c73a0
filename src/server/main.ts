/**
 * Starts the product: config → database → migrations → reference data → demo (first start) → HTTP.
 * With WORKERS > 1 (PostgreSQL only), the primary process does the preparation and the background work once,
 * then forks the server processes, which only serve requests (see platform/processes/primary.ts).
 */
import cluster from 'node:cluster';
import { performance } from 'node:perf_hooks';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './platform/database/database.ts';
import { migrate } from './platform/database/migrate.ts';
import { buildApp } from './app.ts';
import { geography } from './modules/geography/index.ts';
import { programsModule } from './modules/programs/index.ts';
import { indicatorsModule } from './modules/indicators/index.ts';
import { failInterruptedJobs, HEARTBEAT_MS, jobsFinishedHere } from './platform/jobs/jobs.ts';
import { todayInKorea } from './platform/clock.ts';
import { databaseIsEmpty, seedDemo } from '../../db/seed/generate.ts';
import { consoleProgress } from './platform/jobs/progress.ts';
import { startMailSender } from './platform/mail/sender.ts';
import { boundHeapGrowth } from './platform/processes/heap.ts';
import { DRAIN, runPrimary } from './platform/processes/primary.ts';

const INDICATOR_REFRESH_MS = 2000;
const MAIL_SEND_MS = 15_000;
/** The console outbox prints soon: someone trying the demo is waiting for the link. */
const CONSOLE_MAIL_MS = 2000;
/** How long a stopping worker lets the jobs it runs (an import, a report) finish. */
const JOBS_GRACE_MS = 60_000;
/** How long a stopping worker keeps answering (each answer closing its connection) before it stops listening. */
const KEEP_ALIVE_GRACE_MS = 2000;
/**
 * How long a stopped worker stays before it exits. The primary hands each new connection to a worker by message and
 * keeps it until that worker says whether it took it; a worker that has stopped listening says no and the primary
 * hands it to another, but one that has exited never answers, and the connection waits forever. Staying a moment
 * after closing answers any handed over just before the primary learned of the close.
 */
const HANDOFF_GRACE_MS = 1000;

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
    if (await programsModule.ensureSearchIndex(database.db, todayInKorea())) log('Rebuilt the catalogue search index.');
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
  // Every server process has read the catalogue's changes within seconds; older ones are forgotten.
  await programsModule.pruneCatalogueChanges(database.db);
  if (await programsModule.ensureSearchIndex(database.db, today)) log('Rebuilt the catalogue search index.');
}

/**
 * Work done once however many server processes there are (in the only process, or in the primary): catalogue
 * upkeep, indicators, the mail outbox, and the sweep of jobs whose process died.
 */
function startBackgroundWork(config: Config, database: Database, log: (line: string) => void, logError: (error: unknown) => void) {
  const stopMail = config.smtpUrl || config.mailToConsole
    ? startMailSender(database.db, { ...(config.smtpUrl ? { url: config.smtpUrl } : { console: log }), from: config.mailFrom }, config.smtpUrl ? MAIL_SEND_MS : CONSOLE_MAIL_MS, logError)
    : async () => {};
  // At once (not before the first request: closing what ended scans the catalogue, a second on a busy machine), then hourly.
  void maintainCatalogue(database, log).catch(logError);
  const hourly = setInterval(() => void maintainCatalogue(database, log).catch(logError), 3600_000);
  const jobSweep = setInterval(() => void failInterruptedJobs(database.db).catch(logError), 3 * HEARTBEAT_MS);
  hourly.unref();
  jobSweep.unref();
  // Indicators follow the data: cities whose data changed are recomputed every few seconds.
  const stopIndicators = indicatorsModule.startIndicatorWorker(database.db, INDICATOR_REFRESH_MS, logError);
  return async () => {
    clearInterval(hourly);
    clearInterval(jobSweep);
    stopIndicators();
    await stopMail();
  };
}

const readyLine = (config: Config, started: number) => {
  const shownHost = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
  return `Ready in ${((performance.now() - started) / 1000).toFixed(1)} s: http://${shownHost}:${config.port}  (API docs: /api/docs)`;
};

/**
 * Runs the product. `workerModule` is the file a cluster worker runs (the one that called main, compiled or
 * not); workers call main too and only serve.
 */
export async function main(workerModule?: string): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  boundHeapGrowth(config.heapGrowthPercent);
  if (cluster.isWorker) return serveAsWorker(config);
  const log = (line: string) => console.log(line);
  const where = config.database.engine === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL at DATABASE_URL';
  log(`Learning City: database ${where}`);
  if (config.workersRefused) {
    log('WORKERS: the embedded database belongs to one process, so one server process runs. Set DATABASE_URL to run several.');
  }
  const database = await prepareDatabase(config, log);
  const logError = (error: unknown) => console.error(error);
  const stopBackground = startBackgroundWork(config, database, log, logError);

  if (config.workers > 1 && workerModule) {
    await runPrimary({
      // Compiled workers need no TypeScript loader; uncompiled ones (npm run dev) load as this process does.
      workers: config.workers, exec: workerModule, execArgv: workerModule.endsWith('.js') ? [] : process.execArgv, log,
      onStop: async () => {
        await stopBackground();
        await database.close();
      },
    });
    log(`${readyLine(config, started)}, ${config.workers} workers; \`kill -USR2 ${process.pid}\` replaces them one by one`);
    return;
  }

  const app = await buildApp({ config, database });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: closing…`);
    await stopBackground();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  log(readyLine(config, started));
}

/**
 * A cluster worker: opens the (already prepared) database and serves. Told to drain (a rolling restart, a
 * stop), it stops taking connections, answers the requests it has, lets its jobs finish, and exits.
 */
async function serveAsWorker(config: Config): Promise<void> {
  const database = await openDatabase(config.database);
  const app = await buildApp({ config, database });
  let draining = false;
  // Draining, every answer closes its connection, so that clients keeping connections alive move to another
  // worker between two requests instead of finding their connection closed under a request.
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  const drain = async () => {
    if (draining) return;
    draining = true;
    await new Promise((resolve) => setTimeout(resolve, KEEP_ALIVE_GRACE_MS));
    await app.close();
    await jobsFinishedHere(JOBS_GRACE_MS);
    await database.close();
    await new Promise((resolve) => setTimeout(resolve, HANDOFF_GRACE_MS));
    process.exit(0);
  };
  process.on('message', (message) => message === DRAIN && void drain());
  // Ctrl-C reaches every process of the terminal; the primary drains the workers in order.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => void drain());
  process.on('disconnect', () => void drain()); // the primary is gone
  await app.listen({ host: config.host, port: config.port });
}
