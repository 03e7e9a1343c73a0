/**
 * Issue 9, the application, in a real browser: a city officer on a phone starts Seongnam's application to this
 * year's call, watches it save itself, is refused a text file named .hwp, fills what the checklist names, attaches
 * the plan and submits. The province officer reads it, returns it with a reason; the city sees the reason, fixes
 * it and submits again; the province endorses it and sees it ranked; the city sees it endorsed. Korean first,
 * then the province page in English; every screen checked with axe and at 390 px; the key steps by keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { hashPassword, identity, insertPerson } from '../../src/server/modules/identity/index.ts';
import { checkScreen, chromiumAvailable, logIn, openStage, type RunningServer, type Stage } from '../support/browser.ts';
import { openCallNow } from '../support/applications.ts';
import { yearInKorea } from '../support/clock.ts';
import { samplePdf } from '../support/documents.ts';

const SEONGNAM = '31020';
const year = yearInKorea();

describe.skipIf(!chromiumAvailable)('a city applies and its province endorses', () => {
  let stage: Stage;
  let server: RunningServer;
  let city: Page;
  let province: Page;

  beforeAll(async () => {
    stage = await openStage();
    ({ server } = stage);
    const db = server.database.db;
    await openCallNow(db, year);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const officer = await insertPerson(db, { email: 'officer.seongnam@example.com', passwordHash, displayName: '성남 담당자', homeCityCode: SEONGNAM });
    await identity.insertRoleGrant(db, { personId: officer, role: 'city_officer', cityCode: SEONGNAM });
    const provinceOfficer = await insertPerson(db, { email: 'province@example.com', passwordHash, displayName: '경기도 담당자', homeCityCode: '31010' });
    await identity.insertRoleGrant(db, { personId: provinceOfficer, role: 'province_officer', provinceCode: '31' });
    [city, province] = await Promise.all([stage.open('phone'), stage.open('desktop', { acceptDownloads: true })]);
  });
  afterAll(() => stage?.close());

  const autosaved = (on: Page) => on.getByRole('status').filter({ hasText: /^저장됨 \d{2}:\d{2}/ }).first().waitFor();

  it('a city officer on a phone starts the application and sees it save itself', async () => {
    await logIn(city, server.url, 'officer.seongnam@example.com');
    await city.goto(`${server.url}/cities/${SEONGNAM}/console/designation`);
    await city.getByRole('heading', { level: 2, name: '평생학습도시 지정 신청' }).waitFor();
    await city.getByRole('heading', { name: `${year}년 평생학습도시 지정 공모` }).waitFor();
    await city.getByText('신청 마감: ').waitFor();
    await checkScreen(city, 'application', 'before starting');
    const start = city.getByRole('button', { name: '신청서 작성 시작' });
    await start.focus();
    await city.keyboard.press('Enter');
    await city.getByLabel('비전', { exact: true }).waitFor();
    await autosaved(city);

    await city.getByLabel('비전', { exact: true }).fill('배움으로 행복한 성남');
    await city.getByRole('status').filter({ hasText: '고치는 중' }).first().waitFor();
    await autosaved(city);
    await city.getByText('현재 2판').waitFor();
    await checkScreen(city, 'application', 'editor');
  });

  it('is refused a text file named .hwp, with the file named; the checklist leads to each missing field', async () => {
    await city.getByLabel('파일 용도').selectOption('ordinance');
    await city.locator('input[type=file]').setInputFiles({ name: '조례.hwp', mimeType: 'application/x-hwp', buffer: Buffer.from('그냥 글입니다') });
    await city.getByRole('alert').filter({ hasText: '‘조례.hwp’ 파일은 이름으로는 한글 (HWP) 파일이지만' }).waitFor();

    const checklist = city.getByRole('region', { name: /제출 전에 채울 항목/ });
    await checklist.getByRole('button', { name: '추진 목표와 전략' }).click();
    expect(await city.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('vision.statement');
    await city.keyboard.type('모든 시민이 집 가까이에서 배우고 배운 것을 나누는 도시를 만듭니다.');

    await city.getByLabel('평생학습 전담 부서').fill('평생교육과');
    await city.getByLabel('평생학습관 이름').fill('성남시 평생학습관');
    await city.getByLabel('평생학습관 수(곳)').fill('2');
    await city.getByLabel('읍·면·동 평생학습센터 수(곳)').fill('12');
    await city.getByRole('button', { name: '추가: 위원회' }).click();
    await city.getByLabel('위원회 이름 (1)').fill('성남시 평생교육협의회');
    await city.getByLabel('평생학습 전담 인력(명)').fill('8');
    await city.getByLabel('그중 평생교육사(명)').fill('5');
    for (const planYear of [year, year + 1, year + 2]) {
      await city.getByRole('group', { name: `${planYear}년` }).getByLabel('자체 예산').fill('200000000');
    }
    await city.getByRole('button', { name: '추가: 조례' }).click();
    await city.getByLabel('조례 이름 (1)').fill('성남시 평생교육 진흥 조례');
    await city.getByRole('button', { name: '추가: 사업 영역' }).click();
    await city.getByLabel('기초문해교육: 주요 사업').fill('어르신 한글 교실을 동마다 엽니다.');
    for (const planYear of [year, year + 1, year + 2]) await city.getByLabel(`기초문해교육: ${planYear}년 프로그램 수`).fill('10');
    await city.getByRole('button', { name: '추가: 협력 기관' }).click();
    await city.getByLabel('기관 이름 (1)').fill('가천대학교 평생교육원');
    await city.getByLabel('협력 내용 (1)').fill('강사 양성');
    await expect.poll(() => checklist.getByRole('button').filter({ hasNotText: /제출|취소/ }).allTextContents()).toEqual(['입력란으로 가기: 첨부 파일: 사업 계획서']);

    await city.getByLabel('파일 용도').selectOption('program_plan');
    await city.locator('input[type=file]').setInputFiles({ name: '사업계획서.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await city.getByText('‘사업계획서.pdf’을(를) 올렸습니다.').waitFor();
    await city.getByRole('heading', { name: '필요한 항목을 모두 채웠습니다. 제출할 수 있습니다.' }).waitFor();
    await autosaved(city);
    await checkScreen(city, 'application', 'complete');
  });

  it('submits by keyboard and sees what it handed in', async () => {
    await city.getByRole('button', { name: '시·도에 제출' }).focus();
    await city.keyboard.press('Enter');
    await city.getByRole('button', { name: '예', exact: true }).focus();
    await city.keyboard.press('Enter');
    await city.getByText('제출 (시·도 검토 중)').first().waitFor();
    await city.getByRole('heading', { name: '비전과 목표' }).waitFor();
    await city.getByRole('link', { name: '사업계획서.pdf 내려받기' }).waitFor();
    await checkScreen(city, 'application', 'submitted');
  });

  it('the province officer reads it and returns it with a reason', async () => {
    await logIn(province, server.url, 'province@example.com');
    await province.getByRole('navigation', { name: '메뉴', exact: true }).getByRole('link', { name: /시·도 추천/ }).click();
    await province.getByRole('heading', { level: 1, name: '경기도 평생학습도시 신청 추천' }).waitFor();
    await province.getByText('검토 대기 1 · 보완 요청 0 · 추천 0 · 결과 확정 0').waitFor();
    await checkScreen(province, 'application', 'province list');
    await province.getByRole('button', { name: '열기 (경기 성남시)' }).click();
    await province.getByRole('heading', { name: '경기 성남시 신청서' }).waitFor();
    const download = province.waitForEvent('download');
    await province.getByRole('link', { name: '사업계획서.pdf 내려받기' }).click();
    expect((await download).suggestedFilename()).toBe('사업계획서.pdf');
    await checkScreen(province, 'application', 'province reading');

    await province.getByLabel(/보완할 내용/).fill('자체 예산의 근거(예산서)를 첨부해 주세요.');
    await province.getByRole('button', { name: '보완 요청 보내기' }).click();
    await province.getByText('보완을 요청했습니다. 도시 담당자에게 알렸습니다.').waitFor();
    await province.getByText('검토 대기 0 · 보완 요청 1 · 추천 0 · 결과 확정 0').waitFor();
  });

  it('the city sees the reason, fixes the application and submits it again', async () => {
    await city.reload();
    await city.getByText('시·도가 보완을 요청했습니다').waitFor();
    await city.getByText('자체 예산의 근거(예산서)를 첨부해 주세요.').waitFor();
    await checkScreen(city, 'application', 'returned');
    await city.getByLabel('파일 용도').selectOption('budget_plan');
    await city.locator('input[type=file]').setInputFiles({ name: '예산서.pdf', mimeType: 'application/pdf', buffer: samplePdf('budget') });
    await city.getByText('‘예산서.pdf’을(를) 올렸습니다.').waitFor();
    await city.getByRole('group', { name: `${year}년` }).getByLabel('자체 예산').fill('250000000');
    await autosaved(city);
    await city.getByRole('button', { name: '보완해 다시 제출' }).click();
    await city.getByRole('button', { name: '예', exact: true }).click();
    await city.getByText('제출 (시·도 검토 중)').first().waitFor();
  });

  it('the province endorses it and sees it ranked; then reads the page in English', async () => {
    await province.reload();
    await province.getByRole('heading', { name: '경기 성남시 신청서' }).waitFor();
    await province.getByLabel('추천 의견 (선택)').fill('도 정책과 잘 맞습니다.');
    await province.getByRole('button', { name: '추천', exact: true }).click();
    await province.getByRole('button', { name: '예', exact: true }).click();
    await province.getByText('추천했습니다. 도시 담당자에게 알렸습니다.').waitFor();
    await province.getByRole('heading', { name: '추천 순위' }).waitFor();
    await province.getByRole('row').filter({ hasText: '경기 성남시' }).getByText('시·도 추천 · 1순위').waitFor();
    await checkScreen(province, 'application', 'endorsed');

    await province.getByRole('button', { name: 'English' }).click();
    await province.getByRole('heading', { level: 1, name: 'Endorsing applications: Gyeonggi-do' }).waitFor();
    await province.getByRole('row').filter({ hasText: 'Seongnam-si, Gyeonggi' }).getByText('Endorsed by the province · No. 1').waitFor();
    await checkScreen(province, 'application', 'endorsed in English');
  });

  it('the city sees its application endorsed', async () => {
    await city.reload();
    await city.getByText('시·도 추천').first().waitFor();
    await city.getByText('1순위').first().waitFor();
    await expect.poll(() => city.getByRole('button', { name: '신청 취소' }).count()).toBe(0);
    await checkScreen(city, 'application', 'endorsed');
  });
});
