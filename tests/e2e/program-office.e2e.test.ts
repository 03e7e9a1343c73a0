/**
 * Issue 10, item 1, in a real browser: the staff of Gwangmyeong's lifelong learning centre open their programs from
 * the menu, find one by its title, move its third session and its room (the two people enrolled are told), copy it
 * into the autumn term (추석 is skipped) and publish the copy, then cancel the original with a reason. Korean, by
 * keyboard where it matters, checked with axe and at 390 px.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { checkScreen as checkJourneyScreen, chromiumAvailable, logIn, openStage, type RunningServer, type Stage } from '../support/browser.ts';
import { todayInKorea } from '../support/clock.ts';
import { cancelProgram, changeNotices, copyIntoTerm, enrolResidents, moveThirdSessionAndRoom } from '../support/program-office.ts';

const TITLE = '동네 산책 사진 교실';

describe.skipIf(!chromiumAvailable)('an institution runs its programs from the back office', () => {
  let stage: Stage;
  let server: RunningServer;
  let page: Page;
  let programId: number;
  let learners: number[];

  beforeAll(async () => {
    stage = await openStage();
    ({ server } = stage);
    page = await stage.open('desktop');
    // The program as the staff published it last week, and two residents who enrolled (the enrolment tests cover how).
    const db = server.database.db;
    const staff = (await firstRow<{ institutionId: number }>(db, sql`
      SELECT g.institution_id AS "institutionId" FROM role_grants g JOIN people p ON p.id = g.person_id WHERE p.email = 'staff@example.com'`))!;
    const venues = await rows<{ id: number }>(db, sql`SELECT id FROM venues WHERE institution_id = ${staff.institutionId} AND seats >= 10 ORDER BY id`);
    expect(venues.length).toBeGreaterThanOrEqual(2);
    await logIn(page, server.url, 'staff@example.com');
    const created = await page.request.post(`${server.url}/api/programs`, {
      headers: { origin: server.url },
      data: {
        institutionId: staff.institutionId, venueId: venues[0]!.id, title: TITLE, description: '우리 동네를 걸으며 휴대전화로 사진을 찍고 함께 봅니다.',
        area: 'culture_arts', subcategory: 'everyday_arts', targetGroups: ['all'], mode: 'in_person', startsOn: addDays(todayInKorea(), 14),
        weekdays: ['tue', 'thu'], startTime: '10:00', endTime: '12:00', sessionCount: 6, capacity: 10, feeKrw: 0,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    programId = (await created.json() as { id: number }).id;
    learners = await enrolResidents(db, programId, [{ email: 'walker.one@example.com', name: '산책자1' }, { email: 'walker.two@example.com', name: '산책자2' }]);
  });
  afterAll(() => stage?.close());

  const checkScreen = (step: string) => checkJourneyScreen(page, 'program-office', step);

  it('finds the program in the institution’s list by its title', async () => {
    await page.getByRole('navigation', { name: '메뉴', exact: true }).getByRole('link', { name: '프로그램 관리' }).click();
    await page.getByRole('heading', { level: 1, name: '프로그램 관리' }).waitFor();
    await page.getByRole('button', { name: /^모집 중 \d+$/ }).waitFor();
    await page.getByLabel('제목으로 찾기').fill('산책 사진');
    await page.getByLabel('제목으로 찾기').press('Enter');
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await row.getByText('2/10명 · 대기 0').waitFor();
    await checkScreen('the list');
    await row.getByRole('link', { name: `편집: ${TITLE}` }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  });

  it('moves the third session a day later and changes the room; both people enrolled are told', async () => {
    await page.getByLabel('준비물·교재').fill('휴대전화, 편한 신발');
    await moveThirdSessionAndRoom(page, 2);
    const told = await changeNotices(server.database.db, programId);
    expect(told.map((n) => n.personId).sort()).toEqual([...learners].sort());
    expect(told[0]!.bodyKo).toContain(`3회차: `);
    expect(told[0]!.bodyKo).toContain('장소: ');
    await checkScreen('the editor');
  });

  it('copies it into the autumn term, skipping 추석, and publishes the copy', async () => {
    expect(await copyIntoTerm(page, '2027-09-07')).toBe('2027-09-21');
    await page.getByText(/공휴일이라 건너뛴 날: .*추석 전날.*추석 다음 날/).waitFor();
    await page.getByRole('button', { name: '저장하고 공개' }).click();
    await page.getByText('저장했습니다.', { exact: true }).waitFor();
    await page.getByText('모집 중', { exact: true }).first().waitFor();
  });

  it('cancels the original with a reason, by keyboard; the page then says why', async () => {
    await page.goto(`${server.url}/programs/${programId}/edit`);
    await cancelProgram(page, '강사 사정으로 이번 학기는 열지 않습니다.', 2);
    const cancelled = await rows<{ status: string }>(server.database.db, sql`SELECT status FROM enrolments WHERE program_id = ${programId}`);
    expect(cancelled.map((e) => e.status)).toEqual(['cancelled', 'cancelled']);
    await page.goto(`${server.url}/programs/${programId}`);
    await page.getByText('강사 사정으로 이번 학기는 열지 않습니다.').waitFor();
    await checkScreen('the cancelled program’s page');
  });
});
