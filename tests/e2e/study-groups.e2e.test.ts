/**
 * Issue 13, item 5, in a real browser: a Suncheon resident registers a study group on a phone; a neighbour joins on
 * hers; the leader records a meeting with both present; Suncheon's officer marks the group funded; the member finds
 * the meeting's hours in her learning record. Korean, each screen checked with axe (normal and high contrast) at its size.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { checkScreen, chromiumAvailable, logIn, openStage, type RunningServer, type Stage } from '../support/browser.ts';

const CITY = '36030';
const NAME = '순천 그림책 함께 읽기';
const MEMBER_EMAIL = 'neighbour.reader@example.com';
const MEMBER_NAME = '이웃독자';
const JOURNEY = 'study-groups';

describe.skipIf(!chromiumAvailable)('a study group registered, joined, met and funded; the hours in the member’s record', () => {
  let stage: Stage;
  let server: RunningServer;
  let leader: Page;
  let member: Page;
  let officer: Page;
  let groupUrl: string;

  beforeAll(async () => {
    stage = await openStage();
    ({ server } = stage);
    [leader, member, officer] = await Promise.all([stage.open('phone'), stage.open('phone'), stage.open('desktop')]);
    // A neighbour of the same city, with the demo password.
    await server.database.db.execute(sql`
      INSERT INTO people (email, password_hash, display_name, birth_year, home_city_code, locale)
      SELECT ${MEMBER_EMAIL}, password_hash, ${MEMBER_NAME}, 1985, ${CITY}, 'ko' FROM people WHERE email = 'resident@example.com'`);
  });
  afterAll(() => stage?.close());

  it('a resident registers a group on a phone and leads it', async () => {
    await logIn(leader, server.url, 'resident@example.com');
    await leader.goto(`${server.url}/cities/${CITY}/study-groups`);
    await leader.getByRole('heading', { name: '학습동아리 만들기' }).waitFor();
    await checkScreen(leader, JOURNEY, 'study groups of the city');
    const form = leader.locator('form', { has: leader.getByRole('button', { name: '동아리 등록하기' }) });
    await form.getByLabel('동아리 이름', { exact: true }).fill(NAME);
    await form.getByLabel('함께 배울 내용', { exact: true }).fill('아이와 함께 그림책을 읽고 이야기를 나누는 동네 모임입니다.');
    await form.getByLabel('분야', { exact: true }).selectOption('liberal_arts');
    await form.getByLabel('모임 장소', { exact: true }).fill('순천시립 그림책도서관');
    await form.getByLabel('모임 일정', { exact: true }).fill('매주 토요일 오전 10시');
    await form.getByRole('button', { name: '동아리 등록하기' }).click();
    await leader.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await leader.getByText('내가 대표인 동아리입니다.').waitFor();
    groupUrl = leader.url();
    await checkScreen(leader, JOURNEY, 'my new group');
  });

  it('a neighbour joins on her phone and sees the members; the public sees only how many', async () => {
    await logIn(member, server.url, MEMBER_EMAIL);
    await member.goto(groupUrl);
    await member.getByText('회원 이름은 회원에게만 보입니다.').waitFor();
    expect(await member.getByText('김순자').count()).toBe(0);
    await member.getByRole('button', { name: '가입하기' }).click();
    await member.getByText('내가 회원인 동아리입니다.').waitFor();
    await member.getByText(/김순자 · 대표/).waitFor();
    await member.getByText('회원 2명', { exact: false }).first().waitFor();
    await checkScreen(member, JOURNEY, 'joined');
  });

  it('the leader records a meeting with both present', async () => {
    await leader.reload();
    const form = leader.locator('form', { has: leader.getByRole('button', { name: '모임 기록하기' }) });
    await form.getByLabel('모임 시간 (시간)', { exact: true }).fill('2');
    await form.getByLabel('주제', { exact: true }).fill('구름빵 함께 읽기');
    // By keyboard: KRDS draws the check boxes over their inputs.
    await form.getByRole('checkbox', { name: '김순자' }).press('Space');
    await form.getByRole('checkbox', { name: MEMBER_NAME }).press('Space');
    await form.getByRole('button', { name: '모임 기록하기' }).click();
    await leader.getByText(/모임 1회 · 2시간/).first().waitFor();
    await leader.getByText(/구름빵 함께 읽기 · 2명 참석/).waitFor();
    await checkScreen(leader, JOURNEY, 'meeting recorded');
  });

  it('the city’s officer marks it funded', async () => {
    await logIn(officer, server.url, 'officer.suncheon@example.com');
    await officer.goto(groupUrl);
    const form = officer.locator('form', { has: officer.getByRole('button', { name: '지원 결정 저장' }) });
    await form.getByLabel('시·군·구 지원', { exact: true }).selectOption('funded');
    await form.getByLabel('지원 금액 (원)', { exact: true }).fill('500000');
    await form.getByRole('button', { name: '지원 결정 저장' }).click();
    await officer.getByText(/500,000원 지원/).first().waitFor();
    await officer.getByText(/500,000원 · \d{4} · 정현우/).waitFor();
    await checkScreen(officer, JOURNEY, 'funded');
    const group = await firstRow<{ support: string; amount: number }>(server.database.db, sql`
      SELECT support, support_amount_won AS amount FROM study_groups WHERE name = ${NAME}`);
    expect(group).toEqual({ support: 'funded', amount: 500000 });
  });

  it('the member sees the meeting’s hours in her learning record', async () => {
    await member.goto(`${server.url}/me`);
    const groups = member.getByRole('region', { name: '학습 동아리' });
    await groups.getByRole('listitem').filter({ has: member.getByRole('link', { name: NAME }) }).getByText(/2시간/).waitFor();
    await member.locator('.lc-stat', { hasText: '학습동아리 시간' }).getByText('2시간').waitFor();
    await checkScreen(member, JOURNEY, 'hours in my record');
  });

  it('she registers as a volunteer; the officer records her hours; they join her record', async () => {
    await member.getByText('자원봉사자로 등록하기').click();
    await member.getByRole('radio', { name: '학습 자원봉사자' }).press('Space');
    await member.getByRole('checkbox', { name: '인문교양교육' }).press('Space');
    await member.getByRole('button', { name: '등록하기', exact: true }).click();
    await member.getByText('자원봉사자로 등록했습니다.').waitFor();

    await officer.goto(`${server.url}/cities/${CITY}/volunteers`);
    const card = officer.getByRole('listitem').filter({ has: officer.getByRole('heading', { name: MEMBER_NAME }) });
    await card.getByRole('button', { name: '봉사 시간 기록' }).click();
    const form = officer.getByRole('form', { name: `봉사 시간 기록: ${MEMBER_NAME}` });
    await form.getByLabel('봉사 시간', { exact: true }).fill('3');
    await form.getByLabel('봉사 활동', { exact: true }).fill('그림책 낭독 봉사');
    await form.getByRole('button', { name: '봉사 시간 기록' }).click();
    await card.getByText(/그림책 낭독 봉사 · 정현우/).waitFor();
    await checkScreen(officer, JOURNEY, 'volunteer hours recorded');

    await member.goto(`${server.url}/me`);
    await member.locator('.lc-stat', { hasText: '자원봉사 시간' }).getByText('3시간').waitFor();
    await member.getByRole('region', { name: '재능 나눔·봉사' }).getByText(/학습 자원봉사자 · 순천시 · .* · 3시간/).waitFor();
  });
});
