/**
 * What the application and endorsement tests share: a published call written straight into its table (calls are
 * another stage's; these tests need one at a chosen time), people with a role, a complete application, uploads.
 */
import { sql } from 'drizzle-orm';
import type { ApplicationContent } from '../../src/shared/contracts/designation-applications.ts';
import type { Actor } from '../../src/server/platform/auth/actor.ts';
import type { RoleCode } from '../../src/shared/vocabulary/index.ts';
import { todayInKorea } from '../../src/server/platform/clock.ts';
import { firstRow, type Executor } from '../../src/server/platform/database/database.ts';
import { hashPassword, identity, insertPerson } from '../../src/server/modules/identity/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import type { Client, TestApp } from './app.ts';

const DAY = 86_400_000;

/** A published call of `year` taking applications from `opensAt` to `submissionDeadline`, endorsed until `endorsementDeadline`. */
export async function insertCall(db: Executor, call: { year: number; opensAt: Date; submissionDeadline: Date; endorsementDeadline: Date }): Promise<number> {
  const reviewStartsOn = todayInKorea(new Date(call.endorsementDeadline.getTime() + DAY));
  const reviewEndsOn = todayInKorea(new Date(call.endorsementDeadline.getTime() + 10 * DAY));
  const announcementOn = todayInKorea(new Date(call.endorsementDeadline.getTime() + 20 * DAY));
  const row = await firstRow<{ id: number }>(db, sql`
    INSERT INTO designation_calls (year, status, title_ko, title_en, opens_at, submission_deadline, endorsement_deadline,
      review_starts_on, review_ends_on, announcement_on, quota, grant_krw, published_at)
    VALUES (${call.year}, 'published', ${`${call.year}년 평생학습도시 지정 공모`}, ${`The ${call.year} learning city designation call`},
      ${call.opensAt.toISOString()}, ${call.submissionDeadline.toISOString()}, ${call.endorsementDeadline.toISOString()},
      ${reviewStartsOn}, ${reviewEndsOn}, ${announcementOn}, 10, 80000000, ${call.opensAt.toISOString()})
    RETURNING id`);
  return row!.id;
}

/** A call open now: opened yesterday, submissions for ten more days, endorsements for twenty. */
export function openCallNow(db: Executor, year: number): Promise<number> {
  const now = Date.now();
  return insertCall(db, { year, opensAt: new Date(now - DAY), submissionDeadline: new Date(now + 10 * DAY), endorsementDeadline: new Date(now + 20 * DAY) });
}

/**
 * Time passes for the call of `year`. A test cannot wait weeks for a deadline and the server checks deadlines
 * against its real clock, so the call's timeline is moved back in the database as if the days had gone by, leaving
 * the call at `stage` today:
 * - 'review': applications and endorsements are closed (the endorsement deadline passed yesterday) and the review
 *   runs from today;
 * - 'decision': the review ended yesterday and the results are due today.
 * Only the call's dates move (within its year, as the ministry's form keeps them); what people did stays as it was.
 */
export async function timePasses(db: Executor, year: number, stage: 'review' | 'decision'): Promise<void> {
  const now = Date.now();
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  const lastDay = `${year}-12-31`;
  const day = (days: number) => {
    const date = todayInKorea(new Date(now + days * DAY));
    return days > 0 && date > lastDay ? lastDay : date;
  };
  const timeline = stage === 'review'
    ? { opensAt: at(-30), submissionDeadline: at(-15), endorsementDeadline: at(-1), reviewStartsOn: day(0), reviewEndsOn: day(5), announcementOn: day(10) }
    : { opensAt: at(-40), submissionDeadline: at(-25), endorsementDeadline: at(-12), reviewStartsOn: day(-11), reviewEndsOn: day(-1), announcementOn: day(0) };
  const moved = await firstRow<{ id: number }>(db, sql`
    UPDATE designation_calls SET opens_at = ${timeline.opensAt}, submission_deadline = ${timeline.submissionDeadline},
      endorsement_deadline = ${timeline.endorsementDeadline}, review_starts_on = ${timeline.reviewStartsOn},
      review_ends_on = ${timeline.reviewEndsOn}, announcement_on = ${timeline.announcementOn}
    WHERE year = ${year} RETURNING id`);
  if (!moved) throw new Error(`no call of ${year} to move`);
}

export interface Person {
  personId: number;
  client: Client;
  actor: Actor;
}

/** A registered person with one role (or none), logged in. */
export async function person(
  t: TestApp, email: string, displayName: string, role: RoleCode | null, scope: { cityCode?: string; provinceCode?: string } = {},
): Promise<Person> {
  const personId = await insertPerson(t.database.db, { email, passwordHash: await hashPassword(DEMO_PASSWORD), displayName, homeCityCode: '11010' });
  if (role) await identity.insertRoleGrant(t.database.db, { personId, role, ...scope });
  const actor: Actor = {
    personId, displayName, email, locale: 'ko', homeCityCode: '11010',
    grants: role ? [{ role, cityCode: scope.cityCode ?? null, provinceCode: scope.provinceCode ?? null, institutionId: null, institutionCityCode: null, scopeName: null, scopeNameEn: null }] : [],
  };
  return { personId, client: await t.as(email), actor };
}

/** Everything an application needs, for a city and the plan's three years. */
export function completeContent(cityName: string): ApplicationContent {
  return {
    vision: { title: `배움으로 행복한 ${cityName}`, statement: '모든 시민이 집 가까이에서 배우고, 배운 것을 이웃과 나누는 도시를 만듭니다.' },
    organisation: {
      departmentName: '평생교육과', centreName: `${cityName} 평생학습관`, learningCentres: 2, dongLearningCentres: 12,
      committees: [{ kind: 'council', name: `${cityName} 평생교육협의회`, establishedOn: '2020-03-01' }],
    },
    staff: { dedicatedStaff: 8, certifiedEducators: 5 },
    budget: [
      { national: null, provincial: 30_000_000, own: 200_000_000 },
      { national: 80_000_000, provincial: 30_000_000, own: 220_000_000 },
      { national: null, provincial: 35_000_000, own: 240_000_000 },
    ],
    ordinances: [{ kind: 'lifelong_education', title: `${cityName} 평생교육 진흥 조례`, enactedOn: '2015-07-01' }],
    programPlan: [
      { area: 'culture_arts', summary: '생활문화예술 강좌를 동마다 연다.', programs: [40, 45, 50] },
      { area: 'basic_literacy', summary: '어르신 한글 교실을 늘린다.', programs: [10, 12, 15] },
    ],
    partners: [{ name: '지역 대학 평생교육원', type: 'university', role: '강사 양성과 학점 인정' }],
  };
}

export function upload(client: Client, applicationId: number, purpose: string, name: string, bytes: Buffer) {
  return client.request({
    method: 'POST',
    url: `/api/designation/applications/${applicationId}/attachments?purpose=${purpose}&name=${encodeURIComponent(name)}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: bytes,
  });
}

export const put = (client: Client, url: string, payload: unknown) => client.request({ method: 'PUT', url, payload: payload as object });
