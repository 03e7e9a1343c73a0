/**
 * Issue 10, item 3: programs in and out as files. The institution's staff download the template, upload CSV (UTF-8
 * or CP949) or Excel; every row is checked first and problems come back by row and column with nothing written; a
 * file is written whole; re-importing it changes nothing, a changed row goes through the editor's rules. Its own
 * systems do the same with an API key, which reaches no other route and no other institution, and stops when revoked.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedApiKey, ImportStatus } from '../../src/shared/contracts/program-import.ts';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { programFilePhases } from '../../src/shared/vocabulary/index.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe(`importing and exporting programs on ${testEngine()}`, () => {
  let t: TestApp;
  let staff: Client;
  let otherStaff: Client;
  let institutionId: number;
  let venue: { name: string; seats: number };
  const startsOn = addDays(todayInKorea(), 21);
  const base = () => `/api/institutions/${institutionId}/office/programs`;

  const header = '기관 프로그램 번호,제목,설명,분야,세부 분야,대상,방식,강의실,시작일,요일,시작 시간,끝 시간,회차,정원,수강료,강사,준비물,신청 방법,상태';
  const line = (n: string, changes: Partial<Record<'title' | 'capacity' | 'area' | 'startTime' | 'status', string>> = {}) => [
    n, changes.title ?? `수채화 교실 ${n}`, '물감과 붓으로 봄 풍경을 그려 봅니다. 처음이어도 괜찮습니다.', changes.area ?? '문화예술교육', '생활문화예술',
    '누구나, 어르신', '대면', venue.name, startsOn, '화, 목', changes.startTime ?? '10:00', '12:00', '8', changes.capacity ?? '10', '0', '김화가', '물감',
    '온라인 신청', changes.status ?? '공개',
  ].map((cell) => (cell.includes(',') ? `"${cell}"` : cell)).join(',');
  const csv = (lines: string[]) => Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`, 'utf8');

  async function run(client: Client, file: Buffer, options: { check?: boolean; type?: string; headers?: Record<string, string> } = {}) {
    const accepted = await client.request({
      method: 'POST', url: `${base()}/import${options.check ? '?check=true' : ''}`, payload: file,
      headers: { 'content-type': options.type ?? 'text/csv', ...options.headers },
    });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const { jobId } = accepted.json<{ jobId: string }>();
    for (let i = 0; i < 600; i++) {
      const status = (await client.request({ method: 'GET', url: `${base()}/imports/${jobId}`, headers: options.headers })).json<ImportStatus>();
      if (status.job.status === 'done') return { ...status.report!, jobId };
      if (status.job.status === 'failed') throw new Error(status.job.error ?? 'failed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the import did not finish');
  }
  const count = async (prefix: string) => (await firstRow<{ n: number }>(t.database.db,
    sql`SELECT count(*)::int AS n FROM programs WHERE institution_id = ${institutionId} AND external_id LIKE ${`${prefix}%`}`))!.n;

  beforeAll(async () => {
    t = await testApp();
    staff = await t.as('staff@example.com');
    institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    venue = (await t.anonymous.get(`/api/institutions/${institutionId}`)).json().venues.find((v: { seats: number }) => v.seats >= 20);
    const other = await firstRow<{ id: number }>(t.database.db, sql`SELECT id FROM institutions WHERE id <> ${institutionId} ORDER BY id LIMIT 1`);
    const [person] = await residents(t, 1);
    await t.database.db.execute(sql`INSERT INTO role_grants (person_id, role, institution_id) VALUES (${person!.personId}, 'institution_staff', ${other!.id})`);
    otherStaff = person!;
  });
  afterAll(async () => t?.close());

  it('offers the template with Korean headers, as Excel and CSV', async () => {
    const xlsx = await staff.get(`${base()}/template`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const headers = (workbook.worksheets[0]!.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['기관 프로그램 번호', '제목', '분야', '세부 분야', '대상', '방식', '강의실', '시작일', '요일', '회차', '정원', '수강료', '강사', '준비물', '신청 방법']));
    expect(workbook.worksheets[0]!.getRow(2).getCell(5).value).toBe('인문교양교육');
    const text = (await staff.get(`${base()}/template?format=csv`)).body;
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('기관 프로그램 번호,제목,영문 제목,설명');
  });

  it('reports bad rows by row and column and writes nothing; the fixed file is written whole; re-importing changes nothing', async () => {
    const bad = csv([line('A-1'), line('A-2', { area: '요리' }), line('A-3'), line('A-4', { startTime: '25:00' })]);
    const report = await run(staff, bad);
    expect(report).toMatchObject({ applied: false, created: 0, problemCount: 2 });
    expect(report.problems).toEqual([
      { row: 3, column: '분야', message: expect.stringContaining('‘요리’') },
      { row: 5, column: '시작 시간', message: expect.stringContaining('10:00') },
    ]);
    expect(await count('A-')).toBe(0);

    const good = csv([line('A-1'), line('A-2'), line('A-3'), line('A-4', { status: '작성 중' })]);
    expect(await run(staff, good, { check: true })).toMatchObject({ applied: false, created: 4, problemCount: 0 });
    expect(await count('A-')).toBe(0);
    const written = await run(staff, good);
    expect(written).toMatchObject({ applied: true, created: 4, updated: 0, unchanged: 0 });
    expect(await count('A-')).toBe(4);
    // The report links each new program by its id.
    const made = await t.database.db.execute(sql`SELECT id, external_id AS "externalId", title FROM programs WHERE external_id LIKE 'A-%' ORDER BY external_id`) as unknown as { rows: object[] };
    expect(written.programs).toEqual(made.rows.map((p) => ({ ...p, outcome: 'created' })));
    const drafts = await firstRow<{ n: number; sessions: number }>(t.database.db, sql`
      SELECT count(*) FILTER (WHERE status = 'draft')::int AS n, (SELECT count(*)::int FROM program_sessions s JOIN programs p ON p.id = s.program_id WHERE p.external_id = 'A-1' AND p.institution_id = ${institutionId}) AS sessions
      FROM programs WHERE institution_id = ${institutionId} AND external_id LIKE 'A-%'`);
    expect(drafts).toEqual({ n: 1, sessions: 8 });

    const versions = async () => (await t.database.db.execute(sql`SELECT external_id, version, updated_at::text FROM programs WHERE external_id LIKE 'A-%' ORDER BY external_id`) as unknown as { rows: unknown[] }).rows;
    const before = await versions();
    expect(await run(staff, good)).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 4 });
    expect(await versions()).toEqual(before);
  });

  it('updates a changed row through the editor’s rules: a new version, and no class smaller than its enrolments', async () => {
    await run(staff, csv([line('B-1', { capacity: '5' })]));
    const { id, version } = (await firstRow<{ id: number; version: number }>(t.database.db, sql`SELECT id, version FROM programs WHERE external_id = 'B-1'`))!;
    for (const person of await residents(t, 3)) expect((await person.post(`/api/programs/${id}/enrolment`)).statusCode).toBeLessThan(300);
    const smaller = await run(staff, csv([line('B-1', { capacity: '2' }), line('B-2')]));
    expect(smaller).toMatchObject({ applied: false, problemCount: 1 });
    expect(smaller.problems[0]).toMatchObject({ row: 2, column: '정원', message: expect.stringContaining('3명') });
    expect(await count('B-2')).toBe(0);
    expect(await run(staff, csv([line('B-1', { capacity: '6', title: '수채화 교실 B-1 (저녁)' })])))
      .toMatchObject({ applied: true, updated: 1, programs: [{ id, externalId: 'B-1', title: '수채화 교실 B-1 (저녁)', outcome: 'updated' }] });
    expect(await firstRow(t.database.db, sql`SELECT version, capacity, title FROM programs WHERE id = ${id}`))
      .toEqual({ version: version + 1, capacity: 6, title: '수채화 교실 B-1 (저녁)' });
  });

  it('reads CSV saved as CP949, as Korean offices’ Excel saves it', async () => {
    const text = `${header}\r\n${line('C-1')}\r\n`;
    // Node has no CP949 encoder: every character here is a common Hangul syllable (EUC-KR rows B0–C8), found by decoding each pair.
    const decoder = new TextDecoder('euc-kr');
    const table = new Map<string, number[]>();
    for (let lead = 0xb0; lead <= 0xc8; lead++) {
      for (let trail = 0xa1; trail <= 0xfe; trail++) table.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
    }
    const bytes = [...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c) ?? (() => { throw new Error(`no EUC-KR for ${c}`); })()));
    const file = Buffer.from(bytes);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file)).toThrow();
    expect(await run(staff, file)).toMatchObject({ applied: true, created: 1 });
    expect(await firstRow(t.database.db, sql`SELECT title FROM programs WHERE external_id = 'C-1'`)).toEqual({ title: '수채화 교실 C-1' });
  });

  it('exports the institution’s programs in the same format: an exported workbook imports back unchanged', async () => {
    const exported = await staff.get(`${base()}/export`);
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.rowCount - 1;
    const total = (await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM programs WHERE institution_id = ${institutionId}`))!.n;
    expect(rows).toBe(total);
    const report = await run(staff, exported.rawPayload, { type: XLSX });
    expect(report).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: total, problemCount: 0 });
    const again = (await staff.get(`${base()}/export?format=csv`)).rawPayload;
    expect(await run(staff, again)).toMatchObject({ applied: true, unchanged: total });
  });

  it('lets the institution’s systems import and export with an API key: only here, only for it, until revoked', async () => {
    const made = await staff.post(`/api/institutions/${institutionId}/api-keys`, { name: '학사 관리 시스템' });
    expect(made.statusCode, made.body).toBe(201);
    const { token, key } = made.json<CreatedApiKey>();
    expect(token.startsWith(key.prefix)).toBe(true);
    const stored = await firstRow<{ tokenHash: string }>(t.database.db, sql`SELECT token_hash AS "tokenHash" FROM institution_api_keys WHERE id = ${key.id}`);
    expect(stored!.tokenHash).not.toContain(token.slice(4));
    const system = t.anonymous;
    const bearer = { authorization: `Bearer ${token}` };
    expect(await run(system, csv([line('D-1')]), { headers: bearer })).toMatchObject({ applied: true, created: 1 });
    expect((await system.request({ method: 'GET', url: `${base()}/export?format=csv`, headers: bearer })).body).toContain('D-1');
    // Nowhere else: not the office list, not another institution, not its own keys.
    expect((await system.request({ method: 'GET', url: `${base()}?pageSize=1`, headers: bearer })).statusCode).toBe(401);
    expect((await system.request({ method: 'GET', url: `/api/institutions/${institutionId}/api-keys`, headers: bearer })).statusCode).toBe(401);
    const other = await firstRow<{ id: number }>(t.database.db, sql`SELECT id FROM institutions WHERE id <> ${institutionId} ORDER BY id LIMIT 1`);
    expect((await system.request({ method: 'GET', url: `/api/institutions/${other!.id}/office/programs/export`, headers: bearer })).statusCode).toBe(403);
    const listed = (await staff.get(`/api/institutions/${institutionId}/api-keys`)).json<{ items: { id: number; lastUsedAt: string | null }[] }>();
    expect(listed.items.find((k) => k.id === key.id)!.lastUsedAt).not.toBeNull();
    expect((await staff.request({ method: 'DELETE', url: `/api/institutions/${institutionId}/api-keys/${key.id}` })).json().revokedAt).not.toBeNull();
    expect((await system.request({ method: 'GET', url: `${base()}/export`, headers: bearer })).statusCode).toBe(401);
    expect((await system.request({ method: 'GET', url: `${base()}/export`, headers: { authorization: 'Bearer lck_guess' } })).statusCode).toBe(401);
  });

  it('gives a check’s problems as a file (Excel or CSV, headed in the language asked), to the one who ran it only', async () => {
    const { jobId, phases } = await (async () => {
      const report = await run(staff, csv([line('F-1', { area: '요리' }), line('F-2'), line('F-3', { capacity: '-1' })]), { check: true });
      return { jobId: report.jobId, phases: (await staff.get(`${base()}/imports/${report.jobId}`)).json<ImportStatus>().job.phase };
    })();
    expect(programFilePhases.has(phases)).toBe(true);
    const problems = `${base()}/imports/${jobId}/problems`;
    const text = await staff.get(`${problems}?format=csv&lang=en`);
    expect(text.statusCode, text.body).toBe(200);
    expect(text.headers['content-type']).toContain('text/csv');
    const lines = text.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Row,Column,Problem');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['2,분야', '4,정원']);

    const xlsx = await staff.get(problems);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(['줄', '열', '내용']);
    expect(sheet.getRow(2).getCell(1).value).toBe(2);
    expect(String(sheet.getRow(2).getCell(3).value)).toContain('‘요리’');

    // Another institution's staff are refused by the matrix; a colleague of the same institution does not see another's job.
    expect((await otherStaff.get(problems)).statusCode).toBe(403);
    const [colleague] = await residents(t, 1);
    await t.database.db.execute(sql`INSERT INTO role_grants (person_id, role, institution_id) VALUES (${colleague!.personId}, 'institution_staff', ${institutionId})`);
    expect((await colleague!.get(problems)).statusCode).toBe(404);
    // Keys act for the whole institution: its managers make them, not its staff.
    expect((await colleague!.post(`/api/institutions/${institutionId}/api-keys`, { name: '학사 관리' })).statusCode).toBe(403);
    expect((await staff.get(`${problems}?format=pdf`)).statusCode).toBe(400);
  });

  it('refuses staff of another institution, officers and anonymous visitors', async () => {
    expect((await otherStaff.get(`${base()}/export`)).statusCode).toBe(403);
    expect((await otherStaff.request({ method: 'POST', url: `${base()}/import`, payload: csv([line('E-1')]), headers: { 'content-type': 'text/csv' } })).statusCode).toBe(403);
    expect((await otherStaff.post(`/api/institutions/${institutionId}/api-keys`, { name: 'x' })).statusCode).toBe(403);
    expect((await t.anonymous.get(`${base()}/template`)).statusCode).toBe(401);
    expect(await count('E-')).toBe(0);
  });
});
