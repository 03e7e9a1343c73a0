/**
 * Use cases of the yearly call: the ministry prepares it (timeline, terms, rubric copied from the last call),
 * publishes it — eligible cities' officers and the provinces are told — and afterwards may only correct the
 * timeline of stages still ahead. Anyone reads a published call and whether a city may apply to it.
 * Every change locks the call's row, checks its version and state there, writes, and logs in one transaction.
 */
import type { PageOf, PageRequest } from '../../../shared/contracts/common.ts';
import type {
  CallCreateBody, CallDetail, CallPatchBody, CallSummary, CallTimeline, CityCall, Eligibility, RubricAreaView, RubricBody, VersionBody,
} from '../../../shared/contracts/designation-calls.ts';
import { timelineFields } from '../../../shared/contracts/designation-calls.ts';
import type { Grant } from '../../../shared/permissions.ts';
import type { Executor } from '../../platform/database/database.ts';
import { yearInKorea } from '../../platform/clock.ts';
import { conflict, HttpError, notFound } from '../../platform/http/errors.ts';
import { geography } from '../geography/index.ts';
import { identity } from '../identity/index.ts';
import { notifications } from '../notifications/index.ts';
import { defaultRubric } from './calls.default-rubric.ts';
import {
  callPhase, eligibility, maySeeCall, publishedChangeProblem, rubricAreas, rubricProblem, rubricRows, rubricToCopy, timelineProblem,
  type Problem,
} from './calls.rules.ts';
import * as queries from './calls.queries.ts';
import type { CallRow } from './calls.queries.ts';
import { appendLog } from './log.queries.ts';
import { transitionsOf } from './transitions.queries.ts';

/** Who acts, as the log names them. */
export interface Acting {
  personId: number;
  displayName: string;
}
type Viewer = { grants: readonly Grant[] } | null;

const fail = (problem: Problem) => new HttpError(problem.status, problem.status === 409 ? 'conflict' : 'bad_request', problem.words, problem.field);
const callNotFound = () => notFound('The call', 'year');
const staleCall = () => conflict({
  ko: '다른 담당자가 먼저 이 공모를 저장했습니다. 새로 불러와 바뀐 내용을 본 뒤 다시 고쳐 주세요.',
  en: 'Someone else saved this call after you opened it. Reload to see their changes, then make yours again.',
}, 'version');

const timelineOf = (call: CallTimeline): CallTimeline =>
  Object.fromEntries(timelineFields.map((field) => [field, call[field]])) as CallTimeline;

export function callSummary(call: CallRow, now: Date): CallSummary {
  return {
    id: call.id, year: call.year, status: call.status, phase: callPhase(call, now), titleKo: call.titleKo, titleEn: call.titleEn,
    ...timelineOf(call), quota: call.quota, grantKrw: call.grantKrw, publishedAt: call.publishedAt,
  };
}

export async function rubricOf(db: Executor, callId: number): Promise<RubricAreaView[]> {
  return rubricAreas(await queries.rubricRowsOf(db, callId));
}

async function callDetailOf(db: Executor, call: CallRow, now: Date): Promise<CallDetail> {
  const [rubric, rubricCopiedFrom] = await Promise.all([rubricOf(db, call.id), queries.rubricCopiedFrom(db, call.id)]);
  return {
    ...callSummary(call, now), noticeKo: call.noticeKo, noticeEn: call.noticeEn, revokedWaitYears: call.revokedWaitYears,
    aggregation: call.aggregation, rubric, rubricCopiedFrom, announcedAt: call.announcedAt, version: call.version,
    updatedAt: call.updatedAt, updatedByName: call.updatedByName,
  };
}

export async function listCalls(db: Executor, viewer: Viewer, page: PageRequest, now: Date): Promise<PageOf<CallSummary>> {
  const includeDrafts = maySeeCall(viewer, { status: 'draft' });
  const calls = await queries.listCalls(db, { includeDrafts }, page);
  return { ...calls, items: calls.items.map((call) => callSummary(call, now)) };
}

/** A call as its viewer may see it: a draft is not found by anyone who does not manage calls. */
async function visibleCall(db: Executor, viewer: Viewer, year: number): Promise<CallRow> {
  const call = await queries.findCallByYear(db, year);
  if (!call || !maySeeCall(viewer, call)) throw callNotFound();
  return call;
}

export async function callDetail(db: Executor, viewer: Viewer, year: number, now: Date): Promise<CallDetail> {
  return callDetailOf(db, await visibleCall(db, viewer, year), now);
}

// ---- Preparing and publishing -------------------------------------------------------------------------

const yearTaken = (year: number) => conflict({ ko: `${year}년 공모가 이미 있습니다.`, en: `There is already a call for ${year}.` }, 'year');

/** Creates a draft call; its rubric starts as a copy of the last call's, or the default rubric for the first call. */
export async function createCall(db: Executor, actor: Acting, body: CallCreateBody, now: Date): Promise<CallDetail> {
  const problem = timelineProblem(body, body.year);
  if (problem) throw fail(problem);
  const id = await db.transaction(async (tx) => {
    const created = await queries.insertCall(tx, body, actor.personId);
    if (created === undefined) throw yearTaken(body.year);
    const previous = await queries.previousCall(tx, body.year);
    const copied = previous ? rubricToCopy(await rubricOf(tx, previous.id)) : [];
    const rubric = copied.length > 0 ? copied : defaultRubric;
    await queries.replaceRubric(tx, created, rubricRows(rubric));
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'call_created', callId: created,
      after: { ...body, rubricCopiedFrom: copied.length > 0 ? previous!.year : null },
    });
    return created;
  });
  return callDetailOf(db, (await queries.findCallById(db, id))!, now);
}

/** The call locked for a change by the version the editor loaded; announced calls no longer change. */
async function lockedForChange(tx: Executor, year: number, version: number): Promise<CallRow> {
  const call = await queries.callForUpdate(tx, { year });
  if (!call) throw callNotFound();
  if (call.version !== version) throw staleCall();
  if (call.status === 'announced') {
    throw conflict({ ko: '결과를 발표한 공모는 바꿀 수 없습니다.', en: 'The results of this call have been announced; it can no longer change.' }, 'status');
  }
  return call;
}

/** Changes a call's terms. A draft may change anything; a published call only the stages of its timeline still ahead. */
export async function changeCall(db: Executor, actor: Acting, year: number, body: CallPatchBody, now: Date): Promise<CallDetail> {
  const { version, ...requested } = body;
  const savedYear = await db.transaction(async (tx) => {
    const call = await lockedForChange(tx, year, version);
    if (call.status === 'published') {
      const problem = publishedChangeProblem(call, requested, now);
      if (problem) throw fail(problem);
    }
    const merged = { ...call, ...requested };
    const problem = timelineProblem(merged, merged.year);
    if (problem) throw fail(problem);
    const changed = changedFields(call, requested);
    if (Object.keys(changed).length === 0) return call.year;
    if (changed.year !== undefined && (await queries.yearTaken(tx, merged.year))) throw yearTaken(merged.year);
    await queries.updateCall(tx, call.id, changed, actor.personId);
    const before = Object.fromEntries(Object.keys(changed).map((field) => [field, call[field as keyof CallRow]]));
    await appendLog(tx, { at: now, actorId: actor.personId, actorName: actor.displayName, step: 'call_updated', callId: call.id, before, after: changed });
    if (call.status === 'published') await tellAudience(tx, { ...call, ...changed } as CallRow, 'timeline', now);
    return merged.year;
  });
  return callDetailOf(db, (await queries.findCallByYear(db, savedYear))!, now);
}

/** The requested values that differ from the call's (moments compared as instants, whatever offset they were written in). */
function changedFields(call: CallRow, requested: Omit<CallPatchBody, 'version'>): Omit<CallPatchBody, 'version'> {
  const same = (field: string, value: unknown) => {
    const current = call[field as keyof CallRow];
    return ['opensAt', 'submissionDeadline', 'endorsementDeadline'].includes(field)
      ? Date.parse(String(current)) === Date.parse(String(value))
      : current === value;
  };
  return Object.fromEntries(Object.entries(requested).filter(([field, value]) => value !== undefined && !same(field, value)));
}

/** Replaces the rubric of a call still being prepared (reviewers score against it once the call is out). */
export async function replaceCallRubric(db: Executor, actor: Acting, year: number, body: RubricBody, now: Date): Promise<CallDetail> {
  await db.transaction(async (tx) => {
    const call = await lockedForChange(tx, year, body.version);
    if (call.status !== 'draft') {
      throw conflict({ ko: '공고된 공모의 심사 기준은 바꿀 수 없습니다.', en: 'The rubric of a published call cannot change.' }, 'status');
    }
    const problem = rubricProblem(body.areas);
    if (problem) throw fail(problem);
    const before = rubricToCopy(await rubricOf(tx, call.id));
    await queries.replaceRubric(tx, call.id, rubricRows(body.areas));
    await queries.updateCall(tx, call.id, {}, actor.personId);
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'call_updated', callId: call.id,
      before: { rubric: before }, after: { rubric: body.areas },
    });
  });
  return callDetailOf(db, (await queries.findCallByYear(db, year))!, now);
}

/** Publishes a draft: its submission deadline must still be ahead and its rubric add up; eligible cities' officers and the provinces are told. */
export async function publishCall(db: Executor, actor: Acting, year: number, body: VersionBody, now: Date): Promise<CallDetail> {
  await db.transaction(async (tx) => {
    const call = await lockedForChange(tx, year, body.version);
    if (call.status !== 'draft') throw conflict({ ko: '이미 공고한 공모입니다.', en: 'This call has already been published.' }, 'status');
    if (Date.parse(call.submissionDeadline) <= now.getTime()) {
      throw conflict({
        ko: '신청 마감이 이미 지났습니다. 일정을 고친 뒤 공고해 주세요.', en: 'The submission deadline has passed. Correct the timeline, then publish.',
      }, 'submissionDeadline');
    }
    const rubric = await rubricOf(tx, call.id);
    const problem = rubricProblem(rubricToCopy(rubric));
    if (problem) throw fail(problem);
    await queries.updateCall(tx, call.id, { status: 'published', publishedAt: now }, actor.personId);
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'call_published', callId: call.id,
      before: { status: 'draft' }, after: { status: 'published', publishedAt: now.toISOString() },
    });
    await tellAudience(tx, call, 'published', now);
  });
  return callDetailOf(db, (await queries.findCallByYear(db, year))!, now);
}

// ---- Who is told --------------------------------------------------------------------------------------

/** A moment as Korea reads it: "2027-04-30 18:00". */
const inKorea = (iso: string) => new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The officers of every city that may apply before the submission deadline, and every province officer (they
 * endorse): told when a call is published and when its timeline is corrected.
 */
async function tellAudience(tx: Executor, call: CallRow, what: 'published' | 'timeline', now: Date): Promise<void> {
  const byDeadline = new Date(Math.max(now.getTime(), Date.parse(call.submissionDeadline) - 1));
  const cities = (await queries.latestStateOfEveryCity(tx))
    .filter((city) => eligibility(city.cityCode, city.state ? [{ state: city.state, year: city.year!, occurredOn: city.occurredOn! }] : [], call, byDeadline).eligible);
  const cityOfficers = await identity.holdersOf(tx, 'city_officer', { cityCodes: cities.map((city) => city.cityCode) });
  const provinceOfficers = await identity.holdersOf(tx, 'province_officer');
  const period = { ko: `신청 기간: ${inKorea(call.opensAt)} ~ ${inKorea(call.submissionDeadline)} (한국 시간)`, en: `Applications: ${inKorea(call.opensAt)} to ${inKorea(call.submissionDeadline)} (Korean time)` };
  const endorsement = { ko: `시·도 추천 마감: ${inKorea(call.endorsementDeadline)}`, en: `Province endorsement deadline: ${inKorea(call.endorsementDeadline)}` };
  const link = `/designation/calls/${call.year}`;
  const title = what === 'published'
    ? { ko: `${call.year}년 평생학습도시 지정 공모가 공고되었습니다`, en: `The ${call.year} learning city call has been published` }
    : { ko: `${call.year}년 평생학습도시 지정 공모의 일정이 바뀌었습니다`, en: `The timeline of the ${call.year} learning city call has changed` };
  await notifications.notify(tx, cityOfficers, {
    kind: `designation.call_${what}`, title, link,
    body: { ko: `${period.ko}. 우리 시·군·구는 이 공모에 신청할 수 있습니다.`, en: `${period.en}. Your city may apply to this call.` },
  });
  await notifications.notify(tx, provinceOfficers, {
    kind: `designation.call_${what}`, title, link, body: { ko: `${period.ko}. ${endorsement.ko}.`, en: `${period.en}. ${endorsement.en}.` },
  });
}

// ---- Eligibility --------------------------------------------------------------------------------------

/** Whether the city may apply to the call at `now`, from its designation history. */
export async function isEligible(db: Executor, call: Pick<CallRow, 'year' | 'revokedWaitYears'>, cityCode: string, now: Date): Promise<Eligibility> {
  return eligibility(cityCode, await transitionsOf(db, cityCode), call, now);
}

async function requireCity(db: Executor, cityCode: string) {
  if (!(await geography.findMunicipality(db, cityCode))) throw notFound('The city', 'code');
}

export async function cityEligibility(db: Executor, viewer: Viewer, year: number, cityCode: string, now: Date): Promise<Eligibility> {
  const call = await visibleCall(db, viewer, year);
  await requireCity(db, cityCode);
  return isEligible(db, call, cityCode, now);
}

/** The published call of a year (its results may be out already); none while it is still being prepared. */
export async function currentCall(db: Executor, year: number): Promise<CallRow | undefined> {
  const call = await queries.findCallByYear(db, year);
  return call && call.status !== 'draft' ? call : undefined;
}

/** This year's call as a city sees it in its console. */
export async function cityCall(db: Executor, cityCode: string, now: Date): Promise<CityCall> {
  await requireCity(db, cityCode);
  const call = await currentCall(db, yearInKorea(now));
  if (!call) return { call: null, eligibility: null };
  return { call: callSummary(call, now), eligibility: await isEligible(db, call, cityCode, now) };
}


/** A call by its id, whatever its status (the other stages check what they need of it). */
export function callById(db: Executor, id: number): Promise<CallRow | undefined> {
  return queries.findCallById(db, id);
}

/** The call locked until the transaction ends (e.g. to announce its results). */
export function lockCall(tx: Executor, id: number): Promise<CallRow | undefined> {
  return queries.callForUpdate(tx, { id });
}

/** What a link to a published call's page says before the web app runs (a draft keeps the app's own head). */
export async function callPageHead(db: Executor, path: string): Promise<{ title: string; description: string } | null> {
  const year = /^\/designation\/calls\/(\d{4})$/.exec(path)?.[1];
  if (!year) return null;
  const call = await currentCall(db, Number(year));
  if (!call) return null;
  const period = `신청 기간 ${inKorea(call.opensAt)} ~ ${inKorea(call.submissionDeadline)}`;
  return { title: `${call.titleKo} · 평생학습도시`, description: `${period}. ${call.noticeKo}`.slice(0, 160) };
}
