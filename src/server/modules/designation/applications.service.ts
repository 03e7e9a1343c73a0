/**
 * A city's application to the yearly call: started from the city's record, autosaved over versions, with
 * attachments checked by their bytes, submitted when complete and before the deadline, or withdrawn. Every change
 * of state locks the application row, checks the state and the clock there, writes, appends the log and tells
 * whoever the change waits for, in one transaction. `now` is a parameter so the deadlines can be tested.
 */
import type {
  ApplicationCall, ApplicationContent, ApplicationListQuery, ApplicationView, OpenCall, SaveBody,
} from '../../../shared/contracts/designation-applications.ts';
import { PLAN_YEARS } from '../../../shared/contracts/designation-applications.ts';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import { koreanTime, missingFields } from '../../../shared/messages/designation-application.ts';
import { can, type Scope } from '../../../shared/permissions.ts';
import type { AttachmentPurpose, Locale } from '../../../shared/vocabulary/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { yearInKorea } from '../../platform/clock.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { deleteFile, storeFile, streamFile } from '../../platform/files/files.queries.ts';
import { conflict, HttpError, notFound } from '../../platform/http/errors.ts';
import type { FastifyReply } from 'fastify';
import { cityRecord } from '../city-record/index.ts';
import { identity } from '../identity/index.ts';
import { notifications } from '../notifications/index.ts';
import { callPhase } from './calls.rules.ts';
import type { CallRow } from './calls.queries.ts';
import { callById, currentCall, isEligible } from './calls.service.ts';
import * as queries from './applications.queries.ts';
import type { LockedApplication } from './applications.queries.ts';
import { appendLog } from './log.queries.ts';

/** At most this many files per application (each at most 20 MB). */
export const MAX_ATTACHMENTS = 30;

export const planYearsOf = (call: { year: number }) => Array.from({ length: PLAN_YEARS }, (_, i) => call.year + i);

// ---- Reading --------------------------------------------------------------------------------------------

/** Who may see an application: its city's officers always; others once it was submitted, by the matrix. */
export async function scopeOf(db: Executor, id: number, actor: Actor): Promise<{ scope: Scope; submitted: boolean } | null> {
  const owner = await queries.applicationOwner(db, id);
  if (!owner) return null;
  const assigned = actor.grants.some((g) => g.role === 'reviewer' || g.role === 'consultant') && (await queries.isAssigned(db, id, actor.personId));
  return { scope: { cityCode: owner.cityCode, provinceCode: owner.provinceCode, assigned }, submitted: owner.submittedAt !== null };
}

function deadlinePassed(what: 'submission' | 'endorsement', call: CallRow) {
  const deadline = koreanTime(what === 'submission' ? call.submissionDeadline : call.endorsementDeadline);
  return conflict(what === 'submission'
    ? { ko: `${call.year}년 공모의 신청 마감(${deadline.ko})이 지났습니다. 이제 제출하거나 고칠 수 없습니다.`,
      en: `The ${call.year} call closed for submissions on ${deadline.en}. The application can no longer be submitted or changed.` }
    : { ko: `${call.year}년 공모의 시·도 추천 마감(${deadline.ko})이 지났습니다.`,
      en: `The province endorsement deadline of the ${call.year} call (${deadline.en}) has passed.` }, 'deadline');
}

/** Until when the city may still change the application in this status (null: it may not). */
function editableUntil(status: LockedApplication['status'], call: CallRow): string | null {
  if (status === 'draft') return call.submissionDeadline;
  if (status === 'returned') return call.endorsementDeadline;
  return null;
}

const isBefore = (now: Date, instant: string) => now.getTime() < Date.parse(instant);

/** The call as an application shows it. */
export function callView(call: CallRow, now: Date): ApplicationCall {
  return {
    id: call.id, year: call.year, titleKo: call.titleKo, titleEn: call.titleEn, phase: callPhase(call, now),
    opensAt: call.opensAt, submissionDeadline: call.submissionDeadline, endorsementDeadline: call.endorsementDeadline,
  };
}

export async function viewApplication(db: Executor, id: number, actor: Actor, now: Date): Promise<ApplicationView> {
  const row = await queries.findApplication(db, id);
  if (!row) throw notFound('The application', 'id');
  const call = (await callById(db, row.callId))!;
  const attachments = await queries.listAttachments(db, id);
  const scope = { cityCode: row.cityCode, provinceCode: row.provinceCode };
  const until = editableUntil(row.status, call);
  const mayEdit = can(actor.grants, 'designation.application.edit', scope) && until !== null && isBefore(now, until);
  return {
    ...row,
    call: callView(call, now),
    planYears: planYearsOf(call),
    attachments,
    actions: {
      edit: mayEdit,
      submit: mayEdit && !isBefore(now, call.opensAt),
      withdraw: can(actor.grants, 'designation.application.edit', scope) && ['draft', 'submitted', 'returned'].includes(row.status),
      endorse: can(actor.grants, 'designation.application.endorse', scope) && row.status === 'submitted' && isBefore(now, call.endorsementDeadline),
    },
  };
}

/** A city's applications: its officers see drafts too, others (province, ministry) what was submitted. */
export async function listForCity(db: Executor, cityCode: string, query: ApplicationListQuery, page: PageRequest, actor: Actor) {
  const submittedOnly = !can(actor.grants, 'designation.application.edit', { cityCode });
  return queries.listApplications(db, { cityCode, callId: query.callId, status: query.status, submittedOnly }, page);
}

export const versions = (db: Executor, id: number, page: PageRequest) => queries.listVersions(db, id, page);

export async function version(db: Executor, id: number, number: number) {
  const found = await queries.findVersion(db, id, number);
  if (!found) throw notFound(`Version ${number}`, 'version');
  return found;
}

/**
 * This year's call while it takes applications, whether the city may apply, and its application to it (for others
 * than the city's officers, only once submitted: a draft is the city's own).
 */
export async function openCallFor(db: Executor, cityCode: string, actor: Actor, now: Date): Promise<OpenCall> {
  const call = await currentCall(db, yearInKorea(now));
  if (!call || call.status !== 'published' || !isBefore(now, call.submissionDeadline)) return { call: null, eligible: false, message: null, applicationId: null };
  const found = (await queries.applicationIdFor(db, call.id, cityCode)) ?? null;
  const shown = found !== null && (can(actor.grants, 'designation.application.edit', { cityCode }) || (await queries.applicationOwner(db, found))?.submittedAt != null);
  const applicationId = shown ? found : null;
  const verdict = await isEligible(db, call, cityCode, now);
  return { call: callView(call, now), eligible: verdict.eligible, message: verdict.message, applicationId };
}

// ---- Starting and saving ----------------------------------------------------------------------------------

async function requireEligible(db: Executor, cityCode: string, call: CallRow, now: Date) {
  const verdict = await isEligible(db, call, cityCode, now);
  if (!verdict.eligible) throw new HttpError(409, 'not_eligible', verdict.message, 'cityCode', { reason: verdict.reason });
}

/** A new application's sections, filled from the city's record where it has the figures. */
export async function prefilledContent(db: Executor, cityCode: string, call: { year: number }): Promise<ApplicationContent> {
  const record = await cityRecord.recordForReport(db, cityCode, call.year);
  const years = planYearsOf(call);
  const latest = record.years.filter((y) => y.year <= call.year).at(-1);
  const budgetOf = (year: number) => {
    const figures = record.years.find((y) => y.year === year);
    return { national: figures?.budgetNationalKrw ?? null, provincial: figures?.budgetProvincialKrw ?? null, own: figures?.budgetOwnKrw ?? null };
  };
  return {
    vision: { title: '', statement: '' },
    organisation: {
      departmentName: latest?.departmentName ?? '',
      centreName: '',
      learningCentres: latest?.learningCentres ?? null,
      dongLearningCentres: latest?.dongLearningCentres ?? null,
      committees: record.committees.filter((c) => c.active).slice(0, 10).map((c) => ({ kind: c.kind, name: c.name, establishedOn: c.establishedOn })),
    },
    staff: { dedicatedStaff: latest?.dedicatedStaff ?? null, certifiedEducators: latest?.certifiedEducators ?? null },
    budget: years.map(budgetOf),
    ordinances: record.ordinances.filter((o) => o.repealedOn === null).slice(0, 20).map((o) => ({ kind: o.kind, title: o.title, enactedOn: o.enactedOn })),
    programPlan: [],
    partners: [],
  };
}

export async function startApplication(db: AppDb, cityCode: string, callId: number, actor: Actor, now: Date): Promise<number> {
  const call = await callById(db, callId);
  if (!call || call.status === 'draft') throw notFound('The call', 'callId');
  if (call.status !== 'published' || !isBefore(now, call.submissionDeadline)) throw deadlinePassed('submission', call);
  const existing = await queries.applicationIdFor(db, callId, cityCode);
  if (existing) return existing;
  await requireEligible(db, cityCode, call, now);
  const content = await prefilledContent(db, cityCode, call);
  return db.transaction(async (tx) => {
    const id = await queries.insertApplication(tx, { callId, cityCode, provinceCode: cityCode.slice(0, 2), content, personId: actor.personId, now });
    if (id === null) return (await queries.applicationIdFor(tx, callId, cityCode))!;
    await queries.insertVersion(tx, { applicationId: id, version: 1, cityCode, content, personId: actor.personId, now });
    await appendLog(tx, { at: now, actorId: actor.personId, actorName: actor.displayName, step: 'application_started', callId, applicationId: id, cityCode, after: { status: 'draft' } });
    return id;
  });
}

/** Locks the application and its call, and refuses when the city may no longer change it. */
async function lockEditable(tx: Executor, id: number, now: Date) {
  const application = await queries.lockApplication(tx, id);
  if (!application) throw notFound('The application', 'id');
  const call = (await callById(tx, application.callId))!;
  const until = editableUntil(application.status, call);
  if (until === null) {
    throw conflict({
      ko: '제출한 신청서는 고칠 수 없습니다. 시·도가 보완을 요청하면 다시 고칠 수 있습니다.',
      en: 'A submitted application cannot be changed; it can be again if the province returns it for changes.',
    }, 'status');
  }
  if (!isBefore(now, until)) throw deadlinePassed(application.status === 'draft' ? 'submission' : 'endorsement', call);
  return { application, call };
}

export async function saveDraft(db: AppDb, id: number, body: SaveBody, actor: Actor, now: Date) {
  return db.transaction(async (tx) => {
    const { application } = await lockEditable(tx, id, now);
    if (body.version !== application.version) {
      const current = (await queries.findApplication(tx, id))!;
      throw new HttpError(409, 'stale', {
        ko: `${current.updatedByName ?? '다른 담당자'}님이 먼저 저장했습니다(${current.version}판). 새로 불러와 바뀐 내용을 본 뒤 다시 고쳐 주세요.`,
        en: `${current.updatedByName ?? 'Someone else'} saved this application after you opened it (version ${current.version}). Reload to see their changes, then make yours again.`,
      }, 'version', { currentVersion: current.version, updatedAt: current.updatedAt, updatedByName: current.updatedByName });
    }
    const saved = await queries.saveContent(tx, id, body.content, actor.personId, now);
    await queries.insertVersion(tx, { applicationId: id, version: saved, cityCode: application.cityCode, content: body.content, personId: actor.personId, now });
    return { version: saved, updatedAt: now.toISOString(), updatedByName: actor.displayName };
  });
}

// ---- Attachments --------------------------------------------------------------------------------------------

export async function addAttachment(
  db: AppDb, id: number, file: { purpose: AttachmentPurpose; fileName: string; bytes: Uint8Array }, actor: Actor, now: Date,
) {
  return db.transaction(async (tx) => {
    const { application } = await lockEditable(tx, id, now);
    if ((await queries.countAttachments(tx, id)) >= MAX_ATTACHMENTS) {
      throw conflict({
        ko: `첨부 파일은 ${MAX_ATTACHMENTS}개까지 올릴 수 있습니다. ‘${file.fileName}’을(를) 올리려면 필요 없는 파일을 먼저 지워 주세요.`,
        en: `An application may have at most ${MAX_ATTACHMENTS} attachments. Remove one before adding ‘${file.fileName}’.`,
      }, 'file');
    }
    const stored = await storeFile(tx, { fileName: file.fileName, bytes: file.bytes, cityCode: application.cityCode, uploadedBy: actor.personId, field: `attachments.${file.purpose}` });
    const attachmentId = await queries.insertAttachment(tx, { applicationId: id, cityCode: application.cityCode, purpose: file.purpose, fileId: stored.id, personId: actor.personId, now });
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'attachment_added', callId: application.callId, applicationId: id, cityCode: application.cityCode,
      after: { attachmentId, purpose: file.purpose, fileName: stored.fileName, documentType: stored.documentType, byteSize: stored.byteSize, sha256: stored.sha256 },
    });
    return (await queries.findAttachment(tx, id, attachmentId))!;
  });
}

export async function removeAttachment(db: AppDb, id: number, attachmentId: number, actor: Actor, now: Date) {
  await db.transaction(async (tx) => {
    const { application } = await lockEditable(tx, id, now);
    const attachment = await queries.findAttachment(tx, id, attachmentId);
    if (!attachment) throw notFound('The attachment', 'attachmentId');
    await queries.deleteAttachment(tx, attachmentId);
    await deleteFile(tx, attachment.fileId);
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'attachment_removed', callId: application.callId, applicationId: id, cityCode: application.cityCode,
      before: { attachmentId, purpose: attachment.purpose, fileName: attachment.fileName, sha256: attachment.sha256 },
    });
  });
}

export async function sendAttachment(db: Executor, id: number, attachmentId: number, reply: FastifyReply) {
  const attachment = await queries.findAttachment(db, id, attachmentId);
  if (!attachment) throw notFound('The attachment', 'attachmentId');
  return streamFile(db, attachment.fileId, reply);
}

// ---- Submitting and withdrawing -------------------------------------------------------------------------------

export async function submit(db: AppDb, id: number, editedVersion: number, actor: Actor, now: Date, locale: Locale) {
  await db.transaction(async (tx) => {
    const { application, call } = await lockEditable(tx, id, now);
    if (isBefore(now, call.opensAt)) {
      const opens = koreanTime(call.opensAt);
      throw conflict({ ko: `신청 접수는 ${opens.ko}부터입니다.`, en: `Applications open on ${opens.en}.` }, 'deadline');
    }
    if (editedVersion !== application.version) {
      throw new HttpError(409, 'stale', {
        ko: '제출하려는 내용보다 새로 저장된 판이 있습니다. 새로 불러와 확인한 뒤 제출해 주세요.',
        en: 'A newer version was saved since you opened the application. Reload, check it, then submit.',
      }, 'version', { currentVersion: application.version });
    }
    await requireEligible(tx, application.cityCode, call, now);
    const row = (await queries.findApplication(tx, id))!;
    const attachments = await queries.listAttachments(tx, id);
    const missing = missingFields(row.content, planYearsOf(call), attachments.map((a) => a.purpose));
    if (missing.length > 0) {
      const labels = (l: 'ko' | 'en') => missing.map((m) => m.label[l]).join(', ');
      throw new HttpError(400, 'incomplete', {
        ko: `제출하기 전에 채워야 할 항목이 ${missing.length}개 있습니다: ${labels('ko')}.`,
        en: `${missing.length} ${missing.length === 1 ? 'item needs' : 'items need'} filling in before submitting: ${labels('en')}.`,
      }, missing[0]!.field, { fields: missing.map((m) => ({ field: m.field, label: m.label[locale] })) });
    }
    await queries.markSubmitted(tx, id, actor.personId, now);
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'application_submitted', callId: call.id, applicationId: id, cityCode: application.cityCode,
      before: { status: application.status }, after: { status: 'submitted', version: application.version },
    });
    await notifications.notify(tx, await identity.holdersOf(tx, 'province_officer', { provinceCode: application.provinceCode }), {
      kind: 'designation.application_submitted',
      title: {
        ko: `${row.cityNameKo}이(가) ${call.year}년 평생학습도시 신청서를 ${application.status === 'returned' ? '보완해 다시 ' : ''}제출했습니다`,
        en: `${row.cityNameEn} ${application.status === 'returned' ? 'resubmitted' : 'submitted'} its application to the ${call.year} call`,
      },
      body: {
        ko: `시·도 추천 마감(${koreanTime(call.endorsementDeadline).ko})까지 추천하거나 보완을 요청해 주세요.`,
        en: `Endorse it or return it for changes before the endorsement deadline (${koreanTime(call.endorsementDeadline).en}).`,
      },
      link: `/designation/province/${application.provinceCode}?call=${call.id}&application=${id}`,
      cityCode: application.cityCode,
    });
  });
}

export async function withdraw(db: AppDb, id: number, reason: string, actor: Actor, now: Date) {
  await db.transaction(async (tx) => {
    const application = await queries.lockApplication(tx, id);
    if (!application) throw notFound('The application', 'id');
    if (!['draft', 'submitted', 'returned'].includes(application.status)) {
      throw conflict({
        ko: '시·도가 추천한 신청서나 결과가 나온 신청서는 취소할 수 없습니다.',
        en: 'An application the province endorsed, or one already decided or withdrawn, cannot be withdrawn.',
      }, 'status');
    }
    await queries.markWithdrawn(tx, id, actor.personId, now);
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'application_withdrawn', callId: application.callId, applicationId: id,
      cityCode: application.cityCode, before: { status: application.status }, after: { status: 'withdrawn' }, reason,
    });
    if (application.submittedAt !== null) {
      const row = (await queries.findApplication(tx, id))!;
      await notifications.notify(tx, await identity.holdersOf(tx, 'province_officer', { provinceCode: application.provinceCode }), {
        kind: 'designation.application_withdrawn',
        title: { ko: `${row.cityNameKo}이(가) ${row.callYear}년 신청을 취소했습니다`, en: `${row.cityNameEn} withdrew its application to the ${row.callYear} call` },
        body: reason ? { ko: reason, en: reason } : undefined,
        link: `/designation/province/${application.provinceCode}?call=${application.callId}`,
        cityCode: application.cityCode,
      });
    }
  });
}

