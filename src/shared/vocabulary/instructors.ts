import { indexVocabulary, type Labelled } from './label.ts';

/** Who keeps a profile in the city's pool: paid instructors (강사) and volunteers (자원봉사자, e.g. 학습매니저). */
export const instructorKindList = [
  { code: 'instructor', ko: '강사', en: 'Instructor' },
  { code: 'volunteer', ko: '자원봉사자', en: 'Volunteer' },
] as const satisfies readonly Labelled[];
export type InstructorKind = (typeof instructorKindList)[number]['code'];
export const instructorKinds = indexVocabulary<InstructorKind, (typeof instructorKindList)[number]>(instructorKindList);

/**
 * Certificates the pool is searched by: the national 평생교육사 grades (평생교육법 Art. 24) by code; any other
 * certificate is `other`, named in free text with its issuer and year.
 */
export const certificateKindList = [
  { code: 'lifelong_educator_1', ko: '평생교육사 1급', en: 'Lifelong educator, grade 1' },
  { code: 'lifelong_educator_2', ko: '평생교육사 2급', en: 'Lifelong educator, grade 2' },
  { code: 'lifelong_educator_3', ko: '평생교육사 3급', en: 'Lifelong educator, grade 3' },
  { code: 'other', ko: '기타 자격', en: 'Other certificate' },
] as const satisfies readonly Labelled[];
export type CertificateKind = (typeof certificateKindList)[number]['code'];
export const certificateKinds = indexVocabulary<CertificateKind, (typeof certificateKindList)[number]>(certificateKindList);

/** Limits of one profile, so a stranger's request stays small. */
export const INSTRUCTOR_LIMITS = { skills: 30, targetGroups: 11, certificates: 20, availability: 28, travelCities: 20, travelDongs: 60, bio: 1000 } as const;

/** The national 평생교육사 grades, which matching counts in a candidate's favour. */
export const LIFELONG_EDUCATOR: readonly CertificateKind[] = ['lifelong_educator_1', 'lifelong_educator_2', 'lifelong_educator_3'];
