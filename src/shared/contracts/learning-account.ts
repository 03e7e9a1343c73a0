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
  }),
  studyGroups: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), cityNameKo: Type.String(), role: Type.String(), joinedOn: Type.String() })),
  volunteering: Type.Array(Type.Object({ kind: Code(volunteerKinds.codes), cityNameKo: Type.String(), since: Type.String(), active: Type.Boolean() })),
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
