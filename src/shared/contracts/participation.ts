import Type, { type Static } from 'typebox';
import {
  programAreas, programSubcategories, STUDY_GROUP_MEETING_MAX_HOURS, studyGroupSupports, targetGroups, VOLUNTEER_DAY_MAX_HOURS, volunteerKinds,
} from '../vocabulary/index.ts';
import { CityParams } from './cities.ts';
import { CityCode, Code, DongCode, Id, MAX_INT, Nullable, Page, PageQuery } from './common.ts';

/** "I would like to learn …": what a resident tells their city, where, for whom. */
export const LearningWish = Type.Object({
  id: Type.Integer(),
  cityCode: Type.String(),
  dongCode: Nullable(Type.String()),
  area: Code(programAreas.codes),
  subcategory: Nullable(Code(programSubcategories.codes)),
  targetGroup: Code(targetGroups.codes),
  note: Type.String(),
  createdAt: Type.String(),
});
export type LearningWish = Static<typeof LearningWish>;

export const LearningWishBody = Type.Object({
  /** Defaults to the person's home city and dong. */
  cityCode: Type.Optional(CityCode),
  dongCode: Type.Optional(Nullable(DongCode)),
  area: Code(programAreas.codes),
  subcategory: Type.Optional(Nullable(Code(programSubcategories.codes))),
  targetGroup: Type.Optional(Code(targetGroups.codes)),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export type LearningWishBody = Static<typeof LearningWishBody>;

// ---- Study groups (학습동아리) ---------------------------------------------------------------------------

const Day = Type.String({ format: 'date', description: 'A day in Korea, YYYY-MM-DD' });

/** A resident registers a group of their city and becomes its leader. */
export const StudyGroupBody = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 80 }),
  area: Code(programAreas.codes),
  /** Where it meets (a dong of the city), or null: online or all over the city. */
  dongCode: Nullable(DongCode),
  description: Type.String({ minLength: 10, maxLength: 2000 }),
  meetingPlace: Type.Optional(Type.String({ maxLength: 200 })),
  meetingPattern: Type.Optional(Type.String({ maxLength: 200, description: 'When it meets, in words (e.g. every Tuesday evening)' })),
}, { additionalProperties: false });
export type StudyGroupBody = Static<typeof StudyGroupBody>;

/** What anyone sees of a group: no member's name, only how many. */
export const StudyGroupSummary = Type.Object({
  id: Type.Integer(),
  cityCode: Type.String(),
  name: Type.String(),
  area: Code(programAreas.codes),
  dongCode: Nullable(Type.String()),
  dongNameKo: Nullable(Type.String()),
  dongNameEn: Nullable(Type.String()),
  description: Type.String(),
  meetingPlace: Type.String(),
  meetingPattern: Type.String(),
  foundedOn: Type.String(),
  active: Type.Boolean(),
  support: Code(studyGroupSupports.codes),
  supportAmountWon: Nullable(Type.Integer({ description: 'Public money granted, in won (funded only)' })),
  supportYear: Nullable(Type.Integer()),
  members: Type.Integer(),
  meetings: Type.Integer(),
  /** Hours of all its meetings. */
  hours: Type.Number(),
});
export type StudyGroupSummary = Static<typeof StudyGroupSummary>;

export const StudyGroupListQuery = Type.Object({
  ...PageQuery,
  area: Type.Optional(Code(programAreas.codes)),
  support: Type.Optional(Code(studyGroupSupports.codes)),
}, { additionalProperties: false });
export type StudyGroupListQuery = Static<typeof StudyGroupListQuery>;

export const StudyGroupMember = Type.Object({
  personId: Type.Integer(), displayName: Type.String(), role: Code(['leader', 'member'] as const), joinedOn: Type.String(),
  /** Hours of the meetings they attended. */
  hours: Type.Number(),
});
export type StudyGroupMember = Static<typeof StudyGroupMember>;

export const StudyGroupMeeting = Type.Object({
  id: Type.Integer(), heldOn: Type.String(), hours: Type.Number(), topic: Type.String(), attendees: Type.Array(Type.Integer({ description: 'Person ids of the members present' })),
});
export type StudyGroupMeeting = Static<typeof StudyGroupMeeting>;

export const StudyGroupSupportEntry = Type.Object({
  support: Code(studyGroupSupports.codes), amountWon: Nullable(Type.Integer()), year: Nullable(Type.Integer()), note: Type.String(),
  actorName: Type.String(), at: Type.String(),
});
export type StudyGroupSupportEntry = Static<typeof StudyGroupSupportEntry>;

/**
 * A group's page. Members (and the city's officers) see the members' display names and the meetings; the leader
 * manages them; the city's officers also see the log of its support.
 */
export const StudyGroupView = Type.Object({
  ...StudyGroupSummary.properties,
  myRole: Nullable(Code(['leader', 'member'] as const)),
  memberList: Nullable(Type.Array(StudyGroupMember)),
  meetingList: Nullable(Type.Array(StudyGroupMeeting)),
  supportLog: Nullable(Type.Array(StudyGroupSupportEntry)),
});
export type StudyGroupView = Static<typeof StudyGroupView>;

export const StudyGroupParams = Type.Object({ ...CityParams.properties, id: Id });
export const StudyGroupMemberParams = Type.Object({ ...StudyGroupParams.properties, personId: Id });

/** A meeting the leader records: when, how long, about what, and which members came (hours follow from attendance). */
export const StudyGroupMeetingBody = Type.Object({
  heldOn: Day,
  hours: Type.Number({ minimum: 0.5, maximum: STUDY_GROUP_MEETING_MAX_HOURS, multipleOf: 0.5 }),
  topic: Type.Optional(Type.String({ maxLength: 200 })),
  attendeeIds: Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true }),
}, { additionalProperties: false });
export type StudyGroupMeetingBody = Static<typeof StudyGroupMeetingBody>;

/** The city's decision on a group's support: in kind for a year, funded with an amount for a year, or declined with a reason. */
export const StudyGroupSupportBody = Type.Object({
  support: Code(['supported', 'funded', 'declined'] as const),
  amountWon: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_INT })),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false });
export type StudyGroupSupportBody = Static<typeof StudyGroupSupportBody>;

// ---- Volunteers (자원봉사자) -----------------------------------------------------------------------------

/** A resident registers as a volunteer of their city: what kind, in which areas. */
export const VolunteerBody = Type.Object({
  kind: Code(volunteerKinds.codes),
  areas: Type.Array(Code(programAreas.codes), { maxItems: programAreas.codes.length, uniqueItems: true }),
  bio: Type.Optional(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false });
export type VolunteerBody = Static<typeof VolunteerBody>;

/** A volunteer on the city's register (its officers and its institutions' staff see it), with the hours served. */
export const Volunteer = Type.Object({
  id: Type.Integer(), cityCode: Type.String(), displayName: Type.String(), kind: Code(volunteerKinds.codes),
  areas: Type.Array(Code(programAreas.codes)), since: Type.String(), active: Type.Boolean(), hours: Type.Number(),
});
export type Volunteer = Static<typeof Volunteer>;

export const VolunteerParams = Type.Object({ ...CityParams.properties, volunteerId: Id });
export const InstitutionVolunteerParams = Type.Object({ id: Id, volunteerId: Id });

/** Hours served: by an institution's staff (their institution) or the city's officer (naming the institution, if any). */
export const VolunteerHoursBody = Type.Object({
  servedOn: Day,
  hours: Type.Number({ minimum: 0, maximum: VOLUNTEER_DAY_MAX_HOURS, multipleOf: 0.5, description: '0 only to withdraw an entry it replaces' }),
  activity: Type.String({ minLength: 2, maxLength: 200 }),
  institutionId: Type.Optional(Nullable(Id)),
  /** The entry this one corrects (it then no longer counts). */
  replacesId: Type.Optional(Id),
}, { additionalProperties: false });
export type VolunteerHoursBody = Static<typeof VolunteerHoursBody>;

export const VolunteerHoursEntry = Type.Object({
  id: Type.Integer(), servedOn: Type.String(), hours: Type.Number(), activity: Type.String(),
  institutionId: Nullable(Type.Integer()), institutionName: Nullable(Type.String()),
  replacesId: Nullable(Type.Integer()), replacedById: Nullable(Type.Integer()), recordedByName: Type.String(), at: Type.String(),
});
export type VolunteerHoursEntry = Static<typeof VolunteerHoursEntry>;

export const VolunteerListQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export const VolunteerHoursPage = Page(VolunteerHoursEntry);
/** An entry just recorded, and the volunteer's hours after it. */
export const VolunteerHoursRecorded = Type.Object({ id: Type.Integer(), volunteer: Volunteer });
