/**
 * The designation process (issue 9) as the security tests act on it: this year's call open now, a draft call,
 * Gwangmyeong's application submitted and Suncheon's endorsed (each with an attachment), a draft application,
 * a reviewer assigned to Suncheon's, last year's potential cities in their consulting year with a consultant
 * assigned to Gwangmyeong's, and the people of the roles the process adds (a province officer of 경기도 (31) and
 * of 전라남도 (36), a reviewer, a consultant): the seed's accounts where it has them, else made here.
 *
 * Built through the API and the module's services where they allow it. Where a service refuses by design, its
 * own queries or SQL write the rows, as tests/support does: both places are designated cities, so they may not
 * apply (their applications and decisions are written directly), and past calls cannot be published.
 */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { Actor } from '../../src/server/platform/auth/actor.ts';
import { firstRow, rows, type Database } from '../../src/server/platform/database/database.ts';
import { identity, insertPerson } from '../../src/server/modules/identity/index.ts';
import { designation } from '../../src/server/modules/designation/index.ts';
import { applicationIdFor, insertApplication, insertVersion } from '../../src/server/modules/designation/applications.queries.ts';
import { openConsulting } from '../../src/server/modules/designation/consulting.service.ts';
import { milestoneKinds, type MilestoneKind, type RoleCode } from '../../src/shared/vocabulary/index.ts';
import { completeContent, insertCall } from '../support/applications.ts';
import { todayInKorea, yearInKorea } from '../support/clock.ts';
import { samplePdf } from '../support/documents.ts';
import { jsonBody, type FuzzRequest } from './openapi-arbitraries.ts';

const DAY = 86_400_000;

export interface CallRef {
  id: number;
  year: number;
  /** Still being prepared: no one but those who manage calls may know it exists. */
  draft: boolean;
}

export interface ApplicationRef {
  id: number;
  /** Never submitted: no one but its city's officers may know it exists. */
  draft: boolean;
  /** One of its attachments. */
  attachment: number;
  /** The people the ministry assigned to it: its reviewers (and the consultant of the consulting it opened). */
  assignees: number[];
}

/** What a request about a place's designation names. */
export interface PlaceDesignation {
  /** This year's call, open now. */
  call: CallRef;
  /** The city's application to it: Gwangmyeong's submitted, Suncheon's endorsed. */
  application: ApplicationRef;
  /**
   * A reviewer's assignment: for Suncheon, the reviewer actor's own; for Gwangmyeong, another reviewer's (on
   * Suncheon's application too: Gwangmyeong's is not endorsed, so no reviewer may be assigned to it yet).
   */
  assignment: { id: number; reviewerId: number };
  /** The city's consulting year (it was named potential last year): Gwangmyeong's is the consultant actor's. */
  consulting: { id: number; consultantId: number };
}

export interface Designation {
  gwangmyeong: PlaceDesignation;
  suncheon: PlaceDesignation;
  /** Next free year's call, not published. */
  draftCall: CallRef;
  /** Gwangmyeong's application to the call of two years ago, left a draft. */
  draftApplication: ApplicationRef;
  /** An item of the open call's rubric (for scores). */
  rubricItem: number;
  milestone: MilestoneKind;
}

/** A role the designation process adds, and the account made for it when the seed has none. */
interface Need {
  role: RoleCode;
  provinceCode?: string;
  email: string;
  displayName: string;
}

/** The roles the tests need as actors (by these names, when made here). */
const needs = {
  province31: { role: 'province_officer', provinceCode: '31', email: 'security.province31@example.com', displayName: '경기도 평생교육 담당' },
  province36: { role: 'province_officer', provinceCode: '36', email: 'security.province36@example.com', displayName: '전라남도 평생교육 담당' },
  reviewer: { role: 'reviewer', email: 'security.reviewer@example.com', displayName: '심사 위원' },
  consultant: { role: 'consultant', email: 'security.consultant@example.com', displayName: '컨설팅 위원' },
} as const satisfies Record<string, Need>;
export type RoleNeed = keyof typeof needs;

/** Experts who are not actors: the other reviewer of Suncheon's application, and the consultant of Suncheon's consulting. */
export const otherExperts = {
  reviewer: { email: 'security.reviewer2@example.com', displayName: '다른 심사 위원' },
  consultant: { email: 'security.consultant2@example.com', displayName: '다른 컨설팅 위원' },
};

/** Everyone here lives in Seoul: no conflict of interest with either place's province. */
const HOME = '11010';

/**
 * The account (email) for each role the process adds: a seed account holding it, else one made here (the
 * province officers with their grant; reviewers and consultants get theirs when the ministry appoints them).
 * The reviewer reviews Suncheon's application, so one who lives or works in 전라남도 will not do.
 */
export async function roleAccounts(database: Database, seedEmails: readonly string[]): Promise<Record<RoleNeed, string>> {
  const held = await rows<{ email: string; role: RoleCode; provinceCode: string | null; homeProvince: string | null; worksIn: string | null }>(database.db, sql`
    SELECT p.email, g.role, g.province_code AS "provinceCode", left(p.home_city_code, 2) AS "homeProvince", e.works_in_province_code AS "worksIn"
    FROM people p JOIN role_grants g ON g.person_id = p.id LEFT JOIN designation_experts e ON e.person_id = p.id AND e.kind = g.role
    WHERE p.email = ANY(${sql.param([...seedEmails])}::text[]) ORDER BY p.email`);
  const fits = (need: Need, h: (typeof held)[number]) => h.role === need.role
    && (need.provinceCode === undefined || h.provinceCode === need.provinceCode)
    && (need.role !== 'reviewer' || (h.homeProvince !== '36' && h.worksIn !== '36'));
  const accounts = {} as Record<RoleNeed, string>;
  for (const [key, need] of Object.entries(needs) as [RoleNeed, Need][]) {
    const found = held.find((h) => fits(need, h));
    if (found) {
      accounts[key] = found.email;
      continue;
    }
    // No password: sessions are made directly (the world's way), as for every actor.
    const personId = await insertPerson(database.db, { email: need.email, passwordHash: null, displayName: need.displayName, homeCityCode: HOME });
    if (need.provinceCode) await identity.insertRoleGrant(database.db, { personId, role: need.role, provinceCode: need.provinceCode });
    accounts[key] = need.email;
  }
  return accounts;
}

/** Who acts while the world is built (actor names of the security world). */
export interface Cast {
  ministry: string;
  officers: { gwangmyeong: string; suncheon: string };
  reviewer: string;
  consultant: string;
  send(request: FuzzRequest): Promise<LightMyRequestResponse>;
  /** The actor as the services receive it (the answer of /api/auth/me). */
  actorOf(actor: string): Actor;
}

/** This year's call open now (opened yesterday); every stage still within the year, as a call's results must be. */
function openTimeline(year: number, now: number) {
  const yearEnd = Date.parse(`${year}-12-31T23:59:00+09:00`);
  const submissionDeadline = now + Math.min(10 * DAY, (yearEnd - now) / 3);
  const endorsementDeadline = now + Math.min(20 * DAY, ((yearEnd - now) * 2) / 3);
  const reviewEndsOn = todayInKorea(new Date(Math.min(endorsementDeadline + 10 * DAY, yearEnd)));
  return {
    opensAt: new Date(now - DAY).toISOString(), submissionDeadline: new Date(submissionDeadline).toISOString(),
    endorsementDeadline: new Date(endorsementDeadline).toISOString(), reviewStartsOn: todayInKorea(new Date(endorsementDeadline)),
    reviewEndsOn, announcementOn: reviewEndsOn,
  };
}

/** A call of another year as its ministry would prepare it, all in that year. */
const yearTimeline = (year: number) => ({
  opensAt: `${year}-03-02T09:00:00+09:00`, submissionDeadline: `${year}-04-30T18:00:00+09:00`, endorsementDeadline: `${year}-05-29T18:00:00+09:00`,
  reviewStartsOn: `${year}-06-08`, reviewEndsOn: `${year}-06-30`, announcementOn: `${year}-07-15`,
});

const callTerms = (year: number) => ({
  year, titleKo: `${year}년 평생학습도시 지정 공모`, titleEn: `The ${year} learning city designation call`,
  noticeKo: '보안 시험용 공모입니다.', noticeEn: 'A call for the security tests.', revokedWaitYears: 2, quota: 10, grantKrw: 80_000_000, aggregation: 'mean',
});

/** The body that prepares a call of that year (a valid one, as the ministry's form sends it). */
export const callExample = (year: number) => ({ ...callTerms(year), ...yearTimeline(year) });

export async function buildDesignation(database: Database, cast: Cast): Promise<Designation> {
  const { db } = database;
  const as = async <T>(actor: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: unknown): Promise<T> => {
    const response = await cast.send({ actor, method, url, headers: {}, body: body === undefined ? null : jsonBody(body), summary: 'building the world' });
    if (response.statusCode >= 300) throw new Error(`${method} ${url} as ${actor} while building the designation world: ${response.statusCode} ${response.body}`);
    return response.json<T>();
  };
  const personOf = (actor: string) => cast.actorOf(actor).personId;
  const year = yearInKorea();
  const now = new Date();

  // Appointed by the ministry; appointing again (a seed's expert) only updates their details.
  const other = { reviewer: 0, consultant: 0 };
  for (const kind of ['reviewer', 'consultant'] as const) {
    other[kind] = await insertPerson(db, { email: otherExperts[kind].email, passwordHash: null, displayName: otherExperts[kind].displayName, homeCityCode: HOME });
    for (const email of [cast.actorOf(cast[kind]).email, otherExperts[kind].email]) {
      await as(cast.ministry, 'POST', '/api/designation/experts', { email, kind, affiliation: '평생교육학회', worksInProvinceCode: null });
    }
  }

  const callOfYear = (y: number) => firstRow<{ id: number }>(db, sql`SELECT id FROM designation_calls WHERE year = ${y}`);
  const pastCall = async (y: number) => (await callOfYear(y))?.id ?? insertCall(db, {
    year: y, opensAt: new Date(yearTimeline(y).opensAt), submissionDeadline: new Date(yearTimeline(y).submissionDeadline),
    endorsementDeadline: new Date(yearTimeline(y).endorsementDeadline),
  });

  // This year's call, open now: prepared and published by the ministry, or the seed's put on today's timeline.
  const timeline = openTimeline(year, now.getTime());
  const existing = await callOfYear(year);
  let callId: number;
  if (existing) {
    callId = existing.id;
    await db.execute(sql`
      UPDATE designation_calls SET status = 'published', published_at = coalesce(published_at, now()), announced_at = NULL,
        opens_at = ${timeline.opensAt}, submission_deadline = ${timeline.submissionDeadline}, endorsement_deadline = ${timeline.endorsementDeadline},
        review_starts_on = ${timeline.reviewStartsOn}, review_ends_on = ${timeline.reviewEndsOn}, announcement_on = ${timeline.announcementOn}
      WHERE id = ${callId}`);
  } else {
    const created = await as<{ id: number; version: number }>(cast.ministry, 'POST', '/api/designation/calls', { ...callTerms(year), ...timeline });
    await as(cast.ministry, 'POST', `/api/designation/calls/${year}/publish`, { version: created.version });
    callId = created.id;
  }
  const call: CallRef = { id: callId, year, draft: false };
  let draftYear = year + 1;
  while (await callOfYear(draftYear)) draftYear += 1;
  const draftCall = await as<{ id: number }>(cast.ministry, 'POST', '/api/designation/calls', callExample(draftYear));

  /** The city's application to the call in a state reached at `at`, with one attachment added while it was a draft. */
  const application = async (onCall: number, [cityCode, cityName]: readonly [string, string], officer: string, state: 'draft' | 'submitted' | 'endorsed' | 'potential', at: Date) => {
    const officerId = personOf(officer);
    let id = await applicationIdFor(db, onCall, cityCode);
    if (id === undefined) {
      const content = completeContent(cityName);
      id = (await insertApplication(db, { callId: onCall, cityCode, provinceCode: cityCode.slice(0, 2), content, personId: officerId, now: at }))!;
      await insertVersion(db, { applicationId: id, version: 1, cityCode, content, personId: officerId, now: at });
    }
    await db.execute(sql`
      UPDATE designation_applications SET status = 'draft', submitted_at = NULL, submitted_by = NULL, endorsed_at = NULL, endorsed_by = NULL,
        returned_at = NULL, return_reason = NULL, province_rank = NULL, decision = NULL, decision_reason = NULL, decided_at = NULL, decided_by = NULL
      WHERE id = ${id}`);
    const attachment = await designation.addAttachment(db, id, { purpose: 'program_plan', fileName: '사업 계획서.pdf', bytes: samplePdf() }, cast.actorOf(officer), at);
    if (state !== 'draft') {
      const moment = at.toISOString();
      await db.execute(sql`
        UPDATE designation_applications SET status = ${state === 'potential' ? 'decided' : state}, submitted_at = ${moment}, submitted_by = ${officerId},
          endorsed_at = CASE WHEN ${state} = 'submitted' THEN NULL ELSE ${moment}::timestamptz END,
          province_rank = CASE WHEN ${state} = 'submitted' THEN NULL ELSE
            (SELECT coalesce(max(province_rank), 0) + 1 FROM designation_applications WHERE call_id = ${onCall} AND province_code = ${cityCode.slice(0, 2)}) END,
          decision = CASE WHEN ${state} = 'potential' THEN 'potential' END,
          decision_reason = CASE WHEN ${state} = 'potential' THEN '전담 조직과 중장기 계획을 보완할 필요가 있습니다.' END,
          decided_at = CASE WHEN ${state} = 'potential' THEN ${moment}::timestamptz END
        WHERE id = ${id}`);
    }
    return { id, draft: state === 'draft', attachment: attachment.id };
  };
  const { gwangmyeong: gOfficer, suncheon: sOfficer } = cast.officers;
  const [gwangmyeong, suncheon] = [['31060', '광명시'], ['36030', '순천시']] as const;
  const gApplication = await application(callId, gwangmyeong, gOfficer, 'submitted', now);
  const sApplication = await application(callId, suncheon, sOfficer, 'endorsed', now);
  const twoYearsAgo = await pastCall(year - 2);
  const draftApplication = await application(twoYearsAgo, gwangmyeong, gOfficer, 'draft', new Date(`${year - 2}-04-01T10:00:00+09:00`));

  // The reviewer actor and another reviewer, assigned to Suncheon's application by the ministry.
  const assign = (reviewerId: number) => as<{ id: number }>(cast.ministry, 'POST', `/api/designation/applications/${sApplication.id}/reviewers`, { reviewerId });
  const reviewer = personOf(cast.reviewer);
  const ownAssignment = await assign(reviewer);
  const otherAssignment = await assign(other.reviewer);

  // Last year's potential cities, each in its consulting year; the consultant actor consults Gwangmyeong.
  const lastYear = await pastCall(year - 1);
  const consulting = async (city: readonly [string, string], officer: string, consultantId: number) => {
    const [cityCode] = city;
    const decided = await application(lastYear, city, officer, 'potential', new Date(`${year - 1}-04-01T10:00:00+09:00`));
    const id = (await firstRow<{ id: number }>(db, sql`SELECT id FROM consultings WHERE application_id = ${decided.id}`))?.id
      ?? await db.transaction((tx) => openConsulting(tx, { applicationId: decided.id, cityCode, decidedOn: `${year - 1}-12-18` }));
    await as(cast.ministry, 'POST', `/api/designation/consultings/${id}/consultant`, { consultantId });
    return { id, consultantId };
  };
  const gConsulting = await consulting(gwangmyeong, gOfficer, personOf(cast.consultant));
  const sConsulting = await consulting(suncheon, sOfficer, other.consultant);

  // Whom the ministry assigned to each application, read back (a seed's demo may have assigned others too).
  const withAssignees = async (a: Omit<ApplicationRef, 'assignees'>): Promise<ApplicationRef> => ({
    ...a,
    assignees: (await rows<{ id: number }>(db, sql`
      SELECT reviewer_id AS id FROM reviewer_assignments WHERE application_id = ${a.id}
      UNION SELECT consultant_id FROM consultings WHERE application_id = ${a.id} AND consultant_id IS NOT NULL`)).map((r) => r.id),
  });
  const rubricItem = (await firstRow<{ id: number }>(db, sql`SELECT min(id) AS id FROM call_rubric_items WHERE call_id = ${callId}`))!.id;
  return {
    gwangmyeong: { call, application: await withAssignees(gApplication), assignment: { id: otherAssignment.id, reviewerId: other.reviewer }, consulting: gConsulting },
    suncheon: { call, application: await withAssignees(sApplication), assignment: { id: ownAssignment.id, reviewerId: reviewer }, consulting: sConsulting },
    draftCall: { id: draftCall.id, year: draftYear, draft: true },
    draftApplication: await withAssignees(draftApplication),
    rubricItem,
    milestone: milestoneKinds.codes[0]!,
  };
}
