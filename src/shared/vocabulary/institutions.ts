import { indexVocabulary, type Labelled } from './label.ts';

/** Kinds of lifelong-education institution (inferred from the paper and the Lifelong Education Act). */
export const institutionTypeList = [
  { code: 'lifelong_learning_centre', ko: '평생학습관', en: 'Lifelong learning centre' },
  { code: 'dong_learning_centre', ko: '행복학습센터', en: 'Neighbourhood learning centre' },
  { code: 'community_centre', ko: '주민자치센터', en: 'Community self-governance centre' },
  { code: 'library', ko: '공공도서관', en: 'Public library' },
  { code: 'university', ko: '대학 평생교육원', en: 'University lifelong education institute' },
  { code: 'school', ko: '학교', en: 'School' },
  { code: 'welfare_centre', ko: '복지관', en: 'Welfare centre' },
  { code: 'women_centre', ko: '여성회관', en: "Women's centre" },
  { code: 'culture_centre', ko: '문화원·문화센터', en: 'Cultural centre' },
  { code: 'multicultural_centre', ko: '가족센터', en: 'Family and multicultural centre' },
  { code: 'ngo', ko: '시민단체', en: 'Civic organisation' },
  { code: 'company', ko: '기업·경제단체', en: 'Company or business association' },
  { code: 'online_provider', ko: '온라인 교육기관', en: 'Online provider' },
] as const satisfies readonly Labelled[];
export type InstitutionType = (typeof institutionTypeList)[number]['code'];
export const institutionTypes = indexVocabulary<InstitutionType, (typeof institutionTypeList)[number]>(institutionTypeList);
