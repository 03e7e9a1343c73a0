/**
 * The instructor and volunteer pool. A person keeps their own profile (only they reach it: it is addressed as
 * "mine"); institutions' staff search the published profiles that travel to their city, rank them for one of
 * their programs and assign one; the instructor is told, and sees their sessions across institutions.
 */
import type { PageOf, PageRequest } from '../../../shared/contracts/common.ts';
import type {
  AvailabilitySlot, Candidate, InstructorProfile, InstructorProfileBody, MatchReason, PoolQuery, ScheduleClash, TaughtProgram, TeachingSession,
} from '../../../shared/contracts/instructors.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { can } from '../../../shared/permissions.ts';
import {
  certificateKinds, programAreas, programSubcategories, targetGroups, weekdays, type Locale,
} from '../../../shared/vocabulary/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { badRequest, conflict, forbidden, HttpError, notFound } from '../../platform/http/errors.ts';
import { identity } from '../identity/index.ts';
import { institutionsModule } from '../institutions/index.ts';
import { notifications } from '../notifications/index.ts';
import { programsModule } from '../programs/index.ts';
import { satisfaction } from '../satisfaction/index.ts';
import * as queries from './instructors.queries.ts';

const noProfile = () => new HttpError(404, 'not_found', {
  ko: '아직 강사·자원봉사자 프로필이 없습니다.', en: 'You have no instructor or volunteer profile yet.',
});
const notInPoolWords = { ko: '이 도시의 강사·자원봉사자 풀에 없는 프로필입니다.', en: "This profile is not in the city's pool of instructors and volunteers." };
const notInPool = () => new HttpError(404, 'not_found', notInPoolWords, 'profileId');

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

function checkProfile(body: InstructorProfileBody): void {
  body.availability.forEach((slot, n) => {
    if (minutes(slot.to) <= minutes(slot.from)) {
      throw badRequest({
        ko: `가능한 시간 ${n + 1}번째: 끝나는 시각(${slot.to})이 시작 시각(${slot.from})보다 늦어야 합니다.`,
        en: `Available time ${n + 1}: the end (${slot.to}) must be after the start (${slot.from}).`,
      }, 'availability');
    }
  });
  body.certificates.forEach((certificate, n) => {
    if (certificate.kind === 'other' && certificate.name.trim() === '') {
      throw badRequest({ ko: `자격증 ${n + 1}번째: 자격증 이름을 적어 주세요.`, en: `Certificate ${n + 1}: give the certificate's name.` }, 'certificates');
    }
  });
  if (body.published && body.travelCities.length === 0 && body.travelDongs.length === 0) {
    throw badRequest({
      ko: '기관에 공개하려면 출강 가능 지역을 하나 이상 골라 주세요.', en: 'To publish the profile, choose at least one place you can travel to.',
    }, 'travelCities');
  }
}

export async function myProfile(db: Executor, actor: Actor): Promise<InstructorProfile> {
  const profile = await queries.profileOfPerson(db, actor.personId);
  if (!profile) throw noProfile();
  return profile;
}

/** Creates or replaces the actor's own profile. Unknown places are refused; the pool it joins follows from them. */
export async function saveMyProfile(db: AppDb, actor: Actor, body: InstructorProfileBody): Promise<InstructorProfile> {
  checkProfile(body);
  const places = await queries.existingPlaces(db, body.travelCities, body.travelDongs);
  const unknownCity = body.travelCities.find((code) => !places.cities.includes(code));
  if (unknownCity) throw badRequest({ ko: `없는 시·군·구 코드입니다: ${unknownCity}`, en: `No such city or county: ${unknownCity}` }, 'travelCities');
  const unknownDong = body.travelDongs.find((code) => !places.dongs.some((d) => d.code === code));
  if (unknownDong) throw badRequest({ ko: `없는 행정동 코드입니다: ${unknownDong}`, en: `No such dong: ${unknownDong}` }, 'travelDongs');
  const reach = [...new Set([...body.travelCities, ...places.dongs.map((d) => d.cityCode)])].sort();
  await db.transaction(async (tx) => {
    const id = await queries.saveProfile(tx, {
      personId: actor.personId, kind: body.kind, bio: body.bio.trim(), skills: body.skills, targetGroups: body.targetGroups,
      certificates: body.certificates.map((c) => ({ ...c, name: c.kind === 'other' ? c.name.trim() : certificateKinds.get(c.kind).ko, issuer: c.issuer.trim() })),
      travelCityCodes: body.travelCities, travelDongCodes: body.travelDongs, reachCityCodes: reach, published: body.published,
    });
    await queries.replaceAvailability(tx, id, body.availability);
  });
  return myProfile(db, actor);
}

async function cityOfInstitution(db: Executor, institutionId: number): Promise<string> {
  const institution = await institutionsModule.findInstitution(db, institutionId);
  if (!institution) throw notFound('The institution', 'id');
  return institution.cityCode;
}

export async function searchPool(db: Executor, institutionId: number, query: PoolQuery, page: PageRequest) {
  const cityCode = await cityOfInstitution(db, institutionId);
  if ((query.from || query.to) && !query.weekday) throw badRequest({ ko: '시간으로 찾으려면 요일도 골라 주세요.', en: 'To search by time, choose a weekday too.' }, 'weekday');
  const from = query.from ?? '00:00';
  const to = query.to ?? '23:59';
  if (query.weekday && minutes(to) <= minutes(from)) {
    throw badRequest({ ko: '끝나는 시각이 시작 시각보다 늦어야 합니다.', en: 'The end time must be after the start time.' }, 'to');
  }
  return queries.poolOf(db, cityCode, {
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.skill ? { skill: query.skill } : {}),
    ...(query.targetGroup ? { targetGroup: query.targetGroup } : {}),
    ...(query.certificate ? { certificate: query.certificate } : {}),
    ...(query.weekday ? { slot: { weekday: query.weekday, from, to } } : {}),
  }, page);
}

/** A profile of the institution's city's pool, as its staff see it. */
export async function poolProfile(db: Executor, institutionId: number, profileId: number): Promise<InstructorProfile> {
  const profile = await queries.profileInPool(db, profileId, await cityOfInstitution(db, institutionId));
  if (!profile) throw notInPool();
  return profile;
}

async function withSatisfaction(db: Executor, page: Awaited<ReturnType<typeof queries.taughtPrograms>>): Promise<PageOf<TaughtProgram>> {
  const items = await Promise.all(page.items.map(async (program) => ({
    ...program, satisfaction: await satisfaction.summary(db, { programId: program.programId }),
  })));
  return { ...page, items };
}

/** What a profile taught, with residents' satisfaction: institutions see published programs only. */
export async function poolHistory(db: Executor, institutionId: number, profileId: number, page: PageRequest) {
  await poolProfile(db, institutionId, profileId);
  return withSatisfaction(db, await queries.taughtPrograms(db, profileId, true, page));
}

export async function myHistory(db: Executor, actor: Actor, page: PageRequest) {
  const profile = await myProfile(db, actor);
  return withSatisfaction(db, await queries.taughtPrograms(db, profile.id, false, page));
}

/** The program if the actor may assign its instructor (its institution's staff): others are refused, as for editing it. */
async function assignableProgram(db: Executor, actor: Actor, programId: number) {
  const program = await programsModule.visibleProgram(db, actor, programId);
  if (!can(actor.grants, 'instructors.assign', { institutionId: program.institutionId, cityCode: program.cityCode })) {
    throw forbidden({
      ko: '이 프로그램을 운영하는 기관의 담당자만 강사를 배정할 수 있습니다.', en: 'Only the staff of the institution that runs this program can assign its instructor.',
    });
  }
  return program;
}

const day = (code: AvailabilitySlot['weekday']) => weekdays.get(code);
const slotWords = (slot: AvailabilitySlot) => ({
  ko: `${day(slot.weekday).ko}요일 ${slot.from}–${slot.to}`, en: `${day(slot.weekday).en} ${slot.from}–${slot.to}`,
});

/** Why the candidate fits the program, item by item (what is missing too). */
function reasonsFor(row: queries.CandidateRow, program: { subcategory: string; area: string; online: boolean; placeKo: string; placeEn: string; targetGroups: readonly string[] }, slots: readonly AvailabilitySlot[]): MatchReason[] {
  const sub = programSubcategories.get(program.subcategory as never);
  const area = programAreas.get(program.area as never);
  const reasons: MatchReason[] = [];
  reasons.push(row.skillExact
    ? { kind: 'skill', fit: true, words: { ko: `${area.ko} · ${sub.ko} 분야`, en: `${area.en} · ${sub.en}` } }
    : row.skillArea
      ? { kind: 'skill', fit: true, words: { ko: `${area.ko} 영역(다른 분야)`, en: `${area.en} (another subcategory)` } }
      : { kind: 'skill', fit: false, words: { ko: `${sub.ko} 분야 아님`, en: `Not in ${sub.en}` } });
  reasons.push(program.online
    ? { kind: 'travel', fit: true, words: { ko: '온라인 수업', en: 'Online' } }
    : row.travels
      ? { kind: 'travel', fit: true, words: { ko: `${program.placeKo} 출강 가능`, en: `Travels to ${program.placeEn}` } }
      : { kind: 'travel', fit: false, words: { ko: `${program.placeKo} 출강 지역 아님`, en: `Does not travel to ${program.placeEn}` } });
  for (const slot of slots) {
    const free = !row.unavailable.some((u) => u.weekday === slot.weekday && u.from === slot.from && u.to === slot.to);
    const words = slotWords(slot);
    reasons.push({ kind: 'availability', fit: free, words: free ? { ko: `${words.ko} 가능`, en: `Free ${words.en}` } : { ko: `${words.ko} 불가`, en: `Not free ${words.en}` } });
  }
  const groups = row.targetGroups.filter((g) => program.targetGroups.includes(g));
  if (groups.length > 0) {
    const named = groups.map((g) => targetGroups.get(g));
    reasons.push({ kind: 'target_group', fit: true, words: { ko: `${named.map((g) => g.ko).join('·')} 대상 경험`, en: `Teaches ${named.map((g) => g.en.toLowerCase()).join(', ')}` } });
  }
  for (const certificate of row.certificates.filter((c) => c.kind !== 'other')) {
    const kind = certificateKinds.get(certificate.kind);
    reasons.push({ kind: 'certificate', fit: true, words: { ko: kind.ko, en: kind.en } });
  }
  if (row.programsTaught > 0) {
    reasons.push({ kind: 'history', fit: true, words: { ko: `프로그램 ${row.programsTaught}개 강의`, en: `Taught ${row.programsTaught} program${row.programsTaught === 1 ? '' : 's'}` } });
  }
  return reasons;
}

function clashesByProfile(clashes: readonly (ScheduleClash & { profileId: number })[]) {
  const by = new Map<number, ScheduleClash[]>();
  for (const { profileId, ...clash } of clashes) by.set(profileId, [...(by.get(profileId) ?? []), clash]);
  return by;
}

/** What a course asks of its instructor, and where it is (for the reasons' words). */
interface CourseNeeds {
  /** Null for a course not made yet; its weekly times are then `weekly`. */
  programId: number | null;
  weekly: readonly AvailabilitySlot[];
  cityCode: string;
  dongCode: string | null;
  online: boolean;
  area: string;
  subcategory: queries.ProgramNeeds['subcategory'];
  targetGroups: queries.ProgramNeeds['targetGroups'];
  cityNameKo: string;
  cityNameEn: string;
  dongNameKo: string | null;
  dongNameEn: string | null;
}

/** The city's pool ranked for the course, with the reasons of each and the clashes with their other programs (a made program only). */
async function rankedFor(db: Executor, course: CourseNeeds, page: PageRequest): Promise<PageOf<Candidate>> {
  const found = await queries.candidatesFor(db, {
    programId: course.programId, weekly: course.weekly, cityCode: course.cityCode, dongCode: course.dongCode, online: course.online,
    subcategory: course.subcategory, areaSubcategories: programSubcategories.entries.filter((s) => s.area === course.area).map((s) => s.code),
    targetGroups: course.targetGroups,
  }, page);
  const [slots, clashes] = course.programId === null
    ? [course.weekly, []]
    : await Promise.all([queries.programSlots(db, course.programId), queries.clashesWith(db, course.programId, found.items.map((c) => c.id))]);
  const clashing = clashesByProfile(clashes);
  const place = {
    placeKo: [course.cityNameKo, course.dongNameKo].filter(Boolean).join(' '),
    placeEn: [course.dongNameEn, course.cityNameEn].filter(Boolean).join(', '),
  };
  return {
    ...found,
    items: found.items.map((row) => {
      const { skillExact: _s, skillArea: _a, travels: _t, unavailable: _u, servesGroup: _g, lifelongEducator: _l, score, assigned, ...profile } = row;
      return {
        profile, score, assigned, clashes: clashing.get(row.id) ?? [],
        reasons: reasonsFor(row, { ...course, ...place }, slots),
      };
    }),
  };
}

/** The city's pool ranked for one of the actor's institution's programs, with the reasons and schedule clashes of each. */
export async function candidates(db: AppDb, actor: Actor, programId: number, page: PageRequest): Promise<PageOf<Candidate>> {
  const program = await assignableProgram(db, actor, programId);
  return rankedFor(db, { ...program, programId: program.id, weekly: [], online: program.mode === 'online' }, page);
}

/** The pool ranked for a course not made yet (a delivered course's group), in person at its dong on its weekly times. */
export async function candidatesForCourse(db: Executor, course: Omit<CourseNeeds, 'programId' | 'online'>, page: PageRequest): Promise<PageOf<Candidate>> {
  return rankedFor(db, { ...course, programId: null, online: false }, page);
}

/** A published profile of the city's pool, or undefined. */
export const profileInPool = queries.profileInPool;

/**
 * Links a profile of the city's pool to the program: the program names its instructor, the person is told (and
 * the one it replaces, if any). Clashes with their other programs are returned, not refused: the staff decide.
 */
export async function assign(db: AppDb, actor: Actor, programId: number, profileId: number) {
  const program = await assignableProgram(db, actor, programId);
  if (program.status === 'cancelled') {
    throw conflict({ ko: '폐강된 프로그램에는 강사를 배정할 수 없습니다.', en: 'A cancelled program cannot be given an instructor.' }, 'profileId');
  }
  const profile = await queries.profileInPool(db, profileId, program.cityCode);
  // The program exists for the caller; what the body names is not in the pool (unpublished, elsewhere, unknown).
  if (!profile) throw badRequest(notInPoolWords, 'profileId');
  const institution = (await institutionsModule.findInstitution(db, program.institutionId))!;
  const { assignedAt } = await db.transaction((tx) => linkInstructor(tx, { program, profile, institutionName: institution.name, by: actor }));
  const clashes = await queries.clashesWith(db, program.id, [profile.id]);
  return { programId: program.id, profileId: profile.id, displayName: profile.displayName, assignedAt, clashes: clashes.map(({ profileId: _p, ...c }) => c) };
}

/**
 * Links the profile to the program in the caller's transaction: the program names its instructor, the person is
 * told (and the one it replaces, if any). Who may do it is the caller's to check.
 */
export async function linkInstructor(tx: Executor, link: {
  program: { id: number; title: string; cityCode: string; institutionId: number };
  profile: { id: number; personId: number; displayName: string };
  institutionName: string;
  by: { personId: number; displayName: string };
}) {
  const { program, profile, institutionName, by } = link;
  const linked = await queries.assign(tx, { programId: program.id, profileId: profile.id, institutionId: program.institutionId, assignedBy: by.personId });
  await programsModule.setInstructorName(tx, program.id, profile.displayName);
  const message = (ko: string, en: string) => ({
    title: { ko: `${institutionName} ‘${program.title}’ ${ko}`, en: `${en} “${program.title}” at ${institutionName}` },
    body: { ko: `${by.displayName}님이 바꾸었습니다.`, en: `Changed by ${by.displayName}.` },
    cityCode: program.cityCode,
  });
  await notifications.notify(tx, await identity.recipientsByIds(tx, [profile.personId]), {
    kind: 'instructors.assigned', link: '/me/teaching', ...message('강사로 배정되었습니다', 'You are assigned to teach'),
  });
  if (linked.previousProfileId !== null) {
    const previous = await queries.personOfProfile(tx, linked.previousProfileId);
    if (previous) {
      await notifications.notify(tx, await identity.recipientsByIds(tx, [previous.personId]), {
        kind: 'instructors.unassigned', ...message('강사 배정이 취소되었습니다', 'You no longer teach'),
      });
    }
  }
  return linked;
}

/** Unlinks the program's instructor, if any (its name is cleared too), and tells them. */
export async function unassign(db: AppDb, actor: Actor, programId: number): Promise<void> {
  const program = await assignableProgram(db, actor, programId);
  const institution = (await institutionsModule.findInstitution(db, program.institutionId))!;
  await db.transaction(async (tx) => {
    const profileId = await queries.unassign(tx, program.id);
    // Nobody linked: there is nothing to undo (a second click, a colleague first).
    if (profileId === null) return;
    await programsModule.setInstructorName(tx, program.id, null);
    const person = (await queries.personOfProfile(tx, profileId))!;
    await notifications.notify(tx, await identity.recipientsByIds(tx, [person.personId]), {
      kind: 'instructors.unassigned',
      title: { ko: `${institution.name} ‘${program.title}’ 강사 배정이 취소되었습니다`, en: `You no longer teach “${program.title}” at ${institution.name}` },
      body: { ko: `${actor.displayName}님이 바꾸었습니다.`, en: `Changed by ${actor.displayName}.` },
      cityCode: program.cityCode,
    });
  });
}

/** Who teaches the program from the pool (null when none is linked): its staff see it beside the candidates. */
export async function assignmentOf(db: Executor, actor: Actor, programId: number) {
  const program = await assignableProgram(db, actor, programId);
  return (await queries.assignmentOf(db, program.id)) ?? null;
}

export async function mySchedule(db: Executor, actor: Actor, from: string | undefined, page: PageRequest): Promise<PageOf<TeachingSession>> {
  return queries.teachingSessions(db, actor.personId, from ?? todayInKorea(), page);
}

/** The most sessions one calendar file carries (a year of four classes a week and more). */
const CALENDAR_LIMIT = 1000;

/** The actor's sessions from today on as an iCalendar file, through the programs module's calendar. */
export async function myCalendar(db: Executor, actor: Actor, publicUrl: string, locale: Locale): Promise<string> {
  const sessions = await queries.calendarSessions(db, actor.personId, todayInKorea(), CALENDAR_LIMIT);
  return programsModule.sessionsCalendar(sessions.map((s) => ({
    uid: `program-${s.programId}-session-${s.sessionNo}-teaching@learning-city`,
    startsAt: s.startsAtUtc,
    endsAt: s.endsAtUtc,
    title: `${s.title} (${s.sessionNo}/${s.sessionCount})`,
    description: `${s.institutionName}\n${publicUrl}/programs/${s.programId}`,
    location: s.place ?? (locale === 'en' ? 'Online' : '온라인'),
    url: `${publicUrl}/programs/${s.programId}`,
  })), locale === 'en' ? 'My teaching' : '나의 강의 일정');
}
