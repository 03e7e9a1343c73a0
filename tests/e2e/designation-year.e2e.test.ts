/**
 * Issue 9's "done when", in a real browser and in Korean: a whole designation year. The ministry creates this
 * year's call, publishes it and appoints two reviewers and a consultant; two cities of one province apply (the
 * province returns the first with a reason, the city fixes it and submits again, and both are endorsed); the
 * ministry assigns both reviewers to each application; the reviewers score and submit; the ministry names one city
 * potential and the other designated and announces the results; the potential city's consultant is assigned, the
 * city submits its three milestones and the consultant accepts each and recommends designation; the ministry
 * designates it. The national map and list of learning cities and both cities' public timelines show the outcome.
 *
 * The server checks deadlines against its real clock and a year cannot pass in a test: between the stages, time
 * passes by moving the call's timeline in the database (timePasses). The people are registered in the database;
 * everything they do happens in the browser. Key screens are checked with axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { hashPassword, identity, insertPerson } from '../../src/server/modules/identity/index.ts';
import type { RoleCode } from '../../src/shared/vocabulary/index.ts';
import { chromiumAvailable, launchBrowser, logIn, seriousAccessibilityViolations, startServer, type RunningServer } from '../support/browser.ts';
import { timePasses } from '../support/applications.ts';
import { todayInKorea, yearInKorea } from '../support/clock.ts';
import { samplePdf } from '../support/documents.ts';
import { newcomers } from '../support/review.ts';

const DESKTOP = { width: 1280, height: 900 };
const DAY = 86_400_000;
const year = yearInKorea();
/** The province both cities belong to (전라남도); the reviewers live and work elsewhere (no conflict of interest). */
const PROVINCE = '36';

/** A day this many days from today in Korea, kept within the call's year (its results must come out in it). */
function dayAhead(days: number): string {
  const day = todayInKorea(new Date(Date.now() + days * DAY));
  return day > `${year}-12-31` ? `${year}-12-31` : day;
}

const reviewers = [
  { email: 'reviewer.kang@example.com', name: '강민준', home: '11010', affiliation: '한국평생교육학회', worksIn: '서울특별시' },
  { email: 'reviewer.yoon@example.com', name: '윤서현', home: '26010', affiliation: '부산대학교 평생교육원', worksIn: '부산광역시' },
] as const;
const consultant = { email: 'consultant.lim@example.com', name: '임하늘', affiliation: '한국평생교육연구원' } as const;
/** The share of each item's points each reviewer gives each city: the second city scores higher. */
const shares: Record<'returned' | 'endorsed', readonly [number, number]> = { returned: [0.7, 0.65], endorsed: [0.9, 0.85] };

describe.skipIf(!chromiumAvailable)('a designation year, from the call to the designation of a potential city', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let ministry: Page;
  let cityA: Page;
  let cityB: Page;
  let province: Page;
  /** The city its province returns once, later named potential; the city endorsed at once, later designated. */
  let returned: { code: string; name: string };
  let endorsed: { code: string; name: string };
  let learningCitiesBefore: number;
  /** Each reviewer's total for each city, as they scored it. */
  const totals: Record<'returned' | 'endorsed', number[]> = { returned: [], endorsed: [] };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const db = server.database.db;
    const found = await newcomers(db, PROVINCE, 2);
    expect(found, 'two municipalities of 전라남도 that never applied').toHaveLength(2);
    [returned, endorsed] = found.map((m) => ({ code: m.code, name: `전남 ${m.nameKo}` })) as [typeof returned, typeof endorsed];

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const register = async (email: string, displayName: string, homeCityCode: string, role?: RoleCode, scope: { cityCode?: string; provinceCode?: string } = {}) => {
      const personId = await insertPerson(db, { email, passwordHash, displayName, homeCityCode });
      if (role) await identity.insertRoleGrant(db, { personId, role, ...scope });
    };
    await register('officer.a@example.com', '문지호', returned.code, 'city_officer', { cityCode: returned.code });
    await register('officer.b@example.com', '배수아', endorsed.code, 'city_officer', { cityCode: endorsed.code });
    await register('province.jeonnam@example.com', '전남도 담당자', returned.code, 'province_officer', { provinceCode: PROVINCE });
    // Registered people the ministry appoints in the browser.
    for (const reviewer of reviewers) await register(reviewer.email, reviewer.name, reviewer.home);
    await register(consultant.email, consultant.name, '11010');

    // How many learning cities the country has before the year (what the national map counts).
    learningCitiesBefore = (await server.app.inject({ method: 'GET', url: '/api/cities' })).json<{ total: number }>().total;
    expect(learningCitiesBefore).toBeGreaterThan(0);

    [ministry, cityA, cityB, province] = await Promise.all([newPage(), newPage(), newPage(), newPage()]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    contexts.push(context);
    return context.newPage();
  }
  async function checkScreen(on: Page, step: string) {
    expect(await seriousAccessibilityViolations(on), step).toEqual([]);
  }
  const menu = (on: Page) => on.getByRole('navigation', { name: '메뉴', exact: true });
  /** The map of learning cities, and how many it counts (its name says). */
  const learningCitiesMap = (on: Page) => on.getByRole('img', { name: /^전국의 평생학습도시: / });
  const learningCitiesCount = async (on: Page) => Number(/평생학습도시 (\d+)곳$/.exec((await learningCitiesMap(on).getAttribute('aria-label')) ?? '')?.[1]);

  /**
   * Fills every section of the application the way an officer does (whatever the city's record filled in
   * already), attaches the program plan and waits for the checklist to be done.
   */
  async function writeApplication(on: Page, cityName: string) {
    await on.getByLabel('비전', { exact: true }).fill(`배움으로 행복한 ${cityName}`);
    await on.getByLabel('추진 목표와 전략').fill('모든 주민이 집 가까이에서 배우고 배운 것을 이웃과 나누는 도시를 만듭니다.');
    await on.getByLabel('평생학습 전담 부서').fill('평생교육과');
    await on.getByLabel('평생학습관 이름').fill(`${cityName} 평생학습관`);
    await on.getByLabel('평생학습관 수(곳)').fill('1');
    await on.getByLabel('읍·면·동 평생학습센터 수(곳)').fill('6');
    if (await on.getByLabel('위원회 이름 (1)').count() === 0) await on.getByRole('button', { name: '추가: 위원회' }).click();
    await on.getByLabel('위원회 이름 (1)').fill(`${cityName} 평생교육협의회`);
    await on.getByLabel('평생학습 전담 인력(명)').fill('5');
    await on.getByLabel('그중 평생교육사(명)').fill('3');
    for (const planYear of [year, year + 1, year + 2]) {
      await on.getByRole('group', { name: `${planYear}년` }).getByLabel('자체 예산').fill('150000000');
    }
    if (await on.getByLabel('조례 이름 (1)').count() === 0) await on.getByRole('button', { name: '추가: 조례' }).click();
    await on.getByLabel('조례 이름 (1)').fill(`${cityName} 평생교육 진흥 조례`);
    await on.getByRole('button', { name: '추가: 사업 영역' }).click();
    await on.getByLabel('기초문해교육: 주요 사업').fill('어르신 한글 교실을 읍·면마다 엽니다.');
    for (const planYear of [year, year + 1, year + 2]) await on.getByLabel(`기초문해교육: ${planYear}년 프로그램 수`).fill('8');
    await on.getByRole('button', { name: '추가: 협력 기관' }).click();
    await on.getByLabel('기관 이름 (1)').fill('지역 대학 평생교육원');
    await on.getByLabel('협력 내용 (1)').fill('강사 양성');
    await on.getByLabel('파일 용도').selectOption('program_plan');
    await on.locator('input[type=file]').setInputFiles({ name: '사업계획서.pdf', mimeType: 'application/pdf', buffer: samplePdf(cityName) });
    await on.getByText('‘사업계획서.pdf’을(를) 올렸습니다.').waitFor();
    await on.getByRole('heading', { name: '필요한 항목을 모두 채웠습니다. 제출할 수 있습니다.' }).waitFor();
  }

  /** The province opens a city's application from its list. */
  async function openAtProvince(cityName: string) {
    await province.getByRole('button', { name: `열기 (${cityName})` }).click();
    await province.getByRole('heading', { name: `${cityName} 신청서` }).waitFor();
  }

  it('the ministry creates this year’s call, publishes it and appoints two reviewers and a consultant', async () => {
    await logIn(ministry, server.url, 'ministry@example.com');
    await menu(ministry).getByRole('link', { name: '지정 공모' }).click();
    await ministry.getByRole('heading', { level: 1, name: '평생학습도시 지정 공모' }).waitFor();
    await ministry.getByRole('link', { name: '새 공모 만들기' }).click();
    await ministry.getByRole('heading', { level: 1, name: '새 지정 공모 만들기' }).waitFor();
    // This year's call, taking applications from today (the form proposes next spring's).
    await ministry.getByLabel('연도').fill(String(year));
    expect(await ministry.getByLabel('제목 (국문)').inputValue()).toBe(`${year}년 평생학습도시 지정 공모`);
    await ministry.getByLabel('공고문 (국문)').fill('평생학습도시 신규 지정 신청을 받습니다. 시·군·구는 시·도를 거쳐 신청합니다.');
    await ministry.getByLabel('신청 접수 시작').fill(`${todayInKorea()}T00:00`);
    await ministry.getByLabel('신청 마감').fill(`${dayAhead(7)}T18:00`);
    await ministry.getByLabel('시·도 추천 마감').fill(`${dayAhead(14)}T20:00`);
    await ministry.getByLabel('심사 시작일').fill(dayAhead(15));
    await ministry.getByLabel('심사 종료일').fill(dayAhead(20));
    await ministry.getByLabel('결과 발표일').fill(dayAhead(25));
    await ministry.getByRole('button', { name: '공모 만들기' }).click();
    await ministry.getByRole('heading', { level: 1, name: `${year}년 공모 고치기` }).waitFor();

    await ministry.getByRole('button', { name: '공고하기' }).click();
    await ministry.getByRole('button', { name: '네, 공고합니다' }).click();
    await ministry.getByText('공고했습니다. 신청할 수 있는 시·군·구와 시·도 담당자에게 알렸습니다.').waitFor();
    await ministry.getByText('상태: 공고').waitFor();

    await ministry.getByRole('link', { name: '공모 보기' }).click();
    await ministry.getByRole('heading', { level: 1, name: `${year}년 평생학습도시 지정 공모` }).waitFor();
    await ministry.getByText('진행 단계: 신청 접수 중').waitFor();

    await menu(ministry).getByRole('link', { name: '지정 공모' }).click();
    await ministry.getByRole('link', { name: '심사위원·컨설턴트' }).click();
    await ministry.getByRole('heading', { level: 1, name: '심사위원·컨설턴트' }).waitFor();
    for (const reviewer of reviewers) {
      await ministry.getByLabel('가입한 이메일').fill(reviewer.email);
      await ministry.getByLabel('소속', { exact: true }).fill(reviewer.affiliation);
      await ministry.getByLabel('근무 시·도').selectOption({ label: reviewer.worksIn });
      await ministry.getByRole('button', { name: '위촉하기' }).click();
      await ministry.getByText(`${reviewer.name} 님을 심사위원(으)로 위촉했습니다.`).waitFor();
    }
    await ministry.getByLabel('가입한 이메일').fill(consultant.email);
    // KRDS draws its own radio buttons, on the label: chosen the way a person does.
    await ministry.getByRole('group', { name: '구분' }).first().locator('label').filter({ hasText: /^컨설턴트$/ }).click();
    await ministry.getByLabel('소속', { exact: true }).fill(consultant.affiliation);
    await ministry.getByLabel('근무 시·도').selectOption({ label: '없음' });
    await ministry.getByRole('button', { name: '위촉하기' }).click();
    await ministry.getByText(`${consultant.name} 님을 컨설턴트(으)로 위촉했습니다.`).waitFor();
    await expect.poll(() => ministry.getByRole('row').filter({ hasText: /강민준|윤서현|임하늘/ }).count()).toBe(3);
  });

  it('the first city, told of the call in its inbox, writes its application and submits it', async () => {
    await logIn(cityA, server.url, 'officer.a@example.com');
    await expect.poll(() => menu(cityA).getByRole('link', { name: /^알림/ }).textContent()).toContain('읽지 않은 알림 1건');
    await menu(cityA).getByRole('link', { name: /^알림/ }).click();
    await cityA.getByRole('link', { name: `${year}년 평생학습도시 지정 공모가 공고되었습니다` }).click();
    await cityA.getByRole('heading', { level: 1, name: `${year}년 평생학습도시 지정 공모` }).waitFor();
    const notice = cityA.getByRole('region', { name: /^우리 시·군·구: / });
    await notice.getByText('신청할 수 있습니다', { exact: true }).waitFor();
    await notice.getByRole('link', { name: '신청서 작성하기' }).click();
    await cityA.getByRole('heading', { level: 2, name: '평생학습도시 지정 신청' }).waitFor();
    await cityA.getByRole('button', { name: '신청서 작성 시작' }).click();
    await cityA.getByLabel('비전', { exact: true }).waitFor();
    await writeApplication(cityA, returned.name);
    await cityA.getByRole('button', { name: '시·도에 제출' }).click();
    await cityA.getByRole('button', { name: '예', exact: true }).click();
    await cityA.getByText('제출 (시·도 검토 중)').first().waitFor();
  });

  it('the second city writes its application and submits it by keyboard', async () => {
    await logIn(cityB, server.url, 'officer.b@example.com');
    await cityB.goto(`${server.url}/cities/${endorsed.code}/console/designation`);
    await cityB.getByRole('button', { name: '신청서 작성 시작' }).click();
    await cityB.getByLabel('비전', { exact: true }).waitFor();
    await writeApplication(cityB, endorsed.name);
    await cityB.getByRole('button', { name: '시·도에 제출' }).focus();
    await cityB.keyboard.press('Enter');
    await cityB.getByRole('button', { name: '예', exact: true }).focus();
    await cityB.keyboard.press('Enter');
    await cityB.getByText('제출 (시·도 검토 중)').first().waitFor();
  });

  it('the province returns the first application with a reason and endorses the second', async () => {
    await logIn(province, server.url, 'province.jeonnam@example.com');
    await menu(province).getByRole('link', { name: /시·도 추천/ }).click();
    await province.getByRole('heading', { level: 1, name: '전라남도 평생학습도시 신청 추천' }).waitFor();
    await province.getByText('검토 대기 2 · 보완 요청 0 · 추천 0 · 결과 확정 0').waitFor();

    await openAtProvince(returned.name);
    await province.getByLabel(/보완할 내용/).fill('평생학습관 운영 예산의 근거(예산서)를 첨부해 주세요.');
    await province.getByRole('button', { name: '보완 요청 보내기' }).click();
    await province.getByText('보완을 요청했습니다. 도시 담당자에게 알렸습니다.').waitFor();

    await openAtProvince(endorsed.name);
    await province.getByLabel('추천 의견 (선택)').fill('추진 체계가 탄탄합니다.');
    await province.getByRole('button', { name: '추천', exact: true }).click();
    await province.getByRole('button', { name: '예', exact: true }).click();
    await province.getByText('추천했습니다. 도시 담당자에게 알렸습니다.').waitFor();
    await province.getByText('검토 대기 0 · 보완 요청 1 · 추천 1 · 결과 확정 0').waitFor();
    await checkScreen(province, 'the province after returning one application and endorsing the other');
  });

  it('the first city reads the reason, fixes its application and submits it again; the province endorses it', async () => {
    await cityA.reload();
    await cityA.getByText('시·도가 보완을 요청했습니다').waitFor();
    await cityA.getByText('평생학습관 운영 예산의 근거(예산서)를 첨부해 주세요.').waitFor();
    await cityA.getByLabel('파일 용도').selectOption('budget_plan');
    await cityA.locator('input[type=file]').setInputFiles({ name: '예산서.pdf', mimeType: 'application/pdf', buffer: samplePdf('budget') });
    await cityA.getByText('‘예산서.pdf’을(를) 올렸습니다.').waitFor();
    await cityA.getByRole('group', { name: `${year}년` }).getByLabel('자체 예산').fill('180000000');
    await cityA.getByRole('button', { name: '보완해 다시 제출' }).click();
    await cityA.getByRole('button', { name: '예', exact: true }).click();
    await cityA.getByText('제출 (시·도 검토 중)').first().waitFor();

    await province.reload();
    await openAtProvince(returned.name);
    await province.getByRole('link', { name: '예산서.pdf 내려받기' }).waitFor();
    await province.getByRole('button', { name: '추천', exact: true }).click();
    await province.getByRole('button', { name: '예', exact: true }).click();
    await province.getByText('추천했습니다. 도시 담당자에게 알렸습니다.').waitFor();
    await province.getByText('검토 대기 0 · 보완 요청 0 · 추천 2 · 결과 확정 0').waitFor();
    const ranking = province.getByRole('region', { name: '추천 순위' });
    await expect.poll(() => ranking.getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining(endorsed.name), expect.stringContaining(returned.name)]);
  });

  it('time passes to the review; the ministry assigns both reviewers to each application', async () => {
    // Time passes: the submission and endorsement deadlines are over and the review starts today.
    await timePasses(server.database.db, year, 'review');

    await menu(ministry).getByRole('link', { name: '지정 공모' }).click();
    await ministry.getByRole('link', { name: `${year}년 평생학습도시 지정 공모` }).click();
    await ministry.getByText('진행 단계: 심사 중').waitFor();
    await ministry.getByRole('link', { name: `${year}년 공모 심사표` }).click();
    await ministry.getByRole('heading', { level: 1, name: `${year}년 공모 심사표` }).waitFor();
    await ministry.getByText('신청 2 · 심사 완료 0 · 결정 0 (지정 0 · 예비 0 · 미선정 0)').waitFor();

    for (const [n, city] of [returned, endorsed].entries()) {
      await ministry.getByRole('button', { name: `열기 (${city.name})` }).click();
      await ministry.getByRole('heading', { name: `${city.name} 심사 내용` }).waitFor();
      const row = ministry.getByRole('row').filter({ hasText: city.name });
      for (const reviewer of reviewers) {
        await ministry.getByLabel('심사위원', { exact: true }).selectOption({ label: `${reviewer.name} (${reviewer.affiliation}) · 이 공모 ${n}건` });
        await ministry.getByRole('button', { name: '배정', exact: true }).click();
        await row.getByText(`${reviewer.name} 시작 전 0/13`).waitFor();
      }
    }
    await ministry.getByText('배정했습니다. 심사위원에게 알렸습니다.').waitFor();
  });

  it('each reviewer scores both applications item by item and submits', async () => {
    for (const [r, reviewer] of reviewers.entries()) {
      const page = await newPage();
      await logIn(page, server.url, reviewer.email);
      await menu(page).getByRole('link', { name: '심사', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: '내 심사' }).waitFor();
      for (const [which, city] of [['returned', returned], ['endorsed', endorsed]] as const) {
        await page.getByRole('link', { name: city.name, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: `${city.name} 심사` }).waitFor();
        const scores = page.locator('input[type=number]');
        await scores.first().waitFor();
        // Each item from 0 to its points (the input's maximum).
        const points = await scores.evaluateAll((inputs) => inputs.map((input) => Number((input as HTMLInputElement).max)));
        expect(points).toHaveLength(13);
        const given = points.map((max) => Math.floor(max * shares[which][r]!));
        for (const [i, score] of given.entries()) await scores.nth(i).fill(String(score));
        const total = given.reduce((sum, score) => sum + score, 0);
        totals[which][r] = total;
        await page.getByRole('textbox', { name: /의견$/ }).first().fill(`${reviewer.name}: 조례와 전담 조직을 갖추었습니다.`);
        await page.getByRole('button', { name: '심사 제출' }).click();
        await page.getByRole('button', { name: '예, 제출합니다' }).click();
        await page.getByText('제출했습니다.', { exact: true }).waitFor();
        await page.getByText(`합계: ${total} / 100점`).waitFor();
        await page.getByRole('link', { name: '← 내 심사 목록' }).click();
      }
      await page.getByRole('row').filter({ hasText: endorsed.name }).getByText('제출함').waitFor();
      await page.context().close();
    }
  });

  it('time passes past the review; the ministry names one city potential, the other designated, and announces', async () => {
    // Time passes: the review ended yesterday and the results are due today.
    await timePasses(server.database.db, year, 'decision');
    await ministry.reload();
    await ministry.getByText('신청 2 · 심사 완료 2 · 결정 0 (지정 0 · 예비 0 · 미선정 0)').waitFor();
    const mean = (scores: number[]) => Math.round(((scores[0]! + scores[1]!) / 2) * 100) / 100;
    for (const [which, city] of [['returned', returned], ['endorsed', endorsed]] as const) {
      const row = ministry.getByRole('row').filter({ hasText: city.name });
      for (const [r, reviewer] of reviewers.entries()) await row.getByText(`${reviewer.name} ${totals[which][r]}`).waitFor();
      await row.getByRole('cell', { name: String(mean(totals[which])), exact: true }).waitFor();
    }
    // The higher score ranks first.
    expect(await ministry.getByRole('row').nth(1).textContent()).toContain(endorsed.name);

    const decide = async (city: { name: string }, choice: RegExp, reason: string, shown: string) => {
      await ministry.getByRole('button', { name: `열기 (${city.name})` }).click();
      await ministry.getByRole('heading', { name: `${city.name} 심사 내용` }).waitFor();
      await ministry.getByRole('group', { name: '결정', exact: true }).locator('label').filter({ hasText: choice }).click();
      await ministry.getByLabel('사유 (도시에 공개)').fill(reason);
      await ministry.getByRole('button', { name: '결정하기' }).click();
      await ministry.getByRole('button', { name: '예', exact: true }).click();
      await ministry.getByText('결정했습니다. 도시와 시·도 담당자에게 알렸습니다.').waitFor();
      await ministry.getByRole('row').filter({ hasText: city.name }).getByRole('cell', { name: shown, exact: true }).waitFor();
    };
    await decide(returned, /^예비 평생학습도시 \(컨설팅 1년\)$/, '추진 의지는 높으나 중장기 계획을 보완할 필요가 있습니다.', '예비 평생학습도시 (컨설팅 1년)');
    await decide(endorsed, /^지정$/, '추진 체계와 예산이 탄탄하고 3개년 계획이 구체적입니다.', '지정');
    await ministry.getByText('신청 2 · 심사 완료 2 · 결정 2 (지정 1 · 예비 1 · 미선정 0)').waitFor();

    await ministry.getByRole('button', { name: '결과 발표' }).click();
    await ministry.getByRole('button', { name: '예', exact: true }).click();
    await ministry.getByText(/결과를 발표했습니다\. 신청한 도시와 시·도에 결정과 사유를 알렸습니다\./).waitFor();
    await checkScreen(ministry, 'the review table, decided and announced');

    await cityB.goto(`${server.url}/me/inbox`);
    await cityB.getByRole('link', { name: `${year}년 평생학습도시 지정 공모 결과 발표` }).waitFor();
    await cityB.getByText(`${endorsed.name}: 지정 — 추진 체계와 예산이 탄탄하고 3개년 계획이 구체적입니다.`).waitFor();
  });

  it('the ministry assigns a consultant to the potential city', async () => {
    await menu(ministry).getByRole('link', { name: '지정 공모' }).click();
    await ministry.getByRole('link', { name: '평생학습도시 컨설팅' }).click();
    const row = ministry.getByRole('row').filter({ hasText: returned.name });
    await row.getByText('배정 전').waitFor();
    await row.getByRole('link', { name: returned.name }).click();
    await ministry.getByRole('heading', { level: 1, name: `${returned.name} 컨설팅` }).waitFor();
    await ministry.getByLabel('컨설턴트', { exact: true }).selectOption({ label: `${consultant.name} (${consultant.affiliation}, 맡은 도시 0곳)` });
    await ministry.getByRole('button', { name: '배정', exact: true }).click();
    await ministry.getByText('배정했습니다. 컨설턴트와 도시 담당자에게 알렸습니다.').waitFor();
  });

  it('the city submits its three milestones; the consultant accepts each and recommends designation', async () => {
    const milestones = [
      { name: '학습요구조사', file: '학습요구조사 결과.pdf', note: '주민 800명 설문 결과입니다.' },
      { name: '개선 계획', file: '개선 계획.pdf', note: '전담 인력을 2명 늘립니다.' },
      { name: '중장기 발전 계획', file: '중장기 발전 계획.pdf', note: '5개년 계획입니다.' },
    ];
    await cityA.goto(`${server.url}/cities/${returned.code}`);
    await cityA.getByRole('link', { name: `${year}년 컨설팅 보기 →` }).click();
    await cityA.getByRole('heading', { level: 1, name: `${returned.name} 컨설팅` }).waitFor();
    await cityA.getByText(consultant.name, { exact: true }).waitFor();
    for (const milestone of milestones) {
      const region = cityA.getByRole('region', { name: milestone.name });
      await region.locator('input[type=file]').setInputFiles({ name: milestone.file, mimeType: 'application/pdf', buffer: samplePdf(milestone.name) });
      await region.getByText(`‘${milestone.file}’을(를) 올렸습니다.`).waitFor();
      await region.getByLabel('컨설턴트에게 남길 메모 (선택)').fill(milestone.note);
      await region.getByRole('button', { name: `${milestone.name} 제출` }).click();
      await region.getByText('제출했습니다. 컨설턴트에게 알렸습니다.').waitFor();
      await region.getByText('제출 (검토 대기)').waitFor();
    }

    const advisor = await newPage();
    await logIn(advisor, server.url, consultant.email);
    await menu(advisor).getByRole('link', { name: '컨설팅', exact: true }).click();
    await advisor.getByRole('heading', { level: 2, name: '내가 맡은 도시' }).waitFor();
    await advisor.getByRole('link', { name: returned.name }).click();
    await advisor.getByRole('heading', { level: 1, name: `${returned.name} 컨설팅` }).waitFor();
    for (const milestone of milestones) {
      const region = advisor.getByRole('region', { name: milestone.name });
      await region.getByText(milestone.note).waitFor();
      await region.getByRole('link', { name: `${milestone.file} 내려받기` }).waitFor();
      await region.getByLabel('의견', { exact: true }).fill(`${milestone.name}: 충실합니다.`);
      await region.getByRole('button', { name: `${milestone.name} 검토 보내기` }).click();
      await region.getByText('완료', { exact: true }).waitFor();
    }
    await advisor.getByText('3/3', { exact: true }).first().waitFor();
    await checkScreen(advisor, 'the consulting with every milestone accepted');
    const recommendation = advisor.getByRole('region', { name: '지정 권고' });
    await recommendation.getByLabel('권고 사유').fill('세 과제를 모두 충실히 수행했습니다.');
    await recommendation.getByRole('button', { name: '권고 보내기' }).click();
    await recommendation.getByText('권고를 보냈습니다. 교육부 담당자에게 알렸습니다.').waitFor();
    await advisor.context().close();
  });

  it('the ministry, told of the recommendation, designates the city', async () => {
    await menu(ministry).getByRole('link', { name: /^알림/ }).click();
    await ministry.getByRole('link', { name: `${returned.name} 컨설턴트 권고: 지정 권고` }).click();
    const decision = ministry.getByRole('region', { name: '최종 결정' });
    await decision.getByLabel('결정 사유 (도시에 공개됩니다)').fill('컨설팅 과제를 모두 마치고 추진 체계를 갖추었습니다.');
    await decision.getByRole('button', { name: '결정하기' }).click();
    await decision.getByText(`${returned.name}: ‘지정’(으)로 결정할까요? 되돌릴 수 없습니다.`).waitFor();
    await decision.getByRole('button', { name: '결정', exact: true }).click();
    await ministry.getByText(/^지정 · .+ — 컨설팅 과제를 모두 마치고 추진 체계를 갖추었습니다\.$/).waitFor();
  });

  it('the national map and list show both cities designated this year, and each city’s timeline tells how', async () => {
    const visitor = await newPage();
    await visitor.goto(server.url);
    await menu(visitor).getByRole('link', { name: '평생학습도시' }).click();
    const map = learningCitiesMap(visitor);
    await map.waitFor();
    expect(await learningCitiesCount(visitor)).toBe(learningCitiesBefore + 2);
    // The map's drawing code arrives after the first paint: wait for its points.
    await expect.poll(() => map.locator('circle title').allTextContents())
      .toEqual(expect.arrayContaining([`${returned.name} (${year})`, `${endorsed.name} (${year})`]));
    await visitor.getByRole('button', { name: '표로 보기' }).click();
    for (const city of [returned, endorsed]) {
      const row = visitor.getByRole('row').filter({ has: visitor.getByRole('link', { name: city.name, exact: true }) });
      expect(await row.getByRole('cell').allTextContents()).toEqual([city.name, String(year), '지정']);
    }
    await checkScreen(visitor, 'the learning cities with the table shown');

    const timeline = async (city: { code: string; name: string }) => {
      await visitor.getByRole('link', { name: city.name, exact: true }).click();
      await visitor.getByRole('heading', { level: 1, name: city.name }).waitFor();
      await visitor.getByText(`지정 · 처음 지정 ${year}`).waitFor();
      // Each step as its state and reason (without the evidence under it).
      return visitor.locator('.lc-timeline li').evaluateAll((items) => items.map((li) => {
        const step = li.cloneNode(true) as HTMLElement;
        step.querySelectorAll('.lc-meta').forEach((meta) => meta.remove());
        return `${li.querySelector('.krds-badge')?.textContent} — ${step.textContent!.split(' — ').slice(1).join(' — ').trim()}`;
      }));
    };
    expect(await timeline(returned)).toEqual([
      `신청 — ${year}년 평생학습도시 공모 신청 (시·도 추천 2순위)`,
      '예비 평생학습도시 — 추진 의지는 높으나 중장기 계획을 보완할 필요가 있습니다.',
      '지정 — 컨설팅 과제를 모두 마치고 추진 체계를 갖추었습니다.',
    ]);
    await visitor.goBack();
    await visitor.getByRole('button', { name: '표로 보기' }).click();
    expect(await timeline(endorsed)).toEqual([
      `신청 — ${year}년 평생학습도시 공모 신청 (시·도 추천 1순위)`,
      '지정 — 추진 체계와 예산이 탄탄하고 3개년 계획이 구체적입니다.',
    ]);
  });
});
