/**
 * The institution's back office over its programs: the list by phase, the editor (every field a resident sees,
 * and the sessions one by one), cancelling with a reason, and copying a program into a new term. A change to a
 * published program reaches the people enrolled and waiting; a larger class gives places to those waiting; a
 * cancelled program frees every place and says why. Each change holds the program's row lock, the same lock
 * enrolment takes, so places are never counted from a stale capacity.
 */
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type {
  CancelBody, CopyBody, CopyResult, EditResult, OfficeListQuery, OfficeProgram, OfficeProgramList, ProgramEditBody, SessionInput,
} from '../../../shared/contracts/program-office.ts';
import { officePhases } from '../../../shared/vocabulary/index.ts';
import { planSessions } from '../../../shared/lib/holidays.ts';
import { sessionHours } from '../../../shared/lib/schedule.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { todayInKorea } from '../../platform/clock.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { enrolmentModule } from '../enrolment/index.ts';
import { identity } from '../identity/index.ts';
import { institutionsModule } from '../institutions/index.ts';
import { lotteryModule } from '../lottery/index.ts';
import { notifications } from '../notifications/index.ts';
import { programsModule } from '../programs/index.ts';
import { vouchersModule } from '../vouchers/index.ts';

const { office } = programsModule;
type Venue = Awaited<ReturnType<typeof institutionsModule.findVenue>>;

export async function listPrograms(db: AppDb, institutionId: number, query: OfficeListQuery, page: PageRequest): Promise<OfficeProgramList> {
  if (!(await institutionsModule.findInstitution(db, institutionId))) throw notFound('The institution', 'id');
  const today = todayInKorea();
  const [{ items, total }, counts] = await Promise.all([
    office.officeList(db, { institutionId, phase: query.phase, q: query.q }, page, today),
    office.phaseCounts(db, institutionId, today),
  ]);
  const phases = Object.fromEntries(officePhases.codes.map((phase) => [phase, counts.find((c) => c.phase === phase)?.n ?? 0]));
  return { items, total, ...page, phases };
}

export async function officeProgram(db: Executor, actor: Actor, id: number): Promise<OfficeProgram> {
  await programsModule.managedProgram(db, actor, id);
  const program = (await office.officeProgram(db, id, todayInKorea()))!;
  return { ...program, sessions: await programsModule.sessionsOf(db, id) };
}

const stale = () => conflict({
  ko: '다른 담당자가 그사이 이 프로그램을 고쳤습니다. 새로 불러와 바뀐 내용을 본 뒤 다시 고쳐 주세요.',
  en: 'A colleague changed this program after you opened it. Reload it to see their changes, then make yours again.',
}, 'version');

/** Locks the program for a change at the version its editor saw; cancelled and finished ones no longer change. */
async function lockedForChange(tx: Executor, id: number, version: number) {
  const locked = (await office.lockForEdit(tx, id))!;
  if (locked.version !== version) throw stale();
  if (locked.status === 'cancelled') {
    throw conflict({ ko: '폐강한 프로그램은 바꿀 수 없습니다. 다음 학기로 복사해 새로 여세요.', en: 'A cancelled program cannot change; copy it into a new term instead.' }, 'status');
  }
  if (locked.endsOn < todayInKorea()) {
    throw conflict({ ko: '이미 끝난 프로그램은 바꿀 수 없습니다.', en: 'This program has ended and can no longer change.' }, 'status');
  }
  return locked;
}

const at = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`);
const inKorea = (instant: Date) => new Date(instant.getTime() + 9 * 3_600_000).toISOString();
const dayAndTime = (instant: Date) => ({ date: inKorea(instant).slice(0, 10), time: inKorea(instant).slice(11, 16) });

/** The sessions in order, each ending after it starts, no two at once; as instants. */
function checkedSessions(sessions: readonly SessionInput[]) {
  const timed = sessions.map((s, i) => {
    if (sessionHours(s.startTime, s.endTime) <= 0) {
      throw badRequest({ ko: `${i + 1}회차: 끝나는 시간은 시작 시간보다 늦어야 합니다.`, en: `Session ${i + 1}: it must end after it starts.` }, `sessions.${i}.endTime`);
    }
    return { startsAt: at(s.date, s.startTime), endsAt: at(s.date, s.endTime) };
  });
  timed.forEach((s, i) => {
    if (i > 0 && s.startsAt < timed[i - 1]!.endsAt) {
      throw badRequest({
        ko: `${i + 1}회차가 ${i}회차보다 먼저 시작하거나 겹칩니다. 회차는 날짜 순서대로, 겹치지 않게 적어 주세요.`,
        en: `Session ${i + 1} starts before session ${i} ends. List sessions in order, without overlaps.`,
      }, `sessions.${i}.date`);
    }
  });
  return timed;
}

interface SessionChange { sessionNo: number; from: Date | null; to: Date | null }

/** Makes the stored sessions those of the editor, in place (attendance stays with its session); returns what moved. */
async function applySessions(tx: Executor, programId: number, cityCode: string, wanted: { startsAt: Date; endsAt: Date }[]): Promise<SessionChange[]> {
  const stored = await office.sessionsForEdit(tx, programId);
  const changes: SessionChange[] = [];
  const refuse = (sessionNo: number) => conflict({
    ko: `${sessionNo}회차는 이미 출석을 기록해서 옮기거나 없앨 수 없습니다.`,
    en: `Session ${sessionNo} already has attendance recorded; it cannot move or go.`,
  }, `sessions.${sessionNo - 1}.date`);
  for (const [i, session] of stored.entries()) {
    const next = wanted[i];
    const moved = !next || next.startsAt.getTime() !== session.startsAt.getTime() || next.endsAt.getTime() !== session.endsAt.getTime();
    if (moved && session.attended) throw refuse(session.sessionNo);
    if (!moved) continue;
    if (next) await office.moveSession(tx, session.id, { sessionNo: i + 1, ...next });
    changes.push({ sessionNo: i + 1, from: session.startsAt, to: next?.startsAt ?? null });
  }
  await office.deleteSessions(tx, stored.slice(wanted.length).map((s) => s.id));
  const added = wanted.slice(stored.length).map((s, k) => ({ programId, cityCode, sessionNo: stored.length + k + 1, ...s }));
  await programsModule.insertSessions(tx, added);
  for (const s of added) changes.push({ sessionNo: s.sessionNo, from: null, to: s.startsAt });
  return changes;
}

const dateWords = (instant: Date) => {
  const { date, time } = dayAndTime(instant);
  return `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))} ${time}`;
};

function changeLines(changes: readonly SessionChange[], venue: { from: string | null; to: string | null } | null) {
  const ko: string[] = [];
  const en: string[] = [];
  for (const c of changes) {
    if (c.from && c.to) {
      ko.push(`${c.sessionNo}회차: ${dateWords(c.from)} → ${dateWords(c.to)}`);
      en.push(`Session ${c.sessionNo}: ${dateWords(c.from)} → ${dateWords(c.to)}`);
    } else if (c.to) {
      ko.push(`${c.sessionNo}회차 추가: ${dateWords(c.to)}`);
      en.push(`Session ${c.sessionNo} added: ${dateWords(c.to)}`);
    } else {
      ko.push(`${c.sessionNo}회차 취소 (${dateWords(c.from!)})`);
      en.push(`Session ${c.sessionNo} dropped (${dateWords(c.from!)})`);
    }
  }
  if (venue) {
    ko.push(`장소: ${venue.from ?? '온라인'} → ${venue.to ?? '온라인'}`);
    en.push(`Place: ${venue.from ?? 'online'} → ${venue.to ?? 'online'}`);
  }
  return { ko: ko.join('\n'), en: en.join('\n') };
}

async function tell(tx: Executor, personIds: readonly number[], message: Parameters<typeof notifications.notify>[2]) {
  if (personIds.length > 0) await notifications.notify(tx, await identity.recipientsByIds(tx, personIds), message);
}

const venueName = async (tx: Executor, id: number | null) => (id === null ? null : (await institutionsModule.findVenue(tx, id))?.name ?? null);

/** Saves the editor's program: its terms, place, capacity and sessions; tells the people in line what moved. */
export async function editProgram(db: AppDb, actor: Actor, id: number, body: ProgramEditBody): Promise<EditResult> {
  programsModule.checkTerms(body);
  checkedSessions(body.sessions);
  const result = await db.transaction(async (tx) => {
    await programsModule.managedProgram(tx, actor, id);
    return saveEdit(tx, id, body);
  });
  return { program: await officeProgram(db, actor, id), ...result };
}

/**
 * The editor's rules for a change to a program, in the caller's transaction (the editor's, or an import's for each
 * row that changed): the version seen, the place, no class smaller than its enrolments, sessions with attendance
 * kept; the version goes up, places go to those waiting, and the people in line are told what moved.
 */
export async function saveEdit(tx: Executor, id: number, body: ProgramEditBody, venues?: (id: number) => Promise<Venue | undefined>) {
  programsModule.checkTerms(body);
  const sessions = checkedSessions(body.sessions);
  {
    const locked = await lockedForChange(tx, id, body.version);
    const place = await programsModule.placeOf(tx, body, { id: locked.institutionId }, venues);
    const enrolled = await enrolmentModule.seatsTaken(tx, id);
    if (body.capacity < enrolled) {
      throw conflict({
        ko: `이미 ${enrolled}명이 수강 신청해서 정원을 ${body.capacity}명으로 줄일 수 없습니다. ${enrolled}명 이상으로 정해 주세요.`,
        en: `${enrolled} people are already enrolled, so the capacity cannot go down to ${body.capacity}. Make it at least ${enrolled}.`,
      }, 'capacity');
    }
    if (body.registrationMode !== 'lottery' && (await lotteryModule.countApplications(tx, id)) > 0) {
      throw conflict({
        ko: '추첨에 신청한 사람이 있어 신청 방법을 바꿀 수 없습니다.', en: 'People have applied for the draw, so the registration cannot change from a lottery.',
      }, 'registrationMode');
    }
    const publishing = body.publish === true && locked.status === 'draft';
    const changes = await applySessions(tx, id, locked.cityCode, sessions);
    const first = body.sessions[0]!;
    const last = body.sessions.at(-1)!;
    const { sessions: _sessions, publish: _publish, version: _version, ...terms } = body;
    await office.updateProgram(tx, id, {
      ...terms,
      ...place,
      titleEn: body.titleEn || null,
      instructorName: body.instructorName || null,
      startsOn: first.date,
      endsOn: last.date,
      sessionCount: body.sessions.length,
      totalHours: Math.round(body.sessions.reduce((sum, s) => sum + sessionHours(s.startTime, s.endTime), 0) * 10) / 10,
      ...(publishing ? { status: 'published' as const, publishedAt: new Date() } : {}),
    });
    const promoted = locked.status === 'draft' ? [] : await enrolmentModule.promoteWaitlisted(tx, id, body.capacity - enrolled);
    await programsModule.refreshSearchIndex(tx, todayInKorea(), [id]);
    await programsModule.setSeatsLeft(tx, id, body.capacity - enrolled - promoted.length);

    const venueChanged = place.venueId !== locked.venueId;
    const told = locked.status === 'draft' || (changes.length === 0 && !venueChanged) ? [] : (await enrolmentModule.peopleInLine(tx, id)).filter((p) => !promoted.includes(p));
    const link = `/programs/${id}`;
    await tell(tx, told, {
      kind: 'program.changed', link,
      title: { ko: `‘${body.title}’ 일정이나 장소가 바뀌었습니다`, en: `‘${body.title}’ has changed` },
      body: changeLines(changes, venueChanged ? { from: await venueName(tx, locked.venueId), to: await venueName(tx, place.venueId) } : null),
    });
    await tell(tx, promoted, {
      kind: 'program.place_given', link,
      title: { ko: `‘${body.title}’ 수강 자리가 생겼습니다`, en: `A place for you in ‘${body.title}’` },
      body: { ko: '정원이 늘어 대기에서 수강으로 바뀌었습니다. 다니기 어려우면 취소해 다음 분께 자리를 넘겨 주세요.', en: 'The class grew and you are now enrolled. If you cannot come, cancel so the next person gets the place.' },
    });
    return { notified: told.length + promoted.length, promoted: promoted.length };
  }
}

/** Cancels a program (폐강): every place and waitlist entry is freed, and each person is told why. */
export async function cancelProgram(db: AppDb, actor: Actor, id: number, body: CancelBody): Promise<EditResult> {
  const result = await db.transaction(async (tx) => {
    await programsModule.managedProgram(tx, actor, id);
    const locked = await lockedForChange(tx, id, body.version);
    // A cancelled program is shown to everyone with its reason; a draft was never shown, so it is not cancelled.
    if (locked.status === 'draft') {
      throw conflict({ ko: '아직 공개하지 않은 프로그램은 폐강할 수 없습니다. 공개하지 않은 채로 두면 됩니다.', en: 'A draft was never published, so there is nothing to cancel; leave it unpublished.' }, 'status');
    }
    await office.markCancelled(tx, id, body.reason);
    const released = await enrolmentModule.releaseAll(tx, id);
    await vouchersModule.refundCancelledProgram(tx, id, actor.personId);
    await programsModule.refreshSearchIndex(tx, todayInKorea(), [id]);
    await tell(tx, released, {
      kind: 'program.cancelled', link: `/programs/${id}`,
      title: { ko: `‘${locked.title}’ 폐강 안내`, en: `‘${locked.title}’ is cancelled` },
      body: { ko: `폐강 사유: ${body.reason}\n수강 신청과 대기는 모두 취소되었습니다. 이용권으로 낸 수강료가 있으면 진행하지 않은 회차만큼 이용권으로 돌려받습니다.`, en: `The institution's reason: ${body.reason}\nYour place or waitlist entry is cancelled. Any fee paid with a voucher goes back to it for the sessions not held.` },
    });
    return { notified: released.length, promoted: 0 };
  });
  return { program: await officeProgram(db, actor, id), ...result };
}

/** Copies a program into a new term as a draft: the same listing, sessions on the same weekdays and times from `startsOn`, public holidays skipped. */
export async function copyProgram(db: AppDb, actor: Actor, id: number, body: CopyBody): Promise<CopyResult> {
  const source = await officeProgram(db, actor, id);
  if (body.startsOn < todayInKorea()) throw badRequest({ ko: '새 학기의 시작일은 오늘이나 그 뒤여야 합니다.', en: 'The new term must start today or later.' }, 'startsOn');
  const plan = await planSessions({ startsOn: body.startsOn, weekdays: source.weekdays, sessionCount: source.sessions.length, startTime: source.startTime, endTime: source.endTime });
  const newId = await db.transaction(async (tx) => {
    const institution = (await institutionsModule.findInstitution(tx, source.institutionId))!;
    const place = await programsModule.placeOf(tx, source, institution);
    const { id: _id, phase: _phase, version: _version, sessions: _sessions, enrolled: _enrolled, waitlisted: _waitlisted, cancelReason: _reason, ...terms } = source;
    const created = await programsModule.insertProgram(tx, {
      ...terms, ...place, status: 'draft', publishedAt: null,
      titleEn: source.titleEn || null, instructorName: source.instructorName || null,
      startsOn: plan.sessions[0]!.date, endsOn: plan.sessions.at(-1)!.date, sessionCount: plan.sessions.length,
      totalHours: Math.round(plan.sessions.length * sessionHours(source.startTime, source.endTime) * 10) / 10,
      // The enrolment window belonged to the old term; the new one sets its own.
      enrolmentOpensOn: null, enrolmentClosesOn: null,
    });
    await programsModule.insertSessions(tx, plan.sessions.map((s) => ({
      programId: created, cityCode: source.cityCode, sessionNo: s.sessionNo, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt),
    })));
    return created;
  });
  return { id: newId, skipped: plan.skipped.map((s) => ({ date: s.date, names: [...s.names] })), unknownYears: [...plan.unknownYears] };
}
