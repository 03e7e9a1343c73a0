import type { Labelled } from './label.ts';

/**
 * The Korean Standard Classification of Occupations (한국표준직업분류, KSCO) as programs are tagged with it:
 * major groups (대분류, one character) and sub-major groups (중분류, two), by revision. A tag stores the revision
 * beside the code, so a program tagged under one revision keeps its meaning when the next one is added here.
 * Minor groups (소분류) are not listed yet: see docs/decisions/033-learning-to-jobs.md for the sources and why.
 */
export const kscoVersions = [
  { code: 'ksco-7', ko: '한국표준직업분류 제7차 개정 (2017)', en: 'KSCO, 7th revision (2017)' },
] as const satisfies readonly Labelled[];
export type KscoVersion = (typeof kscoVersions)[number]['code'];
/** How many occupation groups and certificates one program may name (a course prepares for a few jobs, not all). */
export const MAX_OCCUPATIONS = 10;
export const MAX_CERTIFICATES = 10;

/** The revision new tags are made under. */
export const currentKscoVersion: KscoVersion = 'ksco-7';

export interface OccupationGroup extends Labelled {
  readonly version: KscoVersion;
  /** The major group a sub-major group belongs to; null for a major group. */
  readonly parent: string | null;
}

type Row = readonly [code: string, ko: string, en: string];

const kscoSevenMajor: readonly Row[] = [
  ['1', '관리자', 'Managers'],
  ['2', '전문가 및 관련 종사자', 'Professionals and related workers'],
  ['3', '사무 종사자', 'Clerks'],
  ['4', '서비스 종사자', 'Service workers'],
  ['5', '판매 종사자', 'Sales workers'],
  ['6', '농림어업 숙련 종사자', 'Skilled agricultural, forestry and fishery workers'],
  ['7', '기능원 및 관련 기능 종사자', 'Craft and related trades workers'],
  ['8', '장치·기계 조작 및 조립 종사자', 'Equipment, machine operating and assembling workers'],
  ['9', '단순노무 종사자', 'Elementary workers'],
  ['A', '군인', 'Armed forces'],
];

const kscoSevenSubMajor: readonly Row[] = [
  ['11', '공공 기관 및 기업 고위직', 'Senior officials of public bodies and companies'],
  ['12', '행정·경영 지원 및 마케팅 관리직', 'Administration, business support and marketing managers'],
  ['13', '전문 서비스 관리직', 'Professional services managers'],
  ['14', '건설·전기 및 생산 관련 관리직', 'Construction, electricity and production managers'],
  ['15', '판매 및 고객 서비스 관리직', 'Sales and customer service managers'],
  ['21', '과학 전문가 및 관련직', 'Science professionals and related'],
  ['22', '정보 통신 전문가 및 기술직', 'ICT professionals and technicians'],
  ['23', '공학 전문가 및 기술직', 'Engineering professionals and technicians'],
  ['24', '보건·사회복지 및 종교 관련직', 'Health, social welfare and religion'],
  ['25', '교육 전문가 및 관련직', 'Education professionals and related'],
  ['26', '법률 및 행정 전문직', 'Legal and administrative professionals'],
  ['27', '경영·금융 전문가 및 관련직', 'Business and finance professionals and related'],
  ['28', '문화·예술·스포츠 전문가 및 관련직', 'Culture, arts and sports professionals and related'],
  ['31', '경영 및 회계 관련 사무직', 'Business and accounting clerks'],
  ['32', '금융 사무직', 'Finance clerks'],
  ['33', '법률 및 감사 사무직', 'Legal and audit clerks'],
  ['39', '상담·안내·통계 및 기타 사무직', 'Counselling, reception, statistics and other clerks'],
  ['41', '경찰·소방 및 보안 관련 서비스직', 'Police, fire-fighting and security services'],
  ['42', '돌봄·보건 및 개인 생활 서비스직', 'Care, health and personal services'],
  ['43', '운송 및 여가 서비스직', 'Transport and leisure services'],
  ['44', '조리 및 음식 서비스직', 'Cooking and food services'],
  ['51', '영업직', 'Sales representatives'],
  ['52', '매장 판매 및 상품 대여직', 'Shop sales and rental'],
  ['53', '통신 및 방문·노점 판매 관련직', 'Telephone, door-to-door and street sales'],
  ['61', '농·축산 숙련직', 'Skilled crop and livestock farming'],
  ['62', '임업 숙련직', 'Skilled forestry'],
  ['63', '어업 숙련직', 'Skilled fishery'],
  ['71', '식품 가공 관련 기능직', 'Food processing trades'],
  ['72', '섬유·의복 및 가죽 관련 기능직', 'Textile, clothing and leather trades'],
  ['73', '목재·가구·악기 및 간판 관련 기능직', 'Wood, furniture, instrument and signboard trades'],
  ['74', '금속 성형 관련 기능직', 'Metal forming trades'],
  ['75', '운송 및 기계 관련 기능직', 'Vehicle and machinery trades'],
  ['76', '전기 및 전자 관련 기능직', 'Electrical and electronics trades'],
  ['77', '정보 통신 및 방송장비 관련 기능직', 'ICT and broadcasting equipment trades'],
  ['78', '건설 및 채굴 관련 기능직', 'Construction and mining trades'],
  ['79', '기타 기능 관련직', 'Other trades'],
  ['81', '식품 가공 관련 기계 조작직', 'Food processing machine operators'],
  ['82', '섬유 및 신발 관련 기계 조작직', 'Textile and footwear machine operators'],
  ['83', '화학 관련 기계 조작직', 'Chemical machine operators'],
  ['84', '금속 및 비금속 관련 기계 조작직', 'Metal and non-metal machine operators'],
  ['85', '기계 제조 및 관련 기계 조작직', 'Machine manufacturing operators'],
  ['86', '전기 및 전자 관련 기계 조작직', 'Electrical and electronic machine operators'],
  ['87', '운전 및 운송 관련직', 'Drivers and transport'],
  ['88', '상하수도 및 재활용 처리 관련 기계 조작직', 'Water, sewage and recycling plant operators'],
  ['89', '목재·인쇄 및 기타 기계 조작직', 'Wood, printing and other machine operators'],
  ['91', '건설 및 광업 관련 단순 노무직', 'Construction and mining labourers'],
  ['92', '운송 관련 단순 노무직', 'Transport labourers'],
  ['93', '제조 관련 단순 노무직', 'Manufacturing labourers'],
  ['94', '청소 및 경비 관련 단순 노무직', 'Cleaning and security labourers'],
  ['95', '가사·음식 및 판매 관련 단순 노무직', 'Domestic, food and sales labourers'],
  ['99', '농림·어업 및 기타 서비스 단순 노무직', 'Agricultural, fishery and other service labourers'],
  ['A0', '군인', 'Armed forces'],
];

const groupsOf = (version: KscoVersion, major: readonly Row[], subMajor: readonly Row[]): OccupationGroup[] => [
  ...major.map(([code, ko, en]) => ({ version, code, ko, en, parent: null })),
  ...subMajor.map(([code, ko, en]) => ({ version, code, ko, en, parent: code.slice(0, 1) })),
];

export const occupationGroups: readonly OccupationGroup[] = groupsOf('ksco-7', kscoSevenMajor, kscoSevenSubMajor);

const byKey = new Map(occupationGroups.map((g) => [`${g.version}:${g.code}`, g]));

/** One group of a revision, or undefined for a code that revision does not have. */
export const occupationGroup = (version: string, code: string): OccupationGroup | undefined => byKey.get(`${version}:${code}`);

/** A revision's major groups, in the classification's order. */
export const majorGroups = (version: KscoVersion = currentKscoVersion) =>
  occupationGroups.filter((g) => g.version === version && g.parent === null);

/** The major group a code of any level falls under: its first character. */
export const majorOf = (code: string) => code.slice(0, 1);

/**
 * Everyday words people search by, pointing to the sub-major group whose jobs they name (바리스타 → 조리 및 음식
 * 서비스직). Our own search hints for the picker, not part of the classification; a word may point to one group only.
 */
const searchWords: Readonly<Record<string, readonly string[]>> = {
  '22': ['컴퓨터', '데이터', '소프트웨어', '프로그래머', '개발자', '코딩', '인공지능', '웹', '앱'],
  '28': ['디자인', '디자이너', '사진', '영상', '유튜브'],
  '31': ['회계', '세무', '경리', '전산회계'],
  '42': ['요양', '요양보호', '간병', '돌봄', '보육', '미용', '네일', '피부'],
  '44': ['바리스타', '커피', '요리', '한식', '양식', '조리사'],
  '71': ['제과', '제빵', '떡', '반찬'],
  '87': ['운전', '지게차', '택배', '버스'],
  '61': ['농사', '귀농', '원예', '텃밭'],
  '94': ['청소', '경비'],
};

const squeeze = (text: string) => text.toLowerCase().replace(/[\s·.,]/g, '');

/** Whether a group answers a search: by code, by its name or its major group's (spaces ignored), or by an everyday word. */
export function occupationMatches(group: OccupationGroup, search: string): boolean {
  const words = squeeze(search);
  if (words === '') return true;
  const major = group.parent === null ? undefined : occupationGroup(group.version, group.parent);
  return group.code.toLowerCase().startsWith(words)
    || [group.ko, group.en, major?.ko ?? '', major?.en ?? ''].some((name) => squeeze(name).includes(words))
    || (searchWords[group.code] ?? []).some((word) => word.includes(words) || words.includes(word));
}
