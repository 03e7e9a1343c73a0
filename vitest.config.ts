import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Database test files that take minutes, started first: a clean clone has no record of earlier durations, so the
 * fuzz suite (the longest, ~130 s on PGlite) used to start last and run alone for 100 s after the other worker had
 * finished everything else (decision 025).
 */
const LONGEST_FIRST = ['tests/security/fuzz.db.test.ts', 'tests/security/access-matrix.db.test.ts'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const projectAt = new Map<string, number>();
    sorted.forEach((spec, index) => { if (!projectAt.has(spec.project.name)) projectAt.set(spec.project.name, index); });
    const rank = (spec: TestSpecification) => {
      const at = LONGEST_FIRST.findIndex((file) => spec.moduleId.endsWith(file));
      return at < 0 ? LONGEST_FIRST.length : at;
    };
    return sorted
      .map((spec, index) => ({ spec, index }))
      .sort((a, b) => projectAt.get(a.spec.project.name)! - projectAt.get(b.spec.project.name)! || rank(a.spec) - rank(b.spec) || a.index - b.index)
      .map(({ spec }) => spec);
  }
}

/**
 * Three projects: `unit` (pure code, no database), `db` (the API and SQL against a real database:
 * PGlite by default, PostgreSQL when TEST_DATABASE_URL is set), `e2e` (a real browser).
 */
export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['src/**/*.test.ts', 'db/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'db',
          sequence: { groupOrder: 1 },
          include: ['src/**/*.db.test.ts', 'db/**/*.db.test.ts', 'tests/**/*.db.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          maxWorkers: 2,
          // Each worker imports the server once for all its files, not once per file (about 1.7 s a file). Every file
          // still opens its own database and app; state kept beside a module is kept per database (decision 025).
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/support/global-setup.ts', 'tests/support/e2e-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // Two files at a time (each its own server and Chromium): a browser test waits on pages and timers much of
          // the time, so two keep both cores busy where one left them half idle (CI budget, .ci/run).
          maxWorkers: 2,
          // A page's answer may take seconds on a busy machine (sign-up hashes a password): polls wait up to 15 s,
          // and return as soon as they hold.
          expect: { poll: { timeout: 15_000 } },
          // As the database tests: the server and Playwright imported once per worker, not once per file.
          isolate: false,
        },
      },
    ],
  },
});
