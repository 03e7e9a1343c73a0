/**
 * The registry of indicators a learning city is judged by: the paper's performance measures in four areas
 * (domain.md §6) and its five kinds of infrastructure (§3). Each is computed per city per year from the
 * platform's own data (src/server/modules/indicators/indicator.formulas.ts holds the arithmetic, keyed by
 * these ids). Ids are stable: stored values and index weights refer to them.
 */
import { indexVocabulary, type Labelled } from './label.ts';

export const indicatorGroupList = [
  { code: 'quality_of_life', ko: '삶의 질', en: 'Quality of life', kind: 'performance' },
  { code: 'economy', ko: '경제', en: 'Economy', kind: 'performance' },
  { code: 'human_resources', ko: '인적자원 개발', en: 'Human resource development', kind: 'performance' },
  { code: 'social_integration', ko: '사회 통합', en: 'Social integration', kind: 'performance' },
  { code: 'budget', ko: '예산', en: 'Budget', kind: 'infrastructure' },
  { code: 'staff', ko: '인력', en: 'Staff', kind: 'infrastructure' },
  { code: 'organisation', ko: '조직', en: 'Organisation', kind: 'infrastructure' },
  { code: 'rules', ko: '제도', en: 'Rules', kind: 'infrastructure' },
  { code: 'information', ko: '정보 인프라', en: 'Information infrastructure', kind: 'infrastructure' },
] as const satisfies readonly (Labelled & { kind: 'performance' | 'infrastructure' })[];
export type IndicatorGroup = (typeof indicatorGroupList)[number]['code'];
export const indicatorGroups = indexVocabulary<IndicatorGroup, (typeof indicatorGroupList)[number]>(indicatorGroupList);
export const performanceAreas = indicatorGroupList.filter((g) => g.kind === 'performance').map((g) => g.code);
export const infrastructureDimensions = indicatorGroupList.filter((g) => g.kind === 'infrastructure').map((g) => g.code);

export const indicatorSourceList = [
  { code: 'programs', ko: '프로그램', en: 'Programs' },
  { code: 'enrolments', ko: '수강 신청·수료', en: 'Enrolments and completions' },
  { code: 'ratings', ko: '만족도 평가', en: 'Satisfaction ratings' },
  { code: 'study_groups', ko: '학습동아리', en: 'Study groups' },
  { code: 'volunteers', ko: '자원봉사자·주민 강사', en: 'Volunteers and community instructors' },
  { code: 'events', ko: '평생학습 행사', en: 'Learning events' },
  { code: 'city_record', ko: '도시 기록(예산·인력·조직·조례·정보)', en: "The city's record" },
  { code: 'population', ko: '인구(합성)', en: 'Population (synthetic)' },
] as const satisfies readonly Labelled[];
export type IndicatorSource = (typeof indicatorSourceList)[number]['code'];
export const indicatorSources = indexVocabulary<IndicatorSource, (typeof indicatorSourceList)[number]>(indicatorSourceList);

export interface IndicatorDefinition extends Labelled {
  group: IndicatorGroup;
  unit: { ko: string; en: string };
  /** +1: more is better; −1: less is better. */
  direction: 1 | -1;
  /** Divided by the city's population (so cities of any size compare). */
  perCapita: boolean;
  formula: { ko: string; en: string };
  sources: readonly IndicatorSource[];
  /** One of the measures the seed paper names for its area. */
  paper: boolean;
  decimals: number;
}

const per10k = { ko: '인구 1만 명당', en: 'per 10,000 residents' };
const per100k = { ko: '인구 10만 명당', en: 'per 100,000 residents' };
const percent = { ko: '%', en: '%' };
const count = { ko: '건', en: 'count' };

/** Programs offered in the year: published (not drafts, not cancelled) and starting in that year. */
const offered = { ko: '해당 연도에 시작한 프로그램(작성 중·폐강 제외)', en: 'programs starting in the year (not drafts or cancelled)' };

export const indicatorList = [
  // Quality of life: facilities, programs, study groups and their growth (the paper), plus participation.
  {
    code: 'facilities_per_10k', ko: '평생교육 시설', en: 'Lifelong education facilities', group: 'quality_of_life', unit: per10k,
    direction: 1, perCapita: true, paper: true, decimals: 2, sources: ['programs', 'population'],
    formula: { ko: `프로그램을 운영한 기관 수 ÷ 인구 × 10,000 (${offered.ko} 기준)`, en: `institutions that ran programs ÷ population × 10,000 (${offered.en})` },
  },
  {
    code: 'programs_per_10k', ko: '평생학습 프로그램', en: 'Lifelong learning programs', group: 'quality_of_life', unit: per10k,
    direction: 1, perCapita: true, paper: true, decimals: 1, sources: ['programs', 'population'],
    formula: { ko: `${offered.ko} 수 ÷ 인구 × 10,000`, en: `${offered.en} ÷ population × 10,000` },
  },
  {
    code: 'study_groups_per_10k', ko: '학습동아리', en: 'Study groups', group: 'quality_of_life', unit: per10k,
    direction: 1, perCapita: true, paper: true, decimals: 2, sources: ['study_groups', 'population'],
    formula: { ko: '연말 기준 활동 중인 학습동아리 수 ÷ 인구 × 10,000', en: 'active study groups at year end ÷ population × 10,000' },
  },
  {
    code: 'programs_growth_3y', ko: '프로그램 증가율(3년)', en: 'Growth in programs (3 years)', group: 'quality_of_life', unit: percent,
    direction: 1, perCapita: false, paper: true, decimals: 1, sources: ['programs'],
    formula: { ko: '(해당 연도 프로그램 수 ÷ 3년 전 프로그램 수 − 1) × 100', en: '(programs this year ÷ programs three years earlier − 1) × 100' },
  },
  {
    code: 'study_groups_growth_3y', ko: '학습동아리 증가율(3년)', en: 'Growth in study groups (3 years)', group: 'quality_of_life', unit: percent,
    direction: 1, perCapita: false, paper: true, decimals: 1, sources: ['study_groups'],
    formula: { ko: '(연말 활동 동아리 수 ÷ 3년 전 연말 동아리 수 − 1) × 100', en: '(active groups at year end ÷ three years earlier − 1) × 100' },
  },
  {
    code: 'participation_rate', ko: '주민 학습 참여율', en: 'Residents taking part', group: 'quality_of_life', unit: percent,
    direction: 1, perCapita: false, paper: false, decimals: 1, sources: ['enrolments'],
    formula: { ko: '해당 연도에 한 번 이상 수강 신청한 주민 ÷ 플랫폼에 가입한 주민 × 100', en: 'residents with an enrolment in the year ÷ residents registered on the platform × 100' },
  },
  {
    code: 'completion_rate', ko: '수료율', en: 'Completion rate', group: 'quality_of_life', unit: percent,
    direction: 1, perCapita: false, paper: false, decimals: 1, sources: ['enrolments'],
    formula: { ko: '수료 ÷ (수료 + 미수료) × 100 (해당 연도에 끝난 수강 기준)', en: 'completed ÷ (completed + not completed) × 100, for enrolments that ended in the year' },
  },
  {
    code: 'satisfaction', ko: '주민 만족도', en: "Residents' satisfaction", group: 'quality_of_life', unit: { ko: '점(5점 만점)', en: 'out of 5' },
    direction: 1, perCapita: false, paper: true, decimals: 2, sources: ['ratings'],
    formula: { ko: '해당 연도 만족도 평가의 전반적 만족도 평균(응답 5건 이상일 때)', en: 'mean overall satisfaction of the year’s ratings (from 5 responses on)' },
  },
  // Economy: start-ups, commercialisation of learning results and of programs (the paper), and jobs.
  {
    code: 'startup_programs_per_100k', ko: '창업 프로그램', en: 'Business start-up programs', group: 'economy', unit: per100k,
    direction: 1, perCapita: true, paper: true, decimals: 1, sources: ['programs', 'population'],
    formula: { ko: '목적이 ‘창업’인 프로그램 수 ÷ 인구 × 100,000', en: 'programs for business start-up ÷ population × 100,000' },
  },
  {
    code: 'commercialisation_programs_per_100k', ko: '학습 성과 사업화 프로그램', en: 'Commercialising learning results', group: 'economy', unit: per100k,
    direction: 1, perCapita: true, paper: true, decimals: 1, sources: ['programs', 'population'],
    formula: { ko: '목적이 ‘학습성과 사업화’인 프로그램 수 ÷ 인구 × 100,000', en: 'programs for commercialising learning results ÷ population × 100,000' },
  },
  {
    code: 'commercialised_programs', ko: '상품화된 학습 프로그램', en: 'Learning programs commercialised', group: 'economy', unit: count,
    direction: 1, perCapita: false, paper: true, decimals: 0, sources: ['city_record'],
    formula: { ko: '도시 기록: 해당 연도에 다른 기관·지역에 보급(유상)된 자체 개발 프로그램 수', en: "city record: the city's own programs licensed or sold to others in the year" },
  },
  {
    code: 'certificate_programs_per_100k', ko: '자격 취득 프로그램', en: 'Certificate programs', group: 'economy', unit: per100k,
    direction: 1, perCapita: true, paper: false, decimals: 1, sources: ['programs', 'population'],
    formula: { ko: '직업능력교육 중 ‘자격인증’ 프로그램 수 ÷ 인구 × 100,000 (평생교육과 일자리의 연계)', en: 'vocational certificate programs ÷ population × 100,000 (the link between learning and jobs)' },
  },
  // Human resource development: local leaders, volunteers, voluntary organisations (the paper), instructors.
  {
    code: 'local_leader_programs_per_100k', ko: '지역 리더 양성 프로그램', en: 'Local leader programs', group: 'human_resources', unit: per100k,
    direction: 1, perCapita: true, paper: true, decimals: 1, sources: ['programs', 'population'],
    formula: { ko: '목적이 ‘지역 리더 양성’인 프로그램 수 ÷ 인구 × 100,000', en: 'programs nurturing local leaders ÷ population × 100,000' },
  },
  {
    code: 'volunteers_per_10k', ko: '학습 자원봉사자', en: 'Learning volunteers', group: 'human_resources', unit: per10k,
    direction: 1, perCapita: true, paper: true, decimals: 2, sources: ['volunteers', 'population'],
    formula: { ko: '연말 기준 활동 중인 학습 자원봉사자·행복학습매니저 ÷ 인구 × 10,000', en: 'active learning volunteers and neighbourhood learning managers at year end ÷ population × 10,000' },
  },
  {
    code: 'voluntary_organisations_per_100k', ko: '자발적 평생학습 단체', en: 'Voluntary learning organisations', group: 'human_resources', unit: per100k,
    direction: 1, perCapita: true, paper: true, decimals: 2, sources: ['study_groups', 'population'],
    formula: { ko: '시민참여 영역에서 활동하는 학습동아리(자원 활동 단체) ÷ 인구 × 100,000', en: 'active study groups in citizenship participation (voluntary organisations) ÷ population × 100,000' },
  },
  {
    code: 'community_instructors_per_10k', ko: '주민 강사', en: 'Community instructors', group: 'human_resources', unit: per10k,
    direction: 1, perCapita: true, paper: false, decimals: 2, sources: ['volunteers', 'population'],
    formula: { ko: '연말 기준 활동 중인 주민 강사(학습 나눔이) ÷ 인구 × 10,000', en: 'active community instructors ("learning sharers") at year end ÷ population × 10,000' },
  },
  // Social integration: citizenship, the underprivileged, belonging (the paper), and free places.
  {
    code: 'citizenship_programs_per_100k', ko: '시민성 교육 프로그램', en: 'Citizenship programs', group: 'social_integration', unit: per100k,
    direction: 1, perCapita: true, paper: true, decimals: 1, sources: ['programs', 'population'],
    formula: { ko: '목적이 ‘시민성 함양’이거나 시민참여교육 영역인 프로그램 수 ÷ 인구 × 100,000', en: 'programs for citizenship (purpose or area) ÷ population × 100,000' },
  },
  {
    code: 'underprivileged_programs_per_100k', ko: '소외계층 프로그램', en: 'Programs for the underprivileged', group: 'social_integration', unit: per100k,
    direction: 1, perCapita: true, paper: true, decimals: 1, sources: ['programs', 'population'],
    formula: { ko: '목적이 ‘소외계층 지원’이거나 장애인·저소득층·다문화가족 대상인 프로그램 수 ÷ 인구 × 100,000', en: 'programs for the underprivileged (purpose, or for people with disabilities, low incomes or migrant families) ÷ population × 100,000' },
  },
  {
    code: 'belonging_programs_per_100k', ko: '공동체 소속감 프로그램', en: 'Programs for a sense of belonging', group: 'social_integration', unit: per100k,
    direction: 1, perCapita: true, paper: true, decimals: 1, sources: ['programs', 'population'],
    formula: { ko: '목적이 ‘공동체 소속감’인 프로그램 수 ÷ 인구 × 100,000', en: 'programs for a sense of belonging in the community ÷ population × 100,000' },
  },
  {
    code: 'free_seat_share', ko: '무료 정원 비율', en: 'Free places', group: 'social_integration', unit: percent,
    direction: 1, perCapita: false, paper: false, decimals: 1, sources: ['programs'],
    formula: { ko: '무료 프로그램 정원 ÷ 전체 정원 × 100', en: 'places in free programs ÷ all places × 100' },
  },
  // Infrastructure: budget.
  {
    code: 'budget_per_resident', ko: '주민 1인당 평생교육 예산', en: 'Lifelong learning budget per resident', group: 'budget', unit: { ko: '원', en: 'KRW' },
    direction: 1, perCapita: true, paper: false, decimals: 0, sources: ['city_record', 'population'],
    formula: { ko: '(국비 + 광역 + 자체 예산) ÷ 인구', en: '(national + provincial + own budget) ÷ population' },
  },
  {
    code: 'budget_share', ko: '평생교육 예산 비율', en: 'Share of the city budget', group: 'budget', unit: percent,
    direction: 1, perCapita: false, paper: false, decimals: 2, sources: ['city_record'],
    formula: { ko: '평생교육 예산 ÷ 시·군·구 총예산 × 100', en: 'lifelong learning budget ÷ total city budget × 100' },
  },
  {
    code: 'own_budget_share', ko: '자체 예산 비율', en: 'Own-source share', group: 'budget', unit: percent,
    direction: 1, perCapita: false, paper: false, decimals: 1, sources: ['city_record'],
    formula: { ko: '자체 예산 ÷ 평생교육 예산 × 100 (단체장의 의지)', en: "own budget ÷ lifelong learning budget × 100 (the mayor's will)" },
  },
  // Infrastructure: staff.
  {
    code: 'staff_per_100k', ko: '전담 인력', en: 'Dedicated staff', group: 'staff', unit: per100k,
    direction: 1, perCapita: true, paper: false, decimals: 2, sources: ['city_record', 'population'],
    formula: { ko: '평생학습 전담 인력 ÷ 인구 × 100,000', en: 'dedicated lifelong learning staff ÷ population × 100,000' },
  },
  {
    code: 'educators_per_100k', ko: '평생교육사', en: 'Certified lifelong educators', group: 'staff', unit: per100k,
    direction: 1, perCapita: true, paper: false, decimals: 2, sources: ['city_record', 'population'],
    formula: { ko: '평생교육사 자격을 가진 배치 인력 ÷ 인구 × 100,000', en: 'certified lifelong educators (평생교육사) in post ÷ population × 100,000' },
  },
  {
    code: 'training_hours_per_staff', ko: '전담 인력 연수 시간', en: 'Staff training hours', group: 'staff', unit: { ko: '시간/인', en: 'hours per person' },
    direction: 1, perCapita: false, paper: false, decimals: 1, sources: ['city_record'],
    formula: { ko: '해당 연도 연수의 (시간 × 참석 인원) 합 ÷ 전담 인력', en: 'Σ (hours × participants) of the year’s staff training ÷ dedicated staff' },
  },
  // Infrastructure: organisation (department, centres, committees, events).
  {
    code: 'dedicated_department', ko: '전담 부서', en: 'Dedicated department', group: 'organisation', unit: { ko: '있음=100', en: 'yes = 100' },
    direction: 1, perCapita: false, paper: false, decimals: 0, sources: ['city_record'],
    formula: { ko: '평생학습 전담 부서가 있으면 100, 없으면 0', en: '100 with a dedicated lifelong learning department, 0 without' },
  },
  {
    code: 'dong_centre_coverage', ko: '행복학습센터 설치율', en: 'Neighbourhood learning centre coverage', group: 'organisation', unit: percent,
    direction: 1, perCapita: false, paper: false, decimals: 1, sources: ['city_record'],
    formula: { ko: '읍·면·동 평생학습센터(행복학습센터) 수 ÷ 읍·면·동 수 × 100 (최대 100)', en: 'neighbourhood learning centres ÷ dongs × 100 (at most 100)' },
  },
  {
    code: 'committee_meetings', ko: '위원회 회의', en: 'Committee meetings', group: 'organisation', unit: { ko: '회', en: 'meetings' },
    direction: 1, perCapita: false, paper: false, decimals: 0, sources: ['city_record'],
    formula: { ko: '해당 연도에 열린 평생교육 위원회·협의회 회의 수', en: 'meetings of lifelong learning committees and councils held in the year' },
  },
  {
    code: 'learning_events', ko: '평생학습 행사', en: 'Learning events', group: 'organisation', unit: { ko: '회', en: 'events' },
    direction: 1, perCapita: false, paper: false, decimals: 0, sources: ['events'],
    formula: { ko: '해당 연도에 연 축제·세미나·포럼·발표회·전시회 수', en: 'festivals, seminars, forums, presentations and exhibitions held in the year' },
  },
  {
    code: 'event_attendance_per_1k', ko: '행사 참여', en: 'Event attendance', group: 'organisation', unit: { ko: '인구 1천 명당', en: 'per 1,000 residents' },
    direction: 1, perCapita: true, paper: false, decimals: 1, sources: ['events', 'population'],
    formula: { ko: '해당 연도 행사 참여 인원 합 ÷ 인구 × 1,000', en: 'attendance at the year’s events ÷ population × 1,000' },
  },
  // Infrastructure: rules and information.
  {
    code: 'ordinances_in_force', ko: '평생교육 조례', en: 'Ordinances in force', group: 'rules', unit: { ko: '종(3종 중)', en: 'of the 3 kinds' },
    direction: 1, perCapita: false, paper: false, decimals: 0, sources: ['city_record'],
    formula: { ko: '연말 기준 시행 중인 조례의 종류 수(평생학습도시 진흥·평생학습관·평생교육 진흥)', en: 'kinds of ordinance in force at year end (learning city promotion, centre, lifelong education)' },
  },
  {
    code: 'information_systems', ko: '정보 인프라', en: 'Information systems', group: 'information', unit: { ko: '종(6종 중)', en: 'of 6 kinds' },
    direction: 1, perCapita: false, paper: false, decimals: 0, sources: ['city_record'],
    formula: { ko: '운영 중인 정보 시스템의 종류 수(홈페이지, 온라인 강좌, 수강 신청, 학습 이력, 앱, 공공데이터)', en: 'kinds of information system in operation (portal, online courses, registration, learning record, app, open data)' },
  },
] as const satisfies readonly IndicatorDefinition[];

export type IndicatorId = (typeof indicatorList)[number]['code'];
export const indicators = indexVocabulary<IndicatorId, IndicatorDefinition & { code: IndicatorId }>(indicatorList);

/** Population bands for comparing a city with cities of its size. */
export const populationBandList = [
  { code: 'under_100k', ko: '인구 10만 미만', en: 'Under 100,000', min: 0, max: 100_000 },
  { code: '100k_300k', ko: '인구 10만~30만', en: '100,000–300,000', min: 100_000, max: 300_000 },
  { code: '300k_500k', ko: '인구 30만~50만', en: '300,000–500,000', min: 300_000, max: 500_000 },
  { code: 'over_500k', ko: '인구 50만 이상', en: '500,000 and over', min: 500_000, max: Infinity },
] as const satisfies readonly (Labelled & { min: number; max: number })[];
export type PopulationBand = (typeof populationBandList)[number]['code'];
export const populationBands = indexVocabulary<PopulationBand, (typeof populationBandList)[number]>(populationBandList);

export function populationBandOf(population: number): PopulationBand {
  return populationBandList.find((b) => population >= b.min && population < b.max)!.code;
}

/** Which cities a city is compared with. */
export const peerGroupList = [
  { code: 'all', ko: '전체 도시', en: 'All cities' },
  { code: 'kind', ko: '같은 유형(시·군·구)', en: 'Same kind (si, gun, gu)' },
  { code: 'population', ko: '비슷한 인구 규모', en: 'Similar population' },
] as const satisfies readonly Labelled[];
export type PeerGroup = (typeof peerGroupList)[number]['code'];
export const peerGroups = indexVocabulary<PeerGroup, (typeof peerGroupList)[number]>(peerGroupList);
