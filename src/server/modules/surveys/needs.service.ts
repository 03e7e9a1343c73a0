/**
 * A city's learning needs survey (issue 13, item 1): the city's officers build the year's questionnaire from the
 * program taxonomy, the city's residents answer once (online, or on paper at one of the city's institutions), and
 * the officers read Borich's weighted need per item and area for any self-declared group and home dong, with the
 * Locus for Focus quadrants. Sheets, versions and the once-rule are the surveys module's (surveys.service.ts).
 */
import type { InstrumentBody, MyNeedsSurvey, NeedsAnalysis, NeedsQuery, PaperResponseBody, ResponseBody, TopNeeds } from '../../../shared/contracts/surveys.ts';
import { MIN_SURVEY_RESPONSES_SHOWN, RESPONDENT_GROUP_QUESTION } from '../../../shared/vocabulary/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { borich, locusForFocus, needItemsOf, rankByBorich } from './needs.ts';
import * as queries from './surveys.queries.ts';
import { defineInstrument, enterPaperFor, instrumentOf, readInstrument, submit, type SheetRules } from './surveys.service.ts';

const needsOf = (cityCode: string, year: number): queries.SurveyKey => ({ purpose: 'needs', year, cityCode });

async function cityOf(db: Executor, cityCode: string) {
  const names = await queries.cityNames(db, cityCode);
  if (!names) throw notFound('The city', 'code');
  return { code: cityCode, ...names };
}

const needsRules = (cityCode: string, year: number): SheetRules => ({
  key: needsOf(cityCode, year),
  refusal: (residence) => (residence.cityCode === cityCode ? null
    : { ko: '이 시·군·구에 사는 주민만 이 요구조사에 답할 수 있습니다.', en: 'Only residents of this city can answer its needs survey.' }),
  // The analysis reads these running sums, never the answers: kept in the sheet's own transaction.
  afterInsert: (tx, responseId) => queries.addToNeedTotals(tx, [responseId]),
});

export async function myNeedsSurvey(db: AppDb, actor: Actor, cityCode: string, year: number): Promise<MyNeedsSurvey> {
  const city = await cityOf(db, cityCode);
  const key = needsOf(cityCode, year);
  const residence = (await queries.residenceOf(db, actor.personId))!;
  const survey = await queries.findSurvey(db, key);
  const answered = (survey && (await queries.responseOf(db, survey.id, actor.personId))) ?? null;
  return { year, city, instrument: await instrumentOf(db, key), answered, refusal: residence.cityCode === cityCode ? null : 'not_resident' };
}

export async function needsInstrument(db: AppDb, cityCode: string, year: number) {
  await cityOf(db, cityCode);
  return instrumentOf(db, needsOf(cityCode, year));
}

export async function defineNeedsInstrument(db: AppDb, actor: Actor, cityCode: string, year: number, definition: InstrumentBody, thisYear: number) {
  await cityOf(db, cityCode);
  return defineInstrument(db, actor, needsOf(cityCode, year), definition, thisYear);
}

export async function answerNeeds(db: AppDb, actor: Actor, cityCode: string, year: number, body: ResponseBody, thisYear: number) {
  await cityOf(db, cityCode);
  return submit(db, needsRules(cityCode, year), thisYear, { respondent: async () => actor.personId, channel: 'online', enteredBy: null }, body);
}

/** A paper needs form typed in at an institution: the needs survey of the institution's own city. */
export async function enterNeedsPaper(db: AppDb, actor: Actor, institutionId: number, year: number, body: PaperResponseBody, thisYear: number) {
  return enterPaperFor(db, actor, institutionId, (cityCode) => needsRules(cityCode, year), body, thisYear);
}

const sumOf = <T,>(items: readonly T[], pick: (item: T) => number) => items.reduce((total, item) => total + pick(item), 0);

/**
 * The year's analysis for the whole city or one group and/or dong: each need item's Borich value, rank and Locus
 * for Focus quadrant; each area's items pooled; respondents per group and dong; how the slice would learn. Figures
 * only from MIN_SURVEY_RESPONSES_SHOWN respondents in the slice (fewer let a handful of answers be singled out).
 */
export async function needsAnalysis(db: Executor, cityCode: string, year: number, query: NeedsQuery): Promise<NeedsAnalysis> {
  const city = await cityOf(db, cityCode);
  const { surveyId, definition } = await readInstrument(db, needsOf(cityCode, year));
  const slice: queries.NeedSlice = { targetGroup: query.targetGroup, dongCode: query.dong };
  const cells = surveyId === null ? [] : await queries.needCells(db, surveyId);
  const inSlice = cells.filter((c) => (!slice.targetGroup || c.targetGroup === slice.targetGroup) && (!slice.dongCode || c.dongCode === slice.dongCode));
  const respondents = sumOf(inSlice, (c) => c.respondents);
  const shown = surveyId !== null && respondents >= MIN_SURVEY_RESPONSES_SHOWN;
  const groups = new Map<string, number>();
  const dongCounts = new Map<string, number>();
  for (const cell of cells) {
    groups.set(cell.targetGroup, (groups.get(cell.targetGroup) ?? 0) + cell.respondents);
    if (cell.dongCode) dongCounts.set(cell.dongCode, (dongCounts.get(cell.dongCode) ?? 0) + cell.respondents);
  }
  const base = {
    year, city, responses: sumOf(cells, (c) => c.respondents), paperResponses: sumOf(cells, (c) => c.paper),
    targetGroup: slice.targetGroup ?? null, dongCode: slice.dongCode ?? null, respondents, minimumShown: MIN_SURVEY_RESPONSES_SHOWN, shown,
    targetGroups: [...groups].map(([code, n]) => ({ code: code as NeedsAnalysis['targetGroups'][number]['code'], respondents: n })).sort((a, b) => b.respondents - a.respondents),
    dongs: (await queries.dongNames(db, [...dongCounts.keys()])).map((d) => ({ ...d, respondents: dongCounts.get(d.code)! })),
  };
  if (!shown) return { ...base, split: null, items: [], areas: [], preferences: [] };

  const items = needItemsOf(definition);
  const sums = await queries.needSums(db, surveyId, items, slice);
  const byItem = new Map(sums.filter((s) => s.question !== null && s.n > 0).map((s) => [s.question!, s]));
  const measured = items.filter((i) => byItem.has(i.code)).map((i) => ({ ...i, ...borich(byItem.get(i.code)!) }));
  const locus = locusForFocus(measured);
  const areas = sums.filter((s) => s.question === null && s.n > 0).map((s) => ({ area: s.area, ...borich(s) }));

  const choiceQuestions = definition.sections.flatMap((s) => s.questions)
    .filter((q) => (q.kind === 'single_choice' || q.kind === 'multiple_choice') && q.code !== RESPONDENT_GROUP_QUESTION);
  const counts = await queries.choiceCounts(db, surveyId, slice);
  const countOf = new Map(counts.map((c) => [`${c.question}:${c.choice}`, c.count]));
  return {
    ...base, split: locus.split, items: rankByBorich(locus.items), areas: rankByBorich(areas),
    preferences: choiceQuestions.map((q) => ({
      code: q.code, ko: q.ko, en: q.en, choices: (q.choices ?? []).map((c) => ({ ...c, count: countOf.get(`${q.code}:${c.code}`) ?? 0 })),
    })),
  };
}

/** The city's needs this year (or, before anyone answered it, last year's), the few largest, for the demand panel. */
export async function topNeeds(db: Executor, cityCode: string, thisYear: number, limit = 5): Promise<TopNeeds | null> {
  for (const year of [thisYear, thisYear - 1]) {
    const needs = await needsOfYear(db, cityCode, year, limit);
    if (needs.items.length > 0) return needs;
  }
  return null;
}

/** A year's largest needs, the aggregate anyone may see (the council page); no items below the respondents shown from. */
export async function needsOfYear(db: Executor, cityCode: string, year: number, limit = 5): Promise<TopNeeds> {
  const analysis = await needsAnalysis(db, cityCode, year, {});
  const items = analysis.shown ? analysis.items.slice(0, limit).map(({ code, ko, en, area, borich: value, rank }) => ({ code, ko, en, area, borich: value, rank })) : [];
  return { year, respondents: analysis.respondents, items };
}
