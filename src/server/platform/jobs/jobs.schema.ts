/**
 * Long work a person waits for (reports, imports, recomputations): its progress, and its result file.
 * Kept in the database so that any server process can answer "how far along is it?"; the process running a job
 * renews its heartbeat, so that the job of a process that died is seen as failed, not running for ever.
 */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from '../database/columns.ts';

export const jobs = pgTable(
  'jobs',
  {
    id: text().primaryKey(),
    kind: text().notNull(),
    /** Who asked for it: only they may see its progress and take its result. */
    ownerId: integer(),
    cityCode: text(),
    status: text().notNull().default('running'),
    phase: text().notNull().default(''),
    done: integer().notNull().default(0),
    total: integer().notNull().default(1),
    error: text(),
    resultName: text(),
    resultType: text(),
    result: bytea(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    /** Renewed by the process running the job while it runs: a job whose process died stops being "running". */
    heartbeatAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The sweep for jobs whose process died looks only at running ones.
  (t) => [index().on(t.ownerId, t.createdAt), index().on(t.heartbeatAt).where(sql`status = 'running'`)],
);
