/**
 * Issue 10's "Done when", the back office part, in a real browser: the manager of Gwangmyeong's lifelong learning
 * centre invites a colleague (the email goes through the outbox), who accepts; the colleague downloads the template,
 * fills in 300 programs with two bad rows, checks the file and reads the report (a page at a time, and as a file),
 * fixes the file and imports it; then copies a program into the autumn term (추석 skipped), moves the room of the
 * program (the people enrolled are told) and cancels another with a reason. The manager makes an API key for the
 * centre's own system, copies it and revokes it. Every screen is checked with axe and at 390 px, the report in high
 * contrast too; each step's outcome takes the keyboard.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { DESKTOP, checkScreen, chromiumAvailable, launchBrowser, logIn, startServer, type RunningServer } from '../support/browser.ts';
import { todayInKorea } from '../support/clock.ts';
import { acceptInvitation, deliveredInvitation, sendInvitation, signUpFromInvitation, startMailroom, type Mailroom } from '../support/colleagues.ts';
import { cancelProgram, changeNotices, copyIntoTerm, enrolResidents, moveThirdSessionAndRoom } from '../support/program-office.ts';

const COLLEAGUE = 'import.colleague@example.com';
const PROGRAMS = 300;
/** The two bad rows (data rows, from 0): an area that is not one, and a time that is not. */
const BAD = { area: 49, time: 199 } as const;
const number = (k: number) => `IMP-${String(k + 1).padStart(3, '0')}`;

describe.skipIf(!chromiumAvailable)('a colleague imports a term of programs from a file and runs them', () => {
  let server: RunningServer;
  let browser: Browser;
  let mailroom: Mailroom;
  const contexts: BrowserContext[] = [];
  let manager: Page;
  let colleague: Page;
  let institutionId: number;
  let template: Buffer;

  /** The template filled with the programs: the example row's values, each row its own number and title; `bad` spoils two. */
  async function programsFile(bad: boolean): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as string[]);
    const example = sheet.getRow(2).values as ExcelJS.CellValue[];
    const at = (header: string) => headers.indexOf(header);
    for (let k = 0; k < PROGRAMS; k++) {
      const values = [...example];
      values[at('기관 프로그램 번호')] = number(k);
      values[at('제목')] = `동네 생활 영어 ${k + 1}반`;
      values[at('시작일')] = addDays(todayInKorea(), 14);
      values[at('정원')] = 10;
      values[at('상태')] = '공개';
      if (bad && k === BAD.area) values[at('분야')] = '요리';
      if (bad && k === BAD.time) values[at('시작 시간')] = '25:00';
      // Set as a list from the first column (the row's values list keeps an empty slot 0).
      sheet.getRow(k + 2).values = values.slice(1);
    }
    return { name: bad ? '프로그램 목록.xlsx' : '프로그램 목록 (고침).xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }

  /** Clicks a download link and returns the downloaded file's bytes. */
  async function download(page: Page, link: ReturnType<Page['getByRole']>): Promise<Buffer> {
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    return readFile((await file.path())!);
  }

  const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
  const programId = async (externalId: string) => (await firstRow<{ id: number }>(server.database.db, sql`
    SELECT id FROM programs WHERE institution_id = ${institutionId} AND external_id = ${externalId}`))!.id;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    mailroom = await startMailroom(server);
    const open = () => browser.newContext({ viewport: DESKTOP, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    contexts.push(await open(), await open());
    await contexts[0]!.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    [manager, colleague] = await Promise.all([contexts[0]!.newPage(), contexts[1]!.newPage()]);
    institutionId = (await firstRow<{ institutionId: number }>(server.database.db, sql`
      SELECT g.institution_id AS "institutionId" FROM role_grants g JOIN people p ON p.id = g.person_id WHERE p.email = 'staff@example.com'`))!.institutionId;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await mailroom?.close();
    await browser?.close();
    await server?.close();
  });

  it('the manager invites a colleague, who accepts from the emailed link', async () => {
    await logIn(manager, server.url, 'staff@example.com');
    await manager.goto(`${server.url}/institutions/${institutionId}/colleagues`);
    await manager.getByRole('heading', { level: 1, name: /^동료 · / }).waitFor();
    await sendInvitation(manager, COLLEAGUE, '담당자');
    const { link } = await deliveredInvitation(mailroom, server.url, COLLEAGUE);

    await colleague.goto(link);
    await signUpFromInvitation(colleague, COLLEAGUE, '오가람', '바다 연필 구름 시계');
    await acceptInvitation(colleague);
    await colleague.getByRole('status').filter({ hasText: /^이제 .+의 담당자입니다\.$/ }).waitFor();
  });

  it('the colleague reaches the import page from 프로그램 관리, and is told beside the field to choose a file, in either language', async () => {
    await colleague.getByRole('navigation', { name: '메뉴', exact: true }).getByRole('link', { name: '프로그램 관리' }).click();
    await colleague.getByRole('heading', { level: 1, name: '프로그램 관리' }).waitFor();
    // API keys are the managers' to make.
    expect(await colleague.getByRole('link', { name: 'API 키' }).count()).toBe(0);
    await colleague.getByRole('link', { name: '가져오기·내보내기' }).click();
    await colleague.getByRole('heading', { level: 1, name: '프로그램 가져오기·내보내기' }).waitFor();
    await checkScreen(colleague, 'program-import', 'the import page');

    await colleague.getByRole('button', { name: '먼저 확인하기' }).click();
    const field = colleague.getByLabel('가져올 파일 (엑셀 .xlsx 또는 CSV)');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await colleague.locator(`#${await field.getAttribute('aria-describedby')}`).textContent()).toBe('가져올 파일을 골라 주세요.');
    await colleague.getByRole('button', { name: 'English' }).click();
    await colleague.getByRole('heading', { level: 1, name: 'Import and export programs' }).waitFor();
    await colleague.getByRole('button', { name: 'Check first' }).click();
    await colleague.getByText('Choose a file to import.').waitFor();
    await checkScreen(colleague, 'program-import', 'no file, in English');
    await colleague.getByRole('button', { name: '한국어' }).click();
    await colleague.getByRole('heading', { level: 1, name: '프로그램 가져오기·내보내기' }).waitFor();
  });

  it('downloads the template, checks 300 programs with two bad rows and reads the report a page at a time and as a file', async () => {
    template = await download(colleague, colleague.getByRole('link', { name: '엑셀 서식 (.xlsx)' }));
    await colleague.getByLabel('가져올 파일 (엑셀 .xlsx 또는 CSV)').setInputFiles(await programsFile(true));
    await colleague.getByRole('button', { name: '먼저 확인하기' }).click();
    await colleague.getByRole('heading', { name: '확인 결과' }).waitFor();
    const summary = `${PROGRAMS}줄 중 문제 2건을 찾았습니다. 아무것도 쓰지 않았습니다. 파일을 고쳐 다시 확인해 주세요.`;
    await colleague.getByText(summary).waitFor();
    // The keyboard is on the report.
    expect(await focusedText(colleague)).toContain(summary);
    const report = colleague.getByRole('region', { name: '문제 목록' });
    const problems = await report.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 2).map((cell) => cell.textContent).join(' | ')));
    expect(problems).toEqual([`${BAD.area + 2} | 분야`, `${BAD.time + 2} | 시작 시간`]);
    await report.getByRole('row').filter({ hasText: '‘요리’' }).waitFor();
    await checkScreen(colleague, 'program-import', 'the report');

    const csv = (await download(colleague, colleague.getByRole('link', { name: '문제 목록 내려받기 (CSV)' }))).toString('utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('줄,열,내용');
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 2).join(','))).toEqual([`${BAD.area + 2},분야`, `${BAD.time + 2},시작 시간`]);
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load(await download(colleague, colleague.getByRole('link', { name: '문제 목록 내려받기 (Excel)' })) as unknown as ArrayBuffer);
    expect(xlsx.worksheets[0]!.rowCount).toBe(3);

    // In high contrast the report reads as well.
    await colleague.getByRole('button', { name: '고대비 화면' }).click();
    await colleague.locator('html[data-krds-mode="high-contrast"]').waitFor({ state: 'attached' });
    await checkScreen(colleague, 'program-import', 'the report in high contrast');
    await colleague.getByRole('button', { name: '고대비 화면' }).click();
    expect(await rows(server.database.db, sql`SELECT id FROM programs WHERE external_id LIKE 'IMP-%'`)).toEqual([]);
  });

  it('fixes the file, checks it again and imports it: 300 programs, each linked from the result', async () => {
    await colleague.getByLabel('가져올 파일 (엑셀 .xlsx 또는 CSV)').setInputFiles(await programsFile(false));
    await colleague.getByRole('heading', { name: '확인 결과' }).waitFor({ state: 'detached' });
    await colleague.getByRole('button', { name: '먼저 확인하기' }).click();
    // While the job runs, its phase by name and how far it has got.
    const progress = colleague.getByRole('progressbar');
    await progress.waitFor();
    expect(await progress.getAttribute('aria-label')).toMatch(/^(시작하는 중|파일 읽는 중|확인하고 쓰는 중|프로그램 목록 갱신 중)$/);
    const clean = `${PROGRAMS}줄 모두 문제가 없습니다. 가져오면 새로 ${PROGRAMS}개를 만들고, 0개를 고치고, 0개는 그대로 둡니다.`;
    await colleague.getByText(clean).waitFor();
    expect(await focusedText(colleague)).toContain(clean);
    await checkScreen(colleague, 'program-import', 'a clean check');

    await colleague.getByRole('button', { name: '이 파일 가져오기' }).focus();
    await colleague.keyboard.press('Enter');
    const imported = `가져왔습니다. 새로 만든 프로그램 ${PROGRAMS}개, 고친 프로그램 0개, 그대로인 프로그램 0개.`;
    await colleague.getByText(imported).waitFor();
    expect(await focusedText(colleague)).toContain(imported);
    const made = colleague.getByRole('region', { name: '만들거나 고친 프로그램' });
    expect(await made.getByRole('row').count()).toBe(21);
    await colleague.getByRole('button', { name: '2', exact: true }).click();
    await made.getByRole('rowheader', { name: '동네 생활 영어 21반' }).waitFor();
    await checkScreen(colleague, 'program-import', 'imported');
    expect((await firstRow<{ n: number }>(server.database.db, sql`
      SELECT count(*)::int AS n FROM programs WHERE institution_id = ${institutionId} AND external_id LIKE 'IMP-%' AND status = 'published'`))!.n).toBe(PROGRAMS);
  });

  it('copies an imported program into the autumn term (추석 skipped), moves its room (the people enrolled are told) and cancels another', async () => {
    const [first, second] = [await programId(number(0)), await programId(number(1))];
    const enrolled = await enrolResidents(server.database.db, first, [{ email: 'learner.a@example.com', name: '배움이1' }, { email: 'learner.b@example.com', name: '배움이2' }]);
    await enrolResidents(server.database.db, second, [{ email: 'learner.c@example.com', name: '배움이3' }]);

    await colleague.getByRole('button', { name: '1', exact: true }).click();
    await colleague.getByRole('link', { name: '동네 생활 영어 1반' }).click();
    await colleague.getByRole('heading', { level: 1, name: '동네 생활 영어 1반' }).waitFor();
    expect(await copyIntoTerm(colleague, '2027-09-07')).toBe('2027-09-21');
    await colleague.getByText(/공휴일이라 건너뛴 날: .*추석/).waitFor();

    await colleague.goto(`${server.url}/programs/${first}/edit`);
    await moveThirdSessionAndRoom(colleague, 2);
    const told = await changeNotices(server.database.db, first);
    expect(told.map((n) => n.personId).sort()).toEqual([...enrolled].sort());
    expect(told[0]!.bodyKo).toContain('장소: ');

    await colleague.goto(`${server.url}/programs/${second}/edit`);
    await cancelProgram(colleague, '신청자가 적어 다음 학기에 다시 엽니다.', 1);
    expect(await rows(server.database.db, sql`SELECT status FROM enrolments WHERE program_id = ${second}`)).toEqual([{ status: 'cancelled' }]);
    await checkScreen(colleague, 'program-import', 'cancelled');
  });

  it('the manager makes an API key for the centre’s system, copies it once, and revokes it', async () => {
    await manager.goto(`${server.url}/institutions/${institutionId}/office`);
    await manager.getByRole('link', { name: 'API 키' }).click();
    await manager.getByRole('heading', { level: 1, name: /^API 키 · / }).waitFor();
    await manager.getByText('아직 만든 API 키가 없습니다.').waitFor();
    // A key needs a name: the server says so beside the field.
    const name = manager.getByLabel('키 이름 (어느 시스템용인지)');
    await manager.getByRole('button', { name: 'API 키 만들기' }).click();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await manager.locator(`#${await name.getAttribute('aria-describedby')}`).textContent()).toBe('키 이름을 적어 주세요. 어느 시스템이 쓰는 키인지 알아볼 수 있게 합니다.');
    await name.fill('학사 관리 시스템');
    await name.press('Enter');
    await manager.getByText('‘학사 관리 시스템’ 키를 만들었습니다. 이 키는 지금 한 번만 보입니다.').waitFor();
    expect(await focusedText(manager)).toContain('한 번만 보입니다');
    const token = await manager.getByLabel('새 API 키').inputValue();
    expect(token).toMatch(/^lck_/);
    await manager.getByRole('button', { name: '키 복사' }).click();
    await manager.getByText('복사했습니다.', { exact: true }).waitFor();
    expect(await manager.evaluate(() => navigator.clipboard.readText())).toBe(token);
    const keys = manager.getByRole('region', { name: 'API 키 목록' });
    await keys.getByRole('row').filter({ hasText: '학사 관리 시스템' }).getByText('쓴 적 없음').waitFor();
    await checkScreen(manager, 'program-import', 'an API key made');
    await manager.getByRole('button', { name: '고대비 화면' }).click();
    await checkScreen(manager, 'program-import', 'an API key made, in high contrast');
    await manager.getByRole('button', { name: '고대비 화면' }).click();

    // The key works for the centre's system.
    const exported = await fetch(`${server.url}/api/institutions/${institutionId}/office/programs/export?format=csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(exported.status).toBe(200);
    expect(await exported.text()).toContain(number(0));

    await keys.getByRole('button', { name: '‘학사 관리 시스템’ 키 폐기' }).click();
    await manager.getByRole('button', { name: '폐기합니다' }).click();
    await manager.getByText('‘학사 관리 시스템’ 키를 폐기했습니다.').waitFor();
    await keys.getByRole('row').filter({ hasText: '학사 관리 시스템' }).getByText(/폐기$/).waitFor();
    expect(await manager.getByLabel('새 API 키').count()).toBe(0);
    const refused = await fetch(`${server.url}/api/institutions/${institutionId}/office/programs/export`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);
    await checkScreen(manager, 'program-import', 'an API key revoked');
  });
});
