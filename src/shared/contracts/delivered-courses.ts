import Type, { type Static } from 'typebox';
import {
  deliveredCourseEvents, deliveredCourseStatuses, MAX_DELIVERED_SESSIONS, MAX_MIN_GROUP_SIZE, programAreas, programSubcategories, weekdays,
} from '../vocabulary/index.ts';
import { CityCode, Code, DongCode, Id, Nullable, Page, PageQuery } from './common.ts';
import { Time } from './programs.ts';

/** A group's request (배달강좌): what they want to learn, where (a dong of the city and the place in it), on which days and hours, how many sessions. */
export const DeliveredCourseBody = Type.Object({
  title: Type.String({ minLength: 2, maxLength: 80 }),
  description: Type.String({ minLength: 10, maxLength: 1000 }),
  area: Code(programAreas.codes),
  subcategory: Code(programSubcategories.codes),
  dongCode: DongCode,
  place: Type.String({ minLength: 2, maxLength: 100, description: 'The place in the dong: a community room, a hall, a shop (not a home address: learners and the instructor read it)' }),
  weekdays: Type.Array(Code(weekdays.codes), { minItems: 1, maxItems: 3, uniqueItems: true }),
  startTime: Time,
  endTime: Time,
  sessionCount: Type.Integer({ minimum: 1, maximum: MAX_DELIVERED_SESSIONS }),
}, { additionalProperties: false });
export type DeliveredCourseBody = Static<typeof DeliveredCourseBody>;

/** Joining a group by the code its organiser shared (the invite link carries it too). */
export const JoinBody = Type.Object({ inviteCode: Type.String({ pattern: '^[A-Za-z0-9]{8}$', description: '8 letters and digits' }) }, { additionalProperties: false });
export type JoinBody = Static<typeof JoinBody>;

export const DeliveredCourseSummary = Type.Object({
  id: Type.Integer(),
  cityCode: Type.String(),
  title: Type.String(),
  description: Type.String(),
  area: Code(programAreas.codes),
  subcategory: Code(programSubcategories.codes),
  dongCode: Type.String(),
  dongNameKo: Type.String(),
  dongNameEn: Type.String(),
  place: Type.String(),
  weekdays: Type.Array(Code(weekdays.codes)),
  startTime: Type.String(),
  endTime: Type.String(),
  sessionCount: Type.Integer(),
  status: Code(deliveredCourseStatuses.codes),
  members: Type.Integer(),
  /** The city's minimum group size now. */
  minGroupSize: Type.Integer(),
  organiserName: Type.String(),
  readyAt: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  declineReason: Nullable(Type.String()),
  /** The program an approved request became, with its institution and instructor. */
  program: Nullable(Type.Object({ id: Type.Integer(), title: Type.String(), institutionName: Type.String(), instructorName: Nullable(Type.String()) })),
  /** The viewer's part: organiser, member, or null (an officer). */
  mine: Nullable(Code(['organised', 'joined'] as const)),
  createdAt: Type.String(),
});
export type DeliveredCourseSummary = Static<typeof DeliveredCourseSummary>;

export const DeliveredCourseView = Type.Object({
  ...DeliveredCourseSummary.properties,
  /** To share with neighbours while the group gathers (members only; null for officers and once decided). */
  inviteCode: Nullable(Type.String()),
  log: Type.Array(Type.Object({
    kind: Code(deliveredCourseEvents.codes),
    at: Type.String(),
    /** Who did it: the city's officers see names; members see their own part only. */
    actorName: Nullable(Type.String()),
  })),
});
export type DeliveredCourseView = Static<typeof DeliveredCourseView>;

export const DeliveredCourseParams = Type.Object({ code: CityCode, id: Id });

export const DeliveredCourseListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(Code(deliveredCourseStatuses.codes)),
}, { additionalProperties: false });
export type DeliveredCourseListQuery = Static<typeof DeliveredCourseListQuery>;
export const DeliveredCourseList = Page(DeliveredCourseSummary);

export const ApproveBody = Type.Object({ institutionId: Id, profileId: Id }, { additionalProperties: false });
export type ApproveBody = Static<typeof ApproveBody>;
export const DeclineBody = Type.Object({ reason: Type.String({ minLength: 10, maxLength: 1000 }) }, { additionalProperties: false });
export type DeclineBody = Static<typeof DeclineBody>;

export const DeliveredCourseSettings = Type.Object({ minGroupSize: Type.Integer({ minimum: 2, maximum: MAX_MIN_GROUP_SIZE }) }, { additionalProperties: false });
export type DeliveredCourseSettings = Static<typeof DeliveredCourseSettings>;
