import { indexVocabulary, type Labelled } from './label.ts';

/** Who a program is for. The paper names women, the elderly, youth and the underprivileged; the Act adds the rest. */
export const targetGroupList = [
  { code: 'all', ko: '누구나', en: 'Everyone' },
  { code: 'elderly', ko: '어르신', en: 'Older adults' },
  { code: 'youth', ko: '청소년', en: 'Young people' },
  { code: 'children', ko: '어린이', en: 'Children' },
  { code: 'women', ko: '여성', en: 'Women' },
  { code: 'parents', ko: '부모', en: 'Parents' },
  { code: 'multicultural', ko: '다문화가족·이주민', en: 'Multicultural families and migrants' },
  { code: 'disabled', ko: '장애인', en: 'People with disabilities' },
  { code: 'workers', ko: '직장인', en: 'Workers' },
  { code: 'unemployed', ko: '구직자·경력단절자', en: 'Job seekers' },
  { code: 'low_income', ko: '저소득층', en: 'Low-income residents' },
] as const satisfies readonly Labelled[];
export type TargetGroupCode = (typeof targetGroupList)[number]['code'];
export const targetGroups = indexVocabulary<TargetGroupCode, (typeof targetGroupList)[number]>(targetGroupList);

/**
 * Roles a person can hold. Everyone is a resident (learner); the others are granted. Staff roles are bound
 * to one institution, one city or one province; reviewers and consultants are appointed by the ministry and
 * act only on what they are assigned to (an application to score, a potential city to consult). Within an
 * institution a person holds one of three roles (its colleagues): the manager invites and manages colleagues,
 * staff run programs, instructors teach.
 */
export const roleList = [
  { code: 'resident', ko: '주민(학습자)', en: 'Resident', scope: 'none' },
  { code: 'institution_manager', ko: '기관 관리자', en: 'Institution manager', scope: 'institution' },
  { code: 'institution_staff', ko: '기관 담당자', en: 'Institution staff', scope: 'institution' },
  { code: 'institution_instructor', ko: '기관 강사', en: 'Institution instructor', scope: 'institution' },
  { code: 'city_officer', ko: '시·군·구 담당자', en: 'City officer', scope: 'city' },
  { code: 'province_officer', ko: '시·도 담당자', en: 'Province officer', scope: 'province' },
  { code: 'ministry_officer', ko: '교육부·국가평생교육진흥원 담당자', en: 'Ministry officer', scope: 'none' },
  { code: 'reviewer', ko: '심사위원', en: 'Reviewer', scope: 'assignment' },
  { code: 'consultant', ko: '컨설턴트', en: 'Consultant', scope: 'assignment' },
  { code: 'administrator', ko: '시스템 관리자', en: 'Administrator', scope: 'none' },
  /** An institution's own system calling with one of its API keys: never a person's role. */
  { code: 'institution_system', ko: '기관 시스템(API 키)', en: 'Institution system (API key)', scope: 'institution' },
] as const satisfies readonly (Labelled & { scope: 'none' | 'institution' | 'city' | 'province' | 'assignment' })[];
export type RoleCode = (typeof roleList)[number]['code'];
export const roles = indexVocabulary<RoleCode, (typeof roleList)[number]>(roleList);

/** Roles that are granted to people (everyone is a resident already; an institution's system holds an API key instead). */
export const grantableRoles = roles.codes.filter((code): code is Exclude<RoleCode, 'resident' | 'institution_system'> => code !== 'resident' && code !== 'institution_system');

/** A role bound to one institution: the roles its colleagues hold there, one each. */
export type InstitutionRoleCode = Extract<RoleCode, 'institution_manager' | 'institution_staff' | 'institution_instructor'>;
/** The institution's roles as its colleagues name them, most rights first. */
export const institutionRoleList = [
  { code: 'institution_manager', ko: '관리자', en: 'Manager' },
  { code: 'institution_staff', ko: '담당자', en: 'Staff' },
  { code: 'institution_instructor', ko: '강사', en: 'Instructor' },
] as const satisfies readonly Labelled<InstitutionRoleCode>[];
export const institutionRoles = indexVocabulary<InstitutionRoleCode, (typeof institutionRoleList)[number]>(institutionRoleList);

/** What happens to an institution's colleagues, as its log names it. */
export const colleagueChangeList = [
  { code: 'invited', ko: '초대', en: 'Invited' },
  { code: 'invitation_withdrawn', ko: '초대 취소', en: 'Invitation withdrawn' },
  { code: 'accepted', ko: '초대 수락', en: 'Invitation accepted' },
  { code: 'role_changed', ko: '역할 변경', en: 'Role changed' },
  { code: 'revoked', ko: '권한 회수', en: 'Access revoked' },
] as const satisfies readonly Labelled[];
export type ColleagueChange = (typeof colleagueChangeList)[number]['code'];
export const colleagueChanges = indexVocabulary<ColleagueChange, (typeof colleagueChangeList)[number]>(colleagueChangeList);

/** How long an invitation link works: a week, long enough for a holiday, short enough that a forgotten one lapses. */
export const INVITATION_LIFETIME_DAYS = 7;

/** Shortest password accepted at sign-up. */
export const PASSWORD_MIN_LENGTH = 10;
/** How long a password-reset link works: long enough to find the email, short enough that an old inbox is no key. */
export const PASSWORD_RESET_LIFETIME_MINUTES = 60;
/** Reset emails one account is sent per hour at most (more requests get the same answer and no email). */
export const PASSWORD_RESETS_PER_HOUR = 3;

/** Residents who teach (주민 강사), volunteer, or manage a dong learning centre (행복학습매니저). */
export const volunteerKindList = [
  { code: 'instructor', ko: '주민 강사', en: 'Community instructor' },
  { code: 'volunteer', ko: '학습 자원봉사자', en: 'Learning volunteer' },
  { code: 'learning_manager', ko: '행복학습매니저', en: 'Neighbourhood learning manager' },
] as const satisfies readonly Labelled[];
export type VolunteerKind = (typeof volunteerKindList)[number]['code'];
export const volunteerKinds = indexVocabulary<VolunteerKind, (typeof volunteerKindList)[number]>(volunteerKindList);
