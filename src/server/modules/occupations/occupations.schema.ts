/**
 * What a vocational program prepares for: the KSCO occupation groups it is tagged with (revision beside the code)
 * and the certificates (국가기술자격 and others) it leads to. Both belong to the program and go with it.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, smallint, text, unique } from 'drizzle-orm/pg-core';
import { kscoVersions, occupationGroups, type KscoVersion } from '../../../shared/vocabulary/index.ts';
import { checkIn, createdAt } from '../../platform/database/columns.ts';
import { programs } from '../programs/programs.schema.ts';

/** Each revision's codes as `version:code` literals, so the database refuses a code the revision does not have. */
const taggableKeys = sql.raw(occupationGroups.map((g) => {
  const key = `${g.version}:${g.code}`;
  if (!/^[a-z0-9-]+:[0-9A-Z]+$/.test(key)) throw new Error(`occupation code not safe for SQL: ${key}`);
  return `'${key}'`;
}).join(', '));

export const programOccupations = pgTable(
  'program_occupations',
  {
    programId: integer().notNull().references(() => programs.id, { onDelete: 'cascade' }),
    kscoVersion: text().$type<KscoVersion>().notNull(),
    code: text().notNull(),
    taggedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.kscoVersion, t.code] }),
    index().on(t.kscoVersion, t.code),
    checkIn('program_occupations_version_check', t.kscoVersion, kscoVersions.map((v) => v.code)),
    check('program_occupations_code_check', sql`${t.kscoVersion} || ':' || ${t.code} IN (${taggableKeys})`),
  ],
);

export const programCertificates = pgTable(
  'program_certificates',
  {
    programId: integer().notNull().references(() => programs.id, { onDelete: 'cascade' }),
    /** Where it sits in the list staff wrote. */
    position: smallint().notNull(),
    name: text().notNull(),
    /** The issuer's code for it, when staff know it (Q-Net's 종목코드 for a national technical qualification). */
    code: text(),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.position] }),
    unique('program_certificates_program_name_unique').on(t.programId, t.name),
    check('program_certificates_name_check', sql`length(btrim(${t.name})) BETWEEN 1 AND 100`),
  ],
);
