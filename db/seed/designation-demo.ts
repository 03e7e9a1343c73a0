/**
 * The designation process as `npm start` shows it (issue 9): this year's call open, with Gyeonggi's applications
 * in every state (a draft, one waiting for the province, one returned with a reason, two endorsed and ranked, one
 * withdrawn, and another province's); last year's call reviewed, decided and announced (a city designated, one
 * potential, one rejected); the potential city halfway through its consulting year. Every step goes through the
 * services at the moment it would have happened, so the log, the timelines, the inbox and the deadlines agree.
 *
 * The calendar follows the day of seeding: this year's call opened three weeks ago and closes in ten days (when
 * its results could not be announced within the year, it is next year's call, published early); last year's call
 * was decided at least 100 days ago (and in its year), so its consulting year is under way.
 */
import type { ApplicationContent } from '../../src/shared/contracts/designation-applications.ts';
import { can, type Permission, type Scope } from '../../src/shared/permissions.ts';
import type { MilestoneKind, RoleCode } from '../../src/shared/vocabulary/index.ts';
import { milestoneKindList } from '../../src/shared/vocabulary/index.ts';
import type { Actor } from '../../src/server/platform/auth/actor.ts';
import type { AppDb } from '../../src/server/platform/database/database.ts';
import { renderPdf } from '../../src/server/platform/documents/pdf.ts';
import { forbidden } from '../../src/server/platform/http/errors.ts';
import { geography } from '../../src/server/modules/geography/index.ts';
import { hashPassword, identity, insertPerson } from '../../src/server/modules/identity/index.ts';
import * as calls from '../../src/server/modules/designation/calls.service.ts';
import * as applications from '../../src/server/modules/designation/applications.service.ts';
import * as endorsement from '../../src/server/modules/designation/endorsement.service.ts';
import * as experts from '../../src/server/modules/designation/experts.service.ts';
import * as review from '../../src/server/modules/designation/review.service.ts';
import * as consulting from '../../src/server/modules/designation/consulting.service.ts';
import { DEMO_PASSWORD } from './accounts.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The people of the designation demo, listed in the README with the other demo accounts. */
export const designationAccounts = [
  { email: 'province@example.com', displayName: '윤서연', homeCityCode: '31010', role: 'province_officer', provinceCode: '31' },
  { email: 'reviewer@example.com', displayName: '오태식', homeCityCode: '11230', role: 'reviewer', affiliation: '한국평생교육학회', worksIn: '11' },
  { email: 'consultant@example.com', displayName: '서미란', homeCityCode: '25030', role: 'consultant', affiliation: '평생학습도시 컨설팅단', worksIn: '25' },
  { email: 'officer.seongnam@example.com', displayName: '강도윤', homeCityCode: '31020', role: 'city_officer', cityCode: '31020' },
  { email: 'officer.hanam@example.com', displayName: '임하늘', homeCityCode: '31180', role: 'city_officer', cityCode: '31180' },
] as const;

/** Two more reviewers (they work outside the provinces they review), and the officers of the other applicants. */
const otherReviewers = [
  { email: 'reviewer.two@example.com', displayName: '문경호', homeCityCode: '24010', affiliation: '광주교육대학교', worksIn: '24' },
  { email: 'reviewer.three@example.com', displayName: '배수진', homeCityCode: '38110', affiliation: '경남평생교육진흥원', worksIn: '38' },
] as const;

/** This year's applicants, and where each stands today. */
const thisYear = [
  { cityCode: '31020', stage: 'draft' },
  { cityCode: '31040', stage: 'submitted' },
  { cityCode: '31070', stage: 'returned' },
  { cityCode: '31110', stage: 'endorsed' },
  { cityCode: '31150', stage: 'endorsed' },
  { cityCode: '31120', stage: 'withdrawn' },
  { cityCode: '33040', stage: 'submitted' },
] as const;

/** Last year's applicants, their reviewers' marks (as a fraction of each item's points) and the ministry's decision. */
const lastYear = [
  { cityCode: '31160', marks: [0.9, 0.85, 0.8], decision: 'designated', reason: '추진 체계와 예산 확보 계획이 구체적이고, 주민 참여 기반이 탄탄합니다.' },
  { cityCode: '31180', marks: [0.75, 0.7, 0.72], decision: 'potential', reason: '비전은 분명하나 전담 인력과 학습 요구 조사가 부족해 1년 컨설팅 후 다시 판단합니다.' },
  { cityCode: '33020', marks: [0.55, 0.6, 0.5], decision: 'rejected', reason: '평생학습 조례와 전담 조직이 아직 마련되지 않았습니다.' },
] as const;

/** The municipalities the designation demo has apply: the generator leaves them without a designation history of their own. */
export const designationDemoApplicants: readonly string[] = [...thisYear, ...lastYear].map((a) => a.cityCode);

type Person = Actor & { personId: number };

export interface DesignationDemoSummary {
  thisYear: number;
  lastYear: number;
  applications: number;
  consultingId: number;
}

/** A call's dates: opening, the submission deadline, then endorsement, the review's last day and the announcement, in days after the one before. */
function timeline(opens: number, deadline: number, endorsementDays: number, reviewDays: number, announcementDays: number) {
  const day = (at: number) => new Date(at + 9 * HOUR).toISOString().slice(0, 10);
  const endorsementDeadline = deadline + endorsementDays * DAY;
  return {
    opensAt: new Date(opens).toISOString(),
    submissionDeadline: new Date(deadline).toISOString(),
    endorsementDeadline: new Date(endorsementDeadline).toISOString(),
    reviewStartsOn: day(endorsementDeadline + DAY),
    reviewEndsOn: day(endorsementDeadline + reviewDays * DAY),
    announcementOn: day(endorsementDeadline + announcementDays * DAY),
  };
}

/** 18:00 in Korea on the day `at` falls on. */
const sixPm = (at: number) => Date.parse(`${new Date(at + 9 * HOUR).toISOString().slice(0, 10)}T18:00:00+09:00`);

function content(cityName: string, year: number, random: () => number): ApplicationContent {
  const scale = (n: number) => Math.round(n * (0.8 + random() * 0.4));
  return {
    vision: { title: `배움으로 함께 성장하는 ${cityName}`, statement: `${cityName}의 모든 시민이 집 가까이에서 배우고, 배운 것을 이웃과 나누는 평생학습도시를 만들겠습니다.` },
    organisation: {
      departmentName: '평생교육과', centreName: `${cityName} 평생학습관`, learningCentres: scale(2), dongLearningCentres: scale(14),
      committees: [{ kind: 'council', name: `${cityName} 평생교육협의회`, establishedOn: `${year - 3}-03-15` }],
    },
    staff: { dedicatedStaff: scale(8), certifiedEducators: scale(4) },
    budget: [0, 1, 2].map((i) => ({ national: i === 0 ? null : 80_000_000, provincial: scale(30_000_000), own: scale(200_000_000 + i * 20_000_000) })),
    ordinances: [{ kind: 'lifelong_education', title: `${cityName} 평생교육 진흥 조례`, enactedOn: `${year - 6}-07-01` }],
    programPlan: [
      { area: 'basic_literacy', summary: '어르신 한글 교실과 디지털 문해 교실을 동마다 엽니다.', programs: [scale(10), scale(12), scale(15)] },
      { area: 'culture_arts', summary: '생활문화예술 동아리를 학습 공동체로 키웁니다.', programs: [scale(40), scale(45), scale(50)] },
      { area: 'citizenship', summary: '주민 강사 양성과 마을 의제 학습을 함께 운영합니다.', programs: [scale(8), scale(10), scale(12)] },
    ],
    partners: [
      { name: `${cityName} 지역 대학 평생교육원`, type: 'university', role: '강사 양성과 학점 인정' },
      { name: `${cityName} 가족센터`, type: 'multicultural_centre', role: '이주배경 주민의 한국어·생활 교육' },
    ],
  };
}

/** A short PDF a city or consultant would upload, in Korean. */
const documentPdf = (title: string, lines: readonly string[]) =>
  renderPdf({ content: [{ text: title, fontSize: 16, bold: true, margin: [0, 0, 0, 12] }, ...lines.map((text) => ({ text, margin: [0, 0, 0, 6] as [number, number, number, number] }))] });

/** Checks a permission as the route would (the seed acts as the people, through the same rules). */
function allowAs(actor: Actor) {
  return (permission: Permission, scope: Scope) => {
    if (!can(actor.grants, permission, scope)) throw forbidden();
  };
}

export async function seedDesignationDemo(db: AppDb, today: string): Promise<DesignationDemoSummary> {
  let state = 20_250_601;
  const random = () => ((state = (state * 48_271) % 2_147_483_647) / 2_147_483_647);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const names = new Map((await geography.allMunicipalities(db)).map((m) => [m.code, m.nameKo]));
  const cityName = (code: string) => names.get(code)!;

  async function person(p: { email: string; displayName: string; homeCityCode: string }, role: RoleCode | null, scope: { cityCode?: string; provinceCode?: string } = {}): Promise<Person> {
    const personId = await insertPerson(db, { email: p.email, passwordHash, displayName: p.displayName, homeCityCode: p.homeCityCode, locale: 'ko' });
    if (role) await identity.insertRoleGrant(db, { personId, role, ...scope });
    return {
      personId, displayName: p.displayName, email: p.email, locale: 'ko', homeCityCode: p.homeCityCode,
      grants: role ? [{ role, cityCode: scope.cityCode ?? null, provinceCode: scope.provinceCode ?? null, institutionId: null, institutionCityCode: null, scopeName: null, scopeNameEn: null }] : [],
    };
  }

  const [ministry] = await identity.holdersOf(db, 'ministry_officer');
  if (!ministry) throw new Error('The designation demo needs the demo ministry officer (createDemoAccounts first).');
  const minister: Person = {
    personId: ministry.personId, displayName: '최은정', email: ministry.email, locale: 'ko', homeCityCode: null,
    grants: [{ role: 'ministry_officer', cityCode: null, provinceCode: null, institutionId: null, institutionCityCode: null, scopeName: null, scopeNameEn: null }],
  };
  const [province, reviewer, consultant, seongnam, hanam] = [
    await person(designationAccounts[0], 'province_officer', { provinceCode: '31' }),
    await person(designationAccounts[1], null),
    await person(designationAccounts[2], null),
    await person(designationAccounts[3], 'city_officer', { cityCode: '31020' }),
    await person(designationAccounts[4], 'city_officer', { cityCode: '31180' }),
  ];
  const chungbuk = await person({ email: 'province.chungbuk@example.com', displayName: '한지민', homeCityCode: '33040' }, 'province_officer', { provinceCode: '33' });
  const officers = new Map<string, Person>([['31020', seongnam!], ['31180', hanam!]]);
  const officerOf = async (code: string) => officers.get(code)
    ?? officers.set(code, await person({ email: `officer.${code}@example.com`, displayName: `${cityName(code)} 담당자`, homeCityCode: code }, 'city_officer', { cityCode: code })).get(code)!;
  const provinceOf = (code: string) => (code.startsWith('31') ? province! : chungbuk);

  // The ministry appoints the experts, as on its experts page.
  const appointedAt = new Date(Date.parse(`${today}T10:00:00+09:00`) - 400 * DAY);
  const reviewers: Person[] = [];
  for (const r of [designationAccounts[1], ...otherReviewers]) {
    const someone = r.email === reviewer!.email ? reviewer! : await person(r, null);
    await experts.appointExpert(db, minister, { email: r.email, kind: 'reviewer', affiliation: r.affiliation, worksInProvinceCode: r.worksIn }, appointedAt);
    reviewers.push({ ...someone, grants: [{ role: 'reviewer', cityCode: null, provinceCode: null, institutionId: null, institutionCityCode: null, scopeName: null, scopeNameEn: null }] });
  }
  const c = designationAccounts[2];
  await experts.appointExpert(db, minister, { email: c.email, kind: 'consultant', affiliation: c.affiliation, worksInProvinceCode: c.worksIn }, appointedAt);
  const consultantActor: Person = { ...consultant!, grants: [{ role: 'consultant', cityCode: null, provinceCode: null, institutionId: null, institutionCityCode: null, scopeName: null, scopeNameEn: null }] };

  // The calendar: this year's call is open now; last year's was decided at least 100 days ago, within its year.
  const now = Date.parse(`${today}T10:00:00+09:00`);
  const open = timeline(sixPm(now - 21 * DAY) - 8 * HOUR, sixPm(now + 7 * DAY), 5, 7, 10);
  const year = Number(open.announcementOn.slice(0, 4));
  const decidedAt = Math.min(now - 100 * DAY, Date.parse(`${year - 1}-12-10T11:00:00+09:00`));
  const last = timeline(sixPm(decidedAt - 80 * DAY) - 8 * HOUR, sixPm(decidedAt - 50 * DAY), 14, 30, 37);

  async function createCall(callYear: number, terms: ReturnType<typeof timeline>, at: number) {
    const draft = await calls.createCall(db, minister, {
      year: callYear, titleKo: `${callYear}년 평생학습도시 지정 공모`, titleEn: `The ${callYear} Lifelong Learning City designation call`,
      noticeKo: `${callYear}년 평생학습도시를 새로 지정합니다. 평생학습도시가 아닌 시·군·구는 시·도를 거쳐 신청할 수 있습니다. 지정된 도시에는 특별교부금을 지원합니다.`,
      noticeEn: `Applications for new learning cities in ${callYear}. Municipalities that are not learning cities may apply through their province. Each newly designated city receives a grant.`,
      ...terms, revokedWaitYears: 2, quota: 8, grantKrw: 80_000_000, aggregation: 'mean',
    }, new Date(at));
    return calls.publishCall(db, minister, callYear, { version: draft.version }, new Date(at + HOUR));
  }

  /** A city's application, drafted over a few days from `startedAt` with its program plan attached. */
  async function draftApplication(callId: number, callYear: number, cityCode: string, startedAt: number) {
    const officer = await officerOf(cityCode);
    const id = await applications.startApplication(db, cityCode, callId, officer, new Date(startedAt));
    const saved = await applications.saveDraft(db, id, { version: 1, content: content(cityName(cityCode), callYear, random) }, officer, new Date(startedAt + 2 * DAY));
    const plan = await documentPdf(`${cityName(cityCode)} 평생학습도시 조성 사업 계획서`, [
      `${callYear}–${callYear + 2}년 평생학습도시 조성 계획`, '1. 추진 체계: 평생교육과, 평생학습관, 평생교육협의회', '2. 주요 사업: 문해 교육, 생활문화예술, 시민 참여 학습',
    ]);
    await applications.addAttachment(db, id, { purpose: 'program_plan', fileName: `${cityName(cityCode)}_사업계획서.pdf`, bytes: plan }, officer, new Date(startedAt + 3 * DAY));
    return { id, officer, version: saved.version };
  }

  // ---- Last year's call: applied, endorsed, reviewed by three, decided and announced ----------------------
  const lastCall = await createCall(year - 1, last, Date.parse(last.opensAt) - 5 * DAY);
  const opensLast = Date.parse(last.opensAt);
  const decided: { cityCode: string; id: number }[] = [];
  for (const [n, applicant] of lastYear.entries()) {
    const a = await draftApplication(lastCall.id, year - 1, applicant.cityCode, opensLast + (2 + n) * DAY);
    await applications.submit(db, a.id, a.version, a.officer, new Date(Date.parse(last.submissionDeadline) - (5 - n) * DAY), 'ko');
    await endorsement.endorse(db, a.id, '추진 의지와 준비 상태를 확인했습니다.', provinceOf(applicant.cityCode), new Date(Date.parse(last.submissionDeadline) + (3 + n) * DAY));
    decided.push({ cityCode: applicant.cityCode, id: a.id });
  }
  await endorsement.rank(db, '31', lastCall.id, decided.filter((d) => d.cityCode.startsWith('31')).map((d) => d.id), province!, new Date(Date.parse(last.endorsementDeadline) - DAY));
  const reviewStarts = Date.parse(`${last.reviewStartsOn}T10:00:00+09:00`);
  const rubric = await calls.rubricOf(db, lastCall.id);
  for (const [n, applicant] of lastYear.entries()) {
    const { id } = decided[n]!;
    for (const [k, r] of reviewers.entries()) {
      const assignment = await review.assignReviewer(db, id, r.personId, minister, new Date(reviewStarts));
      const scores = rubric.flatMap((area) => area.items).map((item) => ({
        rubricItemId: item.id, score: Math.round(item.points * Math.min(1, applicant.marks[k]! + (random() - 0.5) * 0.1) * 2) / 2,
        comment: applicant.marks[k]! >= 0.8 ? '근거 자료가 충실합니다.' : applicant.marks[k]! >= 0.65 ? '계획은 있으나 실행 근거가 더 필요합니다.' : '기반이 아직 부족합니다.',
      }));
      await review.saveScores(db, assignment.id, { scores }, r, new Date(reviewStarts + (3 + k) * DAY));
      await review.submitReview(db, assignment.id, r, new Date(reviewStarts + (4 + k) * DAY));
    }
  }
  let consultingId = 0;
  for (const [n, applicant] of lastYear.entries()) {
    const result = await review.decide(db, decided[n]!.id, { decision: applicant.decision, reason: applicant.reason }, minister, new Date(decidedAt + n * HOUR));
    if (result.consultingId) consultingId = result.consultingId;
  }
  await review.announce(db, year - 1, minister, new Date(decidedAt + DAY));

  // ---- The potential city's consulting year: half done --------------------------------------------------
  const allowConsultant = allowAs(consultantActor);
  const allowCity = allowAs(hanam!);
  await consulting.assignConsultant(db, consultingId, { consultantId: consultantActor.personId }, minister, allowAs(minister), new Date(decidedAt + 3 * DAY));
  const span = now - decidedAt;
  const milestoneOf = async (kind: MilestoneKind) =>
    (await consulting.consultingDetail(db, consultingId, consultantActor, allowConsultant, new Date(now))).milestones.find((m) => m.kind === kind)!;
  const [survey, improvement] = milestoneKindList.map((m) => m.code);
  for (const [kind, submittedAt, accept] of [[survey!, decidedAt + span * 0.35, true], [improvement!, now - 3 * DAY, false]] as const) {
    const title = { needs_survey: '하남시 평생학습 요구 조사 결과', improvement_plan: '하남시 평생학습 추진 체계 개선 계획', midterm_plan: '' }[kind];
    const file = await documentPdf(title, ['조사 대상: 시민 1,200명 (표본)', '가장 배우고 싶은 분야: 디지털 활용, 건강, 인문 교양', '배우기 어려운 이유: 시간 부족, 가까운 곳에 강좌 없음']);
    await consulting.uploadMilestoneFile(db, consultingId, kind, { fileName: `${title}.pdf`, bytes: file }, hanam!, allowCity);
    const { version } = await milestoneOf(kind);
    await consulting.submitMilestone(db, consultingId, kind, { note: '검토 부탁드립니다.', version }, hanam!, allowCity, new Date(submittedAt));
    if (accept) {
      const submitted = await milestoneOf(kind);
      await consulting.reviewMilestone(db, consultingId, kind, {
        outcome: 'accepted', feedback: '조사 설계와 표본이 적절합니다. 결과를 개선 계획에 반영해 주세요.', version: submitted.version,
      }, consultantActor, allowConsultant, new Date(submittedAt + 7 * DAY));
    }
  }

  // ---- This year's call: open, with Gyeonggi's applications in every state --------------------------------
  const openCall = await createCall(year, open, Date.parse(open.opensAt) - 3 * DAY);
  const opensNow = Date.parse(open.opensAt);
  const endorsed: number[] = [];
  for (const [n, applicant] of thisYear.entries()) {
    const a = await draftApplication(openCall.id, year, applicant.cityCode, opensNow + (1 + n) * DAY / 2);
    if (applicant.stage === 'draft') continue;
    const officer = a.officer;
    const submittedAt = now - (6 - n / 2) * DAY;
    await applications.submit(db, a.id, a.version, officer, new Date(submittedAt), 'ko');
    if (applicant.stage === 'returned') {
      await endorsement.returnApplication(db, a.id, '예산 계획의 지방비 확보 근거(의회 의결 또는 중기재정계획)를 첨부해 다시 제출해 주세요.', province!, new Date(submittedAt + 2 * DAY));
    } else if (applicant.stage === 'endorsed') {
      await endorsement.endorse(db, a.id, '도 차원의 지원 계획과 연계되어 있습니다.', province!, new Date(submittedAt + 2 * DAY));
      endorsed.push(a.id);
    } else if (applicant.stage === 'withdrawn') {
      await applications.withdraw(db, a.id, '내년 공모에 다시 신청하기로 했습니다.', officer, new Date(submittedAt + DAY));
    }
  }
  await endorsement.rank(db, '31', openCall.id, endorsed, province!, new Date(now - DAY));
  return { thisYear: year, lastYear: year - 1, applications: thisYear.length + lastYear.length, consultingId };
}
