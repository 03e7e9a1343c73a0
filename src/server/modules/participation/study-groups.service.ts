/**
 * Study groups (학습동아리): a resident of the city registers one and leads it; residents of the city join (one
 * membership each, enforced by the primary key) and leave, or the leader removes them; the leader records meetings
 * with the members who came, and each attending member's hours are the meeting's. The public sees a group's counts,
 * never its members' names; members (and the city's officers) see each other's display names. The city's officers
 * decide its support — in kind for a year, funded with an amount in won for a year, or declined — every decision logged.
 */
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type {
  StudyGroupBody, StudyGroupListQuery, StudyGroupMeetingBody, StudyGroupSupportBody, StudyGroupView,
} from '../../../shared/contracts/participation.ts';
import { can } from '../../../shared/permissions.ts';
import { requireResidentOf, type Actor } from '../../platform/auth/actor.ts';
import { todayInKorea } from '../../platform/clock.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';
import { badRequest, conflict, forbidden, notFound, type Words } from '../../platform/http/errors.ts';
import { geography } from '../geography/index.ts';
import * as queries from './study-groups.queries.ts';

/** A group's page lists at most this many members and recent meetings (a study group is a few dozen people). */
const MEMBERS_SHOWN = 200;
const MEETINGS_SHOWN = 50;
const SUPPORT_LOG_SHOWN = 50;

/** Who may act here: a resident of the city (`requireResidentOf`, `residentInPath`). */
export const notResident: Words = {
  ko: '이 시·군·구에 사는 주민만 학습동아리를 만들고 가입할 수 있습니다. 내 정보의 사는 곳을 확인해 주세요.',
  en: 'Only residents of this city can register or join its study groups. Check the home on your account.',
};


const seesAll = (actor: Actor | null, cityCode: string) => actor !== null && can(actor.grants, 'study_groups.support', { cityCode });

export function listGroups(db: Reader, cityCode: string, query: StudyGroupListQuery, page: PageRequest) {
  return queries.listGroups(db, cityCode, { area: query.area, support: query.support }, page);
}

export async function groupPage(db: Reader, viewer: Actor | null, cityCode: string, id: number): Promise<StudyGroupView> {
  const group = await queries.findGroup(db, cityCode, id);
  if (!group) throw notFound('The study group', 'id');
  const myRole = viewer ? await queries.roleIn(db, id, viewer.personId) : null;
  const officer = seesAll(viewer, cityCode);
  const insider = myRole !== null || officer;
  const [memberList, meetingList, supportLog] = await Promise.all([
    insider ? queries.membersOf(db, id, MEMBERS_SHOWN) : null,
    insider ? queries.meetingsOf(db, id, MEETINGS_SHOWN) : null,
    officer ? queries.supportLogOf(db, id, SUPPORT_LOG_SHOWN) : null,
  ]);
  return { ...group, myRole, memberList, meetingList, supportLog };
}

export async function register(db: AppDb, actor: Actor, cityCode: string, body: StudyGroupBody): Promise<StudyGroupView> {
  requireResidentOf(actor, cityCode, notResident);
  if (body.dongCode) {
    const dong = await geography.findDong(db, body.dongCode);
    if (!dong || dong.municipalityCode !== cityCode) throw badRequest({ ko: '이 시·군·구의 읍·면·동이 아닙니다.', en: 'That dong is not in this city.' }, 'dongCode');
  }
  const today = todayInKorea();
  const id = await db.transaction(async (tx) => {
    const created = await queries.insertGroup(tx, cityCode, actor.personId, body, today);
    await queries.addMember(tx, created, actor.personId, cityCode, 'leader', today);
    return created;
  });
  return groupPage(db, actor, cityCode, id);
}

async function lockedActive(tx: Executor, cityCode: string, id: number) {
  const group = await queries.lockGroup(tx, cityCode, id);
  if (!group) throw notFound('The study group', 'id');
  if (!group.active) throw conflict({ ko: '활동을 마친 학습동아리입니다.', en: 'This study group is no longer active.' }, 'id');
}

export async function join(db: AppDb, actor: Actor, cityCode: string, id: number): Promise<StudyGroupView> {
  requireResidentOf(actor, cityCode, notResident);
  await db.transaction(async (tx) => {
    await lockedActive(tx, cityCode, id);
    if (!(await queries.addMember(tx, id, actor.personId, cityCode, 'member', todayInKorea()))) {
      throw conflict({ ko: '이미 가입한 학습동아리입니다.', en: 'You are already a member of this study group.' }, 'id');
    }
  });
  return groupPage(db, actor, cityCode, id);
}

async function requireLeader(db: Reader, actor: Actor, id: number) {
  if ((await queries.roleIn(db, id, actor.personId)) !== 'leader') {
    throw forbidden({ ko: '학습동아리 대표만 할 수 있습니다.', en: 'Only the leader of the study group can do this.' });
  }
}

/**
 * A member leaves, or the leader removes one; the leader stays (the group would have none). To whoever is not a
 * member, who is in the group is private: they hear "not found", as for anyone not in it.
 */
export async function removeMember(db: AppDb, actor: Actor, cityCode: string, id: number, personId: number): Promise<StudyGroupView> {
  await db.transaction(async (tx) => {
    const group = await queries.lockGroup(tx, cityCode, id);
    if (!group) throw notFound('The study group', 'id');
    if (personId !== actor.personId) {
      if ((await queries.roleIn(tx, id, actor.personId)) === null) throw notFound('The member', 'personId');
      await requireLeader(tx, actor, id);
    }
    if (!(await queries.endMembership(tx, id, personId, todayInKorea()))) {
      const role = await queries.roleIn(tx, id, personId);
      if (role === 'leader') throw conflict({ ko: '대표는 학습동아리를 떠날 수 없습니다.', en: 'The leader cannot leave the study group.' }, 'personId');
      throw notFound('The member', 'personId');
    }
  });
  return groupPage(db, actor, cityCode, id);
}

/** The leader records a meeting; every attendee must be a member now, or nothing is recorded. */
export async function recordMeeting(db: AppDb, actor: Actor, cityCode: string, id: number, body: StudyGroupMeetingBody): Promise<StudyGroupView> {
  if (body.heldOn > todayInKorea()) {
    throw badRequest({ ko: '아직 열리지 않은 모임은 기록할 수 없습니다.', en: 'A meeting can be recorded once it has taken place.' }, 'heldOn');
  }
  await db.transaction(async (tx) => {
    await lockedActive(tx, cityCode, id);
    await requireLeader(tx, actor, id);
    const meetingId = await queries.insertMeeting(tx, id, { heldOn: body.heldOn, hours: body.hours, topic: body.topic?.trim() ?? '' }, actor.personId);
    if ((await queries.insertAttendance(tx, meetingId, id, body.attendeeIds)) !== body.attendeeIds.length) {
      throw badRequest({ ko: '참석자는 이 학습동아리의 회원이어야 합니다.', en: 'Every attendee must be a member of this study group.' }, 'attendeeIds');
    }
  });
  return groupPage(db, actor, cityCode, id);
}

/** The city's decision on its support: funded needs an amount and a year, supported a year, declined a reason. */
export async function decideSupport(db: AppDb, actor: Actor, cityCode: string, id: number, body: StudyGroupSupportBody): Promise<StudyGroupView> {
  const note = body.note?.trim() ?? '';
  if (body.support === 'funded' && body.amountWon === undefined) throw badRequest({ ko: '지원 금액(원)을 적어 주세요.', en: 'Give the amount granted, in won.' }, 'amountWon');
  if (body.support !== 'funded' && body.amountWon !== undefined) {
    throw badRequest({ ko: '금액은 보조금을 지원할 때만 적습니다.', en: 'An amount goes with funding only.' }, 'amountWon');
  }
  if (body.support !== 'declined' && body.year === undefined) throw badRequest({ ko: '지원 연도를 적어 주세요.', en: 'Give the year of the support.' }, 'year');
  if (body.support === 'declined' && note === '') throw badRequest({ ko: '지원하지 않는 이유를 적어 주세요.', en: 'Say why the city does not support it.' }, 'note');
  const amountWon = body.amountWon ?? null;
  const year = body.support === 'declined' ? null : body.year ?? null;
  await db.transaction(async (tx) => {
    if (!(await queries.lockGroup(tx, cityCode, id))) throw notFound('The study group', 'id');
    await queries.setSupport(tx, id, body.support, amountWon, year);
    await queries.logSupport(tx, { groupId: id, cityCode, support: body.support, amountWon, year, note, actorId: actor.personId });
  });
  return groupPage(db, actor, cityCode, id);
}
