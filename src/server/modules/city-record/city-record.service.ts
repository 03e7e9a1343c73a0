/**
 * Use cases of the city's record: saving a year's figures and the items of its lists, each change logged
 * with before and after, and never over someone else's newer save (versions); the history of changes.
 */
import type {
  CityYearBody, CityYearRecord, CommitteeItem, CommitteeMeetingItem, LearningEvent, OrdinanceItem, RecordChange, StaffTrainingItem,
} from '../../../shared/contracts/city-record.ts';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import type { Locale } from '../../../shared/vocabulary/index.ts';
import { badRequest, conflict, HttpError, inCallersLanguage, notFound } from '../../platform/http/errors.ts';
import { recordLists, type ListFilter, type RecordList, type RecordListName } from './city-record.lists.ts';
import { buildRecordWorkbookOffThread, readRecordWorkbookOffThread, type ImportedRow } from './city-record.workbook.ts';
import * as queries from './city-record.queries.ts';

const staleMessage = (what: string) => ({
  ko: '다른 담당자가 먼저 저장했습니다. 새로 불러와 바뀐 내용을 본 뒤 다시 고쳐 주세요.',
  en: `Someone else saved this ${what} after you opened it. Reload to see their changes, then make yours again.`,
});

async function requireCity(db: Executor, cityCode: string) {
  if (!(await queries.cityExists(db, cityCode))) throw notFound('The city', 'code');
}

export async function yearRecord(db: Executor, cityCode: string, year: number): Promise<CityYearRecord> {
  await requireCity(db, cityCode);
  const record = await queries.findYear(db, cityCode, year);
  if (!record) throw notFound(`The record of ${year}`, 'year');
  return record;
}

export async function listYears(db: Executor, cityCode: string, page: PageRequest) {
  await requireCity(db, cityCode);
  return queries.listYears(db, cityCode, page);
}

/** Creates (version 0) or changes a year's figures. */
export async function saveYear(db: Executor, cityCode: string, year: number, body: CityYearBody, personId: number | null, action: 'update' | 'import' = 'update') {
  await requireCity(db, cityCode);
  const { version, ...figures } = body;
  validateYear(figures);
  await db.transaction(async (tx) => {
    const before = await queries.findYear(tx, cityCode, year);
    const saved = version === 0
      ? !before && (await queries.insertYear(tx, cityCode, year, figures, personId))
      : await queries.updateYear(tx, cityCode, year, version, figures, personId);
    if (!saved) throw conflict(staleMessage(`year's record`), 'version');
    await queries.logChange(tx, {
      cityCode, entity: 'year', entityKey: String(year), action: action === 'import' ? 'import' : before ? 'update' : 'create',
      changedBy: personId, before: before ? comparable(before) : null, after: figures,
    });
  });
  return yearRecord(db, cityCode, year);
}

function validateYear(figures: Omit<CityYearBody, 'version'>) {
  const budget = (figures.budgetNationalKrw ?? 0) + (figures.budgetProvincialKrw ?? 0) + (figures.budgetOwnKrw ?? 0);
  if (figures.cityTotalBudgetKrw !== null && budget > figures.cityTotalBudgetKrw) {
    throw badRequest({ ko: '평생교육 예산이 시·군·구 총예산보다 클 수 없습니다.', en: 'The lifelong learning budget cannot be larger than the city’s total budget.' }, 'cityTotalBudgetKrw');
  }
  if (figures.certifiedEducators !== null && figures.dedicatedStaff !== null && figures.certifiedEducators > figures.dedicatedStaff) {
    throw badRequest({
      ko: '평생교육사는 전담 인력에 포함되므로 전담 인력보다 많을 수 없습니다.',
      en: 'Certified lifelong educators are counted among the dedicated staff, so there cannot be more of them.',
    }, 'certifiedEducators');
  }
}

// ---- Lists ------------------------------------------------------------------------------------------

export async function listItems(db: Executor, list: RecordList, cityCode: string, filter: ListFilter, page: PageRequest) {
  await requireCity(db, cityCode);
  return queries.listItems(db, list, cityCode, filter, page);
}

/** Checks what the schema cannot: dates in order, a committee and a dong of the same city. */
async function validateItem(db: Executor, list: RecordList, cityCode: string, item: Record<string, unknown>) {
  if (list.inCommittee && item.committeeId !== undefined
    && !(await queries.findItem(db, recordLists.committees, cityCode, item.committeeId as number))) {
    throw badRequest({ ko: '이 도시의 위원회가 아닙니다.', en: 'That committee is not one of this city’s.' }, 'committeeId');
  }
  if (typeof item.dongCode === 'string' && !(await queries.dongBelongsTo(db, item.dongCode, cityCode))) {
    throw badRequest({ ko: '이 도시의 읍·면·동이 아닙니다.', en: 'That dong is not in this city.' }, 'dongCode');
  }
  const proposalIds = (item.proposalIds ?? []) as number[];
  if (proposalIds.length > 0 && (await queries.countCityProposals(db, proposalIds, cityCode)) < proposalIds.length) {
    throw badRequest({ ko: '논의한 제안 중 이 도시의 제안이 아닌 것이 있습니다.', en: 'One of the discussed proposals is not one of this city’s.' }, 'proposalIds');
  }
  const surveyYears = (item.surveyYears ?? []) as number[];
  if (surveyYears.length > 0 && (await queries.countCityNeedsSurveys(db, surveyYears, cityCode)) < surveyYears.length) {
    throw badRequest({ ko: '논의한 학습요구조사 연도 중 이 도시가 조사하지 않은 해가 있습니다.', en: 'The city has no needs survey for one of the discussed survey years.' }, 'surveyYears');
  }
  const inOrder = (first: string, then: string) => {
    const a = item[first];
    const b = item[then];
    if (typeof a === 'string' && typeof b === 'string' && b < a) throw badRequest({ ko: `${then}: ${first}보다 앞설 수 없습니다.`, en: `${then} must not be before ${first}.` }, then);
  };
  inOrder('startsOn', 'endsOn');
  inOrder('enactedOn', 'lastAmendedOn');
  inOrder('enactedOn', 'repealedOn');
  inOrder('joinedOn', 'leftOn');
}

export async function createItem(db: Executor, list: RecordList, cityCode: string, body: Record<string, unknown>, personId: number | null, action: 'create' | 'import' = 'create') {
  await requireCity(db, cityCode);
  return db.transaction(async (tx) => {
    await validateItem(tx, list, cityCode, body);
    const created = await queries.insertItem(tx, list, { ...(list.toColumns?.(body) ?? body), cityCode });
    await queries.logChange(tx, { cityCode, entity: list.entity, entityKey: String(created.id), action, changedBy: personId, before: null, after: comparable(created) });
    return created;
  });
}

export async function updateItem(db: Executor, list: RecordList, cityCode: string, id: number, body: Record<string, unknown>, personId: number | null, action: 'update' | 'import' = 'update') {
  await requireCity(db, cityCode);
  const { version, ...changes } = body as { version: number } & Record<string, unknown>;
  return db.transaction(async (tx) => {
    const before = await queries.findItem(tx, list, cityCode, id);
    if (!before) throw notFound(`The ${list.entity}`, 'id');
    await validateItem(tx, list, cityCode, { ...before, ...changes });
    const after = await queries.updateItem(tx, list, cityCode, id, version, list.toColumns?.(changes, before) ?? changes);
    if (!after) throw conflict(staleMessage(list.entity), 'version');
    await queries.logChange(tx, { cityCode, entity: list.entity, entityKey: String(id), action, changedBy: personId, before: comparable(before), after: comparable(after) });
    return after;
  });
}

export async function deleteItem(db: Executor, list: RecordList, cityCode: string, id: number, personId: number | null) {
  await requireCity(db, cityCode);
  await db.transaction(async (tx) => {
    const removed = await queries.deleteItem(tx, list, cityCode, id);
    if (!removed) throw notFound(`The ${list.entity}`, 'id');
    await queries.logChange(tx, { cityCode, entity: list.entity, entityKey: String(id), action: 'delete', changedBy: personId, before: comparable(removed), after: null });
  });
}

// ---- History ----------------------------------------------------------------------------------------

/** What a change log compares: the item's own fields, not its bookkeeping. */
function comparable(row: Record<string, unknown>): Record<string, unknown> {
  const { version: _v, updatedAt: _u, updatedByName: _n, createdAt: _c, cityCode: _city, year: _y, id: _id, ...fields } = row;
  return fields;
}

export function fieldChanges(before: unknown, after: unknown): RecordChange['changes'] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields
    .filter((field) => JSON.stringify(a[field] ?? null) !== JSON.stringify(b[field] ?? null))
    .map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
}

export async function history(db: Executor, cityCode: string, filter: { entity?: string }, page: PageRequest) {
  await requireCity(db, cityCode);
  const changes = await queries.listChanges(db, cityCode, filter, page);
  return {
    ...changes,
    items: changes.items.map(({ before, after, ...change }) => ({ ...change, changes: fieldChanges(before, after) })),
  };
}

// ---- Workbook ---------------------------------------------------------------------------------------

export async function recordWorkbook(db: Executor, cityCode: string, cityName: string): Promise<Buffer> {
  await requireCity(db, cityCode);
  const years = (await queries.listYears(db, cityCode, { page: 1, pageSize: 1000 })).items;
  const lists = Object.fromEntries(await Promise.all(
    (Object.keys(recordLists) as RecordListName[]).map(async (name) => [name, await queries.allItems(db, recordLists[name], cityCode)] as const),
  )) as unknown as Record<RecordListName, Record<string, unknown>[]>;
  return buildRecordWorkbookOffThread({ cityName, years, lists });
}

/** Checks an uploaded workbook; a 400 lists every problem by sheet, row and column, and nothing is written. */
export async function checkImport(file: Buffer, locale: Locale): Promise<ImportedRow[]> {
  const { rows, problems } = await readRecordWorkbookOffThread({ file, locale });
  if (problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length - 1;
    const message = first.sheet
      ? { ko: `${first.sheet} ${first.row}행 ${first.column}: ${first.message}${more ? ` (그 밖에 ${more}곳)` : ''}`,
        en: `${first.sheet}, row ${first.row}, ${first.column}: ${first.message}${more ? ` (and ${more} more)` : ''}` }
      : inCallersLanguage(first.message);
    throw new HttpError(400, 'validation', message, first.sheet ? `${first.sheet}!${first.column}` : 'file', { problems: problems.slice(0, 100) });
  }
  return rows;
}

/** Writes checked rows, all or nothing: a row that conflicts with a newer save stops the whole import. */
export async function applyImport(db: AppDb, cityCode: string, rows: readonly ImportedRow[], personId: number, report: (done: number) => void) {
  await db.transaction(async (tx) => {
    for (const [i, row] of rows.entries()) {
      try {
        if (row.source === 'years') await saveYear(tx, cityCode, row.key!, row.body as CityYearBody, personId, 'import');
        else if (row.key === null) {
          const { version: _v, ...fields } = row.body;
          await createItem(tx, recordLists[row.source], cityCode, fields, personId, 'import');
        } else await updateItem(tx, recordLists[row.source], cityCode, row.key, row.body, personId, 'import');
      } catch (error) {
        if (error instanceof HttpError) {
          const words = typeof error.words === 'string' ? { ko: error.words, en: error.words } : error.words;
          throw new HttpError(error.statusCode, error.code, { ko: `${row.sheet} ${row.row}행: ${words.ko}`, en: `${row.sheet}, row ${row.row}: ${words.en}` }, error.field);
        }
        throw error;
      }
      report(i + 1);
    }
  });
}

/** Everything the annual report shows of the record: every year's figures, the lists, the year's items. */
export async function recordForReport(db: Executor, cityCode: string, year: number) {
  await requireCity(db, cityCode);
  const all = <T,>(name: RecordListName) => queries.allItems(db, recordLists[name], cityCode) as unknown as Promise<T[]>;
  const inYear = (date: unknown) => typeof date === 'string' && date.startsWith(`${year}-`);
  const [years, committees, meetings, ordinances, trainings, events] = await Promise.all([
    queries.listYears(db, cityCode, { page: 1, pageSize: 100 }),
    all<CommitteeItem>('committees'), all<CommitteeMeetingItem>('meetings'), all<OrdinanceItem>('ordinances'),
    all<StaffTrainingItem>('trainings'), all<LearningEvent>('events'),
  ]);
  return {
    years: [...years.items].sort((a, b) => a.year - b.year),
    committees,
    meetings: meetings.filter((m) => inYear(m.heldOn)),
    ordinances,
    trainings: trainings.filter((t) => inYear(t.heldOn)),
    events: events.filter((e) => inYear(e.startsOn)),
  };
}
