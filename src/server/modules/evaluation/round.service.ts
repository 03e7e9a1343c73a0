/**
 * The round of a year (재지정평가): the ministry opens it over the cohort due; each city's indicator items are
 * scored from the city console's indicators of the evaluated year; the city gives evidence and a self-assessment
 * per item; the reviewers assigned to it (the designation module's appointed reviewers, under its conflict-of-
 * interest rule) score the evidence and judgement items; the ministry publishes the preliminary result with the
 * reasons per item; a city may object within the frame's days and a reviewer answers; the ministry finalises, and
 * each city's outcome goes through the designation state machine (recordTransition) and its log, and the city is
 * told. Each change locks the round (or the assignment), checks the state there and writes in one transaction.
 */
import type { FastifyReply } from 'fastify';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type {
  CityRoundView, CityScore, EvaluationAssignment, EvaluationReviewView, EvaluationScoresBody, FinaliseResult, FrameContent, ObjectionAnswerBody,
  ObjectionBody, OpenRoundBody, RoundCityRow, RoundSummary, RoundView, SelfAssessmentBody,
} from '../../../shared/contracts/evaluation.ts';
import { evaluationOutcomes, reviewerSources, type EvaluationOutcome } from '../../../shared/vocabulary/index.ts';
import { todayInKorea } from '../../platform/clock.ts';
import type { Executor } from '../../platform/database/database.ts';
import { storeFile, streamFile } from '../../platform/files/files.queries.ts';
import { badRequest, conflict, HttpError, notFound } from '../../platform/http/errors.ts';
import { designation } from '../designation/index.ts';
import { geography } from '../geography/index.ts';
import { identity } from '../identity/index.ts';
import { indicatorsModule } from '../indicators/index.ts';
import { notifications, type Message } from '../notifications/index.ts';
import { surveysModule } from '../surveys/index.ts';
import { dueCities } from './cohort.service.ts';
import * as queries from './evaluation.queries.ts';
import { itemsOf, outcomes, ranksForCohort, roundScore, scoreAllowed, scoreCity, type CityInputs } from './evaluation.rules.ts';
import { frameForRound, type Acting } from './frames.service.ts';

const DAY = 86_400_000;

/**
 * Where survey items get their means: each city's mean per survey item of the frame, or null when there is no survey
 * to ask — then survey items stay "not scored yet", as they do for a city missing from the answer.
 */
export type SurveyMeans = (db: Executor, cityCodes: readonly string[], year: number, itemCodes: readonly string[]) => Promise<ReadonlyMap<string, ReadonlyMap<string, number>> | null>;

/**
 * The residents' satisfaction survey of the evaluated year (issue 12, item 4): a survey item scores the city's overall
 * mean (1–5), for a city with the 30 answers results are shown from; with fewer it is not scored (decision 019).
 */
export const residentsSurvey: SurveyMeans = async (db, cityCodes, year, itemCodes) => {
  if (itemCodes.length === 0) return new Map();
  const cities = await surveysModule.satisfactionOfCities(db, { year, cityCodes });
  return new Map(cities.filter((c) => c.enough && c.mean !== null).map((c) => [c.cityCode, new Map(itemCodes.map((code) => [code, c.mean!]))]));
};

const consoleLink = (cityCode: string) => `/cities/${cityCode}/console/evaluation`;
const cityOfficers = (tx: Executor, cityCode: string) => identity.holdersOf(tx, 'city_officer', { cityCode });

async function tell(tx: Executor, recipients: Promise<Awaited<ReturnType<typeof cityOfficers>>>, message: Message): Promise<void> {
  await notifications.notify(tx, await recipients, message);
}

async function roundOrNotFound(db: Executor, year: number, lock = false): Promise<queries.RoundRow> {
  const round = lock ? await queries.lockRound(db, year) : await queries.roundOf(db, year);
  if (!round) throw notFound('The evaluation round', 'year');
  return round;
}

async function cityInRound(db: Executor, year: number, cityCode: string): Promise<queries.RoundCity> {
  const city = await queries.roundCity(db, year, cityCode);
  if (!city) throw notFound("The city's evaluation", 'code');
  return city;
}

const summaryOf = (round: queries.RoundRow): RoundSummary => ({
  year: round.year, evaluatedYear: round.evaluatedYear, status: round.status, cities: round.cities, openedAt: round.openedAt,
  preliminaryAt: round.preliminaryAt, objectionsUntil: round.objectionsUntil, finalisedAt: round.finalisedAt,
});

export async function listRounds(db: Executor, page: PageRequest) {
  const found = await queries.listRounds(db, page);
  return { ...found, items: found.items.map(summaryOf) };
}

// ---- Opening ----------------------------------------------------------------------------------------------

/** Opens the year's round over the cities due, scoring the indicators of `evaluatedYear` (the year before, by default). */
export async function openRound(db: Executor, actor: Acting, year: number, body: OpenRoundBody, now: Date): Promise<RoundSummary> {
  const evaluatedYear = body.evaluatedYear ?? year - 1;
  const span = indicatorsModule.indicatorSpan();
  if (evaluatedYear > year || evaluatedYear < span.from || evaluatedYear > span.to) {
    throw badRequest({
      ko: `평가 연도는 ${year}년 이전이면서 지표가 있는 ${span.from}–${span.to}년 가운데 하나여야 합니다.`,
      en: `The evaluated year must be no later than ${year} and within the years indicators are kept (${span.from}–${span.to}).`,
    }, 'evaluatedYear');
  }
  return db.transaction(async (tx) => {
    await frameForRound(tx, year);
    const cities = await dueCities(tx, year);
    if (cities.length === 0) throw conflict({ ko: `${year}년에 재지정평가 대상 도시가 없습니다.`, en: `No city is due in ${year}.` }, 'year');
    if (!(await queries.insertRound(tx, { year, evaluatedYear, by: actor.personId, now }))) {
      throw conflict({ ko: `${year}년 재지정평가는 이미 시작했습니다.`, en: `The ${year} round has opened already.` }, 'year');
    }
    await queries.insertRoundCities(tx, year, cities.map((c) => ({
      cityCode: c.cityCode, cohortGroup: c.group, stateBefore: c.state, designatedYear: c.designatedYear, dueYear: c.dueYear, reasonKo: c.reasonKo, reasonEn: c.reasonEn,
    })));
    await designation.appendLog(tx, {
      at: now, actorId: actor.personId, actorName: actor.displayName, step: 'evaluation_round_opened',
      after: { year, evaluatedYear, cities: cities.map((c) => c.cityCode) },
    });
    for (const city of cities) {
      await tell(tx, cityOfficers(tx, city.cityCode), {
        kind: 'evaluation.round_opened', cityCode: city.cityCode, link: consoleLink(city.cityCode),
        title: { ko: `${year}년 평생학습도시 재지정평가 대상입니다`, en: `${city.cityNameEn} is due for the ${year} re-designation evaluation` },
        body: {
          ko: `${city.reasonKo}. 항목마다 자체 평가를 쓰고 증빙 자료를 올려 주세요. 지표 항목은 ${evaluatedYear}년 지표로 자동 채점됩니다.`,
          en: `${city.reasonEn}. Write a self-assessment and upload evidence for each item; indicator items are scored from ${evaluatedYear}'s indicators.`,
        },
      });
    }
    return summaryOf((await queries.roundOf(tx, year))!);
  });
}

// ---- Scoring ----------------------------------------------------------------------------------------------

interface ScoredCity {
  city: queries.RoundCity;
  score: CityScore;
  proposed: EvaluationOutcome;
  rank: number;
}

/**
 * Every city of the round scored now: indicators of the evaluated year, the survey (when connected), submitted reviews.
 * `surveyOf` limits the survey's (costly) means to the cities whose scores will be read: a survey item is scored by
 * the city's own mean, never by rank, so the others' means change nothing for them.
 */
export async function scoreRound(
  db: Executor, round: queries.RoundRow, survey: SurveyMeans, surveyOf?: readonly string[],
): Promise<{ frame: FrameContent; cities: ScoredCity[] }> {
  const frame = await frameForRound(db, round.year);
  const cities = await queries.roundCities(db, round.year);
  const codes = cities.map((c) => c.cityCode);
  // One after the other: inside a transaction the connection runs one statement at a time.
  const values = await indicatorsModule.valuesOfCities(db, codes, round.evaluatedYear);
  const submitted = await queries.submittedScores(db, round.year);
  const progress = await queries.roundProgress(db, round.year);
  const means = await survey(db, surveyOf ?? codes, round.evaluatedYear, itemsOf(frame).filter((item) => item.source === 'survey').map((item) => item.code));
  const inputs = new Map<string, CityInputs & { indicatorValues: Map<string, { value: number | null; computedAt: string | null }>; reviewerScores: Map<string, number[]> }>(
    cities.map((c) => [c.cityCode, {
      indicatorValues: new Map(), reviewerScores: new Map(),
      surveyMeans: means === null ? null : means.get(c.cityCode) ?? new Map(),
      reviewersAssigned: progress.find((p) => p.cityCode === c.cityCode)?.reviewers ?? 0,
    }]),
  );
  for (const v of values) inputs.get(v.cityCode)?.indicatorValues.set(v.indicatorId, { value: v.value, computedAt: v.computedAt });
  for (const s of submitted) {
    const scores = inputs.get(s.cityCode)!.reviewerScores;
    scores.set(s.itemCode, [...(scores.get(s.itemCode) ?? []), s.score]);
  }
  const ranks = ranksForCohort(frame, inputs);
  const scores = new Map(cities.map((c) => [c.cityCode, scoreCity(frame, c.cityCode, inputs.get(c.cityCode)!, ranks)]));
  const decided = outcomes(cities.map((c) => ({ cityCode: c.cityCode, total: scores.get(c.cityCode)!.total, stateBefore: c.stateBefore })), frame);
  return {
    frame,
    cities: cities.map((city) => ({ city, score: scores.get(city.cityCode)!, proposed: decided.get(city.cityCode)!.outcome, rank: decided.get(city.cityCode)!.rank })),
  };
}

/** The ministry's view of the round: every city with its score now (or as finalised), the outcome it points to, the work done. */
export async function roundView(db: Executor, year: number, filter: { group?: string }, page: PageRequest, survey: SurveyMeans): Promise<RoundView> {
  const round = await roundOrNotFound(db, year);
  const [{ frame, cities }, progress] = await Promise.all([scoreRound(db, round, survey), queries.roundProgress(db, year)]);
  const rows: RoundCityRow[] = cities.map(({ city, score, proposed, rank }) => {
    const done = progress.find((p) => p.cityCode === city.cityCode)!;
    const shown = city.final ?? score;
    return {
      cityCode: city.cityCode, cityNameKo: city.cityNameKo, cityNameEn: city.cityNameEn, provinceShortKo: city.provinceShortKo, provinceShortEn: city.provinceShortEn,
      group: city.group, stateBefore: city.stateBefore, total: shown.total, complete: shown.complete, rank, proposed: city.outcome ?? proposed, outcome: city.outcome,
      reviewers: done.reviewers, reviewsSubmitted: done.submitted, selfAssessed: done.selfAssessed, evidenceFiles: done.evidenceFiles,
      objection: done.objectedAt ? { filedAt: done.objectedAt, answered: done.answered } : null, consultingId: done.consultingId,
    };
  }).filter((r) => !filter.group || r.group === filter.group).sort((a, b) => a.rank - b.rank || a.cityCode.localeCompare(b.cityCode));
  const start = (page.page - 1) * page.pageSize;
  return {
    ...summaryOf(round),
    frame: { titleKo: frame.titleKo, titleEn: frame.titleEn, deferredBelow: frame.deferredBelow, excellentShare: frame.excellentShare, objectionDays: frame.objectionDays },
    items: rows.slice(start, start + page.pageSize), total: rows.length, ...page,
  };
}

/** While the round is open a city sees its indicator items as scored now, and nothing of the reviewers' work. */
function withoutReviews(score: CityScore, frame: FrameContent): CityScore {
  const items = score.items.map((item) => (reviewerSources.includes(item.source)
    ? { ...item, state: 'awaiting_reviewers' as const, score: null, reasonKo: '가결과 공개 때 보입니다.', reasonEn: 'Shown with the preliminary result.' }
    : item));
  const sum = (codes: readonly string[]) => roundScore(items.filter((i) => codes.includes(i.code)).reduce((total, i) => total + (i.score ?? 0), 0));
  const areas = score.areas.map((area, a) => ({ ...area, score: sum(itemsOf({ areas: [frame.areas[a]!] }).map((i) => i.code)) }));
  return { ...score, items, areas, total: sum(items.map((i) => i.code)), complete: false };
}

/** A city's round: the frame, its self-assessments and evidence, its result (as far as it may see it) and its objection. */
export async function cityRoundView(db: Executor, year: number, cityCode: string, mayAct: boolean, now: Date, survey: SurveyMeans): Promise<CityRoundView> {
  const round = await roundOrNotFound(db, year);
  const city = await cityInRound(db, year, cityCode);
  const [frame, selfAssessments, evidence, objection] = await Promise.all([
    frameForRound(db, year), queries.selfAssessments(db, year, cityCode), queries.evidenceOf(db, year, cityCode), queries.objectionOf(db, year, cityCode),
  ]);
  let result: CityScore | null = city.final ?? city.preliminary;
  if (!result) {
    const live = (await scoreRound(db, round, survey, [cityCode])).cities.find((c) => c.city.cityCode === cityCode)!;
    result = withoutReviews(live.score, frame);
  }
  const objectionOpen = round.status === 'preliminary' && round.objectionsUntil !== null && now.getTime() <= Date.parse(round.objectionsUntil);
  return {
    year, evaluatedYear: round.evaluatedYear, status: round.status, cityCode, cityNameKo: city.cityNameKo, cityNameEn: city.cityNameEn, stateBefore: city.stateBefore,
    frame, selfAssessments, evidence: evidence.map(({ fileId: _file, ...e }) => e), result,
    proposed: city.preliminary ? city.proposed : null, outcome: city.outcome, objectionsUntil: round.objectionsUntil,
    mayObject: mayAct && objectionOpen && !objection, objection: objection ?? null, mayEdit: mayAct && round.status === 'open',
  };
}

// ---- The city's work --------------------------------------------------------------------------------------

function itemOf(frame: FrameContent, itemCode: string, field = 'itemCode') {
  const item = itemsOf(frame).find((i) => i.code === itemCode);
  if (!item) throw badRequest({ ko: `평가 지표에 없는 항목입니다: ${itemCode}`, en: `The frame has no item ${itemCode}.` }, field);
  return item;
}

/** The round locked while the city may still submit (open), with the city in it. */
async function lockOpenForCity(tx: Executor, year: number, cityCode: string) {
  const round = await roundOrNotFound(tx, year, true);
  await cityInRound(tx, year, cityCode);
  if (round.status !== 'open') {
    throw conflict({ ko: '가결과를 공개한 뒤에는 자체 평가와 증빙을 바꿀 수 없습니다.', en: 'Self-assessments and evidence can no longer change after the preliminary result.' }, 'status');
  }
  return { round, frame: await frameForRound(tx, year) };
}

export async function saveSelfAssessment(db: Executor, actor: Acting, year: number, cityCode: string, body: SelfAssessmentBody, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { frame } = await lockOpenForCity(tx, year, cityCode);
    itemOf(frame, body.itemCode);
    await queries.saveSelfAssessment(tx, { year, cityCode, itemCode: body.itemCode, text: body.text, by: actor.personId, now });
  });
}

export async function uploadEvidence(db: Executor, actor: Acting, year: number, cityCode: string, file: { itemCode: string; fileName: string; bytes: Uint8Array }): Promise<void> {
  await db.transaction(async (tx) => {
    const { frame } = await lockOpenForCity(tx, year, cityCode);
    itemOf(frame, file.itemCode);
    const stored = await storeFile(tx, { fileName: file.fileName, bytes: file.bytes, cityCode, uploadedBy: actor.personId, field: 'file' });
    await queries.insertEvidence(tx, { year, cityCode, itemCode: file.itemCode, fileId: stored.id, by: actor.personId });
  });
}

export async function downloadEvidence(db: Executor, year: number, cityCode: string, evidenceId: number, reply: FastifyReply) {
  const found = (await queries.evidenceOf(db, year, cityCode)).find((e) => e.id === evidenceId);
  if (!found) throw notFound('The evidence', 'fileId');
  return streamFile(db, found.fileId, reply);
}

// ---- Reviewers ----------------------------------------------------------------------------------------------

/** Assigns an appointed reviewer to a city of the open round: never one who lives or works in its province or consulted it. */
export async function assignReviewer(db: Executor, actor: Acting, year: number, cityCode: string, reviewerId: number, now: Date): Promise<EvaluationAssignment> {
  return db.transaction(async (tx) => {
    const round = await roundOrNotFound(tx, year, true);
    const city = await cityInRound(tx, year, cityCode);
    if (round.status !== 'open') throw conflict({ ko: '가결과를 공개한 뒤에는 심사위원을 배정할 수 없습니다.', en: 'Reviewers can no longer be assigned after the preliminary result.' }, 'status');
    const reviewer = await designation.appointedReviewer(tx, reviewerId);
    if (!reviewer) throw badRequest({ ko: '교육부가 위촉한 심사위원만 배정할 수 있습니다.', en: 'Only a reviewer the ministry appointed can be assigned.' }, 'reviewerId');
    const conflicting = designation.conflictOfInterest(reviewer, { cityCode, provinceCode: cityCode.slice(0, 2) });
    if (conflicting) {
      const why = designation.conflictClause(conflicting, { provinceKo: city.provinceShortKo, provinceEn: city.provinceShortEn, cityEn: city.cityNameEn });
      throw new HttpError(409, 'conflict_of_interest', {
        ko: `${reviewer.displayName} 심사위원은 ${why.ko} ${city.cityNameKo}을(를) 평가할 수 없습니다 (이해충돌).`,
        en: `${reviewer.displayName} ${why.en} and cannot evaluate it (conflict of interest).`,
      }, 'reviewerId', { conflict: conflicting });
    }
    const id = await queries.insertAssignment(tx, { year, cityCode, reviewerId, by: actor.personId });
    if (id === undefined) {
      throw conflict({ ko: `${reviewer.displayName} 심사위원은 이미 ${city.cityNameKo}에 배정되어 있습니다.`, en: `${reviewer.displayName} is already assigned to ${city.cityNameEn}.` }, 'reviewerId');
    }
    await designation.appendLog(tx, {
      at: now, actorId: actor.personId, actorName: actor.displayName, step: 'evaluation_reviewer_assigned', cityCode,
      after: { year, assignmentId: id, reviewerId, reviewerName: reviewer.displayName },
    });
    await notifications.notify(tx, await identity.recipientsByIds(tx, [reviewerId]), {
      kind: 'evaluation.reviewer_assigned', link: `/evaluation/reviews/${id}`,
      title: { ko: `재지정평가 심사 배정: ${city.cityNameKo} (${year}년)`, en: `To evaluate: ${city.cityNameEn} (${year})` },
    });
    return (await queries.assignment(tx, id))!;
  });
}

export async function roundsOfCity(db: Executor, cityCode: string, page: PageRequest) {
  if (!(await geography.findMunicipality(db, cityCode))) throw notFound('The city', 'code');
  return queries.roundsOfCity(db, cityCode, page);
}
export async function assignmentsOfCity(db: Executor, year: number, cityCode: string, page: PageRequest) {
  await cityInRound(db, year, cityCode);
  const all = await queries.assignmentsOfCity(db, year, cityCode);
  return { items: all.slice((page.page - 1) * page.pageSize, page.page * page.pageSize), total: all.length, ...page };
}
export const myAssignments = (db: Executor, actor: Acting, page: PageRequest) => queries.assignmentsOfReviewer(db, actor.personId, page);
/** Whose assignment it is (for the route to decide who may see it). */
export const assignmentOwner = (db: Executor, id: number) => queries.assignment(db, id);
/** Whether the person is assigned to the city in the round (the `assigned` scope of a city's evaluation). */
export const isAssigned = async (db: Executor, year: number, cityCode: string, personId: number) =>
  (await queries.assignmentOf(db, year, cityCode, personId)) !== undefined;

const reviewerItems = (frame: FrameContent) => frame.areas.flatMap((area) => area.fields.flatMap((field) => field.items
  .filter((item) => reviewerSources.includes(item.source)).map((item) => ({ area, item }))));

export async function reviewView(db: Executor, id: number): Promise<EvaluationReviewView> {
  const assignment = await queries.assignment(db, id);
  if (!assignment) throw notFound('The assignment', 'assignmentId');
  const round = (await queries.roundOf(db, assignment.year))!;
  const [frame, scores, selfAssessments, evidence, objection] = await Promise.all([
    frameForRound(db, assignment.year), queries.scoresOf(db, id), queries.selfAssessments(db, assignment.year, assignment.cityCode),
    queries.evidenceOf(db, assignment.year, assignment.cityCode), queries.objectionOf(db, assignment.year, assignment.cityCode),
  ]);
  return {
    assignment, evaluatedYear: round.evaluatedYear,
    items: reviewerItems(frame).map(({ area, item }) => {
      const scored = scores.find((s) => s.itemCode === item.code);
      return {
        code: item.code, areaKo: area.titleKo, areaEn: area.titleEn, titleKo: item.titleKo, titleEn: item.titleEn, guidanceKo: item.guidanceKo, guidanceEn: item.guidanceEn,
        source: item.source, points: item.points, selfAssessment: selfAssessments.find((s) => s.itemCode === item.code)?.text ?? null,
        evidence: evidence.filter((e) => e.itemCode === item.code).map(({ fileId: _file, ...e }) => e), score: scored?.score ?? null, comment: scored?.comment ?? '',
      };
    }),
    mayScore: round.status === 'open' && assignment.submittedAt === null,
    objection: objection ?? null,
  };
}

/** The reviewer's own assignment locked while it may change: theirs, not submitted, the round open. */
async function lockOwnOpenAssignment(tx: Executor, id: number, actor: Acting) {
  const locked = await queries.lockAssignment(tx, id);
  if (!locked || locked.reviewerId !== actor.personId) throw notFound('The assignment', 'assignmentId');
  const assignment = (await queries.assignment(tx, id))!;
  const round = await roundOrNotFound(tx, assignment.year, true);
  if (locked.submittedAt) throw conflict({ ko: '제출한 심사는 바꿀 수 없습니다.', en: 'This review has been submitted; it can no longer change.' }, 'submittedAt');
  if (round.status !== 'open') throw conflict({ ko: '가결과를 공개한 뒤에는 점수를 바꿀 수 없습니다.', en: 'Scores can no longer change after the preliminary result.' }, 'status');
  return { assignment, frame: await frameForRound(tx, assignment.year) };
}

function checkScore(frame: FrameContent, itemCode: string, score: number, field: string) {
  const item = itemOf(frame, itemCode, field);
  if (!reviewerSources.includes(item.source)) {
    throw badRequest({ ko: `‘${item.titleKo}’은(는) 지표·조사로 채점하는 항목입니다.`, en: `‘${item.titleEn}’ is scored from indicators or the survey, not by reviewers.` }, field);
  }
  if (!scoreAllowed(score, item.points)) {
    throw badRequest({ ko: `‘${item.titleKo}’ 점수는 0점에서 ${item.points}점까지, 0.5점 단위입니다.`, en: `‘${item.titleEn}’ takes 0 to ${item.points} points, in half points.` }, field);
  }
}

export async function saveReviewScores(db: Executor, id: number, body: EvaluationScoresBody, actor: Acting, now: Date): Promise<EvaluationReviewView> {
  await db.transaction(async (tx) => {
    const { assignment, frame } = await lockOwnOpenAssignment(tx, id, actor);
    body.scores.forEach((s, i) => checkScore(frame, s.itemCode, s.score, `scores.${i}.score`));
    await queries.saveScores(tx, id, assignment.cityCode, body.scores, now);
  });
  return reviewView(db, id);
}

export async function submitReview(db: Executor, id: number, actor: Acting, now: Date): Promise<EvaluationReviewView> {
  await db.transaction(async (tx) => {
    const { assignment, frame } = await lockOwnOpenAssignment(tx, id, actor);
    const scored = new Set((await queries.scoresOf(tx, id)).map((s) => s.itemCode));
    const missing = reviewerItems(frame).filter(({ item }) => !scored.has(item.code)).map(({ item }) => item);
    if (missing.length > 0) {
      throw conflict({
        ko: `점수를 매기지 않은 항목이 있습니다: ${missing.map((i) => i.titleKo).join(', ')}.`, en: `Some items have no score yet: ${missing.map((i) => i.titleEn).join('; ')}.`,
      }, 'scores');
    }
    await queries.markSubmitted(tx, id, now);
    await designation.appendLog(tx, {
      at: now, actorId: actor.personId, actorName: actor.displayName, step: 'evaluation_review_submitted', cityCode: assignment.cityCode,
      after: { year: assignment.year, assignmentId: id },
    });
  });
  return reviewView(db, id);
}

// ---- The preliminary result and objections ------------------------------------------------------------------

const outcomeName = (outcome: EvaluationOutcome) => evaluationOutcomes.get(outcome);

/** Publishes every city's scores with their reasons once every city's reviewers have submitted; objections open for the frame's days. */
export async function publishPreliminary(db: Executor, actor: Acting, year: number, now: Date, survey: SurveyMeans): Promise<RoundSummary> {
  return db.transaction(async (tx) => {
    const round = await roundOrNotFound(tx, year, true);
    if (round.status !== 'open') throw conflict({ ko: `${year}년 가결과는 이미 공개했습니다.`, en: `The ${year} preliminary results are out already.` }, 'status');
    const progress = await queries.roundProgress(tx, year);
    const waiting = progress.filter((p) => p.reviewers === 0 || p.submitted < p.reviewers).map((p) => p.cityCode);
    const { frame, cities } = await scoreRound(tx, round, survey);
    if (waiting.length > 0) {
      const names = cities.filter((c) => waiting.includes(c.city.cityCode)).map((c) => c.city);
      throw conflict({
        ko: `심사위원이 없거나 심사를 모두 제출하지 않은 도시가 있습니다: ${names.map((c) => c.cityNameKo).join(', ')}.`,
        en: `Some cities have no reviewer or reviews still out: ${names.map((c) => c.cityNameEn).join('; ')}.`,
      }, 'reviewers');
    }
    const objectionsUntil = new Date(now.getTime() + frame.objectionDays * DAY);
    for (const { city, score, proposed } of cities) {
      await queries.savePreliminary(tx, year, city.cityCode, score, proposed);
      const name = outcomeName(proposed);
      await tell(tx, cityOfficers(tx, city.cityCode), {
        kind: 'evaluation.preliminary', cityCode: city.cityCode, link: consoleLink(city.cityCode),
        title: { ko: `${year}년 재지정평가 가결과: ${score.total}점 (${name.ko})`, en: `${year} evaluation, preliminary: ${score.total} points (${name.en.toLowerCase()})` },
        body: {
          ko: `항목별 점수와 근거를 확인하고, 이의가 있으면 ${todayInKorea(objectionsUntil)}까지 이의신청해 주세요.`,
          en: `See the scores and reasons item by item; object by ${todayInKorea(objectionsUntil)} if you disagree.`,
        },
      });
    }
    await queries.markPreliminary(tx, year, now, objectionsUntil);
    await designation.appendLog(tx, {
      at: now, actorId: actor.personId, actorName: actor.displayName, step: 'evaluation_preliminary_published',
      after: { year, objectionsUntil: objectionsUntil.toISOString(), totals: Object.fromEntries(cities.map((c) => [c.city.cityCode, c.score.total])) },
    });
    return summaryOf((await queries.roundOf(tx, year))!);
  });
}

export async function fileObjection(db: Executor, actor: Acting, year: number, cityCode: string, body: ObjectionBody, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const round = await roundOrNotFound(tx, year, true);
    const city = await cityInRound(tx, year, cityCode);
    if (round.status !== 'preliminary' || now.getTime() > Date.parse(round.objectionsUntil!)) {
      throw conflict({ ko: '이의신청 기간이 아닙니다.', en: 'Objections are not open.' }, 'objectionsUntil');
    }
    if (body.itemCode) itemOf(await frameForRound(tx, year), body.itemCode);
    if (!(await queries.insertObjection(tx, { year, cityCode, itemCode: body.itemCode ?? null, text: body.text, by: actor.personId, now }))) {
      throw conflict({ ko: '이의신청은 한 번만 할 수 있습니다.', en: 'A city objects once.' }, 'text');
    }
    await designation.appendLog(tx, {
      at: now, actorId: actor.personId, actorName: actor.displayName, step: 'evaluation_objection_filed', cityCode,
      after: { year, itemCode: body.itemCode ?? null }, reason: body.text,
    });
    for (const a of await queries.assignmentsOfCity(tx, year, cityCode)) {
      await notifications.notify(tx, await identity.recipientsByIds(tx, [a.reviewerId]), {
        kind: 'evaluation.objection_filed', link: `/evaluation/reviews/${a.id}`,
        title: { ko: `${city.cityNameKo}이(가) 재지정평가 결과에 이의신청했습니다`, en: `${city.cityNameEn} objects to its preliminary result` },
        body: { ko: body.text, en: body.text },
      });
    }
  });
}

/** A reviewer of the city answers its objection, and may revise their own score of the item it names. */
export async function answerObjection(db: Executor, id: number, body: ObjectionAnswerBody, actor: Acting, now: Date): Promise<EvaluationReviewView> {
  await db.transaction(async (tx) => {
    const locked = await queries.lockAssignment(tx, id);
    if (!locked || locked.reviewerId !== actor.personId) throw notFound('The assignment', 'assignmentId');
    const assignment = (await queries.assignment(tx, id))!;
    const round = await roundOrNotFound(tx, assignment.year, true);
    if (round.status !== 'preliminary') throw conflict({ ko: '이의신청에 답할 수 있는 때가 아닙니다.', en: 'Objections cannot be answered now.' }, 'status');
    const objection = await queries.lockObjection(tx, assignment.year, assignment.cityCode);
    if (!objection) throw notFound('The objection', 'assignmentId');
    if (objection.answeredAt) throw conflict({ ko: '이 이의신청에는 이미 답했습니다.', en: 'This objection has been answered.' }, 'answer');
    const revised = body.revisedScore ?? null;
    if (revised !== null) {
      if (!objection.itemCode) throw badRequest({ ko: '항목을 지정한 이의신청에만 점수를 고칠 수 있습니다.', en: 'A score is revised only for an objection to one item.' }, 'revisedScore');
      const frame = await frameForRound(tx, assignment.year);
      checkScore(frame, objection.itemCode, revised, 'revisedScore');
      const comment = (await queries.scoresOf(tx, id)).find((s) => s.itemCode === objection.itemCode)?.comment ?? '';
      await queries.saveScores(tx, id, assignment.cityCode, [{ itemCode: objection.itemCode, score: revised, comment }], now);
    }
    await queries.answerObjection(tx, { year: assignment.year, cityCode: assignment.cityCode, answer: body.answer, revisedScore: revised, by: actor.personId, now });
    await designation.appendLog(tx, {
      at: now, actorId: actor.personId, actorName: actor.displayName, step: 'evaluation_objection_answered', cityCode: assignment.cityCode,
      after: { year: assignment.year, itemCode: objection.itemCode, revisedScore: revised }, reason: body.answer,
    });
    await tell(tx, cityOfficers(tx, assignment.cityCode), {
      kind: 'evaluation.objection_answered', cityCode: assignment.cityCode, link: consoleLink(assignment.cityCode),
      title: { ko: `${assignment.year}년 재지정평가 이의신청에 답변했습니다`, en: `Your objection to the ${assignment.year} evaluation has been answered` },
      body: { ko: body.answer, en: body.answer },
    });
  });
  return reviewView(db, id);
}

// ---- Finalising -------------------------------------------------------------------------------------------

const alreadyFinalised = (year: number) => conflict({ ko: `${year}년 재지정평가 결과는 이미 확정했습니다.`, en: `The ${year} round has been finalised.` }, 'status');

/**
 * Finalises the round once its objection days are over and every objection is answered: scores as they stand
 * (revised scores in), each city's outcome recorded through the designation state machine and its log, and the
 * city told. The round row is locked, so of simultaneous requests one finalises and the others find it done.
 */
export async function finalise(db: Executor, actor: Acting, year: number, now: Date, survey: SurveyMeans): Promise<FinaliseResult> {
  return db.transaction(async (tx) => {
    const round = await roundOrNotFound(tx, year, true);
    if (round.status === 'finalised') throw alreadyFinalised(year);
    if (round.status !== 'preliminary') throw conflict({ ko: '가결과를 먼저 공개해 주세요.', en: 'Publish the preliminary results first.' }, 'status');
    if (now.getTime() <= Date.parse(round.objectionsUntil!)) {
      throw conflict({ ko: `이의신청 기간(${todayInKorea(new Date(round.objectionsUntil!))}까지)이 끝난 뒤 확정할 수 있습니다.`, en: `Finalise once the objection period ends (${todayInKorea(new Date(round.objectionsUntil!))}).` }, 'objectionsUntil');
    }
    const unanswered = await queries.unansweredObjections(tx, year);
    if (unanswered.length > 0) {
      throw conflict({ ko: `답하지 않은 이의신청이 있습니다 (${unanswered.length}건).`, en: `${unanswered.length} objection(s) still wait for an answer.` }, 'objections');
    }
    const { frame, cities } = await scoreRound(tx, round, survey);
    const counts = { redesignated: 0, excellent: 0, deferred: 0, revoked: 0 };
    const occurredOn = todayInKorea(now);
    for (const { city, score, proposed: outcome, rank } of cities) {
      counts[outcome]++;
      if (!(await queries.saveFinal(tx, year, city.cityCode, score, outcome))) throw alreadyFinalised(year);
      const name = outcomeName(outcome);
      const reason = `${year}년 재지정평가 ${score.total}점 (${cities.length}곳 중 ${rank}위, 유예 기준 ${frame.deferredBelow}점): ${name.ko}`;
      await designation.recordTransition(tx, city.cityCode, {
        state: outcome, year, occurredOn, reason,
        evidence: `${year}년 평생학습도시 재지정평가 (${round.evaluatedYear}년 지표) · the ${year} re-designation evaluation: ${score.total} points, rank ${rank} of ${cities.length}`,
      }, actor.personId);
      await designation.appendLog(tx, {
        at: now, actorId: actor.personId, actorName: actor.displayName, step: 'evaluation_finalised', cityCode: city.cityCode,
        before: { state: city.stateBefore, proposed: city.proposed, preliminaryTotal: city.preliminary?.total ?? null },
        after: { state: outcome, total: score.total, rank, of: cities.length }, reason,
      });
      await tell(tx, cityOfficers(tx, city.cityCode), {
        kind: 'evaluation.finalised', cityCode: city.cityCode, link: consoleLink(city.cityCode),
        title: { ko: `${year}년 재지정평가 결과: ${name.ko}`, en: `${year} re-designation evaluation: ${name.en.toLowerCase()}` },
        body: { ko: reason, en: `${score.total} points, rank ${rank} of ${cities.length}: ${name.en.toLowerCase()}.` },
      });
    }
    await queries.markFinalised(tx, year, actor.personId, now);
    return { year, finalisedAt: now.toISOString(), counts };
  });
}
