/**
 * Issue 13, item 7, in a real browser: the institution's staff tag their vocational course with the occupation it
 * prepares for (found in the picker by a word of its Korean name) and the certificate it leads to; a resident on a
 * 390 px phone finds it among Gwangmyeong's "courses that lead to jobs" under its occupation group and reads on its
 * page what it leads to; the city's officer reads the year's completions per occupation group in the console, as the
 * API counts them. Korean; each screen checked with axe in normal and high-contrast modes and for sideways scrolling.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { OccupationCompletions } from '../../src/shared/contracts/occupations.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { apiAs, chromiumAvailable, checkScreen, logIn, openStage, type Stage } from '../support/browser.ts';

const CITY = '31060';
const JOURNEY = 'learning-to-jobs';
const COURSE = '동네 식당 창업을 위한 한식 조리 과정';

describe.skipIf(!chromiumAvailable)('learning to jobs: staff tag, a resident finds, the officer counts', () => {
  let stage: Stage;
  let programId: number;
  let resident: Page;
  let staff: Page;
  let officer: Page;

  beforeAll(async () => {
    stage = await openStage();
    // Each in a browser of their own: one session each.
    [resident, staff, officer] = await Promise.all([stage.open('phone'), stage.open('desktop'), stage.open('desktop')]);
    const staffApi = await apiAs(stage.server, 'staff@example.com');
    const institutionId = (await staffApi('GET', '/api/auth/me')).json().grants[0].institutionId;
    const venueId = (await staffApi('GET', `/api/institutions/${institutionId}`)).json().venues.find((v: { seats: number }) => v.seats >= 20).id;
    const made = await staffApi('POST', '/api/programs', {
      institutionId, venueId, title: COURSE, description: '한식조리기능사 실기 과제를 익히며 작은 식당 창업을 준비하는 과정입니다.', area: 'vocational',
      subcategory: 'certification', targetGroups: ['all'], mode: 'in_person', startsOn: addDays(todayInKorea(), 21), weekdays: ['mon', 'wed'],
      startTime: '19:00', endTime: '21:00', sessionCount: 8, capacity: 20, feeKrw: 0,
    });
    expect(made.statusCode, made.body).toBe(201);
    programId = made.json().id;
  });
  afterAll(() => stage?.close());

  it('staff find the occupation by a word of its name, add the certificate and save', async () => {
    const { server } = stage;
    await logIn(staff, server.url, 'staff@example.com');
    await staff.goto(`${server.url}/programs/${programId}/edit`);
    const section = staff.getByRole('region', { name: '이어지는 직업과 자격증' });
    await section.getByLabel('직업 찾기 (이름 또는 번호)').fill('조리');
    const cooking = section.getByRole('checkbox', { name: /44 조리 및 음식 서비스직/ });
    await cooking.press('Space');
    expect(await cooking.isChecked()).toBe(true);
    await section.getByRole('button', { name: '자격증 추가' }).click();
    await section.getByLabel('자격증 이름 1').fill('한식조리기능사');
    await checkScreen(staff, JOURNEY, 'tagging the course');
    await section.getByRole('button', { name: '직업과 자격증 저장' }).click();
    await section.getByRole('status').filter({ hasText: '저장했습니다.' }).waitFor();
  });

  it('a resident on a phone finds the course under its occupation group and reads what it leads to', async () => {
    const { server } = stage;
    const page = resident;
    await logIn(page, server.url, 'resident@example.com');
    await page.goto(`${server.url}/cities/${CITY}`);
    await page.getByRole('link', { name: /일자리로 이어지는 강좌/ }).click();
    await page.getByRole('heading', { level: 1, name: '일자리로 이어지는 강좌' }).waitFor();
    const group = page.getByLabel('직업 대분류');
    const service = await group.locator('option', { hasText: '서비스 종사자' }).getAttribute('value');
    await group.selectOption(service!);
    await page.getByRole('link', { name: COURSE }).waitFor();
    await checkScreen(page, JOURNEY, 'courses that lead to jobs');
    await page.getByRole('link', { name: COURSE }).click();
    const leadsTo = page.getByRole('region', { name: '이 강좌로 이어지는 일' });
    await leadsTo.getByText('조리 및 음식 서비스직').waitFor();
    await leadsTo.getByText('한식조리기능사').waitFor();
    await checkScreen(page, JOURNEY, 'the course page');
  });

  it('the officer reads the year’s completions per occupation group beside the economy indicators', async () => {
    const { server } = stage;
    await logIn(officer, server.url, 'officer@example.com');
    await officer.goto(`${server.url}/cities/${CITY}/console/jobs`);
    const year = Number(await officer.getByLabel('연도').inputValue());
    const counts = (await (await apiAs(server, 'officer@example.com'))('GET', `/api/cities/${CITY}/occupation-completions?year=${year}`)).json<OccupationCompletions>();
    const table = officer.getByRole('table', { name: `${year}년 직업 대분류별 수료` });
    for (const group of counts.items.slice(0, 3)) {
      expect(await table.getByRole('row', { name: new RegExp(`^${group.code} ${group.ko}`) }).getByRole('cell').innerText()).toBe(group.count.toLocaleString('ko-KR'));
    }
    await officer.getByText(`직업능력교육 수료 모두 ${counts.vocationalCompletions}명`, { exact: false }).waitFor();
    await officer.getByRole('table', { name: /경제 영역 지표/ }).getByRole('rowheader', { name: '창업 프로그램' }).waitFor();
    await checkScreen(officer, JOURNEY, 'completions per occupation group');
    const [download] = await Promise.all([officer.waitForEvent('download'), officer.getByRole('button', { name: /^CSV/ }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    for (const group of counts.items) expect(csv).toContain(`${group.code} ${group.ko},${group.count}`);
  });
});
