/**
 * Issue 3, the whole way in Korean: a 68-year-old resident searches, filters, opens a program and enrols
 * (told about a clash with her other course); she finds it in My learning; the institution's staff mark her
 * attendance and completion; she opens her certificate, checks it on the public verification page (and a
 * tampered copy fails), and rates the course. Every main page is checked with axe and at a phone's width.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import type { LearningRecord } from '../../src/shared/contracts/learning-account.ts';
import type { ProgramDetail } from '../../src/shared/contracts/programs.ts';
import { addDays, weekdayOf } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../../src/server/platform/clock.ts';
import { apiAs, chromiumAvailable, launchBrowser, seriousAccessibilityViolations, sidewaysOverflow, startServer, type RunningServer } from '../support/browser.ts';

const RESIDENT = 'resident@example.com';
const STAFF = 'staff@example.com';
const TITLE = '우리 동네 역사 산책 교실';
const SESSIONS = 4;
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };
/** Set to a folder to keep a screenshot of every step at both sizes (for looking at the layout). */
const SCREENSHOTS = process.env.JOURNEY_SCREENSHOTS;

describe.skipIf(!chromiumAvailable)('a resident’s journey from search to certificate and rating', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let program: ProgramDetail;
  /** The course the demo resident is already enrolled in (from the demo data). */
  let otherCourse: ProgramDetail;
  /** How many courses her record counted as completed before this one. */
  let completedBefore: number;
  /** The number printed on her certificate. */
  let certificateNumber: string;

  /** A request to the API as a demo account, for the arrangement only (the journey itself uses the pages). */
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    // The demo resident's upcoming course: the new program meets at the same hour on its first day, so
    // enrolling shows the clash explanation.
    const asResident = await apiAs(server, RESIDENT);
    const record = (await asResident('GET', '/api/me/learning')).json() as LearningRecord;
    const upcoming = record.entries.find((e) => e.status === 'enrolled');
    expect(upcoming, 'the demo resident has an upcoming course').toBeDefined();
    otherCourse = (await server.app.inject({ method: 'GET', url: `/api/programs/${upcoming!.programId}` })).json() as ProgramDetail;
    const first = otherCourse.sessions[0]!;
    const weekday = weekdayOf(first.startsAt.slice(0, 10));

    // The institution publishes a program (the web has no publishing form yet, so through the API).
    const asStaff = await apiAs(server, STAFF);
    const institutionId = ((await asStaff('GET', '/api/auth/me')).json() as { grants: { institutionId: number }[] }).grants[0]!.institutionId;
    const venue = ((await asStaff('GET', `/api/institutions/${institutionId}`)).json() as { venues: { id: number; seats: number }[] }).venues[0]!;
    const created = await asStaff('POST', '/api/programs', {
      institutionId, venueId: venue.id, title: TITLE,
      description: '광명의 옛길과 역사 유적을 함께 걸으며 배웁니다. 천천히 걷는 코스라 어르신도 편하게 참여할 수 있습니다.',
      area: 'liberal_arts', subcategory: 'humanities', targetGroups: ['elderly', 'all'], mode: 'in_person', minAge: 60,
      startsOn: first.startsAt.slice(0, 10), weekdays: [weekday], startTime: first.startsAt.slice(11, 16), endTime: first.endsAt.slice(11, 16),
      sessionCount: SESSIONS, capacity: Math.min(12, venue.seats), feeKrw: 0, creditType: 'accredited', credits: 1, instructorName: '한지민',
    });
    expect(created.statusCode, created.body).toBe(201);
    program = created.json() as ProgramDetail;

    context = await browser.newContext({ viewport: DESKTOP, locale: 'ko-KR' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  /** What the screen holds now: no serious accessibility problem, and (on a phone) nothing wider than it. */
  async function checkScreen(step: string, options: { phone?: boolean } = {}) {
    expect(await seriousAccessibilityViolations(page), step).toEqual([]);
    await keepScreenshot(`${step}-desktop`);
    if (!options.phone) return;
    await page.setViewportSize(PHONE);
    try {
      await expect.poll(() => sidewaysOverflow(page)).toBeLessThanOrEqual(0)
        .catch(async () => expect(await widerThanScreen(), `${step} at 360px: what sticks out`).toEqual([]));
      await keepScreenshot(`${step}-phone`);
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  }

  /**
   * The innermost elements that reach past the right edge of the screen, to say what makes a page scroll
   * sideways; what sits in a box that scrolls by itself (a wide table) does not count.
   */
  function widerThanScreen() {
    return page.evaluate(() => {
      const sticksOut = (e: Element) => e.getBoundingClientRect().right > window.innerWidth + 0.5;
      const inScrollingBox = (e: Element) => {
        for (let box = e.parentElement; box && box !== document.body; box = box.parentElement) if (getComputedStyle(box).overflowX !== 'visible') return true;
        return false;
      };
      return [...document.querySelectorAll('body *')]
        .filter((e) => sticksOut(e) && ![...e.children].some(sticksOut) && !inScrollingBox(e))
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} «${(e.textContent ?? '').slice(0, 40)}» right=${Math.round(e.getBoundingClientRect().right)}`);
    });
  }

  async function keepScreenshot(name: string) {
    if (!SCREENSHOTS) return;
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const { width } = page.viewportSize()!;
    // In slices a person can read at full size.
    for (let y = 0, part = 1; y < height; y += 1400, part++) {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${part}.png`), fullPage: true, clip: { x: 0, y, width, height: Math.min(1400, height - y) } });
    }
  }

  /** Ticks a box or radio button the way a person does: KRDS draws its own, on the label. */
  async function choose(group: Locator, label: string | RegExp) {
    await group.locator('label').filter({ hasText: label }).click();
    await expect.poll(() => group.getByLabel(label).isChecked()).toBe(true);
  }

  /** The count of completed courses at the top of My learning. */
  async function completedCourses() {
    const stat = page.locator('.lc-stat').filter({ hasText: '수료한 과정' }).locator('strong');
    return Number((await stat.textContent())!.replace(/\D/g, ''));
  }

  async function logIn(email: string) {
    await page.getByRole('banner').getByRole('link', { name: '로그인' }).click();
    await page.getByRole('heading', { level: 1, name: '로그인', exact: true }).waitFor();
    await page.getByLabel('이메일').fill(email);
    await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
    await page.locator('form').getByRole('button', { name: '로그인' }).click();
  }

  async function logOut() {
    await page.getByRole('button', { name: /로그아웃/ }).click();
    await page.getByRole('banner').getByRole('link', { name: '로그인' }).waitFor();
  }

  it('finds the program with a Korean word and filters, and enrols despite a clash she is told about', async () => {
    await page.goto(server.url);
    await logIn(RESIDENT);
    await page.getByRole('heading', { level: 1, name: '내 학습', exact: true }).waitFor();

    await page.getByRole('navigation', { name: '메뉴', exact: true }).getByRole('link', { name: '프로그램 찾기' }).click();
    await page.getByRole('searchbox', { name: '배우고 싶은 것' }).fill('역사');
    await page.getByRole('search').getByRole('button', { name: '찾기' }).click();
    await expect.poll(() => page.url()).toContain('q=');
    await page.locator('.lc-card').first().waitFor();
    const resultCount = async () => Number((await page.getByRole('status').filter({ hasText: /^프로그램 / }).textContent())!.replace(/\D/g, ''));
    const unfiltered = await resultCount();

    // Each group of filters is headed on screen (KRDS's reset hid the legends: two "전체" groups sat unnamed).
    const legends = page.locator('.lc-filter-panel legend');
    expect(await legends.count()).toBeGreaterThan(4);
    for (const legend of await legends.all()) expect((await legend.boundingBox())!.height, await legend.textContent() ?? '').toBeGreaterThan(15);
    // Only free ones, in Gwangmyeong (where the program is).
    await choose(page.getByRole('group', { name: '수강료' }), /^무료/);
    await expect.poll(() => page.url()).toContain('fee=free');
    const cities = page.getByLabel('평생학습도시');
    await expect.poll(() => cities.locator('option').count()).toBeGreaterThan(1);
    const gwangmyeong = (await cities.locator('option').allTextContents()).find((option) => option.includes('광명시'));
    expect(gwangmyeong, 'Gwangmyeong among the cities to filter by').toBeDefined();
    await cities.selectOption({ label: gwangmyeong! });
    await expect.poll(() => page.url()).toContain('city=31060');
    // Every program left is free and in Gwangmyeong, ours among them.
    const shown = async () => ({ busy: await page.locator('.lc-results').getAttribute('aria-busy'), cards: await page.locator('.lc-results .lc-card').allTextContents() });
    await expect.poll(async () => {
      const { busy, cards } = await shown();
      return busy === 'false' && cards.length > 0 && cards.every((found) => found.includes('무료') && found.includes('광명시'));
    }).toBe(true);
    expect(await resultCount()).toBeLessThanOrEqual(unfiltered);
    const card = page.locator('.lc-card').filter({ has: page.getByRole('link', { name: TITLE }) });
    expect(await card.count()).toBe(1);
    await checkScreen('01-search', { phone: true });

    await card.getByRole('link', { name: TITLE }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(TITLE);
    const panel = page.getByRole('region', { name: '수강 신청' });
    await panel.getByRole('button', { name: '신청하기' }).waitFor();
    await checkScreen('02-program', { phone: true });

    await panel.getByRole('button', { name: '신청하기' }).click();
    const clash = panel.getByRole('alert');
    await expect.poll(() => clash.textContent()).toContain(`「${otherCourse.title}」`);
    await checkScreen('03-clash', { phone: true });
    await panel.getByRole('button', { name: '그래도 신청하기' }).click();
    await expect.poll(() => panel.getByRole('status').first().textContent()).toContain('신청 완료');
    await panel.getByRole('button', { name: '신청 취소' }).waitFor();
    // The keyboard is where she now stands, not back on the page's body.
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('lc-enrolment-status');
    // Asking to cancel and answering no puts it back on the button that asked.
    await panel.getByRole('button', { name: '신청 취소' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('네, 취소합니다');
    await panel.getByRole('button', { name: '아니요' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('신청 취소');
    await checkScreen('04-enrolled', { phone: true });
  });

  it('shows the course in My learning', async () => {
    await page.getByRole('navigation', { name: '메뉴', exact: true }).getByRole('link', { name: '내 학습' }).click();
    const current = page.getByRole('region', { name: /신청·진행 중/ });
    await current.getByRole('link', { name: TITLE }).waitFor();
    const card = await current.locator('.lc-card').filter({ hasText: TITLE }).textContent();
    expect(card).toContain(`출석 0/${SESSIONS}`);
    // A course that has not begun is not "수강 중" (it starts on the day of the resident's other course).
    expect(card).toContain(program.startsOn > todayInKorea() ? '수강 예정' : '수강 중');
    completedBefore = await completedCourses();
    await checkScreen('05-my-learning', { phone: true });
    await logOut();
  });

  it('lets the staff mark attendance for every session and decide completion', async () => {
    // The course runs: its sessions move into the past, by whole weeks so they keep their weekday.
    const shift = Math.ceil((Math.round((Date.parse(program.endsOn) - Date.parse(todayInKorea())) / 86_400_000) + 1) / 7) * 7;
    await server.database.db.execute(sql`UPDATE program_sessions SET starts_at = starts_at - make_interval(days => ${shift}), ends_at = ends_at - make_interval(days => ${shift}) WHERE program_id = ${program.id}`);
    await server.database.db.execute(sql`UPDATE programs SET starts_on = starts_on - ${shift}::int, ends_on = ends_on - ${shift}::int WHERE id = ${program.id}`);
    expect(addDays(program.endsOn, -shift) < todayInKorea()).toBe(true);

    await logIn(STAFF);
    await page.getByRole('navigation', { name: '메뉴', exact: true }).getByRole('link', { name: /우리 기관/ }).click();
    await page.getByRole('heading', { level: 1, name: '광명시 평생교육원', exact: true }).waitFor();
    await checkScreen('06-institution');
    await page.locator('.lc-card').filter({ has: page.getByRole('link', { name: TITLE }) }).getByRole('link', { name: '수강생 관리' }).click();
    await page.getByRole('heading', { level: 1, name: '수강생 관리', exact: true }).waitFor();
    const table = page.getByRole('table', { name: '출석부' });
    await table.waitFor();
    await checkScreen('07-roster', { phone: true });
    for (let session = 1; session <= SESSIONS; session++) {
      await choose(table.getByRole('cell').filter({ has: page.getByRole('checkbox', { name: `출석 김순자, ${session}회차` }) }), '출석');
      await table.getByRole('button', { name: `${session}회차 출석 저장` }).click();
      await expect.poll(() => table.getByRole('columnheader', { name: new RegExp(`^${session}회차`) }).textContent()).toContain('저장됨');
    }
    expect(await table.getByRole('row', { name: /김순자/ }).textContent()).toContain(`출석 ${SESSIONS}/${SESSIONS}`);

    await page.getByRole('button', { name: '수료 처리하기' }).click();
    await page.getByRole('button', { name: '네, 수료 처리합니다' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /수료 \d+명/ }).textContent()).toBe('수료 1명, 미수료 0명 · 수료증 1장을 발급했습니다.');
    await checkScreen('08-completed', { phone: true });
    await logOut();
  });

  it('gives the resident her certificate, which verifies on the public page while a tampered copy does not', async () => {
    await logIn(RESIDENT);
    const completed = page.getByRole('region', { name: /^수료/ });
    const entry = completed.locator('.lc-card').filter({ hasText: TITLE });
    await entry.waitFor();
    expect(await entry.textContent()).toContain(`출석 ${SESSIONS}/${SESSIONS}`);
    expect(await completedCourses()).toBe(completedBefore + 1);
    await checkScreen('09-my-learning-completed', { phone: true });

    await entry.getByRole('link', { name: '수료증' }).click();
    await page.getByRole('heading', { level: 1, name: '수료증', exact: true }).waitFor();
    const certificate = page.getByRole('article', { name: '수료증' });
    expect(await certificate.textContent()).toContain('김순자');
    expect(await certificate.textContent()).toContain(TITLE);
    await expect.poll(() => certificate.getByRole('status').textContent()).toContain('진위 확인됨');
    await checkScreen('10-certificate', { phone: true });

    await page.getByRole('button', { name: '자격증명(JWT) 복사' }).click();
    await expect.poll(() => page.getByText('복사했습니다.').count()).toBe(1);
    const jwt = await page.evaluate(() => navigator.clipboard.readText());
    expect(jwt).toMatch(/^eyJ/);

    // The QR code on the certificate opens the check of this certificate, by its number, at once.
    const number = (await certificate.locator('.lc-certificate-id').textContent())!.trim();
    certificateNumber = number;
    const qr = certificate.locator('.lc-certificate-qr img');
    await qr.waitFor();
    expect(decodeURIComponent((await qr.getAttribute('src'))!)).toMatch(/^data:image\/svg\+xml/);
    await page.goto(`${server.url}/verify?number=${number}`);
    const verdict = page.locator('.lc-verdict');
    await expect.poll(() => verdict.textContent()).toContain('진위 확인됨');
    expect(await verdict.textContent()).toContain(`김순자 님이 「${TITLE}」`);
    await page.goBack();

    await page.getByRole('link', { name: '다른 수료증 진위 확인하기' }).click();
    await page.getByRole('heading', { level: 1, name: '수료증 진위 확인', exact: true }).waitFor();
    const field = page.getByLabel('수료증 번호 또는 자격증명');
    // The number as printed on paper, typed without its hyphens.
    await field.fill(number.replace(/-/g, ''));
    await page.getByRole('button', { name: '확인하기' }).click();
    await expect.poll(() => verdict.textContent()).toContain('진위 확인됨');
    await field.fill('');
    await field.focus();
    await page.keyboard.press('Control+V');
    await expect.poll(() => field.inputValue()).toBe(jwt);
    await page.getByRole('button', { name: '확인하기' }).click();
    await expect.poll(() => verdict.textContent()).toContain('진위 확인됨');
    expect(await verdict.textContent()).toContain(`김순자 님이 「${TITLE}」`);
    await checkScreen('11-verified', { phone: true });

    // Someone changes a letter in the middle part (the content) of the credential.
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const at = Math.floor(payload.length / 2);
    const tampered = `${header}.${payload.slice(0, at)}${payload[at] === 'A' ? 'B' : 'A'}${payload.slice(at + 1)}.${signature}`;
    await field.fill(tampered);
    await page.getByRole('button', { name: '확인하기' }).click();
    await expect.poll(() => verdict.textContent()).toContain('확인되지 않음');
    expect(await verdict.textContent()).toContain('서명이 맞지 않습니다');
    await checkScreen('12-tampered', { phone: true });
  });

  it('lets the resident rate the course with the five items and a comment', async () => {
    await page.getByRole('navigation', { name: '메뉴', exact: true }).getByRole('link', { name: '내 학습' }).click();
    const entry = page.getByRole('region', { name: /^수료/ }).locator('.lc-card').filter({ hasText: TITLE });
    await entry.getByRole('link', { name: '만족도 평가하기' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(TITLE);
    // The course is over: the page no longer calls it open.
    expect(await page.locator('.lc-program-head').textContent()).toContain('접수 마감');
    const form = page.getByRole('region', { name: '만족도 평가하기' });
    await form.getByRole('group').first().waitFor();
    await checkScreen('13-rating', { phone: true });
    const items = ['강사의 전문성과 성실성', '교재와 학습 자료', '배우려던 목적을 이루었는지', '시설과 학습 환경', '전반적인 만족도'];
    expect(await form.getByRole('group').count()).toBe(items.length);
    for (const [i, item] of items.entries()) await choose(form.getByRole('group', { name: item }), i === 1 ? '4 만족' : '5 아주 만족');
    await form.getByLabel(/하고 싶은 말/).fill('선생님 설명이 친절하고, 천천히 걸어서 좋았어요.');
    await form.getByRole('button', { name: '평가 보내기' }).click();
    await expect.poll(() => form.textContent()).toContain('만족도 평가를 해 주셔서 고맙습니다.');
    await checkScreen('14-rated', { phone: true });
    // One answer stays private until enough people have answered.
    expect(await page.getByRole('region', { name: '수강생 만족도' }).textContent()).toContain('응답 1명');
  });

  it('lets the staff withdraw one learner’s completion with a reason, by keyboard and with a confirmation; the certificate then no longer verifies', async () => {
    await logOut();
    await logIn(STAFF);
    await page.getByRole('navigation', { name: '메뉴', exact: true }).getByRole('link', { name: /우리 기관/ }).click();
    await page.locator('.lc-card').filter({ has: page.getByRole('link', { name: TITLE }) }).getByRole('link', { name: '수강생 관리' }).click();
    const section = page.getByRole('region', { name: '한 사람씩 수료 정하기' });
    await section.waitFor();
    expect(await section.getByLabel('수강생', { exact: true }).locator('option:checked').textContent()).toContain('김순자');
    // By keyboard: the decision, the reason, the button, and yes.
    await section.getByLabel('결정', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => section.getByLabel('결정', { exact: true }).inputValue()).toBe('false');
    await page.keyboard.press('Tab');
    await page.keyboard.type('출석부 정정: 3회차 결석 확인');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('결정 저장하기');
    await page.keyboard.press('Enter');
    expect(await section.textContent()).toContain('김순자 님의 수료를 취소하고 수료증을 취소할까요?');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('네, 저장합니다');
    await checkScreen('15-withdraw-completion', { phone: true });
    await page.keyboard.press('Enter');
    const row = page.getByRole('table', { name: '출석부' }).getByRole('row', { name: /김순자/ });
    await expect.poll(() => row.textContent()).toContain('사유: 출석부 정정: 3회차 결석 확인');
    expect(await row.textContent()).toContain('미수료');
    await page.goto(`${server.url}/verify?number=${certificateNumber}`);
    await expect.poll(() => page.locator('.lc-verdict').textContent()).toContain('발급 기관이 취소한 수료증입니다.');
    await checkScreen('16-revoked');
  });

  it('offers the resident a private calendar feed of all her sessions on My learning', async () => {
    await logOut();
    await logIn(RESIDENT);
    const section = page.getByRole('region', { name: '내 수업 일정 구독' });
    await section.getByRole('button', { name: '구독 주소 만들기' }).click();
    const address = section.getByLabel('구독 주소');
    await expect.poll(() => address.inputValue()).toMatch(/\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    const url = await address.inputValue();
    expect(await section.getByRole('link', { name: '달력 앱에서 구독하기' }).getAttribute('href')).toBe(url.replace(/^https?:/, 'webcal:'));
    await checkScreen('17-calendar-feed', { phone: true });
    // The address opens without the session cookie.
    const feed = await server.app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain(`SUMMARY:${TITLE}`);
  });
});
