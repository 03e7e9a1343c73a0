import { indexVocabulary, type Labelled } from './label.ts';

/**
 * The areas of lifelong education (평생교육법 Art. 2) and NILE's 18 middle categories.
 * The Act's 2007/2009 text lists six areas; its current text adds adult career development.
 * Both versions are kept: programs record the taxonomy version they were classified under.
 */
export const taxonomyVersions = [
  { code: 'nile-2009', ko: '평생교육 6대 영역 (2009)', en: 'Six areas (2009)' },
  { code: 'act-current', ko: '평생교육 7대 영역 (현행법)', en: 'Seven areas (current Act)' },
] as const satisfies readonly Labelled[];
export type TaxonomyVersion = (typeof taxonomyVersions)[number]['code'];
export const currentTaxonomyVersion: TaxonomyVersion = 'nile-2009';

export const programAreaList = [
  {
    code: 'basic_literacy', ko: '기초문해교육', en: 'Basic literacy', versions: ['nile-2009', 'act-current'],
    subcategories: [
      { code: 'literacy', ko: '문자해득', en: 'Reading and writing' },
      { code: 'life_skills', ko: '기초생활기술', en: 'Everyday skills' },
      { code: 'literacy_account', ko: '문해학습계좌', en: 'Literacy learning account' },
    ],
  },
  {
    code: 'academic_credit', ko: '학력보완교육', en: 'Academic credit', versions: ['nile-2009', 'act-current'],
    subcategories: [
      { code: 'elementary', ko: '초등학력보완', en: 'Elementary level' },
      { code: 'secondary', ko: '중등학력보완', en: 'Secondary level' },
      { code: 'higher', ko: '고등학력보완', en: 'Higher education' },
    ],
  },
  {
    code: 'vocational', ko: '직업능력교육', en: 'Vocational', versions: ['nile-2009', 'act-current'],
    subcategories: [
      { code: 'job_preparation', ko: '직업준비', en: 'Preparing for work' },
      { code: 'certification', ko: '자격인증', en: 'Certificates' },
      { code: 'on_the_job', ko: '현직직무역량', en: 'On-the-job skills' },
    ],
  },
  {
    code: 'culture_arts', ko: '문화예술교육', en: 'Culture and arts', versions: ['nile-2009', 'act-current'],
    subcategories: [
      { code: 'leisure_sports', ko: '레저생활스포츠', en: 'Leisure and sports' },
      { code: 'everyday_arts', ko: '생활문화예술', en: 'Everyday arts and crafts' },
      { code: 'arts_advancement', ko: '문화예술향상', en: 'Fine and performing arts' },
    ],
  },
  {
    code: 'liberal_arts', ko: '인문교양교육', en: 'Liberal arts', versions: ['nile-2009', 'act-current'],
    subcategories: [
      { code: 'health_mind', ko: '건강심성', en: 'Health and wellbeing' },
      { code: 'functional_literacy', ko: '기능적소양', en: 'Languages and computing' },
      { code: 'humanities', ko: '인문학적교양', en: 'Humanities' },
    ],
  },
  {
    code: 'citizenship', ko: '시민참여교육', en: 'Citizenship participation', versions: ['nile-2009', 'act-current'],
    subcategories: [
      { code: 'civic_responsibility', ko: '시민책무성', en: 'Civic responsibility' },
      { code: 'civic_leadership', ko: '시민리더역량', en: 'Civic leadership' },
      { code: 'civic_activity', ko: '시민참여활동', en: 'Civic activity' },
    ],
  },
  {
    code: 'career_development', ko: '성인진로개발역량향상교육', en: 'Adult career development', versions: ['act-current'],
    subcategories: [{ code: 'career_design', ko: '진로설계', en: 'Career design' }],
  },
] as const;

export type ProgramAreaCode = (typeof programAreaList)[number]['code'];
export type ProgramSubcategoryCode = (typeof programAreaList)[number]['subcategories'][number]['code'];

export const programAreas = indexVocabulary<ProgramAreaCode, (typeof programAreaList)[number]>(programAreaList);

export const programSubcategoryList = programAreaList.flatMap((area) =>
  area.subcategories.map((sub) => ({ ...sub, area: area.code as ProgramAreaCode })),
) as readonly (Labelled<ProgramSubcategoryCode> & { area: ProgramAreaCode })[];
export const programSubcategories = indexVocabulary<ProgramSubcategoryCode, (typeof programSubcategoryList)[number]>(programSubcategoryList);

export function areasOf(version: TaxonomyVersion) {
  return programAreaList.filter((a) => (a.versions as readonly string[]).includes(version));
}
