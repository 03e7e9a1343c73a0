/**
 * Opening day: a city opens registration for a term's programs at one moment; whoever comes for them while the
 * waiting room is in force takes a ticket, numbered under the opening row's lock in the order the server received
 * them, and is let in in that order at the opening's rate. Enrolment asks `admission` before it takes a place.
 */
import type { PageRequest } from '../../../shared/contracts/common.ts';
import { DEFAULT_ADMIT_PER_MINUTE } from '../../../shared/lib/opening-day.ts';
import type { OpeningBody, OpeningPage, OpeningView, WaitingTicket } from '../../../shared/contracts/opening-day.ts';
import { koreanDateTime } from '../../../shared/lib/korea-time.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppDb } from '../../platform/database/database.ts';
import { HttpError, badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { geography } from '../geography/index.ts';
import { programsModule } from '../programs/index.ts';
import { admissionDue, admit, bucketAtOpening, estimatedWaitSeconds, pollAfterSeconds } from './admission.ts';
import * as queries from './opening-day.queries.ts';
import type { LineRow } from './opening-day.queries.ts';

/** A city code that names no city is a 404, as for any page of a city. */
async function knownCity(db: AppDb, cityCode: string): Promise<void> {
  if (!(await geography.findMunicipality(db, cityCode))) throw notFound('The city', 'code');
}

export async function createOpening(db: AppDb, actor: Actor, cityCode: string, body: OpeningBody): Promise<OpeningView> {
  await knownCity(db, cityCode);
  if (body.programsStartingUntil < body.programsStartingFrom) {
    throw badRequest({ ko: '기간의 끝이 시작보다 앞섭니다.', en: 'The end of the term is before its start.' }, 'programsStartingUntil');
  }
  const opensAt = new Date(body.opensAt);
  const until = new Date(opensAt.getTime() + body.waitingRoomMinutes * 60_000).toISOString();
  const admitPerMinute = body.admitPerMinute ?? DEFAULT_ADMIT_PER_MINUTE;
  return db.transaction(async (tx) => {
    const programIds = await programsModule.termProgramIds(tx, cityCode, body.programsStartingFrom, body.programsStartingUntil);
    if (programIds.length === 0) {
      throw badRequest({ ko: '그 기간에 시작하는 선착순 신청 프로그램이 없습니다.', en: 'No published first-come program starts in that term.' }, 'programsStartingFrom');
    }
    const overlapping = await queries.countProgramsInOverlappingOpenings(tx, programIds, opensAt.toISOString(), until);
    if (overlapping > 0) {
      throw conflict({
        ko: `프로그램 ${overlapping}개가 같은 시간에 대기실을 여는 다른 신청 개시에 이미 들어 있습니다.`,
        en: `${overlapping} of these programs are already in another opening whose waiting room overlaps this one.`,
      }, 'opensAt');
    }
    const id = await queries.insertOpening(tx, {
      cityCode, title: body.title.trim(), opensAt: opensAt.toISOString(), waitingRoomUntil: until, admitPerMinute, createdBy: actor.personId,
      admittedAsOf: bucketAtOpening(opensAt.getTime(), admitPerMinute),
    });
    await queries.addPrograms(tx, id, cityCode, programIds);
    return (await queries.findOpening(tx, id))!;
  });
}

export async function openingsOf(db: AppDb, cityCode: string, page: PageRequest): Promise<OpeningPage> {
  await knownCity(db, cityCode);
  return { ...(await queries.openingsOf(db, cityCode, page)), ...page };
}

function ticketView(line: LineRow, number: number): WaitingTicket {
  const admitted = number <= line.admittedThrough;
  const estimatedWait = estimatedWaitSeconds(line, number, line.now);
  return {
    openingId: line.id, title: line.title, number, admitted, place: admitted ? 0 : number - line.admittedThrough,
    estimatedWaitSeconds: estimatedWait, pollAfterSeconds: pollAfterSeconds(estimatedWait),
  };
}

/** Gives the person the next ticket (or the one they have), letting in whoever the rate allows meanwhile. */
async function arrive(db: AppDb, openingId: number, personId: number): Promise<WaitingTicket> {
  return db.transaction(async (tx) => {
    const line = (await queries.lineOf(tx, openingId, 'wait'))!;
    const number = (await queries.ticketNumberOf(tx, openingId, personId)) ?? line.lastTicket + 1;
    const lastTicket = Math.max(line.lastTicket, number);
    const after = { ...line, lastTicket, ...admit({ ...line, lastTicket }, line.now) };
    if (number > line.lastTicket) await queries.insertTicket(tx, { openingId, number, personId, cityCode: line.cityCode });
    await queries.saveLine(tx, openingId, after);
    return ticketView(after, number);
  });
}

/**
 * Lets in whoever the rate allows now. Most polls only read; when a pass is due one process takes the row and the
 * others, finding it taken, read what it decided on their next poll.
 */
async function letIn(db: AppDb, line: LineRow): Promise<LineRow> {
  if (!admissionDue(line, line.now)) return line;
  return (await db.transaction(async (tx) => {
    const locked = await queries.lineOf(tx, line.id, 'skip');
    if (!locked) return undefined;
    const after = { ...locked, ...admit(locked, locked.now) };
    if (after.admittedThrough > locked.admittedThrough) await queries.saveLine(tx, line.id, after);
    return after;
  })) ?? line;
}

/** My ticket for an opening: my place, the estimated wait and when to ask again. */
export async function myTicket(db: AppDb, actor: Actor, openingId: number): Promise<WaitingTicket> {
  const [line, number] = await Promise.all([queries.lineOf(db, openingId), queries.ticketNumberOf(db, openingId, actor.personId)]);
  if (!line || number === undefined) throw notFound('Your ticket for this registration opening');
  return ticketView(await letIn(db, line), number);
}

const opensAtWords = (opensAt: number) => ({
  ko: `이 프로그램의 신청은 ${koreanDateTime(new Date(opensAt))}에 시작합니다.`,
  en: `Registration for this program opens at ${new Date(opensAt).toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
});

/**
 * Whether the person may take a place in the program now. Outside any opening, yes. Before the opening, no (409
 * `registration_not_open`). While its waiting room is in force, only once their ticket is let in; otherwise they
 * are given a ticket (or told where theirs stands) in a 409 `waiting_room` carrying it.
 */
export async function admission(db: AppDb, programId: number, personId: number): Promise<void> {
  const covering = await queries.openingCovering(db, programId, personId);
  if (!covering) return;
  if (covering.now < covering.opensAt) {
    throw new HttpError(409, 'registration_not_open', opensAtWords(covering.opensAt), undefined, { opensAt: new Date(covering.opensAt).toISOString() });
  }
  if (covering.ticket !== null && covering.ticket <= covering.admittedThrough) return;
  const ticket = covering.ticket === null ? await arrive(db, covering.id, personId) : ticketView(await letIn(db, covering), covering.ticket);
  if (ticket.admitted) return;
  throw new HttpError(409, 'waiting_room', {
    ko: '지금 신청하는 사람이 많아 대기실에서 순서대로 들어갑니다. 차례가 되면 신청할 수 있습니다.',
    en: 'Many people are registering now: you are in the waiting room and will be let in in order of arrival.',
  }, undefined, { ticket });
}
