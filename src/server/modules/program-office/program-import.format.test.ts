/**
 * The program file read back as written, at a size where ExcelJS's streaming reader cuts Korean characters at its
 * chunk boundaries (exceljs#2084): both the way the export writes a workbook (text in the sheet) and the way Excel
 * saves one (text in the shared strings). Also the batches the service walks through, read as they come.
 */
import { describe, expect, it } from 'vitest';
import { excel } from '../../platform/documents/workbook.ts';
import { columns, nothingFound, programsIn, writeProgramFile, type ImportedProgram, type ProgramFileRow } from './program-import.format.ts';

const ROWS = 3000;

/** Long Korean text in every row, so that chunk boundaries fall inside characters many times over. */
const programs = (): ProgramFileRow[] => Array.from({ length: ROWS }, (_, i) => ({
  externalId: `K-${i + 1}`, title: `한국어 서예와 다도 교실 ${i + 1}`, titleEn: '', description: `붓글씨의 기본 획부터 차례로 익히고, 차 우리는 법을 함께 배웁니다 (${i + 1}번).`,
  area: 'culture_arts', subcategory: 'everyday_arts', targetGroups: ['elderly', 'all'], purposeTags: [], mode: 'online', venueName: '',
  startsOn: '2027-03-02', weekdays: ['tue', 'thu'], startTime: '10:00', endTime: '12:00', sessionCount: 8, capacity: 20, feeKrw: 10_000,
  instructorName: '김서예', materials: '붓, 화선지', registrationMode: 'online', registrationNote: '', enrolmentOpensOn: null, enrolmentClosesOn: null,
  creditType: 'none', credits: 0, minAge: null, maxAge: null, residentsFirst: false, status: 'published',
}));

async function read(file: Uint8Array, format: 'csv' | 'xlsx') {
  const findings = nothingFound();
  const batches: ImportedProgram[][] = [];
  let reached = 0;
  for await (const batch of programsIn({ file, format, locale: 'ko' }, findings, 1000, (bytes, of) => (reached = bytes / of))) batches.push(batch);
  return { result: findings, batches: batches.map((batch) => batch.length), programs: batches.flat(), reached };
}

describe('reading the program file', { timeout: 60_000 }, () => {
  it('reads back every Korean character of a large workbook as the export writes it (text in the sheet)', async () => {
    const written = programs();
    const { result, batches, programs: read1, reached } = await read(await writeProgramFile({ format: 'xlsx', programs: written }, () => {}), 'xlsx');
    expect(result).toEqual({ rows: ROWS, problems: [], problemCount: 0 });
    expect(batches).toEqual([1000, 1000, 1000]);
    // The job's progress: how much of the sheet was read, the whole of it at the end.
    expect(reached).toBe(1);
    expect(read1.map((p) => [p.title, p.description, p.instructorName, p.materials])).toEqual(written.map((p) => [p.title, p.description, p.instructorName, p.materials]));
    // The sessions are planned as days at the row's times: Tue/Thu from 2 March 2027.
    expect(read1[0]!.sessionDates.slice(0, 3)).toEqual(['2027-03-02', '2027-03-04', '2027-03-09']);
  });

  it('reads back every Korean character of a large workbook as Excel saves it (shared strings)', async () => {
    const written = programs();
    const workbook = new (await excel()).Workbook();
    const sheet = workbook.addWorksheet('프로그램');
    sheet.addRow(columns.map((c) => c.header));
    const csv = (await writeProgramFile({ format: 'csv', programs: written }, () => {})).toString('utf8').replace(/^\uFEFF/, '');
    // The same cells as the CSV export, through Excel's in-memory writer, which keeps text as shared strings.
    const records = (await import('csv-parse/sync')).parse(csv) as string[][];
    for (const record of records.slice(1)) sheet.addRow(record);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(file.includes(Buffer.from('sharedStrings.xml'))).toBe(true);
    const { result, programs: read1 } = await read(file, 'xlsx');
    expect(result.problems).toEqual([]);
    expect(read1.map((p) => p.description)).toEqual(written.map((p) => p.description));
  });
});
