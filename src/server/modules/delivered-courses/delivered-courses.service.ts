/**
 * Delivered courses (배달강좌): a resident asks for a class at the group's place and time and shares an invite code;
 * neighbours of the city join (one membership each); at the city's minimum group size the request goes to the
 * city's officers, who rank the instructor pool for it, choose the institution that runs it and approve — a
 * published program at the group's place, its instructor linked, every member enrolled and nobody else taken
 * online — or decline with reasons. Members are told either way. Joins and decisions hold the request's row lock.
 */
import type { PageOf, PageRequest } from '../../../shared/contracts/common.ts';
import type {
  ApproveBody, DeliveredCourseBody, DeliveredCourseListQuery, DeliveredCourseSummary, DeliveredCourseView,
} from '../../../shared/contracts/delivered-courses.ts';
import type { Candidate } from '../../../shared/contracts/instructors.ts';
import { planSessions } from '../../../shared/lib/holidays.ts';
import { sessionHours } from '../../../shared/lib/schedule.ts';
import { programAreas } from '../../../shared/vocabulary/index.ts';
import { requireResidentOf, type Actor } from '../../platform/auth/actor.ts';
import { todayInKorea } from '../../platform/clock.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';
import { badRequest, conflict, notFound, type Words } from '../../platform/http/errors.ts';
import { enrolmentModule } from '../enrolment/index.ts';
import { identity } from '../identity/index.ts';
import { institutionsModule } from '../institutions/index.ts';
import { instructors } from '../instructors/index.ts';
import { notifications } from '../notifications/index.ts';
import { programsModule } from '../programs/index.ts';
import { moved, newInviteCode } from './delivered-courses.rules.ts';
import * as queries from './delivered-courses.queries.ts';

const linkOf = (id: number) => `/me/delivered-courses/${id}`;
const notFoundRequest = () => notFound('The delivered-course request', 'id');

function summary(row: queries.RequestRow, viewerId: number | null): DeliveredCourseSummary {
  const { organiserId, inviteCode: _code, programId, programTitle, institutionName, instructorName, ...rest } = row;
  return {
    ...rest,
    program: programId !== null ? { id: programId, title: programTitle!, institutionName: institutionName!, instructorName } : null,
    mine: viewerId === null ? null : organiserId === viewerId ? 'organised' : 'joined',
  };
}

/** A request as its member (`viewerId`) or the city's officer (null) sees it: members hold the invite code while it is open, officers see who acted. */
async function view(db: Reader, row: queries.RequestRow, viewerId: number | null): Promise<DeliveredCourseView> {
  const log = await queries.logOf(db, row.id);
  const open = row.status === 'gathering' || row.status === 'ready';
  return {
    ...summary(row, viewerId),
    inviteCode: viewerId !== null && open ? row.inviteCode : null,
    log: log.map(({ actorId, ...entry }) => ({ ...entry, actorName: viewerId === null || actorId === viewerId ? entry.actorName : null })),
  };
}

/** Who may act here: a resident of the city (`requireResidentOf`, `residentInPath`). */
export const notResident: Words = { ko: '이 시·군·구에 사는 주민만 배달강좌를 신청하고 모임에 참여할 수 있습니다. 내 정보의 사는 곳을 확인해 주세요.', en: 'Only residents of this city can request and join its delivered courses. Check the home on your account.' };

export async function settingsOf(db: Reader, cityCode: string) {
  return { minGroupSize: await queries.minGroupSizeOf(db, cityCode) };
}

export async function setSettings(db: AppDb, actor: Actor, cityCode: string, minGroupSize: number) {
  await queries.setMinGroupSize(db, cityCode, minGroupSize, actor.personId);
  return { minGroupSize };
}

export async function myRequests(db: Reader, actor: Actor, page: PageRequest): Promise<PageOf<DeliveredCourseSummary>> {
  const list = await queries.requestsOfMember(db, actor.personId, page);
  return { ...list, items: list.items.map((row) => summary(row, actor.personId)) };
}

/** A request the actor organised or joined; anyone else's is not found, as an unknown id. */
export async function myRequest(db: Reader, actor: Actor, id: number): Promise<DeliveredCourseView> {
  const row = await queries.findRequest(db, queries.ofMember(actor.personId, id));
  if (!row) throw notFoundRequest();
  return view(db, row, actor.personId);
}

export async function cityRequests(db: Reader, cityCode: string, query: DeliveredCourseListQuery, page: PageRequest): Promise<PageOf<DeliveredCourseSummary>> {
  const list = await queries.cityRequests(db, cityCode, query.status, page);
  return { ...list, items: list.items.map((row) => summary(row, null)) };
}

async function cityRow(db: Reader, cityCode: string, id: number) {
  const row = await queries.findRequest(db, queries.inCity(cityCode, id));
  // A request still gathering is the residents' own: the console does not see it yet.
  if (!row || row.status === 'gathering') throw notFoundRequest();
  return row;
}

export async function cityRequest(db: Reader, cityCode: string, id: number): Promise<DeliveredCourseView> {
  return view(db, await cityRow(db, cityCode, id), null);
}

export async function requestCourse(db: AppDb, actor: Actor, cityCode: string, body: DeliveredCourseBody): Promise<DeliveredCourseView> {
  requireResidentOf(actor, cityCode, notResident);
  if (!programAreas.get(body.area).subcategories.some((s) => s.code === body.subcategory)) {
    throw badRequest({ ko: '고른 분야에 속하지 않는 세부 분야입니다.', en: `${body.subcategory} is not part of ${body.area}.` }, 'subcategory');
  }
  if (body.endTime <= body.startTime) {
    throw badRequest({ ko: '끝나는 시각이 시작 시각보다 늦어야 합니다.', en: 'The end time must be after the start time.' }, 'endTime');
  }
  const dong = await queries.dongOf(db, body.dongCode);
  if (!dong || dong.cityCode !== cityCode) throw badRequest({ ko: '이 시·군·구의 읍·면·동이 아닙니다.', en: 'That dong is not in this city.' }, 'dongCode');
  const id = await db.transaction(async (tx) => {
    // A code already taken (one in 10^11) is drawn again rather than refused.
    let created: number | undefined;
    while (created === undefined) created = await queries.insertRequest(tx, cityCode, actor.personId, body, newInviteCode());
    await queries.insertMember(tx, created, actor.personId, cityCode);
    await queries.logEvent(tx, { requestId: created, cityCode, kind: 'requested', actorId: actor.personId });
    return created;
  });
  return myRequest(db, actor, id);
}

async function tell(tx: Executor, personIds: readonly number[], message: Parameters<typeof notifications.notify>[2]) {
  if (personIds.length > 0) await notifications.notify(tx, await identity.recipientsByIds(tx, personIds), message);
}

/** Joins the group of the code: once per person (the primary key refuses a second); at the minimum size it goes to the city. */
export async function join(db: AppDb, actor: Actor, cityCode: string, inviteCode: string): Promise<DeliveredCourseView> {
  requireResidentOf(actor, cityCode, notResident);
  const id = await db.transaction(async (tx) => {
    const request = await queries.lockRequest(tx, queries.byInviteCode(cityCode, inviteCode));
    if (!request) throw notFound('The invite code', 'inviteCode');
    if (request.status === 'approved' || request.status === 'declined') {
      throw conflict({ ko: '시·군·구가 이미 결정한 신청이라 더 참여할 수 없습니다.', en: 'The city has decided on this request; nobody more can join.' }, 'inviteCode');
    }
    if (!(await queries.insertMember(tx, request.id, actor.personId, cityCode))) {
      throw conflict({ ko: '이미 참여한 모임입니다.', en: 'You are already in this group.' }, 'inviteCode');
    }
    const members = await queries.recount(tx, request.id);
    await queries.logEvent(tx, { requestId: request.id, cityCode, kind: 'joined', actorId: actor.personId });
    const minGroupSize = await queries.minGroupSizeOf(tx, cityCode);
    if (request.status === 'gathering' && moved(request.status, 'join', members, minGroupSize) === 'ready') {
      await queries.markReady(tx, request.id);
      await queries.logEvent(tx, { requestId: request.id, cityCode, kind: 'ready', actorId: null, detail: { members, minGroupSize } });
      await tell(tx, await queries.memberIds(tx, request.id), {
        kind: 'delivered_courses.ready', cityCode, link: linkOf(request.id),
        title: { ko: `배달강좌 ‘${request.title}’ 모임이 ${minGroupSize}명을 넘었습니다`, en: `Your delivered-course group “${request.title}” has ${minGroupSize} members` },
        body: { ko: '시·군·구가 강사와 기관을 정해 승인 여부를 알려 드립니다.', en: 'The city will find an instructor and an institution, and tell you its decision.' },
      });
    }
    return request.id;
  });
  return myRequest(db, actor, id);
}

/**
 * A member leaves the group (not its organiser, whose request it is) until the city decides; below the minimum a
 * ready request goes back to gathering and leaves the console. Leaving twice finds no membership (404).
 */
export async function leave(db: AppDb, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const request = await queries.lockRequest(tx, queries.ofMember(actor.personId, id));
    if (!request) throw notFound('Your membership', 'id');
    if (request.organiserId === actor.personId) {
      throw conflict({ ko: '신청한 사람은 모임을 떠날 수 없습니다.', en: 'The organiser cannot leave their own request.' }, 'id');
    }
    if (request.status === 'approved' || request.status === 'declined') {
      throw conflict({ ko: '시·군·구가 이미 결정한 신청이라 모임을 떠날 수 없습니다. 수강 취소는 강좌에서 할 수 있습니다.', en: 'The city has decided on this request; cancel your place on the course instead.' }, 'id');
    }
    await queries.deleteMember(tx, id, actor.personId);
    const members = await queries.recount(tx, id);
    await queries.logEvent(tx, { requestId: id, cityCode: request.cityCode, kind: 'left', actorId: actor.personId });
    const minGroupSize = await queries.minGroupSizeOf(tx, request.cityCode);
    if (moved(request.status, 'leave', members, minGroupSize) === 'gathering' && request.status === 'ready') {
      await queries.markGathering(tx, id);
      await queries.logEvent(tx, { requestId: id, cityCode: request.cityCode, kind: 'below_size', actorId: null, detail: { members, minGroupSize } });
    }
  });
}

/** The request's weekly times, as the pool's availability reads them. */
const weeklyOf = (row: queries.RequestRow) => row.weekdays.map((weekday) => ({ weekday, from: row.startTime, to: row.endTime }));

/** The city's instructor pool ranked for the request: skill, travel to its dong, free at its weekly times (the instructors module's weights). */
export async function candidates(db: AppDb, cityCode: string, id: number, page: PageRequest): Promise<PageOf<Candidate>> {
  const row = await cityRow(db, cityCode, id);
  const dong = (await queries.dongOf(db, row.dongCode))!;
  return instructors.candidatesForCourse(db, {
    weekly: weeklyOf(row), cityCode, dongCode: row.dongCode, area: row.area, subcategory: row.subcategory, targetGroups: ['all'],
    cityNameKo: dong.cityNameKo, cityNameEn: dong.cityNameEn, dongNameKo: dong.nameKo, dongNameEn: dong.nameEn,
  }, page);
}

/** The first session is this far after approval: time for the institution and the instructor to prepare. */
const LEAD_DAYS = 14;

function daysAfter(date: string, days: number) {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * The program an approved request becomes: published at the group's place (a venue of the institution at the
 * dong's centre), on its days and hours, as many seats as members. It takes no online enrolment (registration
 * at the institution, the note says whom for): the members are enrolled by the approval itself.
 */
async function programOf(tx: Executor, row: queries.RequestRow, institutionId: number) {
  const dong = (await queries.dongOf(tx, row.dongCode))!;
  const venueId = await institutionsModule.insertVenue(tx, {
    institutionId, cityCode: row.cityCode, dongCode: row.dongCode, name: `${row.place} (배달강좌)`, seats: row.members, lat: dong.lat, lon: dong.lon,
  });
  const { sessions } = await planSessions({
    startsOn: daysAfter(todayInKorea(), LEAD_DAYS), weekdays: row.weekdays, sessionCount: row.sessionCount, startTime: row.startTime, endTime: row.endTime,
  });
  const id = await programsModule.insertProgram(tx, {
    cityCode: row.cityCode, institutionId, title: row.title,
    description: `${row.description}\n\n(주민 모임이 신청한 배달강좌입니다.)`,
    area: row.area, subcategory: row.subcategory, targetGroups: ['all'], mode: 'in_person',
    venueId, dongCode: row.dongCode, lat: dong.lat, lon: dong.lon,
    status: 'published', startsOn: sessions[0]!.date, endsOn: sessions.at(-1)!.date, weekdays: row.weekdays, startTime: row.startTime, endTime: row.endTime,
    sessionCount: row.sessionCount, totalHours: sessionHours(row.startTime, row.endTime) * row.sessionCount, capacity: row.members,
    registrationMode: 'visit', registrationNote: '배달강좌: 신청한 모임의 회원만 수강합니다.',
    publishedAt: new Date(),
  });
  await programsModule.insertSessions(tx, sessions.map((s) => ({
    programId: id, cityCode: row.cityCode, sessionNo: s.sessionNo, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt),
  })));
  return { id, title: row.title, cityCode: row.cityCode, institutionId };
}

async function lockedReady(tx: Executor, cityCode: string, id: number, move: 'approve' | 'decline') {
  const locked = await queries.lockRequest(tx, queries.inCity(cityCode, id));
  if (!locked || locked.status === 'gathering') throw notFoundRequest();
  const next = moved(locked.status, move, 0, 0);
  if (next === 'decided') {
    throw conflict({ ko: '이미 결정한 신청입니다. 새로 불러와 결정을 확인해 주세요.', en: 'This request has already been decided; reload to see the decision.' }, 'id');
  }
  return locked;
}

/** Approves: the program, its instructor, the members enrolled, all or nothing. Two officers at once: the row lock lets one in. */
export async function approve(db: AppDb, actor: Actor, cityCode: string, id: number, body: ApproveBody): Promise<DeliveredCourseView> {
  await cityRow(db, cityCode, id);
  const institution = await institutionsModule.findInstitution(db, body.institutionId);
  if (!institution || institution.cityCode !== cityCode) {
    throw badRequest({ ko: '이 시·군·구의 기관을 골라 주세요.', en: 'Choose an institution of this city.' }, 'institutionId');
  }
  const profile = await instructors.profileInPool(db, body.profileId, cityCode);
  if (!profile) throw badRequest({ ko: '이 도시의 강사 풀에 없는 강사입니다. 추천 목록에서 골라 주세요.', en: "This instructor is not in the city's pool; choose one from the ranked list." }, 'profileId');
  const today = todayInKorea();
  await db.transaction(async (tx) => {
    await lockedReady(tx, cityCode, id, 'approve');
    const row = (await queries.findRequest(tx, queries.inCity(cityCode, id)))!;
    const program = await programOf(tx, row, institution.id);
    await instructors.linkInstructor(tx, { program, profile, institutionName: institution.name, by: actor });
    const members = await queries.memberIds(tx, id);
    // The approval is each member's place: taken as staff take an application at a centre, clashes the member's to weigh.
    for (const personId of members) await enrolmentModule.enrol(tx, actor, program.id, { allowClash: true, today, onBehalfOf: personId });
    await programsModule.refreshSearchIndex(tx, today, [program.id]);
    await queries.markApproved(tx, id, actor.personId, { programId: program.id, institutionId: institution.id, profileId: profile.id });
    await queries.logEvent(tx, { requestId: id, cityCode, kind: 'approved', actorId: actor.personId, detail: { programId: program.id, institutionId: institution.id, profileId: profile.id } });
    await tell(tx, members, {
      kind: 'delivered_courses.approved', cityCode, link: `/programs/${program.id}`,
      title: { ko: `배달강좌 ‘${row.title}’이(가) 승인되었습니다`, en: `Your delivered course “${row.title}” is approved` },
      body: { ko: `${institution.name}에서 ${profile.displayName} 강사와 함께 ${row.place}에서 엽니다. 모임 회원 모두 수강 신청되었습니다.`, en: `${institution.name} runs it at ${row.place} with ${profile.displayName}. Every member of the group is enrolled.` },
    });
  });
  return cityRequest(db, cityCode, id);
}

export async function decline(db: AppDb, actor: Actor, cityCode: string, id: number, reasonGiven: string): Promise<DeliveredCourseView> {
  const reason = reasonGiven.trim();
  if (reason.length < 10) {
    throw badRequest({ ko: '반려 사유를 10자 이상 적어 주세요. 모임 회원에게 그대로 전해집니다.', en: 'Give the reasons (at least 10 characters); the group reads them.' }, 'reason');
  }
  await cityRow(db, cityCode, id);
  await db.transaction(async (tx) => {
    const locked = await lockedReady(tx, cityCode, id, 'decline');
    await queries.markDeclined(tx, id, actor.personId, reason);
    await queries.logEvent(tx, { requestId: id, cityCode, kind: 'declined', actorId: actor.personId, detail: { reason } });
    await tell(tx, await queries.memberIds(tx, id), {
      kind: 'delivered_courses.declined', cityCode, link: linkOf(id),
      title: { ko: `배달강좌 ‘${locked.title}’이(가) 반려되었습니다`, en: `Your delivered course “${locked.title}” was declined` },
      body: { ko: `사유: ${reason}`, en: `Reasons: ${reason}` },
    });
  });
  return cityRequest(db, cityCode, id);
}
