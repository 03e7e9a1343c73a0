/** Every SQL statement of the satisfaction module. */
import { eq, sql } from 'drizzle-orm';
import type { RatingBody } from '../../../shared/contracts/satisfaction.ts';
import { firstRow, type Executor } from '../../platform/database/database.ts';
import { programRatings } from './satisfaction.schema.ts';

export async function upsertRating(
  db: Executor, rating: RatingBody & { enrolmentId: number; programId: number; institutionId: number; cityCode: string },
) {
  const values = { ...rating, comment: rating.comment ?? '' };
  await db.insert(programRatings).values(values).onConflictDoUpdate({
    target: programRatings.enrolmentId,
    set: {
      instructor: values.instructor, materials: values.materials, motive: values.motive, facility: values.facility,
      overall: values.overall, comment: values.comment, updatedAt: sql`now()`,
    },
  });
}

export async function ratingOf(db: Executor, enrolmentId: number) {
  const [row] = await db.select({
    instructor: programRatings.instructor, materials: programRatings.materials, motive: programRatings.motive,
    facility: programRatings.facility, overall: programRatings.overall, comment: programRatings.comment,
    updatedAt: sql<string>`${programRatings.updatedAt}::text`,
  }).from(programRatings).where(eq(programRatings.enrolmentId, enrolmentId));
  return row;
}

export async function averagesWhere(db: Executor, where: { programId: number } | { institutionId: number }) {
  const condition = 'programId' in where ? sql`program_id = ${where.programId}` : sql`institution_id = ${where.institutionId}`;
  return firstRow<{ responses: number; instructor: number; materials: number; motive: number; facility: number; overall: number }>(db, sql`
    SELECT count(*)::int AS responses, round(avg(instructor), 2)::float8 AS instructor, round(avg(materials), 2)::float8 AS materials,
           round(avg(motive), 2)::float8 AS motive, round(avg(facility), 2)::float8 AS facility, round(avg(overall), 2)::float8 AS overall
    FROM program_ratings WHERE ${condition}`);
}
