import Type, { type Static } from 'typebox';
import {
  creditTypes, deliveryModes, institutionTypes, programAreas, programStatuses, programSubcategories, purposeTags,
  registrationModes, targetGroups, weekdays,
} from '../vocabulary/index.ts';
import { Code, Id, Nullable } from './common.ts';

export const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, Korea time' });
export const DateString = Type.String({ format: 'date' });

export const ProgramSummary = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  titleEn: Nullable(Type.String()),
  institutionId: Type.Integer(),
  institutionName: Type.String(),
  institutionNameEn: Nullable(Type.String()),
  cityCode: Type.String(),
  cityNameKo: Type.String(),
  cityNameEn: Type.String(),
  dongCode: Nullable(Type.String()),
  dongNameKo: Nullable(Type.String()),
  dongNameEn: Nullable(Type.String()),
  area: Code(programAreas.codes),
  subcategory: Code(programSubcategories.codes),
  targetGroups: Type.Array(Code(targetGroups.codes)),
  purposeTags: Type.Array(Code(purposeTags.codes)),
  mode: Code(deliveryModes.codes),
  status: Code(programStatuses.codes),
  startsOn: DateString,
  endsOn: DateString,
  weekdays: Type.Array(Code(weekdays.codes)),
  startTime: Type.String(),
  endTime: Type.String(),
  sessionCount: Type.Integer(),
  totalHours: Type.Number(),
  capacity: Type.Integer(),
  feeKrw: Type.Integer(),
  creditType: Code(creditTypes.codes),
  credits: Type.Number(),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  publishedAt: Nullable(Type.String()),
  enrolmentOpensOn: Nullable(DateString),
  enrolmentClosesOn: Nullable(DateString),
});
export type ProgramSummary = Static<typeof ProgramSummary>;

export const ProgramSession = Type.Object({
  sessionNo: Type.Integer(),
  startsAt: Type.String(),
  endsAt: Type.String(),
});
export type ProgramSession = Static<typeof ProgramSession>;

export const ProgramDetail = Type.Object({
  ...ProgramSummary.properties,
  description: Type.String(),
  institutionType: Code(institutionTypes.codes),
  institutionPhone: Nullable(Type.String()),
  venueId: Nullable(Type.Integer()),
  venueName: Nullable(Type.String()),
  venueStepFree: Nullable(Type.Boolean()),
  minAge: Nullable(Type.Integer()),
  maxAge: Nullable(Type.Integer()),
  residentsFirst: Type.Boolean(),
  /** The institution sends class reminders by text message (to learners who left a mobile number). */
  textReminders: Type.Boolean(),
  instructorName: Nullable(Type.String()),
  openToAllOn: Nullable(DateString),
  completionRate: Type.Number(),
  materials: Type.String(),
  registrationMode: Code(registrationModes.codes),
  registrationNote: Type.String(),
  cancelReason: Nullable(Type.String()),
  seatsLeft: Type.Integer(),
  waitlisted: Type.Integer(),
  sessions: Type.Array(ProgramSession),
});
export type ProgramDetail = Static<typeof ProgramDetail>;

export const CreateProgramBody = Type.Object(
  {
    institutionId: Id,
    venueId: Type.Optional(Id),
    title: Type.String({ minLength: 2, maxLength: 120 }),
    titleEn: Type.Optional(Type.String({ maxLength: 160 })),
    description: Type.String({ minLength: 10, maxLength: 8000 }),
    area: Code(programAreas.codes),
    subcategory: Code(programSubcategories.codes),
    targetGroups: Type.Array(Code(targetGroups.codes), { minItems: 1, maxItems: targetGroups.codes.length, uniqueItems: true }),
    purposeTags: Type.Optional(Type.Array(Code(purposeTags.codes), { maxItems: purposeTags.codes.length, uniqueItems: true })),
    mode: Code(deliveryModes.codes),
    status: Type.Optional(Code(['draft', 'published'] as const, 'published (the default), or draft: seen only by the institution’s staff and administrators, a 404 to everyone else')),
    startsOn: DateString,
    weekdays: Type.Array(Code(weekdays.codes), { minItems: 1, maxItems: 7, uniqueItems: true }),
    startTime: Time,
    endTime: Time,
    sessionCount: Type.Integer({ minimum: 1, maximum: 200 }),
    capacity: Type.Integer({ minimum: 1, maximum: 10_000 }),
    feeKrw: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
    creditType: Type.Optional(Code(creditTypes.codes)),
    credits: Type.Optional(Type.Number({ minimum: 0, maximum: 30, multipleOf: 0.5 })),
    minAge: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
    maxAge: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
    residentsFirst: Type.Optional(Type.Boolean()),
    textReminders: Type.Optional(Type.Boolean({ description: 'The institution sends class reminders by text: the roster then shows learners’ mobile numbers' })),
    instructorName: Type.Optional(Type.String({ maxLength: 60 })),
    enrolmentOpensOn: Type.Optional(DateString),
    enrolmentClosesOn: Type.Optional(DateString),
  },
  { additionalProperties: false },
);
export type CreateProgramBody = Static<typeof CreateProgramBody>;

export const timesOfDay = ['morning', 'afternoon', 'evening'] as const;
export type TimeOfDay = (typeof timesOfDay)[number];
export const searchSorts = ['relevance', 'distance', 'start', 'newest'] as const;
export type SearchSort = (typeof searchSorts)[number];
export const startsWithinChoices = [7, 30, 90] as const;

/** The catalogue search: free text (Korean, English, 초성), filters, near me, sorting. Repeat a key to pick several values. */
export const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Words in Korean or English; partial words and small typos match; ㅅㅁㅌㅍ finds 스마트폰' })),
    area: Type.Optional(Type.Array(Code(programAreas.codes), { maxItems: 10 })),
    subcategory: Type.Optional(Type.Array(Code(programSubcategories.codes), { maxItems: 20 })),
    target: Type.Optional(Type.Array(Code(targetGroups.codes), { maxItems: 11 })),
    mode: Type.Optional(Type.Array(Code(deliveryModes.codes), { maxItems: 3 })),
    city: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{5}$' }), { maxItems: 20 })),
    dong: Type.Optional(Type.String({ pattern: '^[0-9]{7}$' })),
    fee: Type.Optional(Code(['free', 'paid'] as const)),
    weekday: Type.Optional(Type.Array(Code(weekdays.codes), { maxItems: 7 })),
    timeOfDay: Type.Optional(Type.Array(Code(timesOfDay), { maxItems: 3 })),
    startsWithinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'Only programs starting in the next N days' })),
    seatsLeft: Type.Optional(Type.Boolean({ description: 'Only programs with a free place' })),
    near: Type.Optional(Type.String({ pattern: '^[0-9]{7}$', description: 'Near this dong (KOSTAT code)' })),
    lat: Type.Optional(Type.Number({ minimum: 33, maximum: 39 })),
    lon: Type.Optional(Type.Number({ minimum: 124, maximum: 132 })),
    radiusKm: Type.Optional(Type.Number({ minimum: 0.5, maximum: 50, default: 5 })),
    includeOnline: Type.Optional(Type.Boolean({ description: 'Online programs are offered to everyone (default true)' })),
    institution: Type.Optional(Id),
    sort: Type.Optional(Code(searchSorts)),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const ProgramHit = Type.Object({
  ...ProgramSummary.properties,
  seatsLeft: Type.Integer(),
  /** Metres from the place searched near; null for online programs or without "near me". */
  distanceM: Nullable(Type.Integer()),
});
export type ProgramHit = Static<typeof ProgramHit>;

const Counts = Type.Record(Type.String(), Type.Integer());
export const SearchFacets = Type.Object({
  area: Counts, subcategory: Counts, target: Counts, mode: Counts, city: Counts, dong: Counts, fee: Counts,
  weekday: Counts, timeOfDay: Counts, startsWithinDays: Counts, seatsLeft: Counts,
});
export type SearchFacets = Static<typeof SearchFacets>;

export const SearchResult = Type.Object({
  items: Type.Array(ProgramHit),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** Counts per filter value, each counted with all the other filters applied. */
  facets: SearchFacets,
  /** True when nothing matched exactly and these are near matches (typos). */
  fuzzy: Type.Boolean(),
  /** True when no title has the words and these programs have them in their descriptions. */
  descriptionOnly: Type.Boolean(),
  /**
   * Searched for words near a place and no class held in person within the radius has them: how far the nearest
   * one is (km, rounded up; null if none within 50 km) and how many online programs have them.
   */
  elsewhere: Nullable(Type.Object({ nearestKm: Nullable(Type.Integer()), online: Type.Integer() })),
  sort: Code(searchSorts),
  near: Nullable(Type.Object({ lat: Type.Number(), lon: Type.Number(), radiusKm: Type.Number(), label: Nullable(Type.String()) })),
});
export type SearchResult = Static<typeof SearchResult>;
