import Type from 'typebox';
import type { Database } from '../database/database.ts';
import { migrationStatus } from '../database/migrate.ts';
import type { Api } from './api.ts';

const Health = Type.Object({
  status: Type.Literal('ok'),
  engine: Type.Union([Type.Literal('pglite'), Type.Literal('postgresql')]),
  serverVersion: Type.String(),
  migrations: Type.Object({ applied: Type.Integer(), latest: Type.Union([Type.String(), Type.Null()]), pending: Type.Integer() }),
});

/** Reports the database engine and the schema version, so operators see what they are running. */
export function registerHealth(api: Api, database: Database): void {
  api.get('/health', { schema: { tags: ['platform'], summary: 'Liveness, database engine and migration version', response: { 200: Health } } }, async () => {
    const version = (await database.db.execute('SHOW server_version')) as unknown as { rows: { server_version: string }[] };
    return {
      status: 'ok' as const,
      engine: database.engine,
      serverVersion: version.rows[0]?.server_version ?? 'unknown',
      migrations: await migrationStatus(database),
    };
  });
}
