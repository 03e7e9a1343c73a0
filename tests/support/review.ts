/**
 * What the review tests share: a call whose review is on today, with the default rubric; applications as the
 * province's endorsement leaves them (written straight into the tables: applying and endorsing are another stage's,
 * and their deadlines have passed by the review); appointed reviewers living and working where a test needs them;
 * and a reviewer's whole review, scored and submitted through the API.
 */
import { sql } from 'drizzle-orm';
import type { ReviewDetail } from '../../src/shared/contracts/designation-review.ts';
import type { RoleCode, ScoreAggregation } from '../../src/shared/vocabulary/index.ts';
import { rows, firstRow, type Executor } from '../../src/server/platform/database/database.ts';
import { todayInKorea } from '../../src/server/platform/clock.ts';
import { hashPassword, identity, insertPerson } from '../../src/server/modules/identity/index.ts';
import { designation } from '../../src/server/modules/designation/index.ts';
import { defaultRubric } from '../../src/server/modules/designation/calls.default-rubric.ts';
import { replaceRubric } from '../../src/server/modules/designation/calls.queries.ts';
import { rubricRows } from '../../src/server/modules/designation/calls.rules.ts';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import type { Client, TestApp } from './app.ts';
import { insertCall } from './applications.ts';

const DAY = 86_400_000;

/**
 * A published call of `year` under review today: applications closed twenty days ago, endorsements two days ago;
 * the review runs from yesterday for ten days (insertCall's timeline); the default rubric (13 items, 100 points).
 */
export async function callInReview(db: Executor, year: number, terms: { quota: number; aggregation: ScoreAggregation }): Promise<number> {
  const now = Date.now();
  const id = await insertCall(db, {
    year, opensAt: new Date(now - 40 * DAY), submissionDeadline: new Date(now - 20 * DAY), endorsementDeadline: new Date(now - 2 * DAY),
  });
  await db.execute(sql`UPDATE designation_calls SET quota = ${terms.quota}, aggregation = ${terms.aggregation} WHERE id = ${id}`);
  await replaceRubric(db, id, rubricRows(defaultRubric));
  return id;
}

/** Municipalities of a province that never applied (free to apply in a test), in code order. */
export async function newcomers(db: Executor, provinceCode: string, count: number): Promise<{ code: string; nameKo: string }[]> {
  return rows(db, sql`
    SELECT m.code, m.name_ko AS "nameKo" FROM municipalities m
    WHERE m.province_code = ${provinceCode} AND NOT EXISTS (SELECT 1 FROM designation_transitions d WHERE d.city_code = m.code)
    ORDER BY m.code LIMIT ${count}`);
}

/** The city's application as its province endorsed it five days ago (rank `provinceRank`); the city is 'applied'. */
export async function endorsedApplication(db: Executor, call: { id: number; year: number }, cityCode: string, provinceRank: number): Promise<number> {
  const endorsedOn = todayInKorea(new Date(Date.now() - 5 * DAY));
  return db.transaction(async (tx) => {
    const row = await firstRow<{ id: number }>(tx, sql`
      INSERT INTO designation_applications (call_id, city_code, province_code, status, submitted_at, endorsed_at, province_rank)
      VALUES (${call.id}, ${cityCode}, ${cityCode.slice(0, 2)}, 'endorsed', now() - interval '25 days', now() - interval '5 days', ${provinceRank})
      RETURNING id`);
    await designation.recordTransition(tx, cityCode, {
      state: 'applied', year: call.year, occurredOn: endorsedOn, reason: `${call.year}년 공모 신청 (시·도 추천 ${provinceRank}순위)`,
    }, null);
    return row!.id;
  });
}

export interface Someone {
  personId: number;
  displayName: string;
  client: Client;
}

/** A registered person living in `homeCityCode`, with a role (or none), logged in. */
export async function someone(
  t: TestApp, email: string, displayName: string, homeCityCode: string, role: RoleCode | null, scope: { cityCode?: string; provinceCode?: string } = {},
): Promise<Someone> {
  const personId = await insertPerson(t.database.db, { email, passwordHash: await hashPassword(DEMO_PASSWORD), displayName, homeCityCode });
  if (role) await identity.insertRoleGrant(t.database.db, { personId, role, ...scope });
  return { personId, displayName, client: await t.as(email) };
}

/** A reviewer the ministry appointed: the expert's record (where they work) and the role. */
export async function appointedReviewer(t: TestApp, email: string, displayName: string, places: { home: string; worksIn: string | null }): Promise<Someone> {
  const reviewer = await someone(t, email, displayName, places.home, 'reviewer');
  await t.database.db.execute(sql`
    INSERT INTO designation_experts (person_id, kind, affiliation, works_in_province_code)
    VALUES (${reviewer.personId}, 'reviewer', '평생교육학회', ${places.worksIn})`);
  return reviewer;
}

/**
 * Scores every item at `fraction` of its points (rounded to half points), with a comment, and submits. Returns the
 * review as the reviewer then sees it.
 */
export async function scoreAndSubmit(client: Client, assignmentId: number, fraction: number, comment = '근거가 충분합니다.'): Promise<ReviewDetail> {
  const detail = (await client.get(`/api/designation/reviews/${assignmentId}`)).json<ReviewDetail>();
  const scores = detail.rubric.flatMap((area) => area.items).map((item) => ({
    rubricItemId: item.id, score: Math.round(item.points * fraction * 2) / 2, comment,
  }));
  const saved = await client.request({ method: 'PUT', url: `/api/designation/reviews/${assignmentId}/scores`, payload: { scores } });
  if (saved.statusCode !== 200) throw new Error(`saving scores failed: ${saved.statusCode} ${saved.body}`);
  const submitted = await client.post(`/api/designation/reviews/${assignmentId}/submit`);
  if (submitted.statusCode !== 200) throw new Error(`submitting failed: ${submitted.statusCode} ${submitted.body}`);
  return submitted.json<ReviewDetail>();
}
