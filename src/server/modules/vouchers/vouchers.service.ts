/**
 * Use cases of LearnFare vouchers (평생교육이용권, decision 029): the funder (the ministry for the national programme,
 * a city's officers for the city's own) sets a programme up; residents apply once with what shows they qualify; the
 * funder's officers confirm, draw when there are more confirmed applicants than the budget pays for (the lottery's
 * published-seed recipe, priority groups first), and issue. A resident spends a voucher on the fee of a program they
 * are enrolled in and is refunded under the refund rules when they cancel. Every change of a voucher's money holds
 * the voucher's row lock (and the enrolment's, for a payment), and the ledger's triggers are the floor underneath.
 */
import type { PageOf, PageRequest } from '../../../shared/contracts/common.ts';
import type {
  SpendBody, Voucher, VoucherApplication, VoucherApplyBody, VoucherDecisionBody, VoucherDrawResult, VoucherDrawSummary, VoucherIssueSummary,
  VoucherLedger, VoucherProgramme, VoucherProgrammeBody, VoucherStats,
} from '../../../shared/contracts/vouchers.ts';
import { refundShare, VOUCHER_STATS_MIN_GROUP, voucherGroups, type VoucherApplicationStatus, type VoucherGroup } from '../../../shared/vocabulary/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { HttpError, badRequest, conflict, notFound, type Words } from '../../platform/http/errors.ts';
import { enrolmentModule } from '../enrolment/index.ts';
import { geography } from '../geography/index.ts';
import { findApplicant, identity } from '../identity/index.ts';
import { lotteryModule } from '../lottery/index.ts';
import { notifications } from '../notifications/index.ts';
import { programsModule } from '../programs/index.ts';
import * as queries from './vouchers.queries.ts';

/** Whose programme: a city's (its code) or the national one (null). */
export type Funder = string | null;

export const won = (amount: number): Words => ({ ko: `${amount.toLocaleString('ko-KR')}원`, en: `₩${amount.toLocaleString('en-GB')}` });

const noProgramme = () => notFound('The voucher programme for this year', 'year');

function publicView(row: queries.ProgrammeRow): VoucherProgramme {
  const { seedText: _seed, drawn: _drawn, ...view } = row;
  return view;
}

async function programmeOf(db: Executor, funder: Funder, year: number, lock = false): Promise<queries.ProgrammeRow> {
  const row = await queries.findProgramme(db, funder, year, lock);
  if (!row) throw noProgramme();
  return row;
}

/** Under /cities/{code}: a city that does not exist is not found, whoever asks. */
async function cityMustExist(db: Executor, funder: Funder) {
  if (funder !== null && !(await geography.findMunicipality(db, funder))) throw notFound('The city', 'code');
}

export async function programme(db: Executor, funder: Funder, year: number): Promise<VoucherProgramme> {
  await cityMustExist(db, funder);
  return publicView(await programmeOf(db, funder, year));
}

export async function openProgrammes(db: Executor, cityCode: string | undefined, page: PageRequest): Promise<PageOf<VoucherProgramme>> {
  const { items, total } = await queries.openProgrammes(db, cityCode, page);
  return { items: items.map(publicView), total, page: page.page, pageSize: page.pageSize };
}

/** Sets the year's programme up (its draw's seed chosen now, only its hash shown) or changes it before the draw. */
export async function saveProgramme(db: AppDb, actor: Actor, funder: Funder, year: number, body: VoucherProgrammeBody): Promise<VoucherProgramme> {
  await cityMustExist(db, funder);
  const stray = body.priorityGroups.find((g) => !body.eligibleGroups.includes(g));
  if (stray) {
    const label = voucherGroups.get(stray);
    throw badRequest({ ko: `우선 선발 대상 ‘${label.ko}’이(가) 지원 대상에 없습니다.`, en: `Priority groups: “${label.en}” is not among the eligible groups.` }, 'priorityGroups');
  }
  if (body.amountPerPerson > body.budget) {
    throw badRequest({ ko: '1인당 지원액이 총예산보다 큽니다.', en: 'Amount per person: it is more than the whole budget.' }, 'amountPerPerson');
  }
  if (body.expiresOn <= body.applicationsCloseOn) {
    throw badRequest({ ko: '사용 기한은 신청 마감일보다 뒤여야 합니다.', en: 'Expires on: the day must be after applications close.' }, 'expiresOn');
  }
  await db.transaction(async (tx) => {
    const existing = await queries.findProgramme(tx, funder, year, true);
    if (!existing) {
      const seed = lotteryModule.newSeed();
      await queries.insertProgramme(tx, { ...body, title: body.title.trim(), year, cityCode: funder, seed, seedSha256: lotteryModule.commitmentOf(seed), by: actor.personId });
      return;
    }
    if (existing.drawn) throw conflict({ ko: '이미 추첨한 사업이라 바꿀 수 없습니다.', en: 'This programme has been drawn; it cannot change.' });
    if (existing.applications > 0) {
      const same = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();
      if (!same(existing.eligibleGroups, body.eligibleGroups) || !same(existing.priorityGroups, body.priorityGroups) || existing.minAge !== body.minAge
        || existing.incomeMedianPercent !== body.incomeMedianPercent) {
        throw conflict({ ko: '신청한 사람이 있어 지원 대상과 우선 선발 기준을 바꿀 수 없습니다.', en: 'Who qualifies and who comes first cannot change once people have applied.' }, 'eligibleGroups');
      }
      if (body.applicationsCloseOn < existing.applicationsCloseOn) {
        throw conflict({ ko: '신청한 사람이 있어 신청 마감을 앞당길 수 없습니다.', en: 'Applications close: it cannot be brought forward once people have applied.' }, 'applicationsCloseOn');
      }
    }
    await queries.updateProgramme(tx, existing.id, { ...body, title: body.title.trim() });
  });
  return programme(db, funder, year);
}

// ---- Applying ------------------------------------------------------------------------------------------------

const magic: Record<string, number[]> = { 'application/pdf': [0x25, 0x50, 0x44, 0x46], 'image/png': [0x89, 0x50, 0x4e, 0x47], 'image/jpeg': [0xff, 0xd8, 0xff] };
const MAX_DOCUMENT_BYTES = 512 * 1024;

function documentOf(body: VoucherApplyBody) {
  if (!body.document) return null;
  const bytes = Buffer.from(body.document.base64, 'base64');
  const signature = magic[body.document.contentType]!;
  if (bytes.length > MAX_DOCUMENT_BYTES || !signature.every((b, i) => bytes[i] === b)) {
    throw badRequest({ ko: '증빙 서류는 512KB 이하의 PDF, PNG 또는 JPEG 파일이어야 합니다.', en: 'Document: it must be a PDF, PNG or JPEG file of at most 512 KB.' }, 'document');
  }
  return { name: body.document.name.trim(), contentType: body.document.contentType, bytes };
}

/** One application per person per programme: asking again returns the one already made (created: false). */
export async function apply(
  db: AppDb, actor: Actor, funder: Funder, year: number, body: VoucherApplyBody, today: string,
): Promise<{ application: VoucherApplication; created: boolean }> {
  await cityMustExist(db, funder);
  const document = documentOf(body);
  return db.transaction(async (tx) => {
    const found = await programmeOf(tx, funder, year);
    const existing = await queries.applicationOf(tx, found.id, actor.personId);
    if (existing) return { application: existing, created: false };
    if (found.applicationsCloseOn < today || found.drawn) {
      throw conflict({ ko: `신청이 ${found.applicationsCloseOn}에 마감되었습니다.`, en: `Applications closed on ${found.applicationsCloseOn}.` });
    }
    const person = (await findApplicant(tx, actor.personId))!;
    if (funder !== null && person.homeCityCode !== funder) {
      throw conflict({ ko: `${found.cityNameKo} 주민만 신청할 수 있는 이용권입니다.`, en: `Only residents of ${found.cityNameEn} can apply for this voucher.` });
    }
    const age = person.birthYear === null ? null : year - person.birthYear;
    if (age === null && (found.minAge > 0 || body.declaredGroups.includes('over_65'))) {
      throw conflict({ ko: '계정에 태어난 해가 없어 나이를 확인할 수 없습니다. 계정 정보에 태어난 해를 넣어 주세요.', en: 'Your account has no year of birth, so your age cannot be checked. Add it to your account first.' });
    }
    if (age !== null && age < found.minAge) {
      throw conflict({ ko: `만 ${found.minAge}세 이상만 신청할 수 있습니다.`, en: `Only people aged ${found.minAge} or over can apply.` });
    }
    const outside = body.declaredGroups.find((g) => !found.eligibleGroups.includes(g));
    if (outside) {
      const label = voucherGroups.get(outside);
      throw badRequest({ ko: `‘${label.ko}’은(는) 이 사업의 지원 대상이 아닙니다.`, en: `Who you are: “${label.en}” is not eligible for this programme.` }, 'declaredGroups');
    }
    if (body.declaredGroups.includes('over_65') && age !== null && age < 65) {
      throw badRequest({ ko: `계정의 태어난 해로는 ${year}년에 만 65세가 되지 않습니다.`, en: `Who you are: by your account’s year of birth you are not 65 in ${year}.` }, 'declaredGroups');
    }
    const created = await queries.insertApplication(tx, {
      programmeId: found.id, personId: actor.personId, cityCode: person.homeCityCode, declaredGroups: body.declaredGroups, evidence: body.evidence.trim(), document,
    });
    // Two requests of one person at once: one inserts, the other waits on the unique constraint and finds its row here.
    return { application: (await queries.applicationOf(tx, found.id, actor.personId))!, created };
  });
}

export async function myApplication(db: AppDb, actor: Actor, funder: Funder, year: number): Promise<VoucherApplication> {
  await cityMustExist(db, funder);
  const found = await programmeOf(db, funder, year);
  const application = await queries.applicationOf(db, found.id, actor.personId);
  if (!application) throw notFound('Your application for this voucher');
  return application;
}

export async function myApplications(db: AppDb, actor: Actor, page: PageRequest): Promise<PageOf<VoucherApplication>> {
  return { ...(await queries.myApplications(db, actor.personId, page)), page: page.page, pageSize: page.pageSize };
}

// ---- The funder's officers -----------------------------------------------------------------------------------

export async function applications(
  db: AppDb, funder: Funder, year: number, status: VoucherApplicationStatus | undefined, page: PageRequest,
): Promise<PageOf<VoucherApplication>> {
  await cityMustExist(db, funder);
  const found = await programmeOf(db, funder, year);
  return { ...(await queries.applicationPage(db, found.id, status, page)), page: page.page, pageSize: page.pageSize };
}

/** The document an applicant sent with their application, for the officer who decides it. */
export async function applicationDocument(db: AppDb, funder: Funder, year: number, applicationId: number) {
  await cityMustExist(db, funder);
  const found = await programmeOf(db, funder, year);
  const document = await queries.documentOf(db, found.id, applicationId);
  if (!document) throw notFound('The application’s document', 'applicationId');
  return { ...document, bytes: Buffer.from(document.bytes) };
}

/** Confirms (the groups the evidence shows) or rejects an application; it may change its mind until the draw. */
export async function decide(
  db: AppDb, actor: Actor, funder: Funder, year: number, applicationId: number, body: VoucherDecisionBody,
): Promise<VoucherApplication> {
  await cityMustExist(db, funder);
  return db.transaction(async (tx) => {
    const found = await programmeOf(tx, funder, year, true);
    if (found.drawn) throw conflict({ ko: '추첨한 뒤에는 자격 확인을 바꿀 수 없습니다.', en: 'Eligibility cannot change after the draw.' }, 'decision');
    const application = await queries.findApplication(tx, found.id, applicationId, true);
    if (!application) throw notFound('The application', 'applicationId');
    const groups: VoucherGroup[] = body.decision === 'rejected' ? [] : body.confirmedGroups ?? application.declaredGroups;
    const undeclared = groups.find((g) => !application.declaredGroups.includes(g));
    if (undeclared) {
      throw badRequest({ ko: `‘${voucherGroups.get(undeclared).ko}’은(는) 신청인이 밝히지 않은 대상입니다.`, en: `Confirmed groups: the applicant did not declare “${voucherGroups.get(undeclared).en}”.` }, 'confirmedGroups');
    }
    if (body.decision === 'confirmed' && groups.length === 0) {
      throw badRequest({ ko: '확인한 지원 대상을 하나 이상 골라 주세요.', en: 'Confirmed groups: choose at least one.' }, 'confirmedGroups');
    }
    await queries.decideApplication(tx, application.id, { status: body.decision, confirmedGroups: groups, note: body.note?.trim() ?? '', by: actor.personId });
    return (await queries.findApplication(tx, found.id, applicationId))!;
  });
}

/**
 * Draws once, after applications close and every application is decided: tier 1 (any confirmed priority group)
 * before tier 2, each by the HMAC ticket of its application number under the programme's seed; the first as many
 * as the budget pays for win. With no more applicants than places everyone wins, in the same recorded order.
 */
export async function draw(db: AppDb, actor: Actor, funder: Funder, year: number, today: string): Promise<VoucherDrawSummary> {
  await cityMustExist(db, funder);
  const summary = await db.transaction(async (tx) => {
    const found = await programmeOf(tx, funder, year, true);
    if (found.drawn) throw conflict({ ko: '이미 추첨했습니다. 추첨은 한 번만 합니다.', en: 'This programme has already been drawn; it is drawn once.' });
    if (today <= found.applicationsCloseOn) {
      throw conflict({ ko: `신청 마감(${found.applicationsCloseOn}) 다음 날부터 추첨할 수 있습니다.`, en: `The draw can run from the day after applications close (${found.applicationsCloseOn}).` });
    }
    const undecided = await queries.countUndecided(tx, found.id);
    if (undecided > 0) {
      throw conflict({ ko: `자격 확인을 기다리는 신청이 ${undecided}건 있습니다. 모두 확인한 뒤 추첨해 주세요.`, en: `${undecided} application(s) still await a decision; decide them all before the draw.` });
    }
    await queries.claimDraw(tx, found.id, actor.personId);
    const people = await queries.entrants(tx, found.id);
    const priority = new Set(found.priorityGroups);
    const order = lotteryModule.drawOrder(found.seedText, people.map((p) => ({
      applicationNo: p.applicationNo, tier: p.groups.some((g) => priority.has(g)) ? 1 as const : 2 as const,
    })));
    const drawn = order.map((d) => ({ ...d, won: d.position <= found.places }));
    await queries.recordDraw(tx, drawn);
    const wins = drawn.filter((d) => d.won).length;
    return { entrants: drawn.length, won: wins, notDrawn: drawn.length - wins };
  });
  return { ...summary, programme: await programme(db, funder, year) };
}

/** The published draw, each ticket recomputed from the revealed seed. Empty before the draw. */
export async function drawResult(db: AppDb, funder: Funder, year: number, page: PageRequest): Promise<VoucherDrawResult> {
  await cityMustExist(db, funder);
  const found = await programmeOf(db, funder, year);
  if (!found.drawn) return { items: [], total: 0, page: page.page, pageSize: page.pageSize };
  const { items, total } = await queries.drawnPage(db, found.id, page);
  return { items: items.map((e) => ({ ...e, ticket: lotteryModule.ticketOf(found.seedText, e.applicationNo) })), total, page: page.page, pageSize: page.pageSize };
}

/** Issues a voucher (its first ledger row) to every winner who has none; asking again issues nothing more. */
export async function issue(db: AppDb, actor: Actor, funder: Funder, year: number): Promise<VoucherIssueSummary> {
  await cityMustExist(db, funder);
  const issued = await db.transaction(async (tx) => {
    const found = await programmeOf(tx, funder, year, true);
    if (!found.drawn) throw conflict({ ko: '추첨(또는 선정)을 마친 뒤 발급할 수 있습니다.', en: 'Vouchers are issued after the draw.' });
    const before = new Set(await queries.winnersOf(tx, found.id));
    const count = await queries.issueToWinners(tx, found, actor.personId);
    const fresh = (await queries.winnersOf(tx, found.id)).filter((id) => !before.has(id));
    if (fresh.length > 0) {
      await notifications.notify(tx, await identity.recipientsByIds(tx, fresh), {
        kind: 'vouchers.issued', link: '/me', cityCode: funder ?? undefined,
        title: { ko: `${found.title} ${won(found.amountPerPerson).ko}이 발급되었습니다`, en: `${found.title}: ${won(found.amountPerPerson).en} issued to you` },
        body: {
          ko: `유료 프로그램에 수강 신청할 때 수강료로 쓸 수 있습니다. 사용 기한: ${found.expiresOn}.`,
          en: `Use it for the fee when you enrol in a paid program. It can be used until ${found.expiresOn}.`,
        },
      });
    }
    return count;
  });
  return { issued, programme: await programme(db, funder, year) };
}

/** Per applicant's city and declared group; a row of fewer than five applicants shows no figures. */
export async function statistics(db: AppDb, funder: Funder, year: number, page: PageRequest): Promise<VoucherStats> {
  await cityMustExist(db, funder);
  const found = await programmeOf(db, funder, year);
  const [all, totals] = await Promise.all([queries.statistics(db, found.id), queries.statisticsTotals(db, found.id)]);
  const shown = all.map((row) => (row.applicants < VOUCHER_STATS_MIN_GROUP
    ? { ...row, suppressed: true, applicants: null, confirmed: null, issued: null, spent: null, refunded: null }
    : { ...row, suppressed: false }));
  const start = (page.page - 1) * page.pageSize;
  return { items: shown.slice(start, start + page.pageSize), total: shown.length, page: page.page, pageSize: page.pageSize, totals };
}

// ---- Holding and spending a voucher --------------------------------------------------------------------------

export async function myVouchers(db: AppDb, actor: Actor, page: PageRequest): Promise<PageOf<Voucher>> {
  return { ...(await queries.myVouchers(db, actor.personId, page)), page: page.page, pageSize: page.pageSize };
}

export async function myLedger(db: AppDb, actor: Actor, voucherId: number, page: PageRequest): Promise<VoucherLedger> {
  if (!(await queries.voucherOf(db, actor.personId, voucherId))) throw notFound('Your voucher', 'id');
  return { ...(await queries.ledgerPage(db, voucherId, page)), page: page.page, pageSize: page.pageSize };
}

const balanceRefusal = (code: string, words: Words, field: string, balance: number) => new HttpError(409, code, words, field, { balance });

/**
 * Pays (part of) the fee of a program the resident holds a place in: at most what is left of the fee and at most the
 * balance. The enrolment's row is locked first, then the voucher's, so parallel payments queue and none overdraws.
 */
export async function spend(db: AppDb, actor: Actor, programId: number, body: SpendBody, today: string): Promise<Voucher> {
  await programsModule.visibleProgram(db, actor, programId);
  await db.transaction(async (tx) => {
    const enrolment = await enrolmentModule.lockForPayment(tx, programId, actor.personId);
    if (!enrolment) throw notFound('Your enrolment in this program');
    if (enrolment.status !== 'enrolled') {
      throw conflict({ ko: '수강이 확정된 프로그램의 수강료만 이용권으로 낼 수 있습니다.', en: 'A voucher pays only for a place you hold (not a waitlist entry or a cancelled one).' });
    }
    if (!(await queries.lockVoucher(tx, actor.personId, body.voucherId))) throw notFound('Your voucher', 'voucherId');
    const voucher = (await queries.voucherOf(tx, actor.personId, body.voucherId))!;
    if (voucher.expiresOn < today) {
      throw balanceRefusal('voucher_expired', {
        ko: `이용권 사용 기한(${voucher.expiresOn})이 지났습니다. 남은 잔액 ${won(voucher.balance).ko}은(는) 쓸 수 없습니다.`,
        en: `The voucher expired on ${voucher.expiresOn}; its balance of ${won(voucher.balance).en} can no longer be used.`,
      }, 'voucherId', voucher.balance);
    }
    const due = enrolment.feeKrw - (await queries.paidTowards(tx, enrolment.id));
    if (due <= 0) {
      throw conflict(enrolment.feeKrw === 0
        ? { ko: '수강료가 없는 프로그램입니다.', en: 'This program has no fee.' }
        : { ko: '수강료를 이미 모두 냈습니다.', en: 'The fee has already been paid in full.' }, 'voucherId');
    }
    const amount = body.amount ?? Math.min(due, voucher.balance);
    if (amount > due) {
      throw badRequest({ ko: `낼 수강료가 ${won(due).ko} 남았습니다. 그보다 많이 쓸 수 없습니다.`, en: `Amount: only ${won(due).en} of the fee is left to pay.` }, 'amount');
    }
    if (amount <= 0 || amount > voucher.balance) {
      throw balanceRefusal('insufficient_balance', {
        ko: `이용권 잔액이 ${won(voucher.balance).ko}이라 ${won(Math.max(amount, 1)).ko}을(를) 쓸 수 없습니다.`,
        en: `The voucher’s balance is ${won(voucher.balance).en}; ${won(Math.max(amount, 1)).en} cannot be spent.`,
      }, 'amount', voucher.balance);
    }
    await queries.appendSpend(tx, { voucherId: body.voucherId, amount, enrolmentId: enrolment.id, programId, by: actor.personId });
  });
  return (await queries.voucherOf(db, actor.personId, body.voucherId))!;
}

type CancelledBy = 'learner' | 'institution';

/** The refund a spend is due when its place was cancelled at `cancelledAt` (by the learner, or the program by its institution). */
async function refundDue(tx: Executor, programId: number, amount: number, cancelledAt: Date, by: CancelledBy) {
  const sessions = await programsModule.sessionIdsOf(tx, programId);
  const held = sessions.filter((s) => s.startsAt.getTime() <= cancelledAt.getTime()).length;
  const [numerator, denominator] = refundShare(held, sessions.length, by);
  return { amount: Math.floor((amount * numerator) / denominator), held, total: sessions.length, share: `${numerator}/${denominator}`, by };
}

const refundNote = (due: { held: number; total: number; share: string; by: CancelledBy }) =>
  `${due.by === 'learner' ? '수강 취소' : '폐강'} 환불 · ${due.total}회 중 ${due.held}회 진행 · ${due.share === '1/1' ? '전액' : due.share}`;

/** Refunds each payment (each voucher locked first) by the rules; a payment the rules give nothing for is left as it is. */
async function refundAll(tx: Executor, spends: Awaited<ReturnType<typeof queries.unrefundedSpends>>, cancelledBy: CancelledBy, by: number) {
  for (const s of spends) {
    await queries.lockVoucherById(tx, s.voucherId);
    const due = await refundDue(tx, s.programId, s.amount, new Date(), cancelledBy);
    if (due.amount > 0) {
      await queries.appendRefund(tx, {
        voucherId: s.voucherId, amount: due.amount, spendId: s.id, enrolmentId: s.enrolmentId, programId: s.programId, note: refundNote(due), by,
      });
    }
  }
}

/** In the cancellation's transaction: every unrefunded voucher payment of the enrolment gets its refund (if any is due). */
export async function refundOnCancel(tx: Executor, enrolmentId: number, by: number): Promise<void> {
  await refundAll(tx, await queries.unrefundedSpends(tx, { enrolmentId }), 'learner', by);
}

/** In the transaction that cancels a program (폐강): every payment towards it gets back what was not held. */
export async function refundCancelledProgram(tx: Executor, programId: number, by: number): Promise<void> {
  await refundAll(tx, await queries.unrefundedSpends(tx, { programId }), 'institution', by);
}

/**
 * Asks for the refund of one payment whose enrolment is cancelled (cancelling refunds by itself; this is for a place
 * cancelled some other way, and says so when it has been refunded already, naming the balance).
 */
export async function refund(db: AppDb, actor: Actor, voucherId: number, spendId: number): Promise<Voucher> {
  await db.transaction(async (tx) => {
    if (!(await queries.lockVoucher(tx, actor.personId, voucherId))) throw notFound('Your voucher', 'id');
    const voucher = (await queries.voucherOf(tx, actor.personId, voucherId))!;
    const payment = await queries.findSpend(tx, voucherId, spendId);
    if (!payment) throw notFound('The payment', 'spendId');
    if (payment.refunded) {
      throw balanceRefusal('already_refunded', {
        ko: `이미 환불한 결제입니다. 이용권 잔액은 ${won(voucher.balance).ko}입니다.`,
        en: `This payment has already been refunded. The voucher’s balance is ${won(voucher.balance).en}.`,
      }, 'spendId', voucher.balance);
    }
    const enrolment = (await queries.enrolmentState(tx, payment.enrolmentId))!;
    if (enrolment.status !== 'cancelled') {
      throw balanceRefusal('not_cancelled', {
        ko: `수강을 취소해야 환불됩니다. 이용권 잔액은 ${won(voucher.balance).ko}입니다.`,
        en: `A payment is refunded when its place is cancelled. The voucher’s balance is ${won(voucher.balance).en}.`,
      }, 'spendId', voucher.balance);
    }
    const due = await refundDue(tx, payment.programId, payment.amount, new Date(enrolment.statusChangedAt), enrolment.programCancelled ? 'institution' : 'learner');
    if (due.amount === 0) {
      throw balanceRefusal('no_refund_due', {
        ko: `환불 기준에 따라 돌려받을 금액이 없습니다(${due.total}회 중 ${due.held}회 진행 뒤 취소). 이용권 잔액은 ${won(voucher.balance).ko}입니다.`,
        en: `Under the refund rules nothing is due (cancelled after ${due.held} of ${due.total} sessions). The voucher’s balance is ${won(voucher.balance).en}.`,
      }, 'spendId', voucher.balance);
    }
    await queries.appendRefund(tx, { voucherId, amount: due.amount, spendId, enrolmentId: payment.enrolmentId, programId: payment.programId, note: refundNote(due), by: actor.personId });
  });
  return (await queries.voucherOf(db, actor.personId, voucherId))!;
}
