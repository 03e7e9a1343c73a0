/**
 * Issue 12, item 4, in a real browser: a resident of Suncheon answers the year's satisfaction survey on a phone (by
 * keyboard; a sheet sent half-answered names every question left), reads that they answered, in Korean and English;
 * Suncheon's officer opens the console's survey tab and reads each item's mean with its 95% interval, and the
 * resident's comment; Gwangmyeong's centre types in the paper form of a resident without an account. Every screen
 * checked with axe (and in high contrast) and at 390 px.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitySatisfactionResults } from '../../src/shared/contracts/surveys.ts';
import { seedSurveysDemo } from '../../db/seed/surveys-demo.ts';
import { WCAG_TAGS, apiAs, axeViolations, checkScreen, chromiumAvailable, logIn, openStage, type Stage } from '../support/browser.ts';
import { todayInKorea } from '../support/clock.ts';

const JOURNEY = 'surveys';

/** Every axe finding of any impact (checkScreen keeps to serious ones), in the page's mode and in high contrast. */
async function everyViolation(page: Page) {
  const found: string[] = [];
  for (const mode of [null, 'high-contrast']) {
    await page.evaluate((m) => (m ? document.documentElement.setAttribute('data-krds-mode', m) : document.documentElement.removeAttribute('data-krds-mode')), mode);
    const violations = await axeViolations(page, { type: 'tag', values: [...WCAG_TAGS, 'best-practice'] });
    found.push(...violations.map((v) => `${mode ?? 'default'} ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
  }
  await page.evaluate(() => document.documentElement.removeAttribute('data-krds-mode'));
  return found;
}
const SUNCHEON = '36030';
const COMMENT = '저녁 강좌가 늘었으면 좋겠습니다.';

describe.skipIf(!chromiumAvailable)('a resident answers the satisfaction survey on a phone; the officer reads the results', () => {
  let world: Stage;
  let phone: Page;
  let officer: Page;
  let seeded: number;
  const year = Number(todayInKorea().slice(0, 4));

  beforeAll(async () => {
    world = await openStage();
    [phone, officer] = await Promise.all([world.open('phone'), world.open('desktop')]);
    // Suncheon's other residents answered already (the demo's generator, for this one city).
    await seedSurveysDemo(world.server.database, { today: todayInKorea(), seed: 2001, cityCodes: [SUNCHEON] });
    const ministry = await apiAs(world.server, 'ministry@example.com');
    seeded = (await ministry('GET', `/api/cities/${SUNCHEON}/surveys/city-satisfaction/${year}`)).json<CitySatisfactionResults>().responses;
    expect(seeded).toBeGreaterThanOrEqual(30);
  });
  afterAll(() => world?.close());

  it('the resident finds the survey from My learning and is told every question left unanswered', async () => {
    await logIn(phone, world.server.url, 'resident@example.com');
    await phone.goto(`${world.server.url}/me`);
    await phone.getByRole('link', { name: '평생학습도시 만족도 조사' }).click();
    await phone.getByRole('heading', { level: 1, name: '평생학습도시 주민 만족도 조사' }).waitFor();
    await phone.getByText('순천시 주민 조사').waitFor();
    await checkScreen(phone, JOURNEY, 'survey form');
    expect(await everyViolation(phone)).toEqual([]);
    // Sent at once by keyboard: each of the 13 scale items is named as one to fix, and the keyboard goes to the first.
    await phone.getByRole('button', { name: '보내기' }).press('Enter');
    await phone.getByRole('alert').getByText('고칠 곳이 13곳 있습니다.', { exact: false }).waitFor();
    await expect.poll(() => phone.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('1');
    await checkScreen(phone, JOURNEY, 'problems named');
  });

  it('answers by keyboard, with a comment, and reads that it is done; the page reads in English', async () => {
    const groups = phone.getByRole('group');
    const count = await groups.count();
    let answered = 0;
    for (let i = 0; i < count; i++) {
      const agree = groups.nth(i).getByRole('radio', { name: '4 그렇다' });
      if (await agree.count() === 0) continue;
      await agree.press('Space');
      answered++;
    }
    expect(answered).toBe(13);
    await phone.getByLabel(/더 나아졌으면 하는 점/).fill(COMMENT);
    await phone.getByRole('button', { name: '보내기' }).press('Enter');
    await phone.getByText(`답해 주셔서 고맙습니다. ${year}년 조사에 답했습니다.`).waitFor();
    await checkScreen(phone, JOURNEY, 'answered');

    await phone.evaluate(() => localStorage.setItem('learning-city.locale', 'en'));
    await phone.reload();
    await phone.getByRole('heading', { level: 1, name: 'How satisfied are you with your learning city?' }).waitFor();
    await phone.getByText(new RegExp(`You answered the ${year} survey on .*It is answered once a year\\.`)).waitFor();
    await checkScreen(phone, JOURNEY, 'answered, in English');
  });

  it('Suncheon’s officer reads each item’s mean and 95% interval, counting the new answer, and the comment', async () => {
    await logIn(officer, world.server.url, 'officer.suncheon@example.com');
    await officer.goto(`${world.server.url}/cities/${SUNCHEON}/console/survey`);
    await officer.getByRole('heading', { name: '주민 만족도', exact: true }).waitFor();
    await officer.getByText(`응답 ${seeded + 1}명`).waitFor();
    await officer.getByText('전체 만족도').waitFor();
    const governance = officer.getByRole('region', { name: /^추진체계/ });
    const row = governance.getByRole('row', { name: /평생학습 프로그램과 기관에 관한 정보/ });
    await expect.poll(async () => (await row.textContent()) ?? '').toMatch(/\d\.\d\d\d\.\d\d–\d\.\d\d\d+/);
    await officer.getByRole('region', { name: '주민 의견' }).getByText(COMMENT).waitFor();
    await checkScreen(officer, JOURNEY, 'results');
    expect(await everyViolation(officer)).toEqual([]);
  });

  it('a centre’s staff type in the paper form of a resident without an account', async () => {
    const staff = await world.open('desktop');
    await logIn(staff, world.server.url, 'staff@example.com');
    const me = (await (await apiAs(world.server, 'staff@example.com'))('GET', '/api/auth/me')).json<{ grants: { institutionId: number | null }[] }>();
    const institutionId = me.grants.find((g) => g.institutionId !== null)!.institutionId!;
    await staff.goto(`${world.server.url}/institutions/${institutionId}/office`);
    await staff.getByRole('link', { name: '종이 설문 입력' }).click();
    await staff.getByRole('heading', { level: 1, name: '종이 설문 입력' }).waitFor();
    await staff.getByLabel('이름', { exact: true }).fill('박종이');
    await staff.getByLabel('태어난 해', { exact: true }).fill('1948');
    for (const radio of await staff.getByRole('radio', { name: '3 보통이다' }).all()) await radio.press('Space');
    await staff.getByRole('button', { name: '보내기' }).press('Enter');
    await staff.getByText('박종이 님의 답을 입력했습니다.', { exact: false }).waitFor();
    await checkScreen(staff, JOURNEY, 'paper form entered');
    expect(await everyViolation(staff)).toEqual([]);
    await staff.close();
  });
});
