/**
 * Learning to jobs: the institution running a vocational program tags it with the KSCO occupation groups it
 * prepares for (under the current revision) and the certificates it leads to; residents find the city's open
 * tagged programs by major group; the city's officers count completions per major group for a year.
 */
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { Certificate, JobCourses, OccupationCompletions, OccupationTag, ProgramJobs, ProgramJobsBody } from '../../../shared/contracts/occupations.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { currentKscoVersion, kscoVersions, majorGroups, occupationGroup } from '../../../shared/vocabulary/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { geography } from '../geography/index.ts';
import { programsModule } from '../programs/index.ts';
import * as queries from './occupations.queries.ts';

const tagOf = (row: { version: string; code: string }): OccupationTag => {
  const group = occupationGroup(row.version, row.code)!;
  return { version: group.version, code: group.code, ko: group.ko, en: group.en };
};

/** Tags and certificates of the programs, by program. */
async function jobsOf(db: Executor, programIds: number[]) {
  const [tags, certificates] = await Promise.all([queries.tagsOf(db, programIds), queries.certificatesOf(db, programIds)]);
  const of = (id: number) => ({
    occupations: tags.filter((t) => t.programId === id).map(tagOf),
    certificates: certificates.filter((c) => c.programId === id).map(({ name, code }) => ({ name, code })),
  });
  return of;
}

export async function programJobs(db: Executor, actor: Actor | null, programId: number): Promise<ProgramJobs> {
  await programsModule.visibleProgram(db, actor, programId);
  return { programId, ...(await jobsOf(db, [programId]))(programId) };
}

function checkCodes(version: string, codes: string[]) {
  if (version !== currentKscoVersion) {
    const current = kscoVersions.find((v) => v.code === currentKscoVersion)!;
    throw badRequest({ ko: `새 태그는 ${current.ko} 기준으로만 붙입니다.`, en: `New tags use the ${current.en} only.` }, 'version');
  }
  const unknown = codes.find((code) => !occupationGroup(version, code));
  if (unknown !== undefined) {
    throw badRequest({ ko: `관련 직업: ${unknown}은(는) 한국표준직업분류에 없는 코드입니다.`, en: `Occupations: ${unknown} is not a KSCO group code.` }, 'occupations');
  }
  if (new Set(codes).size !== codes.length) {
    throw badRequest({ ko: '관련 직업: 같은 직업을 두 번 골랐습니다.', en: 'Occupations: the same occupation is chosen twice.' }, 'occupations');
  }
}

function cleanCertificates(certificates: Certificate[]): Certificate[] {
  const cleaned = certificates.map((c) => ({ name: c.name.trim(), code: c.code }));
  if (cleaned.some((c) => c.name === '')) {
    throw badRequest({ ko: '취득 가능 자격증: 이름이 비어 있는 자격증이 있습니다.', en: 'Certificates: one certificate has no name.' }, 'certificates');
  }
  if (new Set(cleaned.map((c) => c.name)).size !== cleaned.length) {
    throw badRequest({ ko: '취득 가능 자격증: 같은 자격증을 두 번 적었습니다.', en: 'Certificates: the same certificate is listed twice.' }, 'certificates');
  }
  return cleaned;
}

export async function tagProgram(db: AppDb, actor: Actor, programId: number, body: ProgramJobsBody): Promise<ProgramJobs> {
  await programsModule.managedProgram(db, actor, programId);
  checkCodes(body.version, body.occupations);
  const certificates = cleanCertificates(body.certificates);
  await db.transaction(async (tx) => {
    const program = await programsModule.lockForEnrolment(tx, programId);
    if (!program) throw notFound('The program', 'id');
    if (program.area !== 'vocational' && (body.occupations.length > 0 || certificates.length > 0)) {
      throw badRequest({
        ko: '관련 직업: 직업능력교육 영역의 프로그램만 직업과 자격증을 붙일 수 있습니다.',
        en: 'Occupations: only programs of the vocational area can be tagged with occupations and certificates.',
      }, 'occupations');
    }
    await queries.replaceTags(tx, programId, currentKscoVersion, body.occupations, certificates);
  });
  return programJobs(db, actor, programId);
}

async function requireCity(db: Executor, cityCode: string) {
  if (!(await geography.findMunicipality(db, cityCode))) throw notFound('The city', 'code');
}

/** Major groups with their counts, every group of the current revision listed (zero where none). */
const perMajor = (counts: { code: string; n: number }[]) => majorGroups().map((g) => ({
  code: g.code, ko: g.ko, en: g.en, count: counts.find((c) => c.code === g.code)?.n ?? 0,
}));

export async function jobCourses(db: Executor, cityCode: string, major: string | undefined, page: PageRequest): Promise<JobCourses> {
  await requireCity(db, cityCode);
  const today = todayInKorea();
  const [courses, counts] = await Promise.all([
    queries.openTaggedCourses(db, cityCode, today, major, page),
    queries.openTaggedByMajor(db, cityCode, today),
  ]);
  const of = await jobsOf(db, courses.items.map((c) => c.programId));
  return {
    ...courses,
    items: courses.items.map((c) => ({ ...c, occupations: of(c.programId).occupations, certificates: of(c.programId).certificates.map((x) => x.name) })),
    groups: perMajor(counts).filter((g) => g.count > 0),
  };
}

export async function occupationCompletions(db: Executor, cityCode: string, year: number, page: PageRequest): Promise<OccupationCompletions> {
  await requireCity(db, cityCode);
  const [counts, totals] = await Promise.all([queries.completionsByMajor(db, cityCode, year), queries.completionTotals(db, cityCode, year)]);
  const groups = perMajor(counts);
  const start = (page.page - 1) * page.pageSize;
  return {
    items: groups.slice(start, start + page.pageSize), total: groups.length, ...page,
    year, vocationalCompletions: totals.vocational, untaggedCompletions: totals.untagged,
  };
}
