import Type, { type Static, type TObject, type TProperties } from 'typebox';
import {
  committeeKinds, eventKinds, informationSystems, memberRoles, memberSectors, ordinanceKinds,
} from '../vocabulary/index.ts';
import { Code, DongCode, Id, Nullable, MAX_INT } from './common.ts';

const Krw = Type.Integer({ minimum: 0, maximum: 10_000_000_000_000, description: 'Korean won' });
const Count = (maximum: number) => Type.Integer({ minimum: 0, maximum });
const Day = Type.String({ format: 'date' });
const Text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength });
/** The version the form was loaded with; a save against an older version is refused (409) rather than lost. */
const Version = Type.Integer({ minimum: 0, maximum: MAX_INT, description: 'The version you edited (0 for a new record)' });

/** The figures of one year; null means not recorded. */
export const CityYearFigures = Type.Object({
  budgetNationalKrw: Nullable(Krw),
  budgetProvincialKrw: Nullable(Krw),
  budgetOwnKrw: Nullable(Krw),
  cityTotalBudgetKrw: Nullable(Krw),
  dedicatedStaff: Nullable(Count(10_000)),
  certifiedEducators: Nullable(Count(10_000)),
  hasDepartment: Nullable(Type.Boolean()),
  departmentName: Text(100),
  learningCentres: Nullable(Count(1_000)),
  dongLearningCentres: Nullable(Count(1_000)),
  informationSystems: Type.Array(Code(informationSystems.codes), { uniqueItems: true }),
  portalUrl: Nullable(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 300 })),
  commercialisedPrograms: Nullable(Count(10_000)),
  notes: Text(4000),
}, { additionalProperties: false });
export type CityYearFigures = Static<typeof CityYearFigures>;

export const CityYearRecord = Type.Object({
  cityCode: Type.String(),
  year: Type.Integer(),
  ...CityYearFigures.properties,
  version: Type.Integer(),
  updatedAt: Type.String(),
  updatedByName: Nullable(Type.String()),
});
export type CityYearRecord = Static<typeof CityYearRecord>;

export const CityYearBody = Type.Object({ ...CityYearFigures.properties, version: Version }, { additionalProperties: false });
export type CityYearBody = Static<typeof CityYearBody>;

export const YearParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{5}$' }), year: Type.Integer({ minimum: 1990, maximum: 2100 }) });

/**
 * Lists in the record share one shape: fields of the item; a body to create it (all fields), one to change
 * it (any fields, with the version edited). Keeps the seven lists' contracts from being written seven times.
 */
function listContracts<P extends TProperties, R extends TProperties = Record<never, never>>(fields: TObject<P>, readOnly?: R) {
  return {
    Item: Type.Object({ id: Type.Integer(), cityCode: Type.String(), ...fields.properties, ...(readOnly ?? {} as R), version: Type.Integer(), updatedAt: Type.String() }),
    CreateBody: Type.Object(fields.properties, { additionalProperties: false }),
    UpdateBody: Type.Object({ ...Type.Partial(fields).properties, version: Version }, { additionalProperties: false }),
  };
}

export const CommitteeFields = Type.Object({
  kind: Code(committeeKinds.codes),
  name: Text(200, 1),
  establishedOn: Nullable(Day),
  description: Text(2000),
  active: Type.Boolean(),
});
export const Committee = listContracts(CommitteeFields);

export const CommitteeMemberFields = Type.Object({
  committeeId: Id,
  name: Text(100, 1),
  affiliation: Text(200),
  sector: Code(memberSectors.codes),
  role: Code(memberRoles.codes),
  joinedOn: Nullable(Day),
  leftOn: Nullable(Day),
});
export const CommitteeMember = listContracts(CommitteeMemberFields);

export const CommitteeMeetingFields = Type.Object({
  committeeId: Id,
  heldOn: Day,
  title: Text(300, 1),
  attendees: Nullable(Count(1_000)),
  minutes: Text(20_000),
  decisions: Type.Array(Text(1000, 1), { maxItems: 50 }),
  // The council's fields (decision 030): optional, so callers and workbooks from before keep working.
  agenda: Type.Optional(Text(4000)),
  place: Type.Optional(Text(200)),
  /** Local time the meeting starts, e.g. 14:00; null: not set. */
  startsAt: Type.Optional(Nullable(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9](:00)?$', description: 'HH:MM, Korean time' }))),
  /** Residents see a meeting only once it is published (its publishedAt is kept from the first time). */
  published: Type.Optional(Type.Boolean()),
  proposalIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true, description: 'Proposals of the city the meeting discussed' })),
  surveyYears: Type.Optional(Type.Array(Type.Integer({ minimum: 2000, maximum: 2100 }), { maxItems: 10, uniqueItems: true, description: 'Years of the city’s needs survey whose results it discussed' })),
});
export const CommitteeMeeting = listContracts(CommitteeMeetingFields, { publishedAt: Nullable(Type.String()) });

export const OrdinanceFields = Type.Object({
  kind: Code(ordinanceKinds.codes),
  title: Text(300, 1),
  enactedOn: Day,
  lastAmendedOn: Nullable(Day),
  repealedOn: Nullable(Day),
  url: Nullable(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 })),
});
export const Ordinance = listContracts(OrdinanceFields);

export const StaffTrainingFields = Type.Object({
  heldOn: Day,
  title: Text(300, 1),
  provider: Text(200),
  // Stored to one decimal: less than 0.1 hours would round to none.
  hours: Type.Number({ minimum: 0.1, maximum: 1000 }),
  participants: Type.Integer({ minimum: 1, maximum: 100_000 }),
});
export const StaffTraining = listContracts(StaffTrainingFields);

export const LearningEventFields = Type.Object({
  kind: Code(eventKinds.codes),
  title: Text(300, 1),
  startsOn: Day,
  endsOn: Day,
  venueName: Text(200),
  dongCode: Nullable(DongCode),
  attendance: Nullable(Count(10_000_000)),
  description: Text(4000),
});
export const LearningEventRecord = listContracts(LearningEventFields);

export const RecordChange = Type.Object({
  id: Type.Integer(),
  entity: Type.String(),
  entityKey: Type.String(),
  action: Type.String(),
  changedAt: Type.String(),
  changedByName: Nullable(Type.String()),
  /** Fields whose value changed, with before and after. */
  changes: Type.Array(Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() })),
});
export type RecordChange = Static<typeof RecordChange>;

export const ImportResult = Type.Object({
  jobId: Type.String(),
  rows: Type.Integer({ description: 'Rows that will be written' }),
});

export const ImportProblem = Type.Object({ sheet: Type.String(), row: Type.Integer(), column: Type.String(), message: Type.String() });
export type ImportProblem = Static<typeof ImportProblem>;

export type CommitteeItem = Static<typeof Committee.Item>;
export type CommitteeMemberItem = Static<typeof CommitteeMember.Item>;
export type CommitteeMeetingItem = Static<typeof CommitteeMeeting.Item>;
export type OrdinanceItem = Static<typeof Ordinance.Item>;
export type StaffTrainingItem = Static<typeof StaffTraining.Item>;
export type LearningEvent = Static<typeof LearningEventRecord.Item>;
