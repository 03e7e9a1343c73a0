/**
 * Use cases of enrolment: enrol (or join the waitlist), cancel (and promote the first in line), and the
 * institution's side: roster, attendance and completion. Every change to a program's places happens
 * with the program row locked, so concurrent requests can never take more places than it has.
 */
import { refusalText, type RefusalReason } from '../../../shared/messages/enrolment.ts';
import type { Locale } from '../../../shared/vocabulary/index.ts';
import type { AttendanceBody, CompletionResult, EnrolmentView, LearnerCompletionBody, Roster } from '../../../shared/contracts/enrolment.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { HttpError, badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { todayInKorea } from '../../platform/clock.ts';
import { credentials } from '../credentials/index.ts';
import { findApplicant, identity } from '../identity/index.ts';
import { notifications } from '../notifications/index.ts';
import { openingDay } from '../opening-day/index.ts';
import type { ModuleContext } from '../index.ts';
import { programsModule } from '../programs/index.ts';
import { refusalsFor } from './eligibility.ts';
import * as queries from './enrolment.queries.ts';

type Locked = NonNullable<Awaited<ReturnType<typeof programsModule.lockForEnrolment>>>;

/** The program locked for a change of places, if `actor` may see it (an unpublished one is not found, as if there were none). */
async function lockProgram(tx: Executor, actor: Actor, programId: number): Promise<Locked> {
  const program = await programsModule.lockForEnrolment(tx, programId);
  if (!program || !programsModule.maySeeProgram(actor, program)) throw notFound('The program', 'id');
  return program;
}

async function view(tx: Executor, enrolmentId: number, program: Locked): Promise<EnrolmentView> {
  const enrolment = await queries.enrolmentView(tx, enrolmentId);
  const seatsLeft = program.capacity - (await queries.seatsTaken(tx, program.id));
  const waitlistPosition = enrolment.status === 'waitlisted' ? await queries.waitlistPosition(tx, enrolmentId) : null;
  return { ...enrolment, waitlistPosition, seatsLeft };
}

/** Why a person cannot enrol (or apply), every reason in both languages. */
export function refusal(reasons: RefusalReason[], code: string): HttpError {
  const say = (locale: Locale) => reasons.map((r) => refusalText(r, locale)).join(' ');
  return new HttpError(409, code, { ko: say('ko'), en: say('en') }, undefined, { reasons });
}

export interface EnrolOptions {
  allowClash: boolean;
  today: string;
  /**
   * Staff enrolling a resident who applied at the centre (an offline application): whom, and that `actor` entered it.
   * The caller has checked the permission; the place is taken in the same arrival order as online enrolments.
   */
  onBehalfOf?: number;
}

/** Enrols the person, or puts them on the waitlist when full. Asking again returns the same place. */
export async function enrol(db: AppDb, actor: Actor, programId: number, options: EnrolOptions): Promise<{ enrolment: EnrolmentView; created: boolean }> {
  const personId = options.onBehalfOf ?? actor.personId;
  const enteredBy = options.onBehalfOf === undefined ? null : actor.personId;
  // On opening day a resident takes a place only once the waiting room lets them in (staff at a centre are not queued).
  if (enteredBy === null) await openingDay.admission(db, programId, personId);
  return db.transaction(async (tx) => {
    const program = await lockProgram(tx, actor, programId);
    const existing = await queries.findEnrolment(tx, programId, personId);
    if (existing && existing.status !== 'cancelled') return { enrolment: await view(tx, existing.id, program), created: false };

    const applicant = (await findApplicant(tx, personId))!;
    // Staff entering an application at the centre is how a visit or phone registration is taken.
    const takenAtCentre = enteredBy !== null && program.registrationMode !== 'lottery';
    const reasons = refusalsFor(takenAtCentre ? { ...program, registrationMode: 'online' } : program, applicant, options.today);
    if (reasons.length > 0) throw refusal(reasons, 'not_eligible');
    if (!options.allowClash) {
      const clashes = await programsModule.findClashes(tx, programId, await queries.activeProgramIds(tx, personId, programId));
      if (clashes.length > 0) {
        throw refusal(clashes.map((c) => ({ code: 'clash', programTitle: c.title, startsAt: c.startsAt })), 'schedule_clash');
      }
    }

    const taken = await queries.seatsTaken(tx, programId);
    const status = taken < program.capacity ? 'enrolled' : 'waitlisted';
    const id = existing
      ? (await queries.reopenEnrolment(tx, existing.id, status, enteredBy), existing.id)
      : await queries.insertEnrolment(tx, { programId, personId, cityCode: program.cityCode, status, enteredBy });
    if (status === 'enrolled') await programsModule.setSeatsLeft(tx, programId, program.capacity - taken - 1);
    return { enrolment: await view(tx, id, program), created: true };
  });
}

/**
 * Cancels the person's place or waitlist entry; a freed place goes to the first person waiting. `onCancelled` runs in
 * the same transaction (a voucher that paid the fee is refunded under the refund rules, or not at all).
 */
export async function cancel(
  db: AppDb, actor: Actor, programId: number, onCancelled?: (tx: Executor, enrolmentId: number) => Promise<void>,
): Promise<EnrolmentView> {
  return db.transaction(async (tx) => {
    const program = await lockProgram(tx, actor, programId);
    const existing = await queries.findEnrolment(tx, programId, actor.personId);
    if (!existing) throw notFound('Your enrolment in this program');
    if (existing.status === 'cancelled') return view(tx, existing.id, program);
    if (existing.status !== 'enrolled' && existing.status !== 'waitlisted') {
      throw conflict({ ko: '이미 끝난 수강이라 취소할 수 없습니다.', en: 'This program has ended for you; its record cannot be cancelled.' });
    }
    await queries.setStatus(tx, existing.id, 'cancelled');
    await onCancelled?.(tx, existing.id);
    if (existing.status === 'enrolled') {
      const next = await queries.firstWaitlisted(tx, programId);
      if (next) await queries.setStatus(tx, next.id, 'enrolled');
      await programsModule.setSeatsLeft(tx, programId, program.capacity - (await queries.seatsTaken(tx, programId)));
    }
    return view(tx, existing.id, program);
  });
}

export async function myEnrolment(db: AppDb, actor: Actor, programId: number): Promise<EnrolmentView> {
  return db.transaction(async (tx) => {
    const program = await programsModule.visibleProgram(tx, actor, programId);
    const existing = await queries.findEnrolment(tx, programId, actor.personId);
    if (!existing) throw notFound('Your enrolment in this program');
    const seatsLeft = program.capacity - (await queries.seatsTaken(tx, programId));
    const waitlistPosition = existing.status === 'waitlisted' ? await queries.waitlistPosition(tx, existing.id) : null;
    return { ...existing, waitlistPosition, seatsLeft };
  });
}


export async function roster(db: AppDb, actor: Actor, programId: number): Promise<Roster> {
  const program = await programsModule.managedProgram(db, actor, programId);
  const [entries, sessions] = await Promise.all([queries.rosterOf(db, programId, program.textReminders), programsModule.sessionIdsOf(db, programId)]);
  const waiting = entries.filter((e) => e.status === 'waitlisted');
  return {
    programId,
    capacity: program.capacity,
    completionRate: program.completionRate,
    sessions: sessions.map((s) => ({ sessionNo: s.sessionNo, startsAt: s.startsAt.toISOString() })),
    enrolled: entries.filter((e) => e.status !== 'waitlisted').map((e) => ({ ...e, waitlistPosition: null })),
    waitlist: waiting.map((e, i) => ({ ...e, waitlistPosition: i + 1 })),
  };
}

export async function recordAttendance(db: AppDb, actor: Actor, programId: number, sessionNo: number, body: AttendanceBody): Promise<Roster> {
  const program = await programsModule.managedProgram(db, actor, programId);
  const session = (await programsModule.sessionIdsOf(db, programId)).find((s) => s.sessionNo === sessionNo);
  if (!session) throw notFound(`Session ${sessionNo} of this program`, 'sessionNo');
  const day = todayInKorea(session.startsAt);
  if (day > todayInKorea()) {
    throw conflict({ ko: `${sessionNo}회차 수업(${day})은 아직 열리지 않았습니다. 출석은 수업 날부터 기록할 수 있습니다.`, en: `Session ${sessionNo} (${day}) has not been held yet: attendance is taken from the day of the session.` }, 'sessionNo');
  }
  const both = body.present.filter((id) => body.absent.includes(id));
  if (both.length > 0) throw badRequest({ ko: `수강 ${both[0]}번이 출석과 결석에 함께 표시되었습니다.`, en: `Enrolment ${both[0]} is marked both present and absent.` }, 'present');
  const ids = [...body.present, ...body.absent];
  const found = new Map((await queries.seatHoldersAmong(db, programId, ids)).map((e) => [e.id, e.status]));
  const stranger = ids.find((id) => !found.has(id));
  if (stranger !== undefined) {
    throw badRequest({ ko: `수강 ${stranger}번은 이 프로그램의 수강생이 아닙니다.`, en: `Enrolment ${stranger} is not part of this program.` }, body.present.includes(stranger) ? 'present' : 'absent');
  }
  const notSeated = ids.find((id) => found.get(id) !== 'enrolled' && found.get(id) !== 'completed' && found.get(id) !== 'not_completed');
  if (notSeated !== undefined) {
    throw badRequest({ ko: `수강 ${notSeated}번은 대기 중이거나 취소해서 자리가 없습니다.`, en: `Enrolment ${notSeated} does not hold a place (waitlisted or cancelled).` },
      body.present.includes(notSeated) ? 'present' : 'absent');
  }
  await queries.markAttendance(db, ids.map((enrolmentId) => ({
    enrolmentId, sessionId: session.id, programId, cityCode: program.cityCode, present: body.present.includes(enrolmentId), markedBy: actor.personId,
  })));
  return roster(db, actor, programId);
}

export async function setCompletionRule(db: AppDb, actor: Actor, programId: number, completionRate: number): Promise<Roster> {
  await programsModule.managedProgram(db, actor, programId);
  await programsModule.setCompletionRate(db, programId, completionRate);
  return roster(db, actor, programId);
}

/** Completion is decided from the day of the last session on; returns the program's sessions. */
async function refuseBeforeLastSession(tx: Executor, program: Locked, today: string) {
  const sessions = await programsModule.sessionIdsOf(tx, program.id);
  const lastDay = sessions.at(-1)?.startsAt.toISOString().slice(0, 10) ?? program.endsOn;
  if (today < lastDay.slice(0, 10) && today < program.endsOn) {
    throw conflict({ ko: `수료는 마지막 수업 날(${program.endsOn})부터 정할 수 있습니다.`, en: `Completion is decided on or after the last session (${program.endsOn}).` });
  }
  return sessions;
}

/**
 * Decides one learner's completion by hand, whatever their attendance: completed (their certificate is issued, or a
 * revoked one reinstated) or not completed (a completion withdrawn revokes its certificate, which then verifies as
 * 'revoked'). Each change is written for good in the completion record with who, when and why, and the learner is told.
 * Asking for the status they already have changes nothing.
 */
export async function decideLearnerCompletion(
  db: AppDb, actor: Actor, programId: number, enrolmentId: number, body: LearnerCompletionBody, today: string, config: ModuleContext['config'],
): Promise<Roster> {
  await programsModule.managedProgram(db, actor, programId);
  const reason = body.reason.trim();
  if (!reason) throw badRequest({ ko: '사유를 적어 주세요.', en: 'Give a reason.' }, 'reason');
  await db.transaction(async (tx) => {
    const program = await lockProgram(tx, actor, programId);
    const learner = await queries.lockedLearner(tx, programId, enrolmentId);
    // As for attendance: naming someone who is not in the program is a mistake in the request, not a missing page.
    if (!learner) throw badRequest({ ko: `수강 ${enrolmentId}번은 이 프로그램의 수강생이 아닙니다.`, en: `Enrolment ${enrolmentId} is not part of this program.` }, 'enrolmentId');
    if (learner.status !== 'enrolled' && learner.status !== 'completed' && learner.status !== 'not_completed') {
      throw conflict({ ko: '대기 중이거나 취소한 사람은 수료를 정할 수 없습니다.', en: 'Completion is decided only for learners who hold a place (not waitlisted or cancelled).' }, 'enrolmentId');
    }
    const status = body.completed ? 'completed' : 'not_completed';
    if (learner.status === status) return;
    if (body.completed) await refuseBeforeLastSession(tx, program, today);
    await queries.setStatus(tx, learner.id, status);
    let certificateId: string | null;
    if (body.completed) {
      certificateId = await credentials.reinstateCertificateOf(tx, learner.id);
      if (!certificateId) {
        await credentials.issueCertificates(tx, [learner.id], config);
        certificateId = await credentials.certificateIdOf(tx, learner.id);
      }
    } else {
      certificateId = await credentials.revokeCertificateOf(tx, learner.id);
    }
    await queries.recordDecision(tx, {
      enrolmentId: learner.id, programId, cityCode: learner.cityCode, actorId: actor.personId, actorName: actor.displayName,
      statusBefore: learner.status, statusAfter: status, reason, certificateId,
    });
    const title = program.title;
    const withdrawn = learner.status === 'completed';
    await notifications.notify(tx, await identity.recipientsByIds(tx, [learner.personId]), {
      kind: body.completed ? 'enrolment.completed' : withdrawn ? 'enrolment.completion_withdrawn' : 'enrolment.not_completed',
      title: body.completed
        ? { ko: `「${title}」을(를) 수료했습니다`, en: `You completed “${title}”` }
        : withdrawn
          ? { ko: `「${title}」 수료가 취소되었습니다`, en: `Your completion of “${title}” was withdrawn` }
          : { ko: `「${title}」 미수료로 정해졌습니다`, en: `“${title}” was not completed` },
      body: {
        ko: `사유: ${reason}${withdrawn ? ' 수료증은 취소되어 더 이상 진위 확인이 되지 않습니다.' : body.completed ? ' 내 학습에서 수료증을 받을 수 있습니다.' : ''}`,
        en: `Reason: ${reason}${withdrawn ? ' The certificate is revoked and no longer verifies.' : body.completed ? ' Your certificate is in My learning.' : ''}`,
      },
      link: '/me', cityCode: program.cityCode,
    });
  });
  return roster(db, actor, programId);
}

/**
 * Decides completion for everyone still enrolled: attended at least the program's share of sessions
 * (80% unless the program says otherwise) → completed, else not completed. `onCompleted` issues the
 * certificates in the same transaction.
 */
export async function completeProgram(
  db: AppDb, actor: Actor, programId: number, today: string,
  onCompleted: (tx: Executor, enrolmentIds: number[]) => Promise<number>,
): Promise<CompletionResult> {
  await programsModule.managedProgram(db, actor, programId);
  return db.transaction(async (tx) => {
    const program = await lockProgram(tx, actor, programId);
    const sessions = await refuseBeforeLastSession(tx, program, today);
    const needed = Math.ceil(program.completionRate * sessions.length - 1e-9);
    const counts = await queries.attendanceCounts(tx, programId);
    const completed = counts.filter((c) => c.attended >= needed).map((c) => c.enrolmentId);
    const notCompleted = counts.filter((c) => c.attended < needed).map((c) => c.enrolmentId);
    for (const id of completed) await queries.setStatus(tx, id, 'completed');
    for (const id of notCompleted) await queries.setStatus(tx, id, 'not_completed');
    const certificatesIssued = completed.length > 0 ? await onCompleted(tx, completed) : 0;
    return { completed: completed.length, notCompleted: notCompleted.length, certificatesIssued };
  });
}
