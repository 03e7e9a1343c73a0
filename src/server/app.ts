/**
 * Builds the HTTP app: platform plugins, then each domain module's routes under /api, then the SPA.
 */
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../shared/contracts/common.ts';
import type { Config } from './config.ts';
import type { Database } from './platform/database/database.ts';
import { primaryReads, replicaReads, type ReadRouting } from './platform/database/reads.ts';
import { registerReadRouting } from './platform/http/read-routing.ts';
import { registerErrorHandling, tooManyRequests } from './platform/http/errors.ts';
import { registerInputChecks, registerValidators } from './platform/http/input.ts';
import { registerSameOriginCheck } from './platform/http/same-origin.ts';
import { registerSpa } from './platform/http/spa.ts';
import { sharedRateLimitStore } from './platform/http/rate-limit-store.ts';
import { serializersOnFirstUse } from './platform/http/compile-on-first-use.ts';
import type { Api } from './platform/http/api.ts';
import { registerSessionCookie } from './platform/auth/session-cookie.ts';
import { registerHealth } from './platform/http/health.ts';
import { registerJobRoutes } from './platform/jobs/jobs.ts';
import { registerTableExport } from './platform/http/exports.ts';
import { closeWorkerPool } from './platform/workers/pool.ts';
import { modules, type ModuleContext } from './modules/index.ts';
import { identity } from './modules/identity/index.ts';
import { CatalogueIndex } from './modules/programs/programs.catalogue.ts';

export interface AppOptions {
  config: Config;
  database: Database;
  /** Pino logger settings; tests pass false. */
  logger?: boolean | object;
}

export const API_BODY_LIMIT = 256 * 1024;

export async function buildApp({ config, database, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    // One line per request only when asked for (LOG_LEVEL=debug); errors are always logged.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    bodyLimit: API_BODY_LIMIT,
    trustProxy: config.trustProxy,
    // A client that trickles its request (slowloris) is cut off instead of holding a socket for ever.
    requestTimeout: 60_000,
    // A process that stops (a rolling restart, a deploy) still answers the requests already handed to it.
    return503OnClosing: false,
    schemaController: serializersOnFirstUse,
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandling(app);
  // The document workers stop with the app (they start again with the next document).
  app.addHook('onClose', closeWorkerPool);
  registerValidators(app);
  registerInputChecks(app);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'worker-src': ["'self'", 'blob:'],
        'connect-src': ["'self'"],
      },
    },
  });
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  await app.register(fastifyCookie);
  app.addSchema(ErrorBody);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Learning City API',
        version: '0.1.0',
        description: 'Lifelong learning cities (평생학습도시): programs, institutions, cities and designation.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lc_session' } } },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const reads = await openReads(config, database, (message) => app.log.warn(message));
  app.addHook('onClose', () => reads.close());
  // The catalogue residents search, held in this process (decision 017): the programs module answers from it, and
  // health says whether this process has read it yet.
  const catalogue = config.catalogueInMemory
    ? new CatalogueIndex(database.db, { freshnessMs: config.catalogueFreshnessMs, log: (line) => app.log.info(line), logError: (error) => app.log.error(error) })
    : undefined;
  const context: ModuleContext = { config, database, reads, ...(catalogue ? { catalogue } : {}) };
  await app.register(
    async (api: Api) => {
      await api.register(fastifyRateLimit, {
        global: true, max: config.apiRateLimitPerMinute, timeWindow: '1 minute',
        errorResponseBuilder: (_request, context) => tooManyRequests(context.ttl / 1000),
        ...sharedRateLimitStore(),
      });
      registerSameOriginCheck(api, config.publicUrl);
      registerReadRouting(api, reads, { secure: config.cookieSecure });
      registerSessionCookie(api, {
        secure: config.cookieSecure,
        ttlHours: config.sessionTtlHours,
        resolve: (tokenHash) => identity.resolveSession(database.db, tokenHash),
      });
      // An empty request body means {}: actions without options need no body, and required fields still get named.
      api.addHook('preValidation', async (request) => {
        if (request.body === undefined && request.method !== 'GET' && request.method !== 'HEAD') request.body = {};
      });
      registerHealth(api, database, reads, config.demo, catalogue);
      registerJobRoutes(api, database.db);
      registerTableExport(api);
      api.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
      for (const module of modules) await module.register(api, context);
    },
    { prefix: '/api' },
  );

  await registerSpa(app, config.webDistDir, {
    async head(path) {
      for (const module of modules) {
        const head = await module.pageHead?.(path, context);
        if (head) return head;
      }
      return null;
    },
    firstRequest: (path, search) => modules.reduce<string | null>((found, module) => found ?? module.firstRequest?.(path, search) ?? null, null),
  }, config.ssrDistDir);
  return app;
}

/** A replica when DATABASE_READ_URL names one; otherwise every read goes to the one database, as before. */
function openReads(config: Config, database: Database, warn: (message: string) => void): Promise<ReadRouting> | ReadRouting {
  if (config.database.engine !== 'postgresql' || !config.database.readUrl || database.engine !== 'postgresql') return primaryReads(database);
  return replicaReads(database, config.database.readUrl, { maxLagMs: config.database.readMaxLagMs, poolSize: config.database.poolSize, warn });
}
