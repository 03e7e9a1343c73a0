/**
 * Grants: the ministry awards a grant to a city for a year; the city files what it spent by line; the ministry
 * accepts (the lines enter the ledger) or returns it with a reason; corrections are adjustments. Every change of a
 * grant's money holds the grant's row lock, and the ledger's trigger refuses a negative balance underneath.
 */
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type {
  AdjustmentBody, CityGrantsQuery, GrantBody, GrantList, GrantListQuery, GrantTotals, GrantView, ReportDecisionBody, SpendingReportBody,
} from '../../../shared/contracts/grants.ts';
import { grantKinds, spendingLines } from '../../../shared/vocabulary/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';
import type { FastifyReply } from 'fastify';
import { storeFile, streamFile } from '../../platform/files/files.queries.ts';
import { badRequest, conflict, notFound, type Words } from '../../platform/http/errors.ts';
import { geography } from '../geography/index.ts';
import { identity } from '../identity/index.ts';
import { notifications } from '../notifications/index.ts';
import * as queries from './grants.queries.ts';

/** Tells a city's officers (inbox and mail, in the same transaction) about one of its grants. */
async function tellCity(tx: Executor, cityCode: string, grantId: number | null, message: { kind: string; title: Words; body?: Words }) {
  const link = `/cities/${cityCode}/console/grants${grantId === null ? '' : `?grant=${grantId}`}`;
  await notifications.notify(tx, await identity.holdersOf(tx, 'city_officer', { cityCode }), { ...message, cityCode, link });
}

export const won = (amount: number): Words => ({ ko: `${amount.toLocaleString('ko-KR')}원`, en: `₩${amount.toLocaleString('en-GB')}` });

export async function grantPage(db: Executor, cityCode: string, id: number): Promise<GrantView> {
  const grant = await queries.findGrant(db, cityCode, id);
  if (!grant) throw notFound('The grant', 'id');
  const [reports, ledger] = await Promise.all([queries.reportsOf(db, id), queries.ledgerOf(db, id)]);
  return { ...grant, reports, ledger };
}

export function listGrants(db: Executor, query: GrantListQuery, page: PageRequest): Promise<GrantList> {
  return queries.listGrants(db, { cityCode: query.cityCode, year: query.year, kind: query.kind, awaiting: query.awaiting }, page);
}

export function cityGrants(db: Executor, cityCode: string, query: CityGrantsQuery, page: PageRequest): Promise<GrantList> {
  return queries.listGrants(db, { cityCode, year: query.year }, page);
}

export const yearTotals = (db: Reader, page: PageRequest): Promise<GrantTotals> => queries.yearTotals(db, page);

export async function recordGrant(db: AppDb, actor: Actor, body: GrantBody): Promise<GrantView> {
  if (!(await geography.findMunicipality(db, body.cityCode))) {
    throw badRequest({ ko: '없는 시·군·구입니다.', en: 'There is no such city.' }, 'cityCode');
  }
  const members = await consortiumMembers(db, body);
  // The grant row and its money go in together: an award is its first ledger row.
  const id = await db.transaction(async (tx) => {
    const grantId = await queries.insertGrant(tx, { ...body, conditions: body.conditions.trim(), by: actor.personId });
    await queries.insertConsortiumMembers(tx, grantId, members);
    await queries.appendLedger(tx, [{ grantId, cityCode: body.cityCode, kind: 'awarded', amount: body.amount, by: actor.personId }]);
    const kind = grantKinds.get(body.kind);
    await tellCity(tx, body.cityCode, grantId, {
      kind: 'grants.awarded',
      title: { ko: `${body.year}년 ${kind.ko} ${won(body.amount).ko}이(가) 교부되었습니다`, en: `${body.year} ${kind.en} grant of ${won(body.amount).en} awarded` },
      body: { ko: `지원 조건: ${body.conditions.trim()}`, en: `Conditions: ${body.conditions.trim()}` },
    });
    const lead = members.length > 0 ? (await geography.findMunicipality(tx, body.cityCode))! : null;
    for (const member of lead ? members : []) {
      await tellCity(tx, member, grantId, {
        kind: 'grants.consortium',
        title: {
          ko: `${body.year}년 연합 도시 지원금에 참여 도시로 함께합니다 (대표 도시: ${lead!.nameKo})`,
          en: `Your city is a member of a ${body.year} consortium grant led by ${lead!.nameEn}`,
        },
        body: { ko: `지원 조건: ${body.conditions.trim()}`, en: `Conditions: ${body.conditions.trim()}` },
      });
    }
    return grantId;
  });
  return grantPage(db, body.cityCode, id);
}

/** A consortium grant names its member cities: at least one, none the lead, each a city that exists; no other grant has them. */
async function consortiumMembers(db: Executor, body: GrantBody): Promise<string[]> {
  const members = body.memberCityCodes ?? [];
  if (body.kind !== 'consortium') {
    if (members.length > 0) throw badRequest({ ko: '참여 도시는 연합 도시 지원금에만 있습니다.', en: 'Only a consortium grant has member cities.' }, 'memberCityCodes');
    return [];
  }
  if (members.length === 0) throw badRequest({ ko: '연합에 함께하는 도시를 하나 이상 고르세요.', en: 'Choose at least one member city of the consortium.' }, 'memberCityCodes');
  if (members.includes(body.cityCode)) {
    throw badRequest({ ko: '대표 도시는 참여 도시에 넣지 않습니다.', en: 'The lead city is not one of its own members.' }, 'memberCityCodes');
  }
  for (const code of members) {
    if (!(await geography.findMunicipality(db, code))) throw badRequest({ ko: `없는 시·군·구입니다: ${code}`, en: `There is no such city: ${code}` }, 'memberCityCodes');
  }
  return members;
}

async function lockedGrant(tx: Executor, cityCode: string, id: number) {
  if (!(await queries.lockGrant(tx, cityCode, id))) {
    // A member city sees a consortium grant but does not file for it: the lead city does.
    const seen = await queries.findGrant(tx, cityCode, id);
    if (seen) {
      throw conflict({
        ko: `연합 도시 지원금의 집행은 대표 도시(${seen.cityNameKo})가 보고합니다.`, en: `The lead city (${seen.cityNameEn}) reports the consortium grant's spending.`,
      }, 'id');
    }
    throw notFound('The grant', 'id');
  }
  return (await queries.findGrant(tx, cityCode, id))!;
}

/** What the city may still report: the balance less what it has filed and the ministry has not decided yet. */
const reportable = (grant: { balance: number; pending: number }) => grant.balance - grant.pending;

export async function fileReport(db: AppDb, actor: Actor, cityCode: string, id: number, body: SpendingReportBody): Promise<GrantView> {
  const seen = new Set<string>();
  for (const [index, entry] of body.lines.entries()) {
    if (seen.has(entry.line)) {
      const label = spendingLines.get(entry.line);
      throw badRequest({ ko: `‘${label.ko}’ 항목이 두 번 있습니다. 한 줄로 합쳐 주세요.`, en: `“${label.en}” appears twice; put it on one line.` }, `lines.${index}.line`);
    }
    seen.add(entry.line);
  }
  const total = body.lines.reduce((sum, entry) => sum + entry.amount, 0);
  await db.transaction(async (tx) => {
    const grant = await lockedGrant(tx, cityCode, id);
    const left = reportable(grant);
    if (total > left) {
      throw badRequest({
        ko: `집행액 합계 ${won(total).ko}이(가) 보고할 수 있는 잔액 ${won(left).ko}을(를) 넘습니다.`,
        en: `The spending adds up to ${won(total).en}, more than the ${won(left).en} left to report.`,
      }, 'lines');
    }
    await queries.insertReport(tx, { grantId: id, cityCode, lines: body.lines, total, note: body.note.trim(), by: actor.personId });
  });
  return grantPage(db, cityCode, id);
}

/** Documents one spending report may carry (receipts, the report): enough for a year's, bounded. */
export const MAX_REPORT_DOCUMENTS = 20;

/**
 * Attaches a document to a spending report while it awaits the ministry's decision; a decided report is closed (a
 * returned one is filed again). Locks the grant, as the decision does, so the two never cross.
 */
export async function attachDocument(db: AppDb, actor: Actor, cityCode: string, id: number, reportId: number, file: { fileName: string; bytes: Uint8Array }): Promise<GrantView> {
  await db.transaction(async (tx) => {
    await lockedGrant(tx, cityCode, id);
    const report = await queries.findReport(tx, id, reportId);
    if (!report) throw notFound('The spending report', 'reportId');
    if (report.status !== 'submitted') {
      throw conflict({ ko: '결정이 난 집행 보고에는 문서를 붙일 수 없습니다. 보완 요청을 받았다면 새로 보고해 주세요.', en: 'A decided spending report takes no more documents; if it was returned, file a new one.' }, 'file');
    }
    if ((await queries.documentCount(tx, reportId)) >= MAX_REPORT_DOCUMENTS) {
      throw conflict({ ko: `집행 보고 하나에 문서는 ${MAX_REPORT_DOCUMENTS}개까지 붙일 수 있습니다.`, en: `A spending report takes at most ${MAX_REPORT_DOCUMENTS} documents.` }, 'file');
    }
    const stored = await storeFile(tx, { fileName: file.fileName, bytes: file.bytes, cityCode, uploadedBy: actor.personId, field: 'file' });
    await queries.insertReportDocument(tx, { reportId, cityCode, fileId: stored.id, by: actor.personId });
  });
  return grantPage(db, cityCode, id);
}

export async function downloadDocument(db: Executor, cityCode: string, id: number, reportId: number, documentId: number, reply: FastifyReply) {
  const fileId = (await queries.findGrant(db, cityCode, id)) ? await queries.reportDocumentFile(db, id, reportId, documentId) : undefined;
  if (fileId === undefined) throw notFound('The document', 'documentId');
  return streamFile(db, fileId, reply);
}

export async function decideReport(db: AppDb, actor: Actor, cityCode: string, id: number, reportId: number, body: ReportDecisionBody): Promise<GrantView> {
  const reason = body.reason?.trim() ?? '';
  if (body.decision === 'returned' && reason.length < 5) {
    throw badRequest({ ko: '보완을 요청하는 까닭을 5자 이상 적어 주세요. 시·군·구에 그대로 전해집니다.', en: 'Say why it is returned (at least 5 characters); the city reads it.' }, 'reason');
  }
  await db.transaction(async (tx) => {
    const grant = await lockedGrant(tx, cityCode, id);
    const report = await queries.findReport(tx, id, reportId);
    if (!report) throw notFound('The spending report', 'reportId');
    if (report.status !== 'submitted') {
      throw conflict({ ko: '이미 결정한 집행 보고입니다.', en: 'This spending report has already been decided.' }, 'decision');
    }
    if (body.decision === 'returned') {
      await queries.decideReport(tx, reportId, { status: 'returned', reason, by: actor.personId });
      await tellCity(tx, cityCode, id, {
        kind: 'grants.report_returned', body: { ko: `사유: ${reason}`, en: `Reason: ${reason}` },
        title: { ko: `집행 보고(${won(report.total).ko})에 보완 요청이 왔습니다`, en: `Your spending report (${won(report.total).en}) was returned` },
      });
      return;
    }
    // An adjustment since filing may have taken the balance below the report.
    if (report.total > grant.balance) {
      throw conflict({ ko: `잔액 ${won(grant.balance).ko}보다 큰 보고라 승인할 수 없습니다. 보완을 요청해 주세요.`, en: `The report is more than the ${won(grant.balance).en} balance; return it instead.` }, 'decision');
    }
    await queries.decideReport(tx, reportId, { status: 'accepted', reason: null, by: actor.personId });
    await queries.appendLedger(tx, report.lines.map((entry) => ({
      grantId: id, cityCode, kind: 'spent' as const, amount: -entry.amount, line: entry.line, reportId, by: actor.personId,
    })));
    await tellCity(tx, cityCode, id, {
      kind: 'grants.report_accepted',
      title: { ko: `집행 보고(${won(report.total).ko})가 승인되었습니다`, en: `Your spending report (${won(report.total).en}) was accepted` },
    });
  });
  return grantPage(db, cityCode, id);
}

export async function adjust(db: AppDb, actor: Actor, cityCode: string, id: number, body: AdjustmentBody): Promise<GrantView> {
  if (body.amount === 0) throw badRequest({ ko: '0원이 아닌 금액을 적어 주세요. 줄일 때는 앞에 -를 붙입니다.', en: 'Enter an amount other than 0; a minus sign takes money back.' }, 'amount');
  await db.transaction(async (tx) => {
    const grant = await lockedGrant(tx, cityCode, id);
    const floor = -reportable(grant);
    if (body.amount < floor) {
      throw badRequest({
        ko: `최대 ${won(-floor).ko}까지 줄일 수 있습니다 (잔액에서 심사 중인 집행 보고를 뺀 금액).`,
        en: `At most ${won(-floor).en} can be taken back (the balance less the spending awaiting a decision).`,
      }, 'amount');
    }
    await queries.appendLedger(tx, [{ grantId: id, cityCode, kind: 'adjustment', amount: body.amount, note: body.note.trim(), by: actor.personId }]);
  });
  return grantPage(db, cityCode, id);
}
