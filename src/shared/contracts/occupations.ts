/** Learning to jobs (issue 13, item 7): vocational programs tagged with KSCO occupation groups and certificates. */
import Type, { type Static } from 'typebox';
import { kscoVersions, MAX_CERTIFICATES, MAX_OCCUPATIONS } from '../vocabulary/index.ts';
import { Code, Nullable, Page, PageQuery } from './common.ts';

export const KscoVersionCode = Code(kscoVersions.map((v) => v.code), 'Revision of the Korean Standard Classification of Occupations');
export const OccupationCode = Type.String({ pattern: '^[0-9A-Z]{1,2}$', description: 'A KSCO major (1 character) or sub-major (2) group code' });

export const OccupationTag = Type.Object({
  version: KscoVersionCode,
  code: Type.String(),
  ko: Type.String(),
  en: Type.String(),
});
export type OccupationTag = Static<typeof OccupationTag>;

export const Certificate = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100, description: 'The certificate as its issuer names it, e.g. 정보처리기능사' }),
  code: Nullable(Type.String({ pattern: '^[0-9A-Za-z-]{1,20}$', description: 'The issuer’s code for it (Q-Net 종목코드), if known' })),
});
export type Certificate = Static<typeof Certificate>;

export const ProgramJobs = Type.Object({
  programId: Type.Integer(),
  occupations: Type.Array(OccupationTag),
  certificates: Type.Array(Certificate),
});
export type ProgramJobs = Static<typeof ProgramJobs>;

export const ProgramJobsBody = Type.Object({
  version: KscoVersionCode,
  occupations: Type.Array(OccupationCode, { maxItems: MAX_OCCUPATIONS }),
  certificates: Type.Array(Certificate, { maxItems: MAX_CERTIFICATES }),
}, { additionalProperties: false });
export type ProgramJobsBody = Static<typeof ProgramJobsBody>;

export const JobCoursesQuery = Type.Object({
  ...PageQuery,
  major: Type.Optional(Type.String({ pattern: '^[1-9A]$', description: 'Only programs preparing for this KSCO major group' })),
}, { additionalProperties: false });

export const JobCourse = Type.Object({
  programId: Type.Integer(),
  title: Type.String(),
  institutionName: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  feeKrw: Type.Integer(),
  seatsLeft: Type.Integer(),
  occupations: Type.Array(OccupationTag),
  certificates: Type.Array(Type.String()),
});
export type JobCourse = Static<typeof JobCourse>;

export const GroupCount = Type.Object({ code: Type.String(), ko: Type.String(), en: Type.String(), count: Type.Integer() });

export const JobCourses = Type.Object({
  ...Page(JobCourse).properties,
  /** Open tagged programs of the city per major group (before the `major` filter), for the filter's choices. */
  groups: Type.Array(GroupCount),
});
export type JobCourses = Static<typeof JobCourses>;

export const OccupationCompletionsQuery = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'Programs that ended in this year' }),
  ...PageQuery,
}, { additionalProperties: false });

export const OccupationCompletions = Type.Object({
  ...Page(GroupCount).properties,
  year: Type.Integer(),
  /** Completions of the city's vocational programs that ended in the year, tagged or not. */
  vocationalCompletions: Type.Integer(),
  /** Of those, completions of programs tagged with no occupation. */
  untaggedCompletions: Type.Integer(),
});
export type OccupationCompletions = Static<typeof OccupationCompletions>;
