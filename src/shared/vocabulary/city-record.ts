/**
 * What a city keeps on record about its lifelong learning system (the paper's five kinds of infrastructure,
 * domain.md §3): committees, ordinances, information systems.
 */
import { indexVocabulary, type Labelled } from './label.ts';

/** By law a 시·군·구 has a lifelong education council; many also run a promotion committee. */
export const committeeKindList = [
  { code: 'council', ko: '평생교육협의회', en: 'Lifelong education council' },
  { code: 'promotion_committee', ko: '평생교육진흥위원회', en: 'Promotion committee' },
  { code: 'steering_committee', ko: '평생학습도시 추진위원회', en: 'Learning city steering committee' },
  { code: 'working_group', ko: '실무협의회', en: 'Working group' },
] as const satisfies readonly Labelled[];
export type CommitteeKind = (typeof committeeKindList)[number]['code'];
export const committeeKinds = indexVocabulary<CommitteeKind, (typeof committeeKindList)[number]>(committeeKindList);

/** Where a committee member comes from: committees gather residents' and experts' opinions. */
export const memberSectorList = [
  { code: 'public_official', ko: '공무원', en: 'Public official' },
  { code: 'expert', ko: '전문가', en: 'Expert' },
  { code: 'institution', ko: '평생교육기관', en: 'Lifelong education institution' },
  { code: 'resident', ko: '주민 대표', en: 'Resident' },
  { code: 'council_member', ko: '지방의원', en: 'Local council member' },
] as const satisfies readonly Labelled[];
export type MemberSector = (typeof memberSectorList)[number]['code'];
export const memberSectors = indexVocabulary<MemberSector, (typeof memberSectorList)[number]>(memberSectorList);

export const memberRoleList = [
  { code: 'chair', ko: '위원장', en: 'Chair' },
  { code: 'vice_chair', ko: '부위원장', en: 'Vice-chair' },
  { code: 'member', ko: '위원', en: 'Member' },
] as const satisfies readonly Labelled[];
export type MemberRole = (typeof memberRoleList)[number]['code'];
export const memberRoles = indexVocabulary<MemberRole, (typeof memberRoleList)[number]>(memberRoleList);

/** The three ordinances the paper names. */
export const ordinanceKindList = [
  { code: 'promotion', ko: '평생학습도시 조성·진흥 조례', en: 'Learning city promotion ordinance' },
  { code: 'centre', ko: '평생학습관 설치·운영 조례', en: 'Lifelong learning centre ordinance' },
  { code: 'lifelong_education', ko: '평생교육 진흥 조례', en: 'Lifelong education ordinance' },
  { code: 'other', ko: '기타 평생교육 관련 조례', en: 'Other related ordinance' },
] as const satisfies readonly Labelled[];
export type OrdinanceKind = (typeof ordinanceKindList)[number]['code'];
export const ordinanceKinds = indexVocabulary<OrdinanceKind, (typeof ordinanceKindList)[number]>(ordinanceKindList);

/** Information infrastructure: "a homepage at least; some cities run a fuller learning information system". */
export const informationSystemList = [
  { code: 'portal', ko: '평생학습 홈페이지(포털)', en: 'Lifelong learning portal' },
  { code: 'online_courses', ko: '온라인 강좌', en: 'Online courses' },
  { code: 'registration', ko: '온라인 수강 신청', en: 'Online registration' },
  { code: 'learning_account', ko: '학습 이력 관리(학습계좌)', en: 'Learning record system' },
  { code: 'mobile_app', ko: '모바일 앱', en: 'Mobile app' },
  { code: 'open_data', ko: '공공데이터 개방', en: 'Open data' },
] as const satisfies readonly Labelled[];
export type InformationSystem = (typeof informationSystemList)[number]['code'];
export const informationSystems = indexVocabulary<InformationSystem, (typeof informationSystemList)[number]>(informationSystemList);

/** Sources of the lifelong learning budget. */
export const budgetSourceList = [
  { code: 'national', ko: '국비', en: 'National' },
  { code: 'provincial', ko: '도비·시비(광역)', en: 'Provincial' },
  { code: 'own', ko: '자체 예산', en: 'Own' },
] as const satisfies readonly Labelled[];
export type BudgetSource = (typeof budgetSourceList)[number]['code'];
export const budgetSources = indexVocabulary<BudgetSource, (typeof budgetSourceList)[number]>(budgetSourceList);
