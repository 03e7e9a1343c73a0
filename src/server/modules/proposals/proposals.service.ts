/**
 * Residents' proposals: a resident of the city proposes, others of the city support (one each, withdrawn until the
 * city answers), and past the city's threshold the city answers publicly: accepted, as a draft program of one of
 * the city's institutions, linked both ways; or declined with reasons. The proposer and supporters are told. Each
 * support and answer holds the proposal's row lock, so counts and answers are never decided from a stale state.
 */
import type { PageOf, PageRequest } from '../../../shared/contracts/common.ts';
import type {
  MyProposal, ProposalAnswerBody, ProposalBody, ProposalList, ProposalListQuery, ProposalSummary, ProposalView, SupportResult,
} from '../../../shared/contracts/proposals.ts';
import { can } from '../../../shared/permissions.ts';
import { DEFAULT_PROPOSAL_THRESHOLD, programAreas, type DayPart } from '../../../shared/vocabulary/index.ts';
import { planSessions } from '../../../shared/lib/holidays.ts';
import { sessionHours } from '../../../shared/lib/schedule.ts';
import { requireResidentOf, type Actor } from '../../platform/auth/actor.ts';
import { todayInKorea } from '../../platform/clock.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';
import { badRequest, conflict, notFound, type Words } from '../../platform/http/errors.ts';
import { geography } from '../geography/index.ts';
import { identity } from '../identity/index.ts';
import { institutionsModule } from '../institutions/index.ts';
import { notifications } from '../notifications/index.ts';
import { programsModule } from '../programs/index.ts';
import { answered, maskedName, phaseOf, reachesThreshold, supportMayChange } from './proposals.rules.ts';
import * as queries from './proposals.queries.ts';

const linkOf = (cityCode: string, id: number) => `/cities/${cityCode}/proposals/${id}`;

function summary(row: queries.ProposalRow): ProposalSummary {
  return {
    id: row.id, cityCode: row.cityCode, kind: row.kind, title: row.title, area: row.area, targetGroups: row.targetGroups,
    dongCode: row.dongCode, dongNameKo: row.dongNameKo, dongNameEn: row.dongNameEn, phase: phaseOf(row), supporters: row.supporters,
    proposer: maskedName(row.proposerName), createdAt: row.createdAt,
  };
}

export async function listProposals(db: Reader, cityCode: string, query: ProposalListQuery, page: PageRequest): Promise<ProposalList> {
  const [list, threshold] = await Promise.all([
    queries.listProposals(db, cityCode, { phase: query.phase, sort: query.sort ?? 'newest' }, page), queries.thresholdOf(db, cityCode),
  ]);
  return { ...list, items: list.items.map(summary), threshold };
}

/** My learning's list: the proposals I made or support, wherever they stand. */
export async function proposalsOfMine(db: Reader, actor: Actor, page: PageRequest): Promise<PageOf<MyProposal>> {
  const list = await queries.proposalsOfPerson(db, actor.personId, page);
  return { ...list, items: list.items.map((row) => ({ ...summary(row), mine: row.mine, threshold: row.threshold ?? DEFAULT_PROPOSAL_THRESHOLD })) };
}

export async function proposalPage(db: Reader, viewer: Actor | null, cityCode: string, id: number): Promise<ProposalView> {
  const row = await queries.findProposal(db, cityCode, id);
  if (!row) throw notFound('The proposal', 'id');
  const seesWho = viewer !== null && can(viewer.grants, 'proposals.log.view', { cityCode });
  const [threshold, log, program, supportedByMe] = await Promise.all([
    queries.thresholdOf(db, cityCode), queries.logOf(db, id),
    row.programId ? queries.publishedProgram(db, row.programId) : undefined,
    viewer ? queries.supportedBy(db, id, viewer.personId) : false,
  ]);
  return {
    ...summary(row), description: row.description, subcategory: row.subcategory, preferredDays: row.preferredDays, preferredTimes: row.preferredTimes,
    threshold, awaitingSince: row.awaitingSince, answeredAt: row.answeredAt, declineReason: row.declineReason, program: program ?? null,
    mine: viewer?.personId === row.proposerId, supportedByMe,
    log: log.map((entry) => ({ ...entry, actorName: seesWho ? entry.actorName : null })),
  };
}

/** Who may act here: a resident of the city (`requireResidentOf`, `residentInPath`). */
export const notResident: Words = { ko: '이 시·군·구에 사는 주민만 제안하고 공감할 수 있습니다. 내 정보의 사는 곳을 확인해 주세요.', en: 'Only residents of this city can propose and support here. Check the home on your account.' };

export async function propose(db: AppDb, actor: Actor, cityCode: string, body: ProposalBody): Promise<ProposalView> {
  requireResidentOf(actor, cityCode, notResident);
  if (body.subcategory && !programAreas.get(body.area).subcategories.some((s) => s.code === body.subcategory)) {
    throw badRequest({ ko: '고른 분야에 속하지 않는 세부 분야입니다.', en: `${body.subcategory} is not part of ${body.area}.` }, 'subcategory');
  }
  if (body.dongCode) {
    const dong = await geography.findDong(db, body.dongCode);
    if (!dong || dong.municipalityCode !== cityCode) throw badRequest({ ko: '이 시·군·구의 읍·면·동이 아닙니다.', en: 'That dong is not in this city.' }, 'dongCode');
  }
  const id = await db.transaction(async (tx) => {
    const created = await queries.insertProposal(tx, cityCode, actor.personId, body);
    await queries.logEvent(tx, { proposalId: created, cityCode, kind: 'proposed', actorId: actor.personId });
    return created;
  });
  return proposalPage(db, actor, cityCode, id);
}

async function lockedOpen(tx: Executor, cityCode: string, id: number) {
  const proposal = await queries.lockProposal(tx, cityCode, id);
  if (!proposal) throw notFound('The proposal', 'id');
  if (!supportMayChange(proposal.status)) {
    throw conflict({ ko: '시·군·구가 이미 답한 제안이라 공감을 더하거나 거둘 수 없습니다.', en: 'The city has answered this proposal; support can no longer change.' }, 'id');
  }
  return proposal;
}

/** One support per person (the primary key refuses a second); the proposer does not support their own. */
export async function support(db: AppDb, actor: Actor, cityCode: string, id: number): Promise<SupportResult> {
  requireResidentOf(actor, cityCode, notResident);
  return db.transaction(async (tx) => {
    const proposal = await lockedOpen(tx, cityCode, id);
    if (proposal.proposerId === actor.personId) {
      throw conflict({ ko: '내가 낸 제안에는 공감할 수 없습니다. 이웃에게 알려 공감을 모아 보세요.', en: 'You cannot support your own proposal; ask your neighbours to.' }, 'id');
    }
    if (!(await queries.insertSupport(tx, id, actor.personId, cityCode))) {
      throw conflict({ ko: '이미 공감한 제안입니다.', en: 'You already support this proposal.' }, 'id');
    }
    const threshold = await queries.thresholdOf(tx, cityCode);
    const counted = await queries.recount(tx, id, threshold);
    if (!proposal.awaitingSince && counted.awaitingSince && reachesThreshold(counted.supporters, threshold)) {
      await queries.logEvent(tx, { proposalId: id, cityCode, kind: 'threshold_reached', actorId: actor.personId, detail: { supporters: counted.supporters, threshold } });
      await tell(tx, [proposal.proposerId], {
        kind: 'proposals.threshold_reached', cityCode, link: linkOf(cityCode, id),
        title: { ko: `제안 ‘${proposal.title}’이(가) 공감 ${threshold}명을 넘었습니다`, en: `Your proposal “${proposal.title}” reached ${threshold} supporters` },
        body: { ko: '시·군·구가 이 제안에 공개적으로 답해야 합니다. 답이 나오면 알려 드립니다.', en: 'The city must now answer it publicly. You will be told when it does.' },
      });
    }
    return { supporters: counted.supporters, phase: phaseOf({ status: 'open', awaitingSince: counted.awaitingSince }), supportedByMe: true };
  });
}

export async function withdrawSupport(db: AppDb, actor: Actor, cityCode: string, id: number): Promise<SupportResult> {
  return db.transaction(async (tx) => {
    await lockedOpen(tx, cityCode, id);
    if (!(await queries.deleteSupport(tx, id, actor.personId))) throw notFound('Your support', 'id');
    const counted = await queries.recount(tx, id, await queries.thresholdOf(tx, cityCode));
    return { supporters: counted.supporters, phase: phaseOf({ status: 'open', awaitingSince: counted.awaitingSince }), supportedByMe: false };
  });
}

async function tell(tx: Executor, personIds: readonly number[], message: Parameters<typeof notifications.notify>[2]) {
  if (personIds.length > 0) await notifications.notify(tx, await identity.recipientsByIds(tx, personIds), message);
}

const hoursOf: Record<DayPart, { startTime: string; endTime: string }> = {
  morning: { startTime: '10:00', endTime: '12:00' },
  afternoon: { startTime: '14:00', endTime: '16:00' },
  evening: { startTime: '19:00', endTime: '21:00' },
};
/** The draft's first weeks start this far ahead: the institution sets the real term before publishing. */
const DRAFT_LEAD_DAYS = 56;
const DRAFT_SESSIONS = 8;
const DRAFT_CAPACITY = 20;

function daysAfter(date: string, days: number) {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The draft program an accepted proposal becomes: its words, area, groups, place and times; dates for the institution to set. */
async function draftProgramOf(tx: Executor, proposal: queries.ProposalRow, institution: { id: number; cityCode: string }) {
  const online = proposal.dongCode === null;
  const venues = online ? [] : await institutionsModule.institutionVenues(tx, institution.id);
  const venue = [...venues].sort((a, b) => b.seats - a.seats)[0];
  if (!online && !venue) {
    throw badRequest({ ko: '이 기관에는 수업할 장소가 없습니다. 장소가 있는 기관을 골라 주세요.', en: 'This institution has no venue to teach in; choose one that has.' }, 'institutionId');
  }
  const weekdays = proposal.preferredDays.length > 0 ? proposal.preferredDays : (['wed'] as const);
  const { startTime, endTime } = hoursOf[proposal.preferredTimes[0] ?? 'morning'];
  const { sessions } = await planSessions({ startsOn: daysAfter(todayInKorea(), DRAFT_LEAD_DAYS), weekdays, sessionCount: DRAFT_SESSIONS, startTime, endTime });
  const capacity = venue ? Math.min(DRAFT_CAPACITY, venue.seats) : DRAFT_CAPACITY;
  const id = await programsModule.insertProgram(tx, {
    cityCode: institution.cityCode, institutionId: institution.id,
    title: proposal.title, description: `${proposal.description}\n\n(주민 제안 #${proposal.id}에서 · from residents' proposal #${proposal.id})`,
    area: proposal.area, subcategory: proposal.subcategory ?? programAreas.get(proposal.area).subcategories[0]!.code,
    targetGroups: proposal.targetGroups, mode: online ? 'online' : 'in_person',
    venueId: venue?.id ?? null, dongCode: venue?.dongCode ?? null, lat: venue?.lat ?? null, lon: venue?.lon ?? null,
    status: 'draft', startsOn: sessions[0]!.date, endsOn: sessions.at(-1)!.date, weekdays: [...weekdays], startTime, endTime,
    sessionCount: DRAFT_SESSIONS, totalHours: sessionHours(startTime, endTime) * DRAFT_SESSIONS, capacity, publishedAt: null,
  });
  await programsModule.insertSessions(tx, sessions.map((s) => ({
    programId: id, cityCode: institution.cityCode, sessionNo: s.sessionNo, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt),
  })));
  await programsModule.refreshSearchIndex(tx, todayInKorea(), [id]);
  return id;
}

/** The city's public answer. Two officers answering at once: the row lock lets one in; the other finds it answered (409). */
export async function answer(db: AppDb, actor: Actor, cityCode: string, id: number, body: ProposalAnswerBody): Promise<ProposalView> {
  if (!(await queries.findProposal(db, cityCode, id))) throw notFound('The proposal', 'id');
  const reason = body.reason?.trim() ?? '';
  if (body.answer === 'declined' && reason.length < 10) {
    throw badRequest({ ko: '받아들이지 않는 까닭을 10자 이상 적어 주세요. 주민에게 그대로 공개됩니다.', en: 'Give the reasons for declining (at least 10 characters); residents will read them.' }, 'reason');
  }
  const institution = body.answer === 'accepted' ? await acceptingInstitution(db, cityCode, body.institutionId) : null;
  await db.transaction(async (tx) => {
    const locked = await queries.lockProposal(tx, cityCode, id);
    if (!locked) throw notFound('The proposal', 'id');
    const next = answered(locked.status, body.answer);
    if (next === 'already_answered') {
      throw conflict({ ko: '이 제안에는 이미 답했습니다. 새로 불러와 답을 확인해 주세요.', en: 'This proposal has already been answered; reload to see the answer.' }, 'answer');
    }
    const proposal = (await queries.findProposal(tx, cityCode, id))!;
    let message: { ko: string; en: string };
    if (institution) {
      const programId = await draftProgramOf(tx, proposal, institution);
      await queries.markAccepted(tx, id, actor.personId, programId, institution.id);
      await queries.logEvent(tx, { proposalId: id, cityCode, kind: 'accepted', actorId: actor.personId, detail: { programId, institutionId: institution.id } });
      message = { ko: `${institution.name}에서 프로그램으로 준비합니다. 모집을 시작하면 제안 쪽에 안내됩니다.`, en: `${institution.name} is preparing it as a program; the proposal will link to it once enrolment opens.` };
    } else {
      await queries.markDeclined(tx, id, actor.personId, reason);
      await queries.logEvent(tx, { proposalId: id, cityCode, kind: 'declined', actorId: actor.personId, detail: { reason } });
      message = { ko: `까닭: ${reason}`, en: `Reasons: ${reason}` };
    }
    const verdict = next === 'accepted' ? { ko: '받아들였습니다', en: 'accepted' } : { ko: '받아들이지 않았습니다', en: 'declined' };
    await tell(tx, [locked.proposerId, ...(await queries.supporterIds(tx, id))], {
      kind: `proposals.${next}`, cityCode, link: linkOf(cityCode, id), body: message,
      title: { ko: `시·군·구가 제안 ‘${locked.title}’을(를) ${verdict.ko}`, en: `The city ${verdict.en} the proposal “${locked.title}”` },
    });
  });
  return proposalPage(db, actor, cityCode, id);
}

async function acceptingInstitution(db: AppDb, cityCode: string, institutionId: number | undefined) {
  if (!institutionId) throw badRequest({ ko: '프로그램을 맡을 기관을 골라 주세요.', en: 'Choose the institution that will run the program.' }, 'institutionId');
  const institution = await institutionsModule.findInstitution(db, institutionId);
  if (!institution || institution.cityCode !== cityCode) {
    throw badRequest({ ko: '이 시·군·구의 기관을 골라 주세요.', en: 'Choose an institution of this city.' }, 'institutionId');
  }
  return institution;
}

export async function setThreshold(db: AppDb, actor: Actor, cityCode: string, threshold: number) {
  await queries.setThreshold(db, cityCode, threshold, actor.personId);
  return { threshold };
}

export const programOrigins = queries.originsOf;
