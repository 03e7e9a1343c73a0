/**
 * Use cases of the lottery (추첨) and of offline applications: the institution sets a lottery up (committing to a
 * seed by publishing its hash), residents apply in the window (or staff apply for them at a centre), staff draw once
 * after it closes, and the result is published with the seed so anyone can recompute it (decision 013).
 */
import { can } from '../../../shared/permissions.ts';
import type { PageRequest, PageOf } from '../../../shared/contracts/common.ts';
import type {
  ApplyBody, Applicant, DrawResult, DrawSummary, LotteryApplication, LotterySettingsBody, LotteryView, OfflineApplicationBody, OfflineApplicationResult,
} from '../../../shared/contracts/lottery.ts';
import type { PriorityGroup } from '../../../shared/vocabulary/index.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import { enrolmentModule } from '../enrolment/index.ts';
import { findApplicant, identity } from '../identity/index.ts';
import { notifications } from '../notifications/index.ts';
import { programsModule } from '../programs/index.ts';
import { commitmentOf, drawOrder, newSeed, ticketOf } from './draw.ts';
import * as queries from './lottery.queries.ts';

type Program = Awaited<ReturnType<typeof programsModule.visibleProgram>>;

const notALottery = () => conflict({
  ko: '추첨으로 뽑는 프로그램이 아닙니다. 신청 방법을 추첨으로 저장한 뒤 추첨을 설정해 주세요.',
  en: 'This program does not draw its places by lottery. Save its registration as a lottery first, then set the lottery up.',
}, 'registrationMode');

const notSetUp = () => conflict({
  ko: '기관이 아직 추첨 일정을 정하지 않았습니다.', en: 'The institution has not set the lottery up yet.',
});

async function lotteryOf(db: Executor, programId: number, lock: 'share' | null = null): Promise<queries.LotteryRow> {
  const lottery = await queries.findLottery(db, programId, lock);
  if (!lottery) throw notSetUp();
  return lottery;
}

const view = (lottery: queries.LotteryRow, program: { enrolmentOpensOn: string | null }): LotteryView => ({
  ...lottery, applicationsOpenOn: program.enrolmentOpensOn,
});

/** Sets a lottery up (choosing and committing to its seed) or changes its rules before anyone applied. */
export async function saveSettings(db: AppDb, actor: Actor, programId: number, body: LotterySettingsBody): Promise<LotteryView> {
  const program = await programsModule.managedProgram(db, actor, programId);
  if (program.registrationMode !== 'lottery') throw notALottery();
  if (!(await queries.isAhead(db, body.applicationsCloseAt))) {
    throw badRequest({ ko: '신청 마감 시각은 지금보다 뒤여야 합니다.', en: 'Applications close: the time must be in the future.' }, 'applicationsCloseAt');
  }
  if (body.drawOn < todayInKorea(new Date(body.applicationsCloseAt))) {
    throw badRequest({ ko: '추첨일은 신청 마감일과 같거나 뒤여야 합니다.', en: 'Draw on: the day must be on or after the day applications close.' }, 'drawOn');
  }
  if (body.drawOn >= program.startsOn) {
    throw badRequest({ ko: `추첨일은 개강일(${program.startsOn})보다 앞이어야 합니다.`, en: `Draw on: the day must be before the program starts (${program.startsOn}).` }, 'drawOn');
  }
  return db.transaction(async (tx) => {
    await programsModule.lockForEnrolment(tx, programId);
    const existing = await queries.findLottery(tx, programId);
    if (!existing) {
      const seed = newSeed();
      await queries.insertLottery(tx, {
        programId, cityCode: program.cityCode, priorityGroups: body.priorityGroups, applicationsCloseAt: body.applicationsCloseAt,
        drawOn: body.drawOn, seed, seedSha256: commitmentOf(seed), createdBy: actor.personId,
      });
    } else {
      if (existing.phase === 'drawn') throw conflict({ ko: '이미 추첨한 프로그램이라 바꿀 수 없습니다.', en: 'This lottery has been drawn; it cannot change.' });
      if (existing.applications > 0) {
        const sameGroups = [...existing.priorityGroups].sort().join() === [...body.priorityGroups].sort().join();
        if (!sameGroups) {
          throw conflict({ ko: '신청한 사람이 있어 우선 선발 대상을 바꿀 수 없습니다.', en: 'Priority groups cannot change once people have applied.' }, 'priorityGroups');
        }
        if (body.applicationsCloseAt < existing.applicationsCloseAt) {
          throw conflict({ ko: '신청한 사람이 있어 신청 마감을 앞당길 수 없습니다.', en: 'Applications close: it cannot be brought forward once people have applied.' }, 'applicationsCloseAt');
        }
      }
      await queries.updateLottery(tx, programId, body);
    }
    return view((await queries.findLottery(tx, programId))!, program);
  });
}

/** Null for a program with no lottery (first come, or not set up yet). */
export async function publicLottery(db: AppDb, viewer: Actor | null, programId: number): Promise<LotteryView | null> {
  const program = await programsModule.visibleProgram(db, viewer, programId);
  const lottery = await queries.findLottery(db, programId);
  return lottery ? view(lottery, program) : null;
}

/** The published order, a page at a time, each with its ticket recomputed from the revealed seed. Empty before the draw. */
export async function drawResult(db: AppDb, viewer: Actor | null, programId: number, page: PageRequest): Promise<DrawResult> {
  await programsModule.visibleProgram(db, viewer, programId);
  const lottery = await queries.findLottery(db, programId);
  if (!lottery?.seed) return { items: [], total: 0, page: page.page, pageSize: page.pageSize };
  const seed = lottery.seed;
  const items = (await queries.drawnPage(db, programId, page)).map((e) => ({ ...e, ticket: ticketOf(seed, e.applicationNo) }));
  return { items, total: lottery.applications, page: page.page, pageSize: page.pageSize };
}

/** Priority groups the account shows: the program's city, and 65 or over in the year it starts (만 나이 by year of birth). */
function groupsFromAccount(program: Program, person: { birthYear: number | null; homeCityCode: string | null }): PriorityGroup[] {
  const groups: PriorityGroup[] = [];
  if (person.homeCityCode === program.cityCode) groups.push('city_resident');
  if (person.birthYear !== null && Number(program.startsOn.slice(0, 4)) - person.birthYear >= 65) groups.push('over_65');
  return groups;
}

interface Applying {
  personId: number;
  /** Groups declared by the resident or marked by staff. */
  declared: readonly PriorityGroup[];
  enteredBy: number | null;
  today: string;
}

/** One application per person per program: asking again returns the one already made (created: false). */
async function applyFor(db: AppDb, viewer: Actor, programId: number, applying: Applying): Promise<{ application: LotteryApplication; created: boolean }> {
  return db.transaction(async (tx) => {
    const program = await programsModule.visibleProgram(tx, viewer, programId);
    if (program.registrationMode !== 'lottery') throw notALottery();
    // Held until commit: a draw waits for applications in progress, and an application after the draw began waits, then sees it drawn.
    const lottery = await lotteryOf(tx, programId, 'share');
    const existing = await queries.applicationOf(tx, programId, applying.personId);
    if (existing) return { application: existing, created: false };
    if (lottery.phase !== 'accepting') {
      throw conflict({ ko: `추첨 신청이 ${lottery.applicationsCloseAt.slice(0, 10)}에 마감되었습니다.`, en: `Applications for the draw closed on ${lottery.applicationsCloseAt.slice(0, 10)}.` });
    }
    const person = (await findApplicant(tx, applying.personId))!;
    // The enrolment's own rules (window opening, ages, residents first) apply to applying as to enrolling.
    const reasons = enrolmentModule.refusalsFor({ ...program, cityName: program.cityNameKo, registrationMode: 'online', enrolmentClosesOn: null }, person, applying.today);
    if (reasons.length > 0) throw enrolmentModule.refusal(reasons, 'not_eligible');
    const groups = [...new Set([...groupsFromAccount(program, person), ...applying.declared])];
    const inserted = await queries.insertApplication(tx, { programId, personId: applying.personId, cityCode: program.cityCode, groups, enteredBy: applying.enteredBy });
    // Two requests of one person at once: one inserts, the other waits on the unique constraint and finds its row here.
    return { application: (await queries.applicationOf(tx, programId, applying.personId))!, created: inserted !== null };
  });
}

export async function apply(db: AppDb, actor: Actor, programId: number, body: ApplyBody, today: string) {
  return applyFor(db, actor, programId, { personId: actor.personId, declared: body.declaredGroups ?? [], enteredBy: null, today });
}

export async function myApplication(db: AppDb, actor: Actor, programId: number): Promise<LotteryApplication> {
  await programsModule.visibleProgram(db, actor, programId);
  const application = await queries.applicationOf(db, programId, actor.personId);
  if (!application) throw notFound('Your application for this program');
  return application;
}

export async function applicants(db: AppDb, actor: Actor, programId: number, page: PageRequest): Promise<PageOf<Applicant>> {
  await programsModule.managedProgram(db, actor, programId);
  const [items, total] = await Promise.all([queries.applicantPage(db, programId, page), queries.countApplications(db, programId)]);
  return { items, total, page: page.page, pageSize: page.pageSize };
}

/**
 * An application entered at a centre: for a lottery program it joins the same draw, for a first-come one it takes a
 * place (or waitlist entry) in arrival order with online enrolments. Recorded as entered by `actor`.
 */
/** The program, if `actor` may take applications for it at a centre. */
export async function programTakingApplications(db: Executor, actor: Actor, programId: number): Promise<Program> {
  const program = await programsModule.visibleProgram(db, actor, programId);
  if (!can(actor.grants, 'program.applications.enter', { institutionId: program.institutionId, cityCode: program.cityCode })) {
    throw forbidden({ ko: '이 프로그램을 운영하는 기관의 담당자만 창구 신청을 받을 수 있습니다.', en: 'Only the staff of the institution that runs this program can enter applications for it.' });
  }
  return program;
}

export async function enterOffline(
  db: AppDb, actor: Actor, programId: number, body: OfflineApplicationBody, today: string,
): Promise<OfflineApplicationResult> {
  const program = await programTakingApplications(db, actor, programId);
  const resident = await db.transaction((tx) => identity.residentAtDesk(tx, body, body.livesInCity ? program.cityCode : null));
  if (program.registrationMode === 'lottery') {
    const { application, created } = await applyFor(db, actor, programId, {
      personId: resident.personId, declared: body.groups ?? [], enteredBy: actor.personId, today,
    });
    return { ...resident, created, application, enrolment: null };
  }
  const { enrolment, created } = await enrolmentModule.enrol(db, actor, programId, { allowClash: false, today, onBehalfOf: resident.personId });
  return { ...resident, created, application: null, enrolment };
}

/**
 * Draws once, after applications close, in one transaction: the order from the seed, winners enrolled up to the
 * free places, the rest waitlisted in drawn order, everyone told. A second draw is refused (409).
 */
export async function draw(db: AppDb, actor: Actor, programId: number): Promise<DrawSummary> {
  await programsModule.managedProgram(db, actor, programId);
  const summary = await db.transaction(async (tx) => {
    const program = (await programsModule.lockForEnrolment(tx, programId))!;
    if (program.registrationMode !== 'lottery') throw notALottery();
    const before = await lotteryOf(tx, programId);
    if (before.phase === 'drawn') throw conflict({ ko: '이미 추첨했습니다. 추첨은 한 번만 합니다.', en: 'This lottery has already been drawn; it is drawn once.' });
    if (before.phase === 'accepting') {
      throw conflict({ ko: `신청 마감(${before.applicationsCloseAt}) 뒤에 추첨할 수 있습니다.`, en: `The draw can run after applications close (${before.applicationsCloseAt}).` });
    }
    const seats = Math.max(0, program.capacity - (await enrolmentModule.seatsTaken(tx, programId)));
    const claimed = await queries.claimDraw(tx, programId, actor.personId, seats);
    if (!claimed) throw conflict({ ko: '이미 추첨했습니다. 추첨은 한 번만 합니다.', en: 'This lottery has already been drawn; it is drawn once.' });
    const people = await queries.entrants(tx, programId);
    const priority = new Set(claimed.priorityGroups);
    const tierOf = (groups: readonly PriorityGroup[]) => (groups.some((g) => priority.has(g)) ? 1 : 2);
    const byNo = new Map(people.map((p) => [p.applicationNo, p]));
    const order = drawOrder(claimed.seed, people.map((p) => ({ applicationNo: p.applicationNo, tier: tierOf(p.groups) })));
    const drawn = order.map((d) => ({ ...d, outcome: d.position <= seats ? 'won' as const : 'waitlisted' as const }));
    await queries.recordDraw(tx, programId, drawn);
    await enrolmentModule.placeInDrawnOrder(tx, program, drawn.map((d) => byNo.get(d.applicationNo)!), seats);
    await programsModule.setSeatsLeft(tx, programId, seats - Math.min(seats, drawn.length));
    const winners = drawn.filter((d) => d.outcome === 'won').map((d) => byNo.get(d.applicationNo)!.personId);
    const waiting = drawn.filter((d) => d.outcome === 'waitlisted');
    const link = `/programs/${programId}`;
    if (winners.length > 0) {
      await notifications.notify(tx, await identity.recipientsByIds(tx, winners), {
        kind: 'lottery.won', link, cityCode: program.cityCode,
        title: { ko: `「${program.title}」 추첨에 당첨되었습니다`, en: `You won a place in "${program.title}"` },
        body: { ko: '수강이 확정되었습니다. 추첨 결과와 확인 방법은 프로그램 페이지에 있습니다.', en: 'Your place is confirmed. The draw and how to check it are on the program’s page.' },
      });
    }
    for (const entry of waiting) {
      const place = entry.position - seats;
      await notifications.notify(tx, await identity.recipientsByIds(tx, [byNo.get(entry.applicationNo)!.personId]), {
        kind: 'lottery.waitlisted', link, cityCode: program.cityCode,
        title: { ko: `「${program.title}」 추첨 결과: 대기 ${place}번`, en: `"${program.title}" draw: waitlist number ${place}` },
        body: { ko: '자리가 나면 대기 순서대로 수강이 확정되고 알려 드립니다.', en: 'When a place frees, it goes to the waitlist in drawn order, and you will be told.' },
      });
    }
    return { won: winners.length, waitlisted: waiting.length };
  });
  const program = await programsModule.visibleProgram(db, actor, programId);
  return { lottery: view((await queries.findLottery(db, programId))!, program), ...summary };
}
