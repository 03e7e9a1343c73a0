import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.ts';

describe('configuration', () => {
  it('defaults to embedded PGlite in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.engine).toBe('pglite');
    expect(config.database.engine === 'pglite' && config.database.dataDir).toMatch(/data$/);
  });

  it('uses the PostgreSQL server when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/app' });
    expect(config.database).toMatchObject({ engine: 'postgresql', url: 'postgres://postgres@127.0.0.1:5432/app', readUrl: null });
  });

  it('reads public pages from a replica only beside its primary, within 1 s by default', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db-primary/app', DATABASE_READ_URL: 'postgres://db-replica/app' });
    expect(config.database).toMatchObject({ engine: 'postgresql', readUrl: 'postgres://db-replica/app', readMaxLagMs: 1000 });
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ DATABASE_READ_URL: 'postgres://db-replica/app' })).toEqual(['DATABASE_READ_URL (a replica) needs DATABASE_URL (its primary)']);
    expect(problems({ DATABASE_URL: 'postgres://p/app', DATABASE_READ_URL: 'mysql://r', DATABASE_READ_MAX_LAG_MS: 'soon' }).join('\n'))
      .toMatch(/DATABASE_READ_URL must start[\s\S]*DATABASE_READ_MAX_LAG_MS must be an integer/);
  });

  it('lets the heap grow to twice what survives unless told otherwise (0: V8 alone decides)', () => {
    expect(loadConfig({}).heapGrowthPercent).toBe(100);
    expect(loadConfig({ HEAP_GROWTH_PERCENT: '0' }).heapGrowthPercent).toBe(0);
    expect(() => loadConfig({ HEAP_GROWTH_PERCENT: '-5' })).toThrow(ConfigError);
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', SEED_SIZE: 'huge', DATABASE_URL: 'mysql://x', COOKIE_SECURE: 'maybe', TRUST_PROXY: 'the proxy' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'SEED_SIZE', 'DATABASE_URL', 'COOKIE_SECURE', 'TRUST_PROXY']) expect(problems).toContain(name);
    }
  });

  it('sends email only when SMTP_URL names an SMTP server, and never repeats its password in a complaint', () => {
    expect(loadConfig({}).smtpUrl).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtps://mailer:secret@mail.example.go.kr:465' }).smtpUrl).toBe('smtps://mailer:secret@mail.example.go.kr:465');
    expect(loadConfig({ MAIL_FROM: '교육부 <learning@moe.go.kr>' }).mailFrom).toBe('교육부 <learning@moe.go.kr>');
    try {
      loadConfig({ SMTP_URL: 'http://mailer:secret@mail.example.go.kr' });
      expect.unreachable();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('SMTP_URL');
      expect(problems).not.toContain('secret');
    }
  });

  it('believes forwarded headers only from the proxies it is told to trust', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,loopback' }).trustProxy).toBe('10.0.0.1,10.1.0.0/16,loopback');
  });
});
