/**
 * The real app over a fresh database, driven in-process with `inject`, plus a way to act as a demo user.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig, type Config } from '../../src/server/config.ts';
import type { Database } from '../../src/server/platform/database/database.ts';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { freshDatabase } from './database.ts';
import type { TemplateKind } from './templates.ts';

/**
 * Tests send every request from one address and many from one account within a minute; the limits on applications
 * (docs/decisions/016-opening-day.md) are tested on their own, with their real values.
 */
export const UNLIMITED_APPLICATIONS = { APPLICATIONS_PER_ACCOUNT_PER_MINUTE: '1000000', APPLICATIONS_PER_ADDRESS_PER_MINUTE: '1000000' };

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** A client that sends requests as nobody (no cookie). */
  anonymous: Client;
  /** Logs in as a demo account and returns a client carrying its session cookie. */
  as(email: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export interface Client {
  /** The Cookie header it sends (its session), to send along with others. */
  readonly cookie: string | undefined;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

function client(app: FastifyInstance, cookie?: string): Client {
  const request = (options: InjectOptions) =>
    app.inject({ ...options, headers: { ...(cookie ? { cookie } : {}), ...options.headers } });
  return {
    cookie,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) => request({ method: 'POST', url, ...(body === undefined ? {} : { payload: body as object }) }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as object }),
  };
}

/** The app over a fresh copy of a template, or over `database` when given (closed with the app). */
export async function testApp(options: { kind?: TemplateKind; env?: Record<string, string>; database?: Database } = {}): Promise<TestApp> {
  const database = options.database ?? await freshDatabase(options.kind ?? 'seeded');
  const config = loadConfig({ API_RATE_LIMIT_PER_MINUTE: '1000000', ...UNLIMITED_APPLICATIONS, ...options.env });
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    anonymous: client(app),
    async as(email, password = DEMO_PASSWORD) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      if (response.statusCode !== 200) throw new Error(`login as ${email} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'lc_session')!;
      return client(app, `lc_session=${cookie.value}`);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Many residents with live sessions, created directly (no password hashing), for load and concurrency tests. */
export async function residents(t: TestApp, count: number, profile: { homeCityCode?: string; birthYear?: number } = {}): Promise<(Client & { personId: number })[]> {
  const { randomBytes, createHash } = await import('node:crypto');
  const { sql } = await import('drizzle-orm');
  const made: (Client & { personId: number })[] = [];
  const tag = randomBytes(4).toString('hex');
  for (let i = 0; i < count; i++) {
    const token = randomBytes(24).toString('base64url');
    const [person] = (await t.database.db.execute(sql`
      INSERT INTO people (email, display_name, birth_year, home_city_code)
      VALUES (${`load.${tag}.${i}@example.com`}, ${`학습자${i}`}, ${profile.birthYear ?? 1970}, ${profile.homeCityCode ?? '31060'}) RETURNING id`) as unknown as { rows: { id: number }[] }).rows;
    await t.database.db.execute(sql`
      INSERT INTO auth_sessions (token_hash, person_id, expires_at)
      VALUES (${createHash('sha256').update(token).digest('hex')}, ${person!.id}, now() + interval '1 day')`);
    made.push({ ...client(t.app, `lc_session=${token}`), personId: person!.id });
  }
  return made;
}
