/**
 * Issue 9, the consulting year, in a real browser, in Korean: the ministry assigns a consultant to a potential
 * city; the consultant finds it in the inbox (the header counts what is unread); the city's officer, on a phone,
 * reaches the consulting from the city's timeline, uploads the needs survey and submits it by keyboard; the
 * consultant accepts it and, once every milestone is done, recommends designation; the ministry decides by
 * keyboard; the city's public timeline and the designation log show it, and the log downloads. Every screen is
 * checked with axe and at 390 px.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { hashPassword, identity, insertPerson } from '../../src/server/modules/identity/index.ts';
import { checkScreen, chromiumAvailable, logIn, openStage, type RunningServer, type Stage } from '../support/browser.ts';
import { yearInKorea } from '../support/clock.ts';
import { appointAsConsultant, citiesNeverInTheProgramme, potentialCity, type PotentialCity } from '../support/consulting.ts';
import { samplePdf } from '../support/documents.ts';

/** Named potential in last year's call: the consulting year is under way. */
const callYear = yearInKorea() - 1;
/** Set to a folder to keep a screenshot of every checked screen (for looking at the layout). */

describe.skipIf(!chromiumAvailable)('the consulting year of a potential city', () => {
  let stage: Stage;
  let server: RunningServer;
  let ministry: Page;
  let consultant: Page;
  let city: Page;
  let potential: PotentialCity;
  let consultantId: number;

  beforeAll(async () => {
    stage = await openStage();
    ({ server } = stage);
    const [chosen] = await citiesNeverInTheProgramme(server.database, 1);
    potential = await potentialCity(server.database, chosen!, callYear);
    const db = server.database.db;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const officer = await insertPerson(db, { email: 'officer.potential@example.com', passwordHash, displayName: '윤서연', homeCityCode: potential.cityCode });
    await identity.insertRoleGrant(db, { personId: officer, role: 'city_officer', cityCode: potential.cityCode });
    consultantId = await insertPerson(db, { email: 'consultant@example.com', passwordHash, displayName: '서지우', homeCityCode: '11010' });
    await appointAsConsultant(server.database, consultantId);
    [ministry, consultant, city] = await Promise.all([stage.open('desktop', { acceptDownloads: true }), stage.open('desktop'), stage.open('phone')]);
  });
  afterAll(() => stage?.close());

  const inboxLink = (on: Page) => on.getByRole('navigation', { name: '메뉴', exact: true }).getByRole('link', { name: /^알림/ });
  const milestone = (on: Page, name: string) => on.getByRole('region', { name });
  const consultingUrl = () => `${server.url}/designation/consulting/${potential.consultingId}`;

  /** A milestone done as the first one was, through the API (the browser shows the first). */
  async function completeThroughApi(kind: string) {
    const as = async (email: string) => {
      const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
      const cookie = `lc_session=${login.cookies.find((c) => c.name === 'lc_session')!.value}`;
      return (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
        server.app.inject({ method, url: `/api/designation/consultings/${potential.consultingId}${url}`, payload: payload as object, headers: { cookie, ...headers } });
    };
    const [cityApi, consultantApi] = [await as('officer.potential@example.com'), await as('consultant@example.com')];
    expect((await cityApi('PUT', `/milestones/${kind}/file?name=${kind}.pdf`, samplePdf(kind), { 'content-type': 'application/octet-stream' })).statusCode).toBe(200);
    const version = () => cityApi('GET', '').then((r) => r.json().milestones.find((m: { kind: string }) => m.kind === kind).version as number);
    expect((await cityApi('POST', `/milestones/${kind}/submit`, { note: '', version: await version() })).statusCode).toBe(200);
    expect((await consultantApi('POST', `/milestones/${kind}/review`, { outcome: 'accepted', feedback: '충실합니다.', version: await version() })).statusCode).toBe(200);
  }

  it('the ministry assigns a consultant to the potential city', async () => {
    await logIn(ministry, server.url, 'ministry@example.com');
    await ministry.goto(`${server.url}/designation/consulting`);
    await ministry.getByRole('heading', { level: 1, name: '평생학습도시 컨설팅' }).waitFor();
    const row = ministry.getByRole('row').filter({ hasText: potential.cityNameKo });
    await row.getByText('배정 전').waitFor();
    await checkScreen(ministry, 'consulting', 'consulting list');
    await row.getByRole('link').click();
    await ministry.getByRole('heading', { level: 1, name: new RegExp(`${potential.cityNameKo} 컨설팅$`) }).waitFor();
    await ministry.getByLabel('컨설턴트', { exact: true }).selectOption(String(consultantId));
    await ministry.getByRole('button', { name: '배정', exact: true }).click();
    await ministry.getByText('배정했습니다. 컨설턴트와 도시 담당자에게 알렸습니다.').waitFor();
    await ministry.getByText('서지우', { exact: true }).waitFor();
    await checkScreen(ministry, 'consulting', 'consulting as the ministry');
  });

  it('the consultant finds the assignment in the inbox, and opening it marks it read', async () => {
    await logIn(consultant, server.url, 'consultant@example.com');
    await expect.poll(() => inboxLink(consultant).textContent()).toContain('읽지 않은 알림 1건');
    await inboxLink(consultant).click();
    await consultant.getByRole('heading', { level: 1, name: '알림함' }).waitFor();
    await consultant.getByText('읽지 않은 알림 1건 · 모두 1건').waitFor();
    await checkScreen(consultant, 'consulting', 'inbox');
    await consultant.getByRole('link', { name: `${potential.cityNameKo} 컨설팅 담당 컨설턴트 배정: 서지우` }).click();
    await consultant.getByRole('heading', { level: 1, name: new RegExp(`${potential.cityNameKo} 컨설팅$`) }).waitFor();
    await expect.poll(() => inboxLink(consultant).textContent()).toBe('알림');
  });

  it('the city, on a phone, reaches the consulting from its timeline, uploads its needs survey and submits it by keyboard', async () => {
    await logIn(city, server.url, 'officer.potential@example.com');
    await city.goto(`${server.url}/cities/${potential.cityCode}`);
    await city.getByText('예비 평생학습도시', { exact: false }).first().waitFor();
    await checkScreen(city, 'consulting', 'city timeline');
    await city.getByRole('link', { name: `${callYear}년 컨설팅 보기 →` }).click();
    const survey = milestone(city, '학습요구조사');
    await survey.waitFor();
    await survey.locator('input[type=file]').setInputFiles({ name: '학습요구조사 결과.pdf', mimeType: 'application/pdf', buffer: samplePdf('needs survey') });
    await survey.getByText('‘학습요구조사 결과.pdf’을(를) 올렸습니다.').waitFor();
    await survey.getByRole('link', { name: '학습요구조사 결과.pdf 내려받기' }).waitFor();
    await survey.getByLabel('컨설턴트에게 남길 메모 (선택)').fill('주민 1,200명 설문 결과입니다.');
    await survey.getByRole('button', { name: '학습요구조사 제출' }).focus();
    await city.keyboard.press('Enter');
    await survey.getByText('제출했습니다. 컨설턴트에게 알렸습니다.').waitFor();
    await survey.getByText('제출 (검토 대기)').waitFor();
    await checkScreen(city, 'consulting', 'consulting as the city');
  });

  it('the consultant accepts it, and recommends designation once every milestone is done', async () => {
    await consultant.goto(consultingUrl());
    await expect.poll(() => inboxLink(consultant).textContent()).toContain('읽지 않은 알림 1건');
    const survey = milestone(consultant, '학습요구조사');
    await survey.getByText('주민 1,200명 설문 결과입니다.').waitFor();
    await survey.getByLabel('완료로 인정').check();
    await survey.getByLabel('의견', { exact: true }).fill('연령대별로 잘 분석했습니다.');
    await survey.getByRole('button', { name: '학습요구조사 검토 보내기' }).click();
    await survey.getByText('완료', { exact: true }).waitFor();
    await checkScreen(consultant, 'consulting', 'consulting as the consultant');

    await completeThroughApi('improvement_plan');
    await completeThroughApi('midterm_plan');
    await consultant.reload();
    const recommendation = consultant.getByRole('region', { name: '지정 권고' });
    await recommendation.getByLabel('지정 권고', { exact: true }).check();
    await recommendation.getByLabel('권고 사유').fill('세 과제를 모두 충실히 수행했습니다.');
    await recommendation.getByRole('button', { name: '권고 보내기' }).click();
    await recommendation.getByText('권고를 보냈습니다. 교육부 담당자에게 알렸습니다.').waitFor();
  });

  it('the ministry decides by keyboard; the timeline, the log and its download show it; the city is told', async () => {
    await ministry.goto(consultingUrl());
    const decision = ministry.getByRole('region', { name: '최종 결정' });
    await decision.getByLabel('결정 사유 (도시에 공개됩니다)').fill('컨설팅 과제를 모두 마치고 추진 체계를 갖추었습니다.');
    await decision.getByRole('button', { name: '결정하기' }).focus();
    await ministry.keyboard.press('Enter');
    await decision.getByText(new RegExp(`‘지정’\\(으\\)로 결정할까요`)).waitFor();
    await decision.getByRole('button', { name: '결정', exact: true }).focus();
    await ministry.keyboard.press('Enter');
    await ministry.getByText(/^지정 · .+ — 컨설팅 과제를 모두 마치고 추진 체계를 갖추었습니다\.$/).waitFor();

    await ministry.goto(`${server.url}/cities/${potential.cityCode}`);
    const last = ministry.locator('.lc-timeline li').last();
    await expect.poll(() => last.textContent()).toContain('컨설팅 과제를 모두 마치고 추진 체계를 갖추었습니다.');
    expect(await last.locator('.krds-badge').textContent()).toBe('지정');

    await ministry.goto(`${server.url}/designation/log?city=${potential.cityCode}`);
    await ministry.getByRole('heading', { level: 1, name: '평생학습도시 지정 기록' }).waitFor();
    await ministry.getByRole('cell', { name: '예비 도시 지정 결정' }).waitFor();
    await checkScreen(ministry, 'consulting', 'designation log');
    const [download] = await Promise.all([ministry.waitForEvent('download'), ministry.getByRole('link', { name: /^CSV/ }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('예비 도시 지정 결정');
    expect(csv).toContain(potential.cityCode);

    await city.goto(`${server.url}/me/inbox`);
    await city.getByRole('link', { name: new RegExp(`${potential.cityNameKo}[은는] 평생학습도시로 지정되었습니다`) }).waitFor();
  });
});
