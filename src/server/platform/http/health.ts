import Type from 'typebox';
import type { Database } from '../database/database.ts';
import type { ReadRouting } from '../database/reads.ts';
import { migrationStatus } from '../database/migrate.ts';
import type { Api } from './api.ts';

/** What health tells of the in-process catalogue (programs' CatalogueIndex), without knowing the module. */
interface HeldCatalogue {
  readonly ready: boolean;
  readonly size: number;
}

const Health = Type.Object({
  status: Type.Literal('ok'),
  engine: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
  serverVersion: Type.String(),
  demo: Type.Boolean({ description: 'A demo to try (DEMO): the login page names the demo accounts' }),
  migrations: Type.Object({ applied: Type.Integer(), latest: Type.Union([Type.String(), Type.Null()]), pending: Type.Integer() }),
  catalogue: Type.Optional(Type.Object({
    loaded: Type.Boolean({ description: 'This process has read the catalogue (it does so at its first search; the SQL answers until then)' }),
    programs: Type.Integer({ description: 'Programs it holds' }),
  }, { description: 'Only with the catalogue in memory (CATALOGUE_IN_MEMORY)' })),
  replica: Type.Optional(Type.Object({
    fresh: Type.Boolean({ description: 'Public pages read from the replica now (it answers and is within the staleness bound)' }),
    lagMs: Type.Union([Type.Integer(), Type.Null()], { description: 'At most this far behind the primary (null: unreachable)' }),
    replayedLsn: Type.Union([Type.String(), Type.Null()]),
  }, { description: 'Only with DATABASE_READ_URL' })),
});

/** Reports the database engine and the schema version, so operators see what they are running. */
export function registerHealth(api: Api, database: Database, reads: ReadRouting, demo: boolean, catalogue?: HeldCatalogue): void {
  api.get('/health', { schema: { tags: ['platform'], summary: 'Liveness, database engine and migration version', response: { 200: Health } } }, async () => {
    const version = (await database.db.execute('SHOW server_version')) as unknown as { rows: { server_version: string }[] };
    return {
      status: 'ok' as const,
      engine: database.engine,
      serverVersion: version.rows[0]?.server_version ?? 'unknown',
      demo,
      migrations: await migrationStatus(database),
      ...(catalogue ? { catalogue: { loaded: catalogue.ready, programs: catalogue.size } } : {}),
      ...(reads.replica() ? { replica: reads.replica()! } : {}),
    };
  });
}
