/**
 * Copied programs (the paper's "cookie-cutter" problem): a MinHash fingerprint per program listing, kept
 * in step with the programs, and the near-copy pairs found by the last detection run.
 */
import { doublePrecision, index, integer, pgTable, primaryKey, real, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea, createdAt } from '../../platform/database/columns.ts';
import { programs } from '../programs/programs.schema.ts';


export const programFingerprints = pgTable(
  'program_fingerprints',
  {
    programId: integer().primaryKey().references(() => programs.id, { onDelete: 'cascade' }),
    cityCode: text().notNull(),
    institutionId: integer().notNull(),
    /** 64 MinHash values of the character 3-grams of the listing's title and body (fact lines left out), 4 bytes each. */
    signature: bytea().notNull(),
    /** LSH band hashes (16): listings that share one are candidate copies. */
    bands: integer().array().notNull(),
    /** A hash of the instructor the listing names (0: none): copies keep the instructor who brings the course. */
    instructorKey: integer().notNull().default(0),
    computedAt: createdAt(),
  },
  (t) => [index('program_fingerprints_bands').using('gin', t.bands), index().on(t.cityCode), index().on(t.instructorKey)],
);

export const copyPairs = pgTable(
  'copy_pairs',
  {
    /** The smaller program id of the pair. */
    programId: integer().notNull().references(() => programs.id, { onDelete: 'cascade' }),
    otherProgramId: integer().notNull().references(() => programs.id, { onDelete: 'cascade' }),
    similarity: real().notNull(),
    cityCode: text().notNull(),
    otherCityCode: text().notNull(),
    institutionId: integer().notNull(),
    otherInstitutionId: integer().notNull(),
    detectedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.otherProgramId] }),
    index().on(t.cityCode),
    index().on(t.otherCityCode),
    index().on(t.institutionId),
    index().on(t.otherInstitutionId),
    index().on(t.otherProgramId),
  ],
);

export const copyDetectionRuns = pgTable('copy_detection_runs', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  startedAt: timestamp({ withTimezone: true }).notNull(),
  finishedAt: timestamp({ withTimezone: true }).notNull(),
  programs: integer().notNull(),
  pairs: integer().notNull(),
  threshold: real().notNull(),
  seconds: doublePrecision().notNull(),
});
