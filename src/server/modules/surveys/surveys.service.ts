/**
 * Residents' satisfaction with their learning city (issue 12, item 4): the ministry's questionnaire of the year,
 * one answer per resident per year (online, or on paper typed in at a centre), and results per city shown from
 * MIN_SURVEY_RESPONSES_SHOWN responses on.
 */
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type {
  CitySatisfactionPage, CitySatisfactionResults, Instrument, InstrumentBody, MySatisfactionSurvey, OpenAnswerPage, PaperResponseBody, ResponseBody,
  ResponseReceipt,
} from '../../../shared/contracts/surveys.ts';
import { can } from '../../../shared/permissions.ts';
import { MIN_SURVEY_RESPONSES_SHOWN } from '../../../shared/vocabulary/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { conflict, forbidden, notFound, ProblemsError, type Words } from '../../platform/http/errors.ts';
import { identity } from '../identity/index.ts';
import { institutionsModule } from '../institutions/index.ts';
import { checkAnswers, defaultSatisfactionInstrument, instrumentProblems } from './instrument.ts';
import { defaultNeedsInstrument, needsInstrumentProblems } from './needs.ts';
import { meanInterval, type MeanInterval } from './interval.ts';
import * as queries from './surveys.queries.ts';

export const satisfactionOf = (year: number): queries.SurveyKey => ({ purpose: 'city_satisfaction', year, cityCode: null });

/** Where a survey's first year starts when no earlier year's questionnaire is there. */
const defaultInstruments: Record<queries.SurveyKey['purpose'], InstrumentBody> = { city_satisfaction: defaultSatisfactionInstrument, needs: defaultNeedsInstrument };

interface YearInstrument {
  /** Null until a version is stored (the first answer or the ministry's first save stores one). */
  surveyId: number | null;
  id: number | null;
  version: number;
  definedAt: string | null;
  definition: InstrumentBody;
}

/**
 * The year's questionnaire as it stands, writing nothing: its latest stored version or, for a year nobody defined
 * or answered yet, what its version 1 will be — the latest earlier year's, or the default.
 */
export async function readInstrument(db: Executor, key: queries.SurveyKey): Promise<YearInstrument> {
  const survey = await queries.findSurvey(db, key);
  const found = survey && (await queries.latestInstrument(db, survey.id));
  if (found) return { surveyId: survey.id, ...found };
  const earlier = await queries.latestInstrumentBefore(db, key);
  return { surveyId: survey?.id ?? null, id: null, version: 1, definedAt: null, definition: earlier?.definition ?? defaultInstruments[key.purpose] };
}

/** The year's satisfaction questionnaire, stored as version 1 if it is not yet (two at once store one): what an answer points at. */
export async function storedInstrument(db: Executor, year: number) {
  return storedInstrumentOf(db, satisfactionOf(year));
}

/** A survey's questionnaire, stored as version 1 if it is not yet (two at once store one). */
export async function storedInstrumentOf(db: Executor, key: queries.SurveyKey): Promise<queries.InstrumentRow & { surveyId: number }> {
  const read = await readInstrument(db, key);
  if (read.surveyId !== null && read.id !== null) return { ...read, id: read.id, definedAt: read.definedAt!, surveyId: read.surveyId };
  return db.transaction(async (tx) => {
    const surveyId = await queries.ensureSurvey(tx, key, true);
    const meanwhile = await queries.latestInstrument(tx, surveyId);
    if (meanwhile) return { ...meanwhile, surveyId };
    await queries.insertInstrument(tx, surveyId, read.definition, null);
    return { ...(await queries.latestInstrument(tx, surveyId))!, surveyId };
  });
}

export async function instrumentOf(db: Executor, key: queries.SurveyKey): Promise<Instrument> {
  const { version, definedAt, definition } = await readInstrument(db, key);
  return { year: key.year, version, definedAt, definition };
}

/** The survey's owner saves the year's questionnaire as its next version; answers already given keep theirs. */
export async function defineInstrument(db: AppDb, actor: Actor, key: queries.SurveyKey, definition: InstrumentBody, thisYear: number): Promise<Instrument> {
  if (key.year < thisYear) throw conflict({ ko: '지난 해의 설문은 바꿀 수 없습니다.', en: 'The questionnaire of a past year cannot be changed.' }, 'year');
  const problems = [...instrumentProblems(definition), ...(key.purpose === 'needs' ? needsInstrumentProblems(definition) : [])];
  if (problems.length > 0) throw new ProblemsError(problems);
  await db.transaction(async (tx) => {
    const surveyId = await queries.ensureSurvey(tx, key, true);
    await queries.insertInstrument(tx, surveyId, definition, actor.personId);
  });
  return instrumentOf(db, key);
}

const notThisYear = (year: number): Words => ({ ko: `${year}년 설문은 지금 받지 않습니다.`, en: `The ${year} survey is not taking answers now.` });

export async function mySurvey(db: AppDb, actor: Actor, year: number): Promise<MySatisfactionSurvey> {
  const instrument = await instrumentOf(db, satisfactionOf(year));
  const residence = (await queries.residenceOf(db, actor.personId))!;
  const survey = await queries.findSurvey(db, satisfactionOf(year));
  const answered = (survey && (await queries.responseOf(db, survey.id, actor.personId))) ?? null;
  return {
    year, instrument, answered,
    city: residence.cityCode ? { code: residence.cityCode, nameKo: residence.nameKo!, nameEn: residence.nameEn! } : null,
    refusal: residence.cityCode === null ? 'no_home_city' : residence.learningCity ? null : 'not_learning_city',
  };
}

export interface Answering {
  /** The respondent, found (or, for a paper form, recorded) inside the answer's transaction. */
  respondent(tx: Executor): Promise<number>;
  channel: 'online' | 'paper';
  enteredBy: number | null;
  /** For paper forms: the city of the institution whose staff enter it (the resident must live there). */
  institutionCityCode?: string;
}

/** What differs between surveys when a sheet comes in: which survey, who may answer it, and what else the answer writes. */
export interface SheetRules {
  key: queries.SurveyKey;
  /** Why this resident may not answer (409), or null. */
  refusal(residence: Residence): Words | null;
  /** Written in the answer's transaction once the response is in. */
  afterInsert?(tx: Executor, responseId: number): Promise<void>;
}

type Residence = NonNullable<Awaited<ReturnType<typeof queries.residenceOf>>>;

const satisfactionRules = (year: number): SheetRules => ({
  key: satisfactionOf(year),
  refusal: (residence) => (residence.learningCity ? null
    : { ko: `${residence.nameKo}는 평생학습도시가 아니어서 이 설문을 받지 않습니다.`, en: `${residence.nameEn} is not a learning city, so it does not take this survey.` }),
});

/**
 * One answer sheet, in one transaction: the respondent (a record made at the desk too), the response and its answers,
 * or nothing (409 when the person has answered, or lives in no learning city).
 */
export async function submit(db: AppDb, rules: SheetRules, thisYear: number, answering: Answering, body: ResponseBody): Promise<ResponseReceipt> {
  const { year } = rules.key;
  if (year !== thisYear) throw conflict(notThisYear(year), 'year');
  const mine = answering.channel === 'online';
  const onPaper = (words: Words) => (mine ? conflict(words) : conflict(words, 'email'));
  return db.transaction(async (tx) => {
    // The year's first answer stores its questionnaire: in this transaction, so that a refused sheet writes nothing.
    const instrument = await storedInstrumentOf(tx, rules.key);
    const { stored, problems } = checkAnswers(instrument.definition, body.answers);
    if (problems.length > 0) throw new ProblemsError(problems);
    const personId = await answering.respondent(tx);
    const residence = (await queries.residenceOf(tx, personId))!;
    if (residence.cityCode === null) {
      throw onPaper(mine
        ? { ko: '계정에 사는 동네가 없습니다. 사는 곳을 등록한 주민만 답할 수 있습니다.', en: 'Your account has no home neighbourhood: the survey is for residents of a learning city.' }
        : { ko: '이 주민의 계정에 사는 동네가 없습니다.', en: 'This resident’s account has no home neighbourhood.' });
    }
    if (answering.institutionCityCode !== undefined && residence.cityCode !== answering.institutionCityCode) {
      throw onPaper({ ko: '이 기관이 있는 시·군·구의 주민만 대신 입력할 수 있습니다.', en: 'Only residents of the institution’s city can be entered here.' });
    }
    const refusal = rules.refusal(residence);
    if (refusal) throw conflict(refusal);
    const inserted = await queries.insertResponse(tx, {
      surveyId: instrument.surveyId, instrumentId: instrument.id, personId,
      cityCode: residence.cityCode, dongCode: residence.dongCode, channel: answering.channel, enteredBy: answering.enteredBy,
    });
    if (!inserted) {
      throw onPaper(mine
        ? { ko: `${year}년 설문에 이미 답했습니다. 한 해에 한 번 답할 수 있습니다.`, en: `You have already answered the ${year} survey: once a year.` }
        : { ko: `이 주민은 ${year}년 설문에 이미 답했습니다.`, en: `This resident has already answered the ${year} survey.` });
    }
    await queries.insertAnswers(tx, inserted.id, stored);
    await rules.afterInsert?.(tx, inserted.id);
    return { id: inserted.id, year, cityCode: residence.cityCode, channel: answering.channel, submittedAt: inserted.submittedAt };
  });
}

export async function answer(db: AppDb, actor: Actor, year: number, body: ResponseBody, thisYear: number): Promise<ResponseReceipt> {
  return submit(db, satisfactionRules(year), thisYear, { respondent: async () => actor.personId, channel: 'online', enteredBy: null }, body);
}

/** The institution, if `actor` may enter paper answers for it (its city's residents only). */
export async function institutionEnteringPaper(db: Executor, actor: Actor, institutionId: number) {
  const institution = await institutionsModule.findInstitution(db, institutionId);
  if (!institution) throw notFound('The institution');
  if (!can(actor.grants, 'surveys.paper.enter', { institutionId, cityCode: institution.cityCode })) {
    throw forbidden({ ko: '이 기관의 담당자만 종이 설문을 입력할 수 있습니다.', en: 'Only this institution’s staff can enter paper answers.' });
  }
  return institution;
}

/**
 * A paper form typed in by a centre's staff: for a resident found by their account's email, or recorded from their
 * name and year of birth as living in the institution's city (staff enter only residents of their city).
 */
export async function enterPaper(db: AppDb, actor: Actor, institutionId: number, year: number, body: PaperResponseBody, thisYear: number): Promise<ResponseReceipt> {
  return enterPaperFor(db, actor, institutionId, () => satisfactionRules(year), body, thisYear);
}

/** A paper form of any survey, typed in by the institution's staff for a resident of the institution's city. */
export async function enterPaperFor(
  db: AppDb, actor: Actor, institutionId: number, rulesOf: (institutionCityCode: string) => SheetRules, body: PaperResponseBody, thisYear: number,
): Promise<ResponseReceipt> {
  const institution = await institutionEnteringPaper(db, actor, institutionId);
  const { answers, ...desk } = body;
  return submit(db, rulesOf(institution.cityCode), thisYear, {
    respondent: async (tx) => (await identity.residentAtDesk(tx, desk, institution.cityCode)).personId,
    channel: 'paper', enteredBy: actor.personId, institutionCityCode: institution.cityCode,
  }, { answers });
}

/** The city's officers and the ministry; anyone else is not told whether the city exists (404 for an unknown one). */
async function cityForResults(db: Executor, actor: Actor, cityCode: string) {
  if (!can(actor.grants, 'surveys.results.view', { cityCode })) throw forbidden();
  const names = await queries.cityNames(db, cityCode);
  if (!names) throw notFound('The city');
  return names;
}

/** The latest version's scale questions with their section, and the sections `overall` takes (one `area`, or all). */
function scaleQuestions(definition: InstrumentBody, area?: string) {
  const questions = definition.sections.flatMap((section) => section.questions.filter((q) => q.kind === 'likert5').map((q) => ({ question: q.code, section: section.code })));
  const sections = [...new Set(questions.map((q) => q.section))];
  return { questions, sections, overall: area === undefined ? sections : sections.filter((code) => code === area) };
}

export async function cityResults(db: AppDb, actor: Actor, cityCode: string, year: number): Promise<CitySatisfactionResults> {
  const names = await cityForResults(db, actor, cityCode);
  const { surveyId, definition } = await readInstrument(db, satisfactionOf(year));
  const counts = surveyId === null ? { responses: 0, paper: 0 } : await queries.responseCounts(db, surveyId, cityCode);
  const shown = counts.responses >= MIN_SURVEY_RESPONSES_SHOWN;
  const base = { year, cityCode, cityNameKo: names.nameKo, cityNameEn: names.nameEn, responses: counts.responses, paperResponses: counts.paper, minimumShown: MIN_SURVEY_RESPONSES_SHOWN, shown };
  if (!shown || surveyId === null) return { ...base, overall: null, sections: [] };
  const items = new Map((await queries.itemSpreads(db, surveyId, cityCode)).map((s) => [s.question, meanInterval(s)]));
  const scale = scaleQuestions(definition);
  const spreads = new Map((await queries.respondentMeanSpreads(db, surveyId, [cityCode], scale.questions, scale.overall)).map((s) => [s.group, meanInterval(s)]));
  const sections = definition.sections
    .map((section) => ({
      code: section.code, ko: section.ko, en: section.en, mean: spreads.get(section.code)?.mean ?? null,
      items: section.questions.filter((q) => q.kind === 'likert5' && items.has(q.code)).map((q) => ({ code: q.code, ko: q.ko, en: q.en, result: items.get(q.code)! })),
    }))
    .filter((section) => section.items.length > 0);
  return { ...base, overall: spreads.get('overall') ?? null, sections };
}

export async function cityOpenAnswers(db: AppDb, actor: Actor, cityCode: string, year: number, page: PageRequest): Promise<OpenAnswerPage> {
  await cityForResults(db, actor, cityCode);
  const { surveyId, definition } = await readInstrument(db, satisfactionOf(year));
  // Below the threshold a handful of answers could name their writers: the same rule as the means.
  if (surveyId === null || (await queries.responseCounts(db, surveyId, cityCode)).responses < MIN_SURVEY_RESPONSES_SHOWN) return { items: [], total: 0, ...page };
  const wording = new Map(definition.sections.flatMap((s) => s.questions).map((q) => [q.code, q]));
  const found = await queries.openAnswers(db, surveyId, cityCode, page);
  return { ...found, items: found.items.map((a) => ({ ...a, ko: wording.get(a.question)?.ko ?? a.question, en: wording.get(a.question)?.en ?? a.question })) };
}

export interface CitySatisfaction {
  cityCode: string;
  /** Respondents. */
  n: number;
  /** Mean of respondents' own means over the scale items (of `area`, when given), 1–5; null without answers. */
  mean: number | null;
  /** Its 95% t-interval (null bounds below 2 respondents). */
  low: number | null;
  high: number | null;
  /** Whether n reaches the threshold results are shown from. */
  enough: boolean;
  /** The same mean per section (evaluation area) of the questionnaire, by section code. */
  areas: Record<string, number | null>;
}

/**
 * Residents' satisfaction of each city for the re-designation evaluation's `survey` items: one entry per city
 * asked for (n 0 and null means for a city nobody answered for). `area` restricts `mean` to one section's items.
 */
export async function satisfactionOfCities(db: Executor, query: { year: number; cityCodes: readonly string[]; area?: string }): Promise<CitySatisfaction[]> {
  const { surveyId, definition } = await readInstrument(db, satisfactionOf(query.year));
  const scale = scaleQuestions(definition, query.area);
  const spreads = surveyId === null ? [] : await queries.respondentMeanSpreads(db, surveyId, query.cityCodes, scale.questions, scale.overall);
  const byCity = new Map<string, Map<string, MeanInterval>>();
  for (const spread of spreads) {
    const groups = byCity.get(spread.cityCode) ?? new Map<string, MeanInterval>();
    groups.set(spread.group, meanInterval(spread));
    byCity.set(spread.cityCode, groups);
  }
  return query.cityCodes.map((cityCode) => {
    const groups = byCity.get(cityCode);
    const overall = groups?.get('overall');
    return {
      cityCode, n: overall?.n ?? 0, mean: overall?.mean ?? null, low: overall?.low ?? null, high: overall?.high ?? null,
      enough: (overall?.n ?? 0) >= MIN_SURVEY_RESPONSES_SHOWN,
      areas: Object.fromEntries(scale.sections.map((code) => [code, groups?.get(code)?.mean ?? null])),
    };
  });
}

/** Every learning city (and any city with answers) with its count and, once shown, its overall mean: the ministry's list. */
export async function citiesOverview(db: AppDb, year: number, page: PageRequest): Promise<CitySatisfactionPage> {
  const survey = await queries.findSurvey(db, satisfactionOf(year));
  const found = await queries.citiesOfSurvey(db, survey?.id ?? null, page);
  const scored = survey ? await satisfactionOfCities(db, { year, cityCodes: found.items.filter((c) => c.responses >= MIN_SURVEY_RESPONSES_SHOWN).map((c) => c.cityCode) }) : [];
  const means = new Map(scored.map((s) => [s.cityCode, s]));
  return {
    ...found,
    items: found.items.map((c) => {
      const s = means.get(c.cityCode);
      return { ...c, overall: s && s.mean !== null ? { n: s.n, mean: s.mean, low: s.low, high: s.high } : null };
    }),
  };
}
