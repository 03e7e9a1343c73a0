/**
 * Programs in and out as files: the template, the export, and the import. An import reads the file as a stream, a
 * batch of rows at a time: it checks each row's cells, then the row against the institution's data (its venues, the
 * enrolments of programs it changes), and writes the batch, all in one transaction, so the whole file or nothing is
 * written: any problem rolls it back, and reading and checking go on so that every problem is reported by row and column.
 * A row is matched on the institution's own number for the program; a row like the program already is changes
 * nothing, a changed row goes through the editor's rules (version, enrolments, telling the people in line), a new
 * row makes a draft or a published program as its status says. And the API keys its own systems do this with.
 */
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/auth/actor.ts';
import { hashSessionToken } from '../../platform/auth/session-cookie.ts';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import { problemHeadings, type ApiKey, type CreatedApiKey, type FileFormat, type ImportedProgramLink, type ImportProblem, type ImportReport } from '../../../shared/contracts/program-import.ts';
import type { ProgramEditBody, SessionInput } from '../../../shared/contracts/program-office.ts';
import type { Locale, ProgramFilePhase } from '../../../shared/vocabulary/index.ts';
import { sessionHours } from '../../../shared/lib/schedule.ts';
import { todayInKorea } from '../../platform/clock.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { HttpError, notFound } from '../../platform/http/errors.ts';
import { tableWorkbookOffThread } from '../../platform/documents/workbook.ts';
import type { ReportProgress } from '../../platform/jobs/jobs.ts';
import { institutionsModule } from '../institutions/index.ts';
import { programsModule } from '../programs/index.ts';
import {
  columns, csvFile, noteProblem, nothingFound, programsIn, writeProgramFileOffThread, type ImportedProgram, type ProgramFileRow,
} from './program-import.format.ts';
import { saveEdit } from './program-office.service.ts';
import * as queries from './program-office.queries.ts';

const { files } = programsModule;

async function institutionOf(db: Executor, id: number) {
  const institution = await institutionsModule.findInstitution(db, id);
  if (!institution) throw notFound('The institution', 'id');
  return institution;
}

/** An example row, so the template shows how each column is written. */
const example = (): ProgramFileRow => ({
  externalId: '2026-봄-001', title: '스마트폰 활용 기초', titleEn: 'Smartphone basics', description: '사진 찍기, 메시지 보내기, 지도 보기를 천천히 함께 배웁니다.',
  area: 'liberal_arts', subcategory: 'humanities', targetGroups: ['elderly'], purposeTags: [], mode: 'in_person', venueName: '',
  startsOn: todayInKorea(), weekdays: ['tue', 'thu'], startTime: '10:00', endTime: '12:00', sessionCount: 8, capacity: 20, feeKrw: 0,
  instructorName: '', materials: '스마트폰', registrationMode: 'online', registrationNote: '', enrolmentOpensOn: null, enrolmentClosesOn: null,
  creditType: 'none', credits: 0, minAge: null, maxAge: null, residentsFirst: false, status: 'draft',
});

export async function template(db: AppDb, institutionId: number, format: FileFormat): Promise<Buffer> {
  const venues = await institutionsModule.institutionVenues(db, await institutionOf(db, institutionId).then((i) => i.id));
  return writeProgramFileOffThread({ format, template: true, programs: [{ ...example(), venueName: venues[0]?.name ?? '' }] });
}

const asFileRow = (program: Awaited<ReturnType<typeof files.programsForFile>>[number]): ProgramFileRow => {
  const { id: _id, version: _version, programStatus: _status, endsOn: _endsOn, ...row } = program;
  return row;
};

export async function exportPrograms(db: AppDb, institutionId: number, format: FileFormat, progress?: ReportProgress): Promise<Buffer> {
  await institutionOf(db, institutionId);
  const programs = (await files.programsForFile(db, institutionId)).map(asFileRow);
  return writeProgramFileOffThread({ format, programs }, progress);
}

/** Whether the file's row says what the program already is (then the import leaves it alone). */
function sameAsStored(row: ProgramFileRow, stored: ProgramFileRow): boolean {
  return columns.every(({ key }) => JSON.stringify(row[key]) === JSON.stringify(stored[key]));
}

/** The row as the editor would send it, at the version stored; the stored sessions stay when the pattern did not move. */
function editBody(row: ImportedProgram, venueId: number | null, version: number, sessions: SessionInput[]): ProgramEditBody {
  const { externalId: _e, venueName: _v, startsOn: _s, sessionCount: _c, status, row: _row, sessionDates: _planned, ...terms } = row;
  return { ...terms, venueId, sessions, version, publish: status === 'published' };
}

const patternOf = (p: ProgramFileRow) => JSON.stringify([p.startsOn, p.weekdays, p.startTime, p.endTime, p.sessionCount]);

/** Thrown inside the import's transaction to undo every row written when any row has a problem. */
class RolledBack extends Error {}

/** An import that writes this many programs has changed the table enough to plan queries on it anew. */
const ANALYZE_AFTER = 5000;

/** The report names this many of the programs made or changed, to open from it (the counts are complete). */
const MAX_LISTED_PROGRAMS = 1000;

/** Rows are read, checked and their new programs written this many at a time: a file's rows are never all held. */
const WRITE_SLICE = 500;

export interface ImportInput {
  institutionId: number;
  file: Uint8Array;
  format: FileFormat;
  locale: Locale;
  /** Only check: every problem is found (the institution's data included), nothing is kept. */
  check: boolean;
}

export async function importPrograms(db: AppDb, input: ImportInput, report: ReportProgress): Promise<ImportReport> {
  const institution = await institutionOf(db, input.institutionId);
  const findings = nothingFound();
  const result: ImportReport = { rows: 0, problems: [], problemCount: 0, applied: false, created: 0, updated: 0, unchanged: 0, programs: [] };
  const listed = (link: ImportedProgramLink) => {
    if (result.programs.length < MAX_LISTED_PROGRAMS) result.programs.push(link);
  };
  const headerOf = (field: string | undefined) => {
    const key = field?.split('.')[0] === 'venueId' ? 'venueName' : field?.split('.')[0] === 'sessions' ? 'startsOn' : field?.split('.')[0];
    return columns.find((c) => c.key === key)?.header ?? '';
  };
  const problem = (row: number, error: unknown) => {
    if (!(error instanceof HttpError)) throw error;
    noteProblem(findings, { row, column: headerOf(error.field), message: error.toBody(input.locale).message });
  };
  const venues = await institutionsModule.institutionVenues(db, institution.id);
  const venueByName = new Map(venues.map((v) => [v.name.trim(), v]));
  const venueById = async (id: number) => venues.find((v) => v.id === id);
  const today = todayInKorea();
  // How far into the file reading has got, for the job's progress: rows read are not a share of a total not yet known.
  let reached: [number, number] = [0, 1];

  try {
    await db.transaction(async (tx) => {
      let created: Parameters<typeof files.insertProgramsWithSessions>[1] = [];
      const ids: number[] = [];
      // Written a batch at a time while every row so far is good; once one is not, only checking goes on (all is undone).
      const write = async () => {
        if (findings.problemCount === 0 && !input.check) {
          const made = await files.insertProgramsWithSessions(tx, created);
          ids.push(...made);
          for (const [k, id] of made.entries()) listed({ id, externalId: created[k]!.program.externalId, title: created[k]!.program.title, outcome: 'created' });
        }
        created = [];
      };
      report('reading' satisfies ProgramFilePhase, 0, 1);
      const file = { file: input.file, format: input.format, locale: input.locale };
      for await (const batch of programsIn(file, findings, WRITE_SLICE, (bytes, of) => (reached = [bytes, of]))) {
        const stored = new Map((await files.programsForFile(tx, institution.id, batch.map((r) => r.externalId))).map((p) => [p.externalId, p]));
        for (const read of batch) {
          // The program starts on its first session, which may come after the day the file names (the weekday, a holiday).
          const row = { ...read, startsOn: read.sessionDates[0]! };
          try {
            programsModule.checkTerms(row);
            const venue = row.venueName ? venueByName.get(row.venueName) : undefined;
            if (row.venueName && !venue) {
              throw new HttpError(400, 'invalid', {
                ko: `‘${row.venueName}’은(는) 이 기관의 장소가 아닙니다. 기관 정보에 등록한 장소 이름을 그대로 적어 주세요: ${venues.map((v) => v.name).join(', ')}`,
                en: `‘${row.venueName}’ is not one of this institution's venues: ${venues.map((v) => v.name).join(', ')}`,
              }, 'venueId');
            }
            const existing = stored.get(row.externalId);
            // As exported (the day it starts), or as first written (a day on or before its first session).
            if (existing && (sameAsStored(read, asFileRow(existing)) || sameAsStored(row, asFileRow(existing)))) {
              result.unchanged++;
              continue;
            }
            if (existing) {
              const sessions = [patternOf(read), patternOf(row)].includes(patternOf(asFileRow(existing)))
                ? (await programsModule.sessionsOf(tx, existing.id)).map((s) => ({ date: s.startsAt.slice(0, 10), startTime: s.startsAt.slice(11, 16), endTime: s.endsAt.slice(11, 16) }))
                : row.sessionDates.map((date) => ({ date, startTime: row.startTime, endTime: row.endTime }));
              await saveEdit(tx, existing.id, editBody(row, venue?.id ?? null, existing.version, sessions), venueById);
              result.updated++;
              listed({ id: existing.id, externalId: row.externalId, title: row.title, outcome: 'updated' });
              continue;
            }
            const place = await programsModule.placeOf(tx, { ...row, venueId: venue?.id ?? null }, institution, venueById);
            const { externalId, venueName: _v, status, row: _row, sessionDates, ...terms } = row;
            created.push({
              program: {
                ...terms, ...place, externalId, cityCode: institution.cityCode, institutionId: institution.id, status,
                titleEn: row.titleEn || null, instructorName: row.instructorName || null,
                startsOn: sessionDates[0]!, endsOn: sessionDates.at(-1)!, sessionCount: sessionDates.length,
                totalHours: Math.round(sessionDates.length * sessionHours(row.startTime, row.endTime) * 10) / 10,
                publishedAt: status === 'published' ? new Date() : null,
              },
              sessionDates,
            });
            result.created++;
          } catch (error) {
            problem(row.row, error);
          }
        }
        await write();
        report('checking' satisfies ProgramFilePhase, ...reached);
      }
      if (findings.problemCount > 0 || input.check) throw new RolledBack();
      report('cataloguing' satisfies ProgramFilePhase, 0, 1);
      await programsModule.refreshSearchIndex(tx, today, ids);
    });
    result.applied = true;
    if (result.created + result.updated >= ANALYZE_AFTER) await files.analyzePrograms(db);
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
    if (findings.problemCount > 0) result.created = 0;
    result.programs = [];
  }
  // Listed in the file's order: a row's cells are checked as it is read, its terms against the institution with its batch.
  const problems = findings.problems.sort((a, b) => a.row - b.row);
  return { ...result, rows: findings.rows, problems, problemCount: findings.problemCount };
}

/** An import's problems as a file, headed as the page heads them. */
export async function problemsFile(problems: ImportProblem[], format: FileFormat, lang: Locale): Promise<Buffer> {
  const words = problemHeadings[lang];
  const table = { title: words.title, columns: [words.row, words.column, words.message], rows: problems.map((p) => [p.row, p.column, p.message]) };
  return format === 'xlsx' ? tableWorkbookOffThread(table) : csvFile([table.columns, ...table.rows]);
}

// ------------------------------------------------------------------ API keys

const KEY_PREFIX = 'lck_';

export async function createApiKey(db: AppDb, actor: Actor, institutionId: number, name: string): Promise<CreatedApiKey> {
  await institutionOf(db, institutionId);
  const token = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = await queries.insertApiKey(db, { institutionId, name, prefix: token.slice(0, KEY_PREFIX.length + 6), tokenHash: hashSessionToken(token), createdBy: actor.personId });
  return { key: (await queries.apiKey(db, institutionId, id))!, token };
}

export async function listApiKeys(db: AppDb, institutionId: number, page: PageRequest) {
  await institutionOf(db, institutionId);
  return { ...(await queries.apiKeys(db, institutionId, page)), ...page };
}

export async function revokeApiKey(db: AppDb, actor: Actor, institutionId: number, keyId: number): Promise<ApiKey> {
  await queries.revokeApiKey(db, institutionId, keyId, actor.personId);
  const key = await queries.apiKey(db, institutionId, keyId);
  if (!key) throw notFound('The API key', 'keyId');
  return key;
}

/** Who calls with `Authorization: Bearer <key>`: the institution's own system, allowed only what the matrix gives it. */
export async function apiKeyActor(db: AppDb, token: string): Promise<Actor | null> {
  if (!token.startsWith(KEY_PREFIX)) return null;
  const key = await queries.useApiKey(db, hashSessionToken(token));
  if (!key) return null;
  const institution = (await institutionsModule.findInstitution(db, key.institutionId))!;
  return {
    // Jobs it starts belong to the colleague who made the key, who can follow them in the browser too.
    personId: key.createdBy, displayName: `API ${key.prefix}…`, email: '', locale: 'ko', homeCityCode: null,
    grants: [{
      role: 'institution_system', institutionId: key.institutionId, cityCode: null, provinceCode: null,
      institutionCityCode: institution.cityCode, scopeName: institution.name, scopeNameEn: institution.nameEn ?? institution.name,
    }],
  };
}
