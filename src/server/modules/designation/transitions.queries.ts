/** SQL of cities' designation histories: each transition with who, when, why and evidence. */
import { eq, sql } from 'drizzle-orm';
import type { DesignationState } from '../../../shared/vocabulary/index.ts';
import { firstRow, type Executor } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';
import { designationTransitions } from './designation.schema.ts';

export async function transitionsOf(db: Reader, cityCode: string) {
  return db
    .select({
      id: designationTransitions.id, state: designationTransitions.state, year: designationTransitions.year,
      occurredOn: designationTransitions.occurredOn, reason: designationTransitions.reason, evidence: designationTransitions.evidence,
    })
    .from(designationTransitions)
    .where(eq(designationTransitions.cityCode, cityCode))
    .orderBy(designationTransitions.occurredOn, designationTransitions.id);
}

/** The latest transition, with the city locked so that two decisions about it cannot both be recorded. */
export async function latestTransitionForUpdate(db: Executor, cityCode: string) {
  await db.execute(sql`SELECT code FROM municipalities WHERE code = ${cityCode} FOR UPDATE`);
  return firstRow<{ state: DesignationState; occurredOn: string }>(db, sql`
    SELECT state, occurred_on::text AS "occurredOn" FROM designation_transitions WHERE city_code = ${cityCode}
    ORDER BY occurred_on DESC, id DESC LIMIT 1`);
}

export async function insertTransition(
  db: Executor,
  transition: { cityCode: string; state: DesignationState; year: number; occurredOn: string; reason: string; evidence: string; recordedBy: number | null },
) {
  const [row] = await db.insert(designationTransitions).values(transition).returning({ id: designationTransitions.id });
  return row!.id;
}
