import Type, { type Static } from 'typebox';
import {
  creditTypes, deliveryModes, institutionTypes, programAreas, programStatuses, programSubcategories, purposeTags,
  targetGroups, weekdays,
} from '../vocabulary/index.ts';
import { Code, Id, Nullable } from './common.ts';

const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, Korea time' });
const DateString = Type.String({ format: 'date' });

export const ProgramSummary = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  titleEn: Nullable(Type.String()),
  institutionId: Type.Integer(),
  institutionName: Type.String(),
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
  instructorName: Nullable(Type.String()),
  enrolmentOpensOn: Nullable(DateString),
  enrolmentClosesOn: Nullable(DateString),
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
    status: Type.Optional(Code(['draft', 'published'] as const)),
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
    instructorName: Type.Optional(Type.String({ maxLength: 60 })),
    enrolmentOpensOn: Type.Optional(DateString),
    enrolmentClosesOn: Type.Optional(DateString),
  },
  { additionalProperties: false },
);
export type CreateProgramBody = Static<typeof CreateProgramBody>;
