/**
 * The only reader of process.env. Parsed once at boot; every problem is reported at once.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HEAP_GROWTH_PERCENT } from './platform/processes/heap.ts';

/** The folder of package.json, above this file in src/server and above its compiled copy in dist/server. */
export const repositoryRoot = (function packageRoot(dir: string): string {
  if (existsSync(path.join(dir, 'package.json'))) return dir;
  const up = path.dirname(dir);
  return up === dir ? dir : packageRoot(up);
})(path.dirname(fileURLToPath(import.meta.url)));

export const seedSizes = ['tiny', 'small', 'demo', 'large', 'national'] as const;
export type SeedSize = (typeof seedSizes)[number];

export type DatabaseConfig =
  | { engine: 'pglite'; dataDir: string }
  | {
    engine: 'postgresql'; url: string; poolSize: number;
    /** A streaming replica public pages may read from (DATABASE_READ_URL), or null. */
    readUrl: string | null;
    /** Reads leave the replica for the primary when it may be staler than this (DATABASE_READ_MAX_LAG_MS). */
    readMaxLagMs: number;
  };

export interface Config {
  host: string;
  port: number;
  database: DatabaseConfig;
  /**
   * Server processes sharing the port (WORKERS, default one per core). The embedded database is one
   * process per data folder, so with it this is always 1.
   */
  workers: number;
  /** WORKERS > 1 was asked for with the embedded database: say why one process runs. */
  workersRefused: boolean;
  /** Folder with KOSTAT TopoJSON boundaries; null when absent (maps fall back to points). */
  boundariesDir: string | null;
  /** Load the demo on a first start (empty database). */
  seedOnFirstStart: boolean;
  seedSize: SeedSize;
  seed: number;
  cookieSecure: boolean;
  /**
   * Which proxies' X-Forwarded-* headers to believe (Fastify's trustProxy): false, true (any), or
   * addresses/CIDRs. The scheme they report makes session cookies Secure and names our own origin.
   */
  trustProxy: boolean | string;
  sessionTtlHours: number;
  apiRateLimitPerMinute: number;
  /**
   * How stale the catalogue a search reads from memory may be, in ms (CATALOGUE_FRESHNESS_MS): a search looks for
   * changes in PostgreSQL first when it last looked longer ago. Seats a resident sees lag by at most this plus a look.
   */
  catalogueFreshnessMs: number;
  /** Serve catalogue searches from memory (CATALOGUE_IN_MEMORY, default on); off, every search is one SQL statement. */
  catalogueInMemory: boolean;
  /** How far the heap grows past what survived a full collection, in percent (HEAP_GROWTH_PERCENT; 0: V8's own). */
  heapGrowthPercent: number;
  /** Enrolments and draw applications asked for per minute by one account, and by one address (all its accounts together). */
  applicationsPerAccountPerMinute: number;
  applicationsPerAddressPerMinute: number;
  logLevel: string;
  webDistDir: string;
  /**
   * The server's rendering of the web app's public pages (decision 028), built beside the web app (SSR_DIST_DIR,
   * default: `ssr` beside webDistDir); without it those pages are the app's index.html, as before.
   */
  ssrDistDir: string;
  /** The address people reach the platform at: the issuer of certificates and the links in them. */
  publicUrl: string;
  /** PEM (PKCS#8) Ed25519 private key that signs certificates; without it a key is kept in the database. */
  credentialSigningKey: string | null;
  /** Where email goes out (smtp:// or smtps://, with credentials if needed); null: notifications stay in the app's inbox only. */
  smtpUrl: string | null;
  /** The sender of that email. */
  mailFrom: string;
  /**
   * A demo to try, not a service to residents (DEMO; by default on with the embedded database, off with
   * PostgreSQL): the login page names the demo accounts, and mail goes to the console without SMTP_URL.
   */
  demo: boolean;
  /**
   * Without SMTP_URL, write each email to the server's log instead (the console outbox), so the demo's emailed
   * links (a password reset) can be opened. MAIL_TO_CONSOLE, by default as DEMO: off in a deployment, where links
   * in a log would be secrets in the wrong place.
   */
  mailToConsole: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

function trustProxy(raw: string | undefined, problems: string[]): boolean | string {
  const value = raw?.trim().toLowerCase();
  if (!value || ['0', 'false', 'no', 'off'].includes(value)) return false;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  const addresses = value.split(',').map((part) => part.trim());
  if (addresses.every((part) => /^[0-9a-f.:]+(\/\d{1,3})?$/.test(part) || ['loopback', 'linklocal', 'uniquelocal'].includes(part))) return addresses.join(',');
  problems.push(`TRUST_PROXY must be true, false, or the proxies' addresses/CIDRs separated by commas (got "${raw}")`);
  return false;
}

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${env[name]}")`);
    return fallback;
  };

  let database: DatabaseConfig;
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) problems.push('DATABASE_URL must start with postgres:// or postgresql://');
    const readUrl = env.DATABASE_READ_URL?.trim() || null;
    if (readUrl && !/^postgres(ql)?:\/\//.test(readUrl)) problems.push('DATABASE_READ_URL must start with postgres:// or postgresql://');
    database = {
      engine: 'postgresql', url, poolSize: integer('DATABASE_POOL_SIZE', 10, 1, 200),
      readUrl, readMaxLagMs: integer('DATABASE_READ_MAX_LAG_MS', 1000, 0, 60_000),
    };
  } else {
    if (env.DATABASE_READ_URL?.trim()) problems.push('DATABASE_READ_URL (a replica) needs DATABASE_URL (its primary)');
    database = { engine: 'pglite', dataDir: path.resolve(repositoryRoot, env.DATA_DIR || 'data') };
  }

  const workersAsked = integer('WORKERS', availableParallelism(), 1, 256);

  const seedSize = (env.SEED_SIZE || 'demo') as SeedSize;
  if (!seedSizes.includes(seedSize)) problems.push(`SEED_SIZE must be one of ${seedSizes.join(', ')} (got "${seedSize}")`);

  let boundariesDir: string | null = null;
  if (env.BOUNDARIES_DIR) {
    boundariesDir = path.resolve(repositoryRoot, env.BOUNDARIES_DIR);
    if (!existsSync(boundariesDir)) problems.push(`BOUNDARIES_DIR does not exist: ${boundariesDir}`);
  } else {
    // The development machines keep KOSTAT's boundaries beside the repository; use them when present.
    const sibling = path.resolve(repositoryRoot, '../shared/data/korea-boundaries');
    boundariesDir = existsSync(sibling) ? sibling : null;
  }

  const config: Config = {
    host: env.HOST || '127.0.0.1',
    port: integer('PORT', 3000, 0, 65535),
    database,
    workers: database.engine === 'pglite' ? 1 : workersAsked,
    workersRefused: database.engine === 'pglite' && !!env.WORKERS && workersAsked > 1,
    boundariesDir,
    seedOnFirstStart: boolean('SEED_ON_FIRST_START', true),
    seedSize,
    seed: integer('SEED', 2001, 0, 2 ** 31 - 1),
    cookieSecure: boolean('COOKIE_SECURE', false),
    trustProxy: trustProxy(env.TRUST_PROXY, problems),
    sessionTtlHours: integer('SESSION_TTL_HOURS', 24 * 14, 1, 24 * 365),
    apiRateLimitPerMinute: integer('API_RATE_LIMIT_PER_MINUTE', 6000, 1, 10_000_000),
    catalogueFreshnessMs: integer('CATALOGUE_FRESHNESS_MS', 250, 0, 1000),
    catalogueInMemory: boolean('CATALOGUE_IN_MEMORY', true),
    heapGrowthPercent: integer('HEAP_GROWTH_PERCENT', HEAP_GROWTH_PERCENT, 0, 300),
    applicationsPerAccountPerMinute: integer('APPLICATIONS_PER_ACCOUNT_PER_MINUTE', 20, 1, 10_000_000),
    applicationsPerAddressPerMinute: integer('APPLICATIONS_PER_ADDRESS_PER_MINUTE', 300, 1, 10_000_000),
    logLevel: env.LOG_LEVEL || 'info',
    webDistDir: path.resolve(repositoryRoot, env.WEB_DIST_DIR || 'dist/web'),
    ssrDistDir: path.resolve(repositoryRoot, env.SSR_DIST_DIR || path.join(path.dirname(path.resolve(repositoryRoot, env.WEB_DIST_DIR || 'dist/web')), 'ssr')),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
    credentialSigningKey: env.CREDENTIAL_SIGNING_KEY?.replace(/\\n/g, '\n') || null,
    smtpUrl: env.SMTP_URL?.trim() || null,
    mailFrom: env.MAIL_FROM?.trim() || '평생학습도시 <no-reply@localhost>',
    demo: boolean('DEMO', database.engine === 'pglite'),
    mailToConsole: !env.SMTP_URL?.trim() && boolean('MAIL_TO_CONSOLE', boolean('DEMO', database.engine === 'pglite')),
  };
  if (config.smtpUrl && !/^smtps?:\/\/[^/]+/.test(config.smtpUrl)) problems.push('SMTP_URL must be an smtp:// or smtps:// address, like smtps://user:password@mail.example.go.kr:465');
  if (env.PUBLIC_URL && !/^https?:\/\/[^/]+/.test(env.PUBLIC_URL)) problems.push('PUBLIC_URL must be an http(s) address, like https://learning.example.go.kr');
  if (config.credentialSigningKey && !config.credentialSigningKey.includes('PRIVATE KEY')) {
    problems.push('CREDENTIAL_SIGNING_KEY must be a PEM private key (-----BEGIN PRIVATE KEY----- …)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
