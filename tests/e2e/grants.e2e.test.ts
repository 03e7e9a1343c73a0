/**
 * Issue 12, item 5, in a real browser: the ministry makes a priority investment round, compares the proposal with
 * equal shares, adjusts a city's amount (refused above the cap, beside the field), and approves; Gwangmyeong's
 * officer, on a phone, finds the grant in the city console and files a spending report; the ministry accepts it and
 * the ledger shows the spending. Korean, each screen checked with axe (normal and high contrast) and at 390 px.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { samplePdf } from '../support/documents.ts';
import { checkScreen, chromiumAvailable, logIn, openStage, type RunningServer, type Stage } from '../support/browser.ts';

const CITY = '31060';
const JOURNEY = 'grants';
const CAP = 60_000_000;

describe.skipIf(!chromiumAvailable)('a priority investment round approved by the ministry, and a city’s spending report', () => {
  let stage: Stage;
  let server: RunningServer;
  let ministry: Page;
  let officer: Page;
  /** The proposal's amount for Gwangmyeong. */
  let proposed: number;

  beforeAll(async () => {
    stage = await openStage();
    ({ server } = stage);
    [ministry, officer] = await Promise.all([stage.open('desktop'), stage.open('phone')]);
  });
  afterAll(() => stage?.close());

  it('the ministry proposes an allocation and compares it with equal shares', async () => {
    await logIn(ministry, server.url, 'ministry@example.com');
    await ministry.goto(`${server.url}/ministry/investment`);
    const form = ministry.getByRole('form', { name: '배분안 만들기' });
    await form.waitFor();
    await checkScreen(ministry, JOURNEY, 'rounds');
    await form.getByLabel('투자 연도').fill('2027');
    await form.getByLabel('우선 투자 이름').fill('2027 학습 접근성 우선 투자');
    await form.getByLabel('총예산 (원)').fill('1000000000');
    await form.getByLabel('도시별 상한 (원)').fill(String(CAP));
    await form.getByLabel('지원 조건').fill('접근성이 낮은 동에 학습 공간을 넓힐 것');
    await form.getByRole('button', { name: '배분안 만들기' }).click();
    await ministry.getByRole('heading', { level: 1, name: '2027 학습 접근성 우선 투자' }).waitFor();
    const amount = ministry.getByLabel('광명시 확정할 금액 (원)');
    proposed = Number(await amount.inputValue());
    expect(proposed).toBeGreaterThan(1_000_000);
    await checkScreen(ministry, JOURNEY, 'proposal');

    await ministry.getByRole('button', { name: '균등 배분으로' }).click();
    const equal = await amount.inputValue();
    expect(Number(equal)).not.toBe(proposed);
    const row = ministry.getByRole('row').filter({ has: ministry.getByRole('rowheader', { name: '광명시' }) });
    await row.getByRole('cell', { name: Number(equal).toLocaleString('ko-KR'), exact: true }).first().waitFor();
    await ministry.getByRole('button', { name: '제안대로' }).click();
    expect(Number(await amount.inputValue())).toBe(proposed);
  });

  it('adjusts a city’s amount within the cap and approves', async () => {
    const amount = ministry.getByLabel('광명시 확정할 금액 (원)');
    await amount.fill(String(CAP + 1));
    await ministry.getByRole('button', { name: '금액 저장' }).click();
    await ministry.getByText('도시별 상한 60,000,000원을(를) 넘을 수 없습니다.').waitFor();
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    const lowered = proposed - 1_000_000;
    await amount.fill(String(lowered));
    await ministry.getByRole('button', { name: '금액 저장' }).click();
    await ministry.getByText('금액을 저장했습니다.').waitFor();
    await ministry.getByText(/예산 중 남은 금액: 1,000,000원/).waitFor();
    await checkScreen(ministry, JOURNEY, 'adjusted');

    await ministry.getByRole('button', { name: '확정' }).click();
    await ministry.getByRole('button', { name: '확정' }).click();
    await ministry.getByText(/확정했습니다\. 지원 도시 \d+곳에 특성화 지원금을 교부했습니다\./).waitFor();
    const grant = await firstRow<{ amount: number }>(server.database.db, sql`
      SELECT l.amount FROM grants g JOIN grant_ledger l ON l.grant_id = g.id AND l.kind = 'awarded' WHERE g.city_code = ${CITY} AND g.round_id IS NOT NULL`);
    expect(Number(grant!.amount)).toBe(lowered);
    await checkScreen(ministry, JOURNEY, 'approved');
  });

  it('the city’s officer files a spending report on a phone', async () => {
    await logIn(officer, server.url, 'officer@example.com');
    await officer.goto(`${server.url}/cities/${CITY}/console/grants`);
    await officer.getByRole('button', { name: '광명시 2027년 특성화 지원금 자세히' }).click();
    const report = officer.getByRole('form', { name: '집행 보고 내기' });
    await report.waitFor();
    await checkScreen(officer, JOURNEY, 'the city’s grant');
    await report.getByLabel('집행액 (원) 1').fill('700000');
    // By keyboard, as a phone's screen reader would press them.
    await report.getByRole('button', { name: '항목 추가' }).press('Enter');
    await report.getByLabel('집행 항목 2').selectOption('promotion');
    await report.getByLabel('집행액 (원) 2').fill('300000');
    await report.getByLabel('집행 설명').fill('상반기 동네 학습 공간 운영과 홍보물 제작');
    await report.getByRole('button', { name: '집행 보고 제출' }).press('Enter');
    await officer.getByText('집행 보고를 냈습니다. 교육부 심사를 기다립니다.').waitFor();
    await officer.getByText('합계 1,000,000원').waitFor();
    // The receipts go with it, chosen as a file (the button is the file input's label).
    await officer.getByLabel(/^문서 붙이기/).setInputFiles({ name: '상반기 영수증.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await officer.getByText('문서를 붙였습니다.').waitFor();
    await officer.getByRole('list', { name: '붙인 문서' }).getByRole('link', { name: '상반기 영수증.pdf' }).waitFor();
    await checkScreen(officer, JOURNEY, 'report filed');
  });

  it('the ministry accepts it and the ledger shows the spending', async () => {
    await ministry.goto(`${server.url}/ministry/grants`);
    // By keyboard: KRDS draws the check box over its input.
    await ministry.getByRole('checkbox', { name: '집행 보고 심사 대기만' }).press('Space');
    await ministry.getByRole('button', { name: '광명시 2027년 특성화 지원금 자세히' }).click();
    const decision = ministry.getByRole('form', { name: /^집행 보고 심사/ });
    await decision.getByRole('button', { name: '결정 보내기' }).click();
    await ministry.getByText('결정했습니다.').waitFor();
    const ledger = ministry.getByRole('region', { name: '장부' });
    await ledger.getByRole('cell', { name: '-700,000원' }).waitFor();
    await ledger.getByRole('cell', { name: '-300,000원' }).waitFor();
    // The ministry reads the receipts the city attached, as uploaded; the decided report takes no more.
    const link = ministry.getByRole('link', { name: '상반기 영수증.pdf' });
    const download = await ministry.request.get(new URL((await link.getAttribute('href'))!, server.url).href);
    expect(Buffer.from(await download.body()).equals(samplePdf())).toBe(true);
    await expect.poll(() => ministry.getByLabel(/^문서 붙이기/).count()).toBe(0);
    await checkScreen(ministry, JOURNEY, 'accepted');
  });

  it('awards a consortium grant naming a member city, which sees it on a phone and is told the lead files its spending', async () => {
    const form = ministry.getByRole('form', { name: '보조금 교부' });
    await form.getByLabel('시·군·구', { exact: true }).selectOption({ label: '경기 광명시' });
    await form.getByLabel('지원 종류').selectOption({ label: '연합 도시 지원금' });
    await form.getByLabel('지원 연도').fill('2027');
    await form.getByLabel('지원액 (원)').fill('90000000');
    await form.getByLabel('지원 조건').fill('두 도시가 함께 여는 평생학습 축제');
    await form.getByRole('button', { name: '교부' }).click();
    await form.getByText('연합 참여 도시는 하나 이상 골라 주세요.').waitFor();
    // By keyboard, arrowing through the cities adds none of them; the button adds the one chosen.
    await form.getByLabel('연합 참여 도시').focus();
    await ministry.keyboard.press('ArrowDown');
    await ministry.keyboard.press('ArrowDown');
    expect(await form.getByRole('list', { name: '고른 참여 도시' }).count()).toBe(0);
    await form.getByLabel('연합 참여 도시').selectOption({ label: '전남 순천시' });
    await form.getByRole('button', { name: '참여 도시로 더하기' }).click();
    await form.getByRole('list', { name: '고른 참여 도시' }).getByText('전남 순천시').waitFor();
    await checkScreen(ministry, JOURNEY, 'consortium members');
    await form.getByRole('button', { name: '교부' }).click();
    await ministry.getByText(/대표 도시.*광명시.*연합 참여 도시.*순천시/).waitFor();
    // The form is empty again: a second press cannot award the same grant twice.
    expect(await form.getByLabel('지원액 (원)').inputValue()).toBe('');

    const member = await stage.open('phone');
    await logIn(member, server.url, 'officer.suncheon@example.com');
    await member.goto(`${server.url}/cities/36030/console/grants`);
    await member.getByRole('cell', { name: '참여 도시 (대표: 광명시)' }).waitFor();
    await member.getByRole('button', { name: '광명시 2027년 연합 도시 지원금 자세히' }).click();
    await member.getByText(/연합 참여 도시.*순천시/).waitFor();
    expect(await member.getByRole('form', { name: '집행 보고 내기' }).count()).toBe(0);
    await checkScreen(member, JOURNEY, 'a member city’s view');
  });
});
