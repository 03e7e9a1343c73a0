/**
 * Builds (or reuses) the template databases once per test run and tells the test files where they are.
 * The engine is PGlite unless TEST_DATABASE_URL points at a PostgreSQL server. Compiles the server when its
 * sources changed: the files that run the compiled server would otherwise each compile it, at once, into one folder.
 */
import type { TestProject } from 'vitest/node';
import { buildServerIfStale } from '../../scripts/build-server.ts';
import { pgliteTemplate, postgresTemplate } from './templates.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testEngine: 'pglite' | 'postgresql';
    templates: { empty: string; seeded: string };
    adminUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  await buildServerIfStale(() => {});
  const adminUrl = process.env.TEST_DATABASE_URL || null;
  if (adminUrl) {
    project.provide('testEngine', 'postgresql');
    project.provide('adminUrl', adminUrl);
    project.provide('templates', { empty: await postgresTemplate(adminUrl, 'empty'), seeded: await postgresTemplate(adminUrl, 'seeded') });
  } else {
    project.provide('testEngine', 'pglite');
    project.provide('adminUrl', null);
    project.provide('templates', { empty: await pgliteTemplate('empty'), seeded: await pgliteTemplate('seeded') });
  }
}
