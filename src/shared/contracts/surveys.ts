/** Surveys residents answer (module `surveys`): the questionnaire, answers, and results per city. */
import Type, { type Static } from 'typebox';
import { answerChannels, locusQuadrants, programAreas, programSubcategories, questionKinds, targetGroups } from '../vocabulary/index.ts';
import { Code, DongCode, Nullable, Page } from './common.ts';

/** A question's, section's or choice's code: stays the same across versions, so results add up across them. */
const ItemCode = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'Lower-case letters, digits and _ (up to 40), starting with a letter' });
const Wording = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const SurveyChoice = Type.Object({ code: ItemCode, ko: Wording(200), en: Wording(200) }, { additionalProperties: false });

export const SurveyQuestion = Type.Object(
  {
    code: ItemCode,
    kind: Code(questionKinds.codes),
    ko: Wording(500),
    en: Wording(500),
    required: Type.Boolean(),
    /** The choices of a single or multiple choice question (none for the others). */
    choices: Type.Optional(Type.Array(SurveyChoice, { maxItems: 30 })),
    /** A need question's program subcategory (the taxonomy's; its area follows). Only need questions have one. */
    subcategory: Type.Optional(Code(programSubcategories.codes)),
  },
  { additionalProperties: false },
);
export type SurveyQuestion = Static<typeof SurveyQuestion>;

export const SurveySection = Type.Object(
  { code: ItemCode, ko: Wording(200), en: Wording(200), questions: Type.Array(SurveyQuestion, { minItems: 1, maxItems: 80 }) },
  { additionalProperties: false },
);
export type SurveySection = Static<typeof SurveySection>;

/** The questionnaire: a title, a line to the resident, and sections of questions (for the satisfaction survey, the evaluation's areas). */
export const InstrumentBody = Type.Object(
  {
    titleKo: Wording(200),
    titleEn: Wording(200),
    introKo: Type.String({ maxLength: 1000 }),
    introEn: Type.String({ maxLength: 1000 }),
    sections: Type.Array(SurveySection, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type InstrumentBody = Static<typeof InstrumentBody>;

export const Instrument = Type.Object({
  year: Type.Integer(),
  /** 1 for the first; each change the ministry saves is the next. Answers keep the version they answered. */
  version: Type.Integer(),
  /** When it was saved; null for a year nobody defined or answered yet (what its version 1 will be). */
  definedAt: Nullable(Type.String()),
  definition: InstrumentBody,
});
export type Instrument = Static<typeof Instrument>;

export const SurveyAnswer = Type.Object(
  {
    question: ItemCode,
    score: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    text: Type.Optional(Type.String({ maxLength: 2000 })),
    choices: Type.Optional(Type.Array(ItemCode, { maxItems: 30 })),
    /** A need question's two answers: the resident's current level and the level they need (1–5 each). */
    current: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    required: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  },
  { additionalProperties: false },
);
export type SurveyAnswer = Static<typeof SurveyAnswer>;

export const ResponseBody = Type.Object(
  { answers: Type.Array(SurveyAnswer, { maxItems: 400 }) },
  { additionalProperties: false },
);
export type ResponseBody = Static<typeof ResponseBody>;

/** A paper form typed in at a centre: the resident found by their account's email, or recorded from name and year of birth. */
export const PaperResponseBody = Type.Object(
  {
    email: Type.Optional(Type.String({ maxLength: 254, description: 'The email of the resident’s account, if they have one' })),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'For a resident without an account' })),
    birthYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
    answers: ResponseBody.properties.answers,
  },
  { additionalProperties: false },
);
export type PaperResponseBody = Static<typeof PaperResponseBody>;

export const ResponseReceipt = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  cityCode: Type.String(),
  channel: Code(answerChannels.codes),
  submittedAt: Type.String(),
});
export type ResponseReceipt = Static<typeof ResponseReceipt>;

/** The year's survey as the signed-in resident meets it. */
export const MySatisfactionSurvey = Type.Object({
  year: Type.Integer(),
  instrument: Instrument,
  /** The city of the resident's account (their home 시·군·구), if any. */
  city: Nullable(Type.Object({ code: Type.String(), nameKo: Type.String(), nameEn: Type.String() })),
  /** Why the resident cannot answer: no home city on their account, or it is not a learning city; null when they can. */
  refusal: Nullable(Type.Union([Type.Literal('no_home_city'), Type.Literal('not_learning_city')])),
  answered: Nullable(Type.Object({ submittedAt: Type.String(), channel: Code(answerChannels.codes) })),
});
export type MySatisfactionSurvey = Static<typeof MySatisfactionSurvey>;

/** A mean on the 1–5 scale with its 95% t-interval (null bounds for a single answer). */
export const MeanInterval = Type.Object({
  n: Type.Integer(),
  mean: Type.Number(),
  low: Nullable(Type.Number()),
  high: Nullable(Type.Number()),
});
export type MeanInterval = Static<typeof MeanInterval>;

export const ItemResult = Type.Object({ code: Type.String(), ko: Type.String(), en: Type.String(), result: MeanInterval });
export type ItemResult = Static<typeof ItemResult>;

export const CitySatisfactionResults = Type.Object({
  year: Type.Integer(),
  cityCode: Type.String(),
  cityNameKo: Type.String(),
  cityNameEn: Type.String(),
  responses: Type.Integer(),
  /** Of them, paper forms entered by staff. */
  paperResponses: Type.Integer(),
  minimumShown: Type.Integer(),
  /** Whether there are enough responses to show anything but the counts. */
  shown: Type.Boolean(),
  /** Every scale answer of every respondent together; null until shown. */
  overall: Nullable(MeanInterval),
  /** The instrument's sections with scale items, each item's mean and interval (empty until shown). */
  sections: Type.Array(Type.Object({ code: Type.String(), ko: Type.String(), en: Type.String(), mean: Nullable(Type.Number()), items: Type.Array(ItemResult) })),
});
export type CitySatisfactionResults = Static<typeof CitySatisfactionResults>;

export const OpenAnswer = Type.Object({ question: Type.String(), ko: Type.String(), en: Type.String(), text: Type.String(), submittedOn: Type.String() });
export const OpenAnswerPage = Page(OpenAnswer);
export type OpenAnswerPage = Static<typeof OpenAnswerPage>;

/** One city in the ministry's list: its count, and its mean once shown (with its 시·도: many 구 share a name). */
export const CitySatisfactionRow = Type.Object({
  cityCode: Type.String(), cityNameKo: Type.String(), cityNameEn: Type.String(), provinceShortKo: Type.String(), provinceShortEn: Type.String(),
  responses: Type.Integer(), overall: Nullable(MeanInterval),
});
export const CitySatisfactionPage = Page(CitySatisfactionRow);
export type CitySatisfactionPage = Static<typeof CitySatisfactionPage>;

const CityRef = Type.Object({ code: Type.String(), nameKo: Type.String(), nameEn: Type.String() });

/** A city's needs survey of the year as the signed-in resident meets it. */
export const MyNeedsSurvey = Type.Object({
  year: Type.Integer(),
  city: CityRef,
  instrument: Instrument,
  /** Why the resident cannot answer: their account's home city is another one (or none); null when they can. */
  refusal: Nullable(Type.Literal('not_resident')),
  answered: Nullable(Type.Object({ submittedAt: Type.String(), channel: Code(answerChannels.codes) })),
});
export type MyNeedsSurvey = Static<typeof MyNeedsSurvey>;

export const NeedsQuery = Type.Object({
  targetGroup: Type.Optional(Code(targetGroups.codes)),
  dong: Type.Optional(DongCode),
}, { additionalProperties: false });
export type NeedsQuery = Static<typeof NeedsQuery>;

/** What the Borich analysis reads of one item (or one area's items pooled): answers and sums of the two levels. */
const NeedFigures = {
  /** Answers (respondents who rated the item; for an area, ratings of its items). */
  n: Type.Integer(),
  meanCurrent: Type.Number(),
  meanRequired: Type.Number(),
  /** Mean of (required − current). */
  meanGap: Type.Number(),
  /** Borich's weighted need: Σ(required − current) × mean required / n. */
  borich: Type.Number(),
  /** 1 for the largest Borich value (ties share a rank). */
  rank: Type.Integer(),
};

export const NeedItemResult = Type.Object({
  code: Type.String(), ko: Type.String(), en: Type.String(), area: Code(programAreas.codes), subcategory: Code(programSubcategories.codes),
  ...NeedFigures,
  quadrant: Code(locusQuadrants.codes),
});
export type NeedItemResult = Static<typeof NeedItemResult>;

export const NeedsAnalysis = Type.Object({
  year: Type.Integer(),
  city: CityRef,
  /** Respondents of the whole city, and of them paper forms entered by staff. */
  responses: Type.Integer(),
  paperResponses: Type.Integer(),
  targetGroup: Nullable(Code(targetGroups.codes)),
  dongCode: Nullable(Type.String()),
  /** Respondents in the group and dong asked for. */
  respondents: Type.Integer(),
  minimumShown: Type.Integer(),
  /** Whether the group and dong have enough respondents to show figures (else items and areas are empty). */
  shown: Type.Boolean(),
  /** Where the Locus for Focus chart is split: the items' mean required level and mean gap. */
  split: Nullable(Type.Object({ meanRequired: Type.Number(), meanGap: Type.Number() })),
  /** Items by Borich rank. */
  items: Type.Array(NeedItemResult),
  /** Each program area's items pooled, by Borich rank. */
  areas: Type.Array(Type.Object({ area: Code(programAreas.codes), ...NeedFigures })),
  /** Respondents per group and per dong, for choosing a slice. */
  targetGroups: Type.Array(Type.Object({ code: Code(targetGroups.codes), respondents: Type.Integer() })),
  dongs: Type.Array(Type.Object({ code: Type.String(), nameKo: Type.String(), nameEn: Type.String(), respondents: Type.Integer() })),
  /** The choice questions (preferred days, times, places, fees, barriers): how many respondents of the slice chose each choice. */
  preferences: Type.Array(Type.Object({
    code: Type.String(), ko: Type.String(), en: Type.String(),
    choices: Type.Array(Type.Object({ code: Type.String(), ko: Type.String(), en: Type.String(), count: Type.Integer() })),
  })),
});
export type NeedsAnalysis = Static<typeof NeedsAnalysis>;

/** The top needs of a city's latest needs survey, for the demand panel. */
export const TopNeeds = Type.Object({
  year: Type.Integer(),
  respondents: Type.Integer(),
  items: Type.Array(Type.Object({ code: Type.String(), ko: Type.String(), en: Type.String(), area: Code(programAreas.codes), borich: Type.Number(), rank: Type.Integer() })),
});
export type TopNeeds = Static<typeof TopNeeds>;
