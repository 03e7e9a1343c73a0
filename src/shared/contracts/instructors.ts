/** The instructor and volunteer pool: profiles, searching the city's pool, matching a program, assigning, teaching schedules. */
import Type, { type Static } from 'typebox';
import {
  certificateKinds, INSTRUCTOR_LIMITS, instructorKinds, programSubcategories, targetGroups, weekdays,
} from '../vocabulary/index.ts';
import { CityCode, Code, DongCode, Id, Localised, Nullable, pageQuery } from './common.ts';
import { DateString, Time } from './programs.ts';
import { SatisfactionSummary } from './satisfaction.ts';

export const Certificate = Type.Object({
  kind: Code(certificateKinds.codes),
  /** For `other`: what it is (e.g. 요가지도자 2급); the 평생교육사 grades are named by their code. */
  name: Type.String({ maxLength: 100, description: 'Name of the certificate (required for other certificates)' }),
  issuer: Type.String({ maxLength: 100 }),
  year: Nullable(Type.Integer({ minimum: 1950, maximum: 2100 })),
}, { additionalProperties: false });
export type Certificate = Static<typeof Certificate>;

/** A weekly time when the person can teach, in Korea time. */
export const AvailabilitySlot = Type.Object({
  weekday: Code(weekdays.codes),
  from: Time,
  to: Time,
}, { additionalProperties: false });
export type AvailabilitySlot = Static<typeof AvailabilitySlot>;

export const InstructorProfileBody = Type.Object({
  kind: Code(instructorKinds.codes),
  bio: Type.String({ maxLength: INSTRUCTOR_LIMITS.bio }),
  skills: Type.Array(Code(programSubcategories.codes), { maxItems: INSTRUCTOR_LIMITS.skills, uniqueItems: true }),
  targetGroups: Type.Array(Code(targetGroups.codes), { maxItems: INSTRUCTOR_LIMITS.targetGroups, uniqueItems: true }),
  certificates: Type.Array(Certificate, { maxItems: INSTRUCTOR_LIMITS.certificates }),
  availability: Type.Array(AvailabilitySlot, { maxItems: INSTRUCTOR_LIMITS.availability }),
  /** Whole 시·군·구 they travel to. */
  travelCities: Type.Array(CityCode, { maxItems: INSTRUCTOR_LIMITS.travelCities, uniqueItems: true }),
  /** Single 행정동 they travel to (outside the whole cities). */
  travelDongs: Type.Array(DongCode, { maxItems: INSTRUCTOR_LIMITS.travelDongs, uniqueItems: true }),
  /** Opt-in: institutions see the profile only when published. */
  published: Type.Boolean(),
}, { additionalProperties: false });
export type InstructorProfileBody = Static<typeof InstructorProfileBody>;

const Place = Type.Object({ code: Type.String(), nameKo: Type.String(), nameEn: Type.String() });

export const InstructorProfile = Type.Object({
  id: Type.Integer(),
  personId: Type.Integer(),
  displayName: Type.String(),
  kind: Code(instructorKinds.codes),
  bio: Type.String(),
  skills: Type.Array(Code(programSubcategories.codes)),
  targetGroups: Type.Array(Code(targetGroups.codes)),
  certificates: Type.Array(Certificate),
  availability: Type.Array(AvailabilitySlot),
  travelCities: Type.Array(Place),
  travelDongs: Type.Array(Type.Object({ ...Place.properties, cityNameKo: Type.String(), cityNameEn: Type.String() })),
  published: Type.Boolean(),
  /** Programs linked to the profile, over all institutions. */
  programsTaught: Type.Integer(),
  updatedAt: Type.String(),
});
export type InstructorProfile = Static<typeof InstructorProfile>;

/** One line of the pool: enough to choose whom to open. */
export const PoolEntry = Type.Object({
  id: Type.Integer(),
  displayName: Type.String(),
  kind: Code(instructorKinds.codes),
  bio: Type.String(),
  skills: Type.Array(Code(programSubcategories.codes)),
  targetGroups: Type.Array(Code(targetGroups.codes)),
  certificates: Type.Array(Certificate),
  availability: Type.Array(AvailabilitySlot),
  programsTaught: Type.Integer(),
});
export type PoolEntry = Static<typeof PoolEntry>;

export const PoolQuery = Type.Object({
  ...pageQuery(),
  kind: Type.Optional(Code(instructorKinds.codes)),
  skill: Type.Optional(Code(programSubcategories.codes)),
  targetGroup: Type.Optional(Code(targetGroups.codes)),
  certificate: Type.Optional(Code(certificateKinds.codes)),
  weekday: Type.Optional(Code(weekdays.codes)),
  /** With weekday: free for the whole of from–to. */
  from: Type.Optional(Time),
  to: Type.Optional(Time),
}, { additionalProperties: false });
export type PoolQuery = Static<typeof PoolQuery>;

export const ProfileParams = Type.Object({ id: Id, profileId: Id });

/** Why a candidate fits (or not), in both languages; `fit` false says what is missing. */
export const MatchReason = Type.Object({
  kind: Type.Union([Type.Literal('skill'), Type.Literal('travel'), Type.Literal('availability'), Type.Literal('certificate'), Type.Literal('target_group'), Type.Literal('history')]),
  fit: Type.Boolean(),
  words: Localised,
});
export type MatchReason = Static<typeof MatchReason>;

/** Which program, at which institution (clashes, schedules). */
const ProgramAt = { programId: Type.Integer(), title: Type.String(), institutionName: Type.String() };

export const ScheduleClash = Type.Object({ ...ProgramAt, startsAt: Type.String() });
export type ScheduleClash = Static<typeof ScheduleClash>;

export const Candidate = Type.Object({
  profile: PoolEntry,
  score: Type.Integer({ description: 'Higher fits better: skill, then travel area and every session available, then target group, certificate' }),
  reasons: Type.Array(MatchReason),
  /** Sessions of their other programs at the same time. */
  clashes: Type.Array(ScheduleClash),
  assigned: Type.Boolean(),
});
export type Candidate = Static<typeof Candidate>;

export const AssignBody = Type.Object({ profileId: Id }, { additionalProperties: false });
export type AssignBody = Static<typeof AssignBody>;

export const Assignment = Type.Object({
  programId: Type.Integer(),
  profileId: Type.Integer(),
  displayName: Type.String(),
  assignedAt: Type.String(),
  clashes: Type.Array(ScheduleClash),
});
export type Assignment = Static<typeof Assignment>;

/** A program taught, with residents' satisfaction. */
export const TaughtProgram = Type.Object({
  programId: Type.Integer(),
  title: Type.String(),
  institutionName: Type.String(),
  cityNameKo: Type.String(),
  cityNameEn: Type.String(),
  startsOn: DateString,
  endsOn: DateString,
  status: Type.String(),
  satisfaction: SatisfactionSummary,
});
export type TaughtProgram = Static<typeof TaughtProgram>;

export const TeachingSession = Type.Object({
  ...ProgramAt,
  place: Nullable(Type.String()),
  sessionNo: Type.Integer(),
  sessionCount: Type.Integer(),
  startsAt: Type.String(),
  endsAt: Type.String(),
});
export type TeachingSession = Static<typeof TeachingSession>;

export const TeachingQuery = Type.Object({
  ...pageQuery(),
  /** From this day (Korea time); today when absent. */
  from: Type.Optional(DateString),
}, { additionalProperties: false });
