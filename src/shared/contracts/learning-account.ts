import Type, { type Static } from 'typebox';
import { creditTypes, deliveryModes, enrolmentStatuses, programAreas, volunteerKinds } from '../vocabulary/index.ts';
import { Code, Nullable } from './common.ts';

export const LearningEntry = Type.Object({
  enrolmentId: Type.Integer(),
  status: Code(enrolmentStatuses.codes),
  programId: Type.Integer(),
  title: Type.String(),
  titleEn: Nullable(Type.String()),
  area: Code(programAreas.codes),
  mode: Code(deliveryModes.codes),
  institutionId: Type.Integer(),
  institutionName: Type.String(),
  institutionNameEn: Nullable(Type.String()),
  cityNameKo: Type.String(),
  cityNameEn: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  totalHours: Type.Number(),
  credits: Type.Number(),
  creditType: Code(creditTypes.codes),
  sessionCount: Type.Integer(),
  attended: Type.Integer(),
  certificateId: Nullable(Type.String()),
  rated: Type.Boolean(),
  /** A program training local leaders (지역 리더 양성, the paper's HRD area). */
  localLeader: Type.Boolean(),
  enrolledAt: Type.String(),
});
export type LearningEntry = Static<typeof LearningEntry>;

export const LearningRecord = Type.Object({
  person: Type.Object({ displayName: Type.String(), birthYear: Nullable(Type.Integer()), homeCityNameKo: Nullable(Type.String()) }),
  entries: Type.Array(LearningEntry),
  totals: Type.Object({
    completed: Type.Integer(),
    hours: Type.Number(),
    credits: Type.Number(),
    /** Hours of completed programs by the year they ended and their area. */
    byYearAndArea: Type.Array(Type.Object({ year: Type.Integer(), area: Code(programAreas.codes), hours: Type.Number(), programs: Type.Integer() })),
    /** Hours of the study-group meetings they attended. */
    studyGroupHours: Type.Number(),
    /** Hours they served as a volunteer (as recorded by the city or its institutions, corrections applied). */
    volunteerHours: Type.Number(),
  }),
  /** The day they first completed a local-leader program (the record calls them a local leader from then), or null. */
  localLeaderSince: Nullable(Type.String()),
  studyGroups: Type.Array(Type.Object({
    id: Type.Integer(), cityCode: Type.String(), name: Type.String(), cityNameKo: Type.String(), role: Type.String(), joinedOn: Type.String(),
    leftOn: Nullable(Type.String()), hours: Type.Number(),
  })),
  volunteering: Type.Array(Type.Object({ kind: Code(volunteerKinds.codes), cityNameKo: Type.String(), since: Type.String(), active: Type.Boolean(), hours: Type.Number() })),
  generatedAt: Type.String(),
});
export type LearningRecord = Static<typeof LearningRecord>;

/** My private calendar feed: the address a phone calendar subscribes to, or null when I have none (or revoked it). */
export const CalendarFeed = Type.Object({
  url: Nullable(Type.String({ description: 'Absolute address of the feed (secret: whoever has it sees my timetable)' })),
  createdAt: Nullable(Type.String()),
  /** When a calendar last fetched it. */
  lastFetchedAt: Nullable(Type.String()),
});
export type CalendarFeed = Static<typeof CalendarFeed>;
