/**
 * The consulting year: the ministry assigns a consultant; the city uploads and submits each milestone's document;
 * the consultant accepts it or asks for changes, then recommends; the ministry decides. For a potential city the
 * decision moves it to designated or rejected through recordTransition; for a city a re-designation round deferred
 * (an improvement consulting, opened by the ministry with its consultant) the ministry only closes it — the next
 * round decides the city, and the consulting shows that round's result beside the deferring one. Every change
 * locks the application (if any) and the consulting, checks who acts and the state there, writes, appends the log
 * and tells whoever it waits for, in one transaction. `now` is a parameter so that tests choose the day.
 */
import type { FastifyReply } from 'fastify';
import type {
  AssignConsultantBody, ConsultingDecisionBody, ConsultingDetail, ConsultingSummary, Improvement, OpenImprovementBody, RecommendBody, ReviewMilestoneBody,
  SubmitMilestoneBody,
} from '../../../shared/contracts/designation-consulting.ts';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import { withObjectParticle, withTopicParticle } from '../../../shared/lib/hangul.ts';
import { provinceOfCity, type Permission, type Scope } from '../../../shared/permissions.ts';
import { consultingPurposes, consultingRecommendations, designationStates, milestoneKinds, milestoneStatuses, type MilestoneKind } from '../../../shared/vocabulary/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { todayInKorea, yearInKorea } from '../../platform/clock.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { storeFile, streamFile } from '../../platform/files/files.queries.ts';
import { badRequest, conflict, HttpError, notFound } from '../../platform/http/errors.ts';
import { identity, type Recipient } from '../identity/index.ts';
import { notifications, type Message } from '../notifications/index.ts';
import { cityMayWork, consultantMayReview, consultingCalendar, decisionFits, improvementOf, recommendationFits } from './consulting.rules.ts';
import * as queries from './consulting.queries.ts';
import type { ConsultingRow, LockedConsulting } from './consulting.queries.ts';
import { appendLog } from './log.queries.ts';
import { recordTransition } from './transitions.service.ts';

/**
 * Says whether the actor may do `permission` on a consulting of this scope, throwing when not (the route
 * builds it from authorize(): a 404 for whoever may not even see the consulting, a 403 for the others).
 */
export type Allow = (permission: Permission, scope: Scope) => void;

/** A consulting's scope: its city, and whether the actor is the consultant assigned to it. */
export const scopeOf = (consulting: { cityCode: string; consultantId: number | null }, actor: Actor): Scope => ({
  cityCode: consulting.cityCode,
  assigned: consulting.consultantId !== null && consulting.consultantId === actor.personId,
});

const linkTo = (id: number) => `/designation/consulting/${id}`;
const milestoneName = (kind: MilestoneKind) => milestoneKinds.get(kind);
/** "서울 종로구" / "Jongno-gu, Seoul": a municipality's name alone is not unique (중구, 동구…). */
const city = (c: Pick<LockedConsulting, 'provinceShortKo' | 'cityNameKo' | 'cityNameEn' | 'provinceShortEn'>) => ({
  ko: `${c.provinceShortKo} ${c.cityNameKo}`, en: `${c.cityNameEn}, ${c.provinceShortEn}`,
});
/** What the consulting year is, for messages: "2025년 예비 평생학습도시" or "2025년 재지정평가 유예". */
const yearOf = (c: Pick<LockedConsulting, 'purpose' | 'callYear' | 'roundYear'>) => c.purpose === 'potential'
  ? { ko: `${c.callYear}년 예비 평생학습도시`, en: `a potential learning city of the ${c.callYear} call` }
  : { ko: `${c.roundYear}년 재지정평가에서 유예된 도시`, en: `deferred by the ${c.roundYear} re-designation round` };

// ---- Reading --------------------------------------------------------------------------------------------

export async function owner(db: Executor, id: number) {
  return queries.consultingOwner(db, id);
}

/** A consulting as shown: an improvement consulting with its deferring round beside the next one. */
function shown<T extends ConsultingRow>({ deferredRound, nextRound, ...consulting }: T): Omit<T, 'deferredRound' | 'nextRound'> & { improvement: Improvement | null } {
  return { ...consulting, improvement: consulting.purpose === 'improvement' && deferredRound ? improvementOf(deferredRound, nextRound) : null };
}

export async function listConsultings(db: Executor, filter: queries.ConsultingFilter, page: PageRequest) {
  const found = await queries.listConsultings(db, filter, page);
  return { ...found, items: found.items.map((row): ConsultingSummary => shown(row)) };
}

export async function consultingDetail(db: Executor, id: number, actor: Actor, allow: Allow, now: Date): Promise<ConsultingDetail> {
  const found = await queries.consultingOwner(db, id);
  if (!found) throw notFound('The consulting', 'id');
  allow('designation.consulting.view', scopeOf(found, actor));
  const consulting = await queries.findConsulting(db, id);
  if (!consulting) throw notFound('The consulting', 'id');
  return { ...shown(consulting), milestones: await queries.milestonesOf(db, id, todayInKorea(now)) };
}

/**
 * Each city's latest improvement consulting (for the national at-risk list): open or closed, and the next round's
 * change when it has been evaluated.
 */
export async function improvementsOf(db: Executor, cityCodes: readonly string[]) {
  const found = await queries.latestImprovementsOf(db, cityCodes);
  return new Map(found.map((row) => {
    const improvement = row.deferredRound ? improvementOf(row.deferredRound, row.nextRound) : null;
    return [row.cityCode, {
      id: row.id, roundYear: row.roundYear, closed: row.decision !== null,
      nextRoundYear: improvement?.nextRound?.year ?? null, change: improvement?.change ?? null,
    }];
  }));
}

export async function downloadMilestoneFile(db: Executor, id: number, kind: MilestoneKind, actor: Actor, allow: Allow, reply: FastifyReply) {
  const { milestones } = await consultingDetail(db, id, actor, allow, new Date());
  const file = milestones.find((m) => m.kind === kind)?.file;
  if (!file) throw notFound('The document', 'kind');
  return streamFile(db, file.id, reply);
}

export function candidates(db: Executor, page: PageRequest) {
  return queries.consultantCandidates(db, page);
}

// ---- Opening (at the decision that names a city potential) ----------------------------------------------

/** Opens the consulting year of an application decided 'potential', with its three milestones; call in that transaction. */
export async function openConsulting(tx: Executor, application: { applicationId: number; cityCode: string; decidedOn: string }): Promise<number> {
  return queries.insertConsulting(tx, { applicationId: application.applicationId, cityCode: application.cityCode, ...consultingCalendar(application.decidedOn) });
}

/**
 * The ministry opens a deferred city's improvement consulting with its consultant, tied to the round that deferred
 * it: the city's row locked (as a round's finalising locks it), it must be deferred now by that round's outcome,
 * and have no open improvement consulting for that round (the partial unique index says the same underneath).
 */
export async function openImprovement(db: AppDb, body: OpenImprovementBody, actor: Actor, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const place = await queries.lockCityState(tx, body.cityCode);
    if (!place) throw badRequest({ ko: '없는 시·군·구입니다.', en: 'There is no such city.' }, 'cityCode');
    const name = city({ provinceShortKo: place.provinceShortKo, cityNameKo: place.nameKo, cityNameEn: place.nameEn, provinceShortEn: place.provinceShortEn });
    const [latest] = await queries.finalOutcomesOf(tx, body.cityCode);
    if (place.state !== 'deferred' || latest?.outcome !== 'deferred') {
      const state = place.state ? designationStates.get(place.state) : { ko: '평생학습도시 아님', en: 'not in the programme' };
      throw new HttpError(409, 'not_deferred', {
        ko: `${withTopicParticle(name.ko)} 재지정평가에서 유예된 도시가 아닙니다 (지금: ${state.ko}). 유예 도시 컨설팅은 유예된 도시에만 배정할 수 있습니다.`,
        en: `${name.en} is not deferred by a re-designation round (now: ${state.en.toLowerCase()}); only a deferred city gets this consulting.`,
      }, 'cityCode');
    }
    if (latest.roundYear !== body.roundYear) {
      throw badRequest({
        ko: `${withObjectParticle(name.ko)} 유예한 재지정평가는 ${latest.roundYear}년 평가입니다.`,
        en: `${name.en} was deferred by the ${latest.roundYear} round.`,
      }, 'roundYear');
    }
    const consultant = await queries.findConsultant(tx, body.consultantId);
    if (!consultant) {
      throw badRequest({ ko: '교육부가 위촉한 컨설턴트만 배정할 수 있습니다.', en: 'Only a consultant the ministry appointed can be assigned.' }, 'consultantId');
    }
    const open = await queries.openImprovementOf(tx, body.cityCode, body.roundYear);
    if (open !== undefined) {
      throw new HttpError(409, 'consulting_open', {
        ko: `${name.ko}의 ${body.roundYear}년 유예에 대한 컨설팅이 이미 진행 중입니다. 컨설턴트를 바꾸려면 그 컨설팅에서 바꿔 주세요.`,
        en: `${name.en} already has an open consulting for its ${body.roundYear} deferral; change its consultant there.`,
      }, 'cityCode', { consultingId: open });
    }
    const id = await queries.insertConsulting(tx, {
      roundYear: body.roundYear, consultantId: consultant.personId, cityCode: body.cityCode, ...consultingCalendar(todayInKorea(now)),
    });
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'consulting_opened', cityCode: body.cityCode,
      after: { consultingId: id, roundYear: body.roundYear, consultantId: consultant.personId, consultantName: consultant.displayName },
    });
    await tell(tx, [() => consultantOf(tx, { consultantId: consultant.personId }), () => identity.holdersOf(tx, 'city_officer', { cityCode: body.cityCode })], {
      kind: 'designation.consultant_assigned', link: linkTo(id), cityCode: body.cityCode,
      title: { ko: `${name.ko} 컨설팅 담당 컨설턴트 배정: ${consultant.displayName}`, en: `${consultant.displayName} will consult ${name.en}` },
      body: {
        ko: `${body.roundYear}년 재지정평가에서 유예된 ${name.ko}의 컨설팅 1년이 시작됩니다. 과제와 기한을 확인해 주세요.`,
        en: `The consulting year of ${name.en}, deferred by the ${body.roundYear} re-designation round, begins. See the milestones and their due dates.`,
      },
    });
    return id;
  });
}

// ---- Changing -------------------------------------------------------------------------------------------

/** Runs `work` with the consulting locked, once the actor may do `permission` on it and it is still undecided. */
async function change(db: AppDb, id: number, actor: Actor, allow: Allow, permission: Permission, work: (tx: Executor, consulting: LockedConsulting) => Promise<void>) {
  await db.transaction(async (tx) => {
    const consulting = await queries.lockConsulting(tx, id);
    if (!consulting) throw notFound('The consulting', 'id');
    allow(permission, scopeOf(consulting, actor));
    if (consulting.decision) {
      throw new HttpError(409, 'decided', {
        ko: `${city(consulting).ko}의 컨설팅은 이미 교육부가 결정을 내려 끝났습니다. 더 바꿀 수 없습니다.`,
        en: `The ministry has already decided the consulting year of ${city(consulting).en}; it can no longer change.`,
      }, 'decision');
    }
    await work(tx, consulting);
  });
}

async function lockedMilestone(tx: Executor, consulting: LockedConsulting, kind: MilestoneKind) {
  const milestone = await queries.lockMilestone(tx, consulting.id, kind);
  if (!milestone) throw notFound('The milestone', 'kind');
  return milestone;
}

function staleVersion(sent: number, current: number, kind: MilestoneKind): void {
  if (sent === current) return;
  throw new HttpError(409, 'stale', {
    ko: `‘${milestoneName(kind).ko}’ 과제가 그사이 바뀌었습니다. 화면을 새로 고친 뒤 다시 해 주세요.`,
    en: `‘${milestoneName(kind).en}’ changed meanwhile. Reload the page and try again.`,
  }, 'version');
}

function wrongStatus(kind: MilestoneKind, status: keyof typeof statusWords): HttpError {
  const words = statusWords[status];
  return conflict({
    ko: `‘${milestoneName(kind).ko}’ 과제는 지금 ‘${milestoneStatuses.get(status).ko}’ 상태라 ${words.ko}`,
    en: `‘${milestoneName(kind).en}’ is ${milestoneStatuses.get(status).en.toLowerCase()}: ${words.en}`,
  }, 'status');
}
const statusWords = {
  open: { ko: '컨설턴트가 검토할 제출물이 없습니다.', en: 'there is nothing submitted to review.' },
  revise: { ko: '도시가 보완해 다시 제출해야 검토할 수 있습니다.', en: 'the city has to revise and submit it again first.' },
  submitted: { ko: '컨설턴트의 검토를 기다리는 동안 바꿀 수 없습니다.', en: 'it cannot change while it waits for the consultant.' },
  accepted: { ko: '이미 완료되어 바꿀 수 없습니다.', en: 'it is complete and cannot change.' },
} as const;

/** Notifies everyone the lookups find (one after the other: a transaction's connection runs one query at a time). */
async function tell(tx: Executor, lookups: (() => Promise<Recipient[]>)[], message: Message): Promise<void> {
  const recipients: Recipient[] = [];
  for (const lookup of lookups) recipients.push(...(await lookup()));
  await notifications.notify(tx, recipients, message);
}
const cityOfficers = (tx: Executor, c: LockedConsulting) => identity.holdersOf(tx, 'city_officer', { cityCode: c.cityCode });
const consultantOf = (tx: Executor, c: { consultantId: number | null }) => identity.recipientsByIds(tx, c.consultantId === null ? [] : [c.consultantId]);

export async function assignConsultant(db: AppDb, id: number, body: AssignConsultantBody, actor: Actor, allow: Allow, now: Date): Promise<void> {
  await change(db, id, actor, allow, 'designation.call.manage', async (tx, consulting) => {
    const consultant = await queries.findConsultant(tx, body.consultantId);
    if (!consultant) {
      throw badRequest({ ko: '교육부가 위촉한 컨설턴트만 배정할 수 있습니다.', en: 'Only a consultant the ministry appointed can be assigned.' }, 'consultantId');
    }
    if (consulting.consultantId === consultant.personId) return;
    await queries.setConsultant(tx, id, consultant.personId);
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'consultant_assigned', callId: consulting.callId, applicationId: consulting.applicationId,
      cityCode: consulting.cityCode, before: { consultantId: consulting.consultantId }, after: { consultantId: consultant.personId, consultantName: consultant.displayName },
    });
    await tell(tx, [() => consultantOf(tx, { consultantId: consultant.personId }), () => cityOfficers(tx, consulting)], {
      kind: 'designation.consultant_assigned', link: linkTo(id), cityCode: consulting.cityCode,
      title: { ko: `${city(consulting).ko} 컨설팅 담당 컨설턴트 배정: ${consultant.displayName}`, en: `${consultant.displayName} will consult ${city(consulting).en}` },
      body: {
        ko: `${yearOf(consulting).ko} ${city(consulting).ko}의 컨설팅 1년이 시작됩니다. 과제와 기한을 확인해 주세요.`,
        en: `The consulting year of ${city(consulting).en}, ${yearOf(consulting).en}, begins. See the milestones and their due dates.`,
      },
    });
  });
}

export async function uploadMilestoneFile(
  db: AppDb, id: number, kind: MilestoneKind, file: { fileName: string; bytes: Uint8Array }, actor: Actor, allow: Allow,
): Promise<void> {
  await change(db, id, actor, allow, 'designation.consulting.submit', async (tx, consulting) => {
    const milestone = await lockedMilestone(tx, consulting, kind);
    if (!cityMayWork(milestone.status)) throw wrongStatus(kind, milestone.status);
    // The file replaced stays stored: a document once submitted is the evidence of what the consultant read.
    const stored = await storeFile(tx, { fileName: file.fileName, bytes: file.bytes, cityCode: consulting.cityCode, uploadedBy: actor.personId, field: 'file' });
    await queries.attachMilestoneFile(tx, milestone.id, stored.id);
  });
}

export async function submitMilestone(db: AppDb, id: number, kind: MilestoneKind, body: SubmitMilestoneBody, actor: Actor, allow: Allow, now: Date): Promise<void> {
  await change(db, id, actor, allow, 'designation.consulting.submit', async (tx, consulting) => {
    const milestone = await lockedMilestone(tx, consulting, kind);
    staleVersion(body.version, milestone.version, kind);
    if (!cityMayWork(milestone.status)) throw wrongStatus(kind, milestone.status);
    if (milestone.fileId === null) {
      throw badRequest({ ko: `‘${milestoneName(kind).ko}’ 문서를 먼저 올려 주세요.`, en: `Upload the ‘${milestoneName(kind).en}’ document first.` }, 'file');
    }
    await queries.markMilestoneSubmitted(tx, milestone.id, body.note, actor.personId, now);
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'milestone_submitted', callId: consulting.callId, applicationId: consulting.applicationId,
      cityCode: consulting.cityCode, before: { kind, status: milestone.status },
      after: { kind, status: 'submitted', fileName: milestone.fileName, sha256: milestone.sha256, note: body.note },
    });
    await tell(tx, [() => consultantOf(tx, consulting)], {
      kind: 'designation.milestone_submitted', link: linkTo(id), cityCode: consulting.cityCode,
      title: { ko: `${city(consulting).ko} 컨설팅 과제 제출: ‘${milestoneName(kind).ko}’`, en: `${city(consulting).en} submitted its ‘${milestoneName(kind).en}’` },
      body: { ko: '검토하고 의견을 남겨 주세요.', en: 'Please review it and leave your feedback.' },
    });
  });
}

export async function reviewMilestone(db: AppDb, id: number, kind: MilestoneKind, body: ReviewMilestoneBody, actor: Actor, allow: Allow, now: Date): Promise<void> {
  await change(db, id, actor, allow, 'designation.consulting.advise', async (tx, consulting) => {
    const milestone = await lockedMilestone(tx, consulting, kind);
    staleVersion(body.version, milestone.version, kind);
    if (!consultantMayReview(milestone.status)) throw wrongStatus(kind, milestone.status);
    await queries.markMilestoneReviewed(tx, milestone.id, body.outcome, body.feedback, actor.personId, now);
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'milestone_reviewed', callId: consulting.callId, applicationId: consulting.applicationId,
      cityCode: consulting.cityCode, before: { kind, status: milestone.status }, after: { kind, status: body.outcome }, reason: body.feedback,
    });
    const accepted = body.outcome === 'accepted';
    await tell(tx, [() => cityOfficers(tx, consulting)], {
      kind: 'designation.milestone_reviewed', link: linkTo(id), cityCode: consulting.cityCode,
      title: accepted
        ? { ko: `컨설팅 과제 완료: ‘${milestoneName(kind).ko}’`, en: `Your ‘${milestoneName(kind).en}’ was accepted` }
        : { ko: `컨설팅 과제 보완 요청: ‘${milestoneName(kind).ko}’`, en: `Your ‘${milestoneName(kind).en}’ needs changes` },
      body: { ko: `컨설턴트 의견: ${body.feedback}`, en: `The consultant's feedback: ${body.feedback}` },
    });
  });
}

export async function recommend(db: AppDb, id: number, body: RecommendBody, actor: Actor, allow: Allow, now: Date): Promise<void> {
  await change(db, id, actor, allow, 'designation.consulting.advise', async (tx, consulting) => {
    const words = consultingRecommendations.get(body.recommendation);
    if (!recommendationFits(consulting.purpose, body.recommendation)) {
      throw badRequest({
        ko: `${consultingPurposes.get(consulting.purpose).ko}에는 ‘${words.ko}’ 권고를 할 수 없습니다.`,
        en: `A ${consultingPurposes.get(consulting.purpose).en.toLowerCase()} cannot end with ‘${words.en.toLowerCase()}’.`,
      }, 'recommendation');
    }
    if (words.complete) {
      const unfinished = await queries.kindsNotAccepted(tx, consulting.id);
      if (unfinished.length > 0) {
        throw new HttpError(409, 'milestones_unfinished', {
          ko: `‘${words.ko}’ 권고를 하려면 모든 과제가 완료되어야 합니다. 남은 과제: ${unfinished.map((k) => milestoneName(k).ko).join(', ')}.`,
          en: `Every milestone must be accepted before ‘${words.en.toLowerCase()}’. Still open: ${unfinished.map((k) => milestoneName(k).en).join(', ')}.`,
        }, 'recommendation', { unfinished });
      }
    }
    await queries.setRecommendation(tx, id, body.recommendation, body.reason, now);
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'consulting_recommended', callId: consulting.callId, applicationId: consulting.applicationId,
      cityCode: consulting.cityCode, before: { recommendation: consulting.recommendation }, after: { recommendation: body.recommendation }, reason: body.reason,
    });
    await tell(tx, [() => identity.holdersOf(tx, 'ministry_officer')], {
      kind: 'designation.consulting_recommended', link: linkTo(id), cityCode: consulting.cityCode,
      title: { ko: `${city(consulting).ko} 컨설턴트 권고: ${words.ko}`, en: `${city(consulting).en}: the consultant's recommendation — ${words.en.toLowerCase()}` },
      body: consulting.purpose === 'potential'
        ? { ko: `권고 사유: ${body.reason}\n최종 결정을 내려 주세요.`, en: `Reason: ${body.reason}\nPlease make the final decision.` }
        : { ko: `권고 사유: ${body.reason}\n컨설팅을 종료해 주세요.`, en: `Reason: ${body.reason}\nPlease close the consulting.` },
    });
  });
}

/**
 * The ministry's decision at the end of the year: a potential city becomes designated or rejected (recordTransition
 * checks that it is potential now); an improvement consulting is closed. The locks make a second decision, however
 * simultaneous, a 409.
 */
export async function decide(db: AppDb, id: number, body: ConsultingDecisionBody, actor: Actor, allow: Allow, now: Date): Promise<void> {
  await change(db, id, actor, allow, 'designation.decide', async (tx, consulting) => {
    if (!consulting.recommendation) {
      throw new HttpError(409, 'no_recommendation', {
        ko: '컨설턴트의 권고가 아직 없습니다. 권고를 받은 뒤 결정해 주세요.',
        en: 'The consultant has not recommended yet. Decide once the recommendation is in.',
      }, 'decision');
    }
    if (!decisionFits(consulting.purpose, body.decision)) {
      throw badRequest(consulting.purpose === 'potential'
        ? { ko: '예비 평생학습도시 컨설팅은 지정 또는 미지정으로 결정합니다.', en: 'A potential city’s consulting ends in designation or rejection.' }
        : { ko: '유예 도시 컨설팅은 종료만 할 수 있습니다. 도시의 지정 여부는 다음 재지정평가가 정합니다.', en: 'A deferred city’s consulting can only be closed; its next re-designation round decides the city.' },
      'decision');
    }
    if (body.decision === 'closed') return close(tx, consulting, body.reason, actor, now);
    const recommended = consultingRecommendations.get(consulting.recommendation);
    await recordTransition(tx, consulting.cityCode, {
      state: body.decision, year: yearInKorea(now), occurredOn: todayInKorea(now), reason: body.reason,
      evidence: `${consulting.callYear}년 예비 평생학습도시 컨설팅 · 컨설턴트 권고: ${recommended.ko} (${consulting.callYear} consulting year · consultant: ${recommended.en.toLowerCase()})`,
    }, actor.personId);
    await queries.setDecision(tx, id, body.decision, body.reason, actor.personId, now);
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'consulting_decided', callId: consulting.callId, applicationId: consulting.applicationId,
      cityCode: consulting.cityCode, before: { state: 'potential', recommendation: consulting.recommendation }, after: { state: body.decision }, reason: body.reason,
    });
    const designated = body.decision === 'designated';
    await tell(tx, [
      () => cityOfficers(tx, consulting), () => consultantOf(tx, consulting),
      () => identity.holdersOf(tx, 'province_officer', { provinceCode: provinceOfCity(consulting.cityCode) }),
    ], {
      kind: 'designation.consulting_decided', link: linkTo(id), cityCode: consulting.cityCode,
      title: designated
        ? { ko: `${withTopicParticle(city(consulting).ko)} 평생학습도시로 지정되었습니다`, en: `${city(consulting).en} is designated a learning city` }
        : { ko: `${withTopicParticle(city(consulting).ko)} 평생학습도시로 지정되지 않았습니다`, en: `${city(consulting).en} is not designated a learning city` },
      body: { ko: `교육부 결정 사유: ${body.reason}`, en: `The ministry's reason: ${body.reason}` },
    });
  });
}

/** Closes an improvement consulting: no designation step (the next round decides the city), the log and who took part told. */
async function close(tx: Executor, consulting: LockedConsulting, reason: string, actor: Actor, now: Date): Promise<void> {
  await queries.setDecision(tx, consulting.id, 'closed', reason, actor.personId, now);
  await appendLog(tx, {
    at: now,
    actorId: actor.personId, actorName: actor.displayName, step: 'consulting_closed', cityCode: consulting.cityCode,
    before: { roundYear: consulting.roundYear, recommendation: consulting.recommendation }, after: { decision: 'closed' }, reason,
  });
  await tell(tx, [() => cityOfficers(tx, consulting), () => consultantOf(tx, consulting)], {
    kind: 'designation.consulting_closed', link: linkTo(consulting.id), cityCode: consulting.cityCode,
    title: { ko: `${city(consulting).ko} 유예 도시 컨설팅 종료`, en: `The consulting of ${city(consulting).en} is closed` },
    body: { ko: `교육부 의견: ${reason}`, en: `The ministry's note: ${reason}` },
  });
}
