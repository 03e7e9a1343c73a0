/**
 * Issue 12, item 7, in a real browser, in Korean: a city the 2023 round deferred is listed in the round's view with a
 * way to give it a consultant; the ministry chooses one by keyboard and lands on the new consulting, "컨설팅 중" and
 * the next round not yet evaluated; the consultant, on a phone, finds it among the consultings they advise. Every
 * screen is checked with axe (also in high contrast) and at 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { hashPassword, insertPerson } from '../../src/server/modules/identity/index.ts';
import { checkScreen, chromiumAvailable, logIn, openStage, type RunningServer, type Stage } from '../support/browser.ts';
import { appointAsConsultant } from '../support/consulting.ts';
import { designatedIn, finalisedRound } from '../support/evaluation.ts';
import { newcomers } from '../support/review.ts';

const ROUND = 2023;

describe.skipIf(!chromiumAvailable)('a consultant for a deferred city', () => {
  let stage: Stage;
  let server: RunningServer;
  let ministry: Page;
  let consultant: Page;
  let deferred: { code: string; nameKo: string };

  beforeAll(async () => {
    stage = await openStage();
    ({ server } = stage);
    const db = server.database.db;
    [deferred] = await newcomers(db, '34', 1) as [{ code: string; nameKo: string }];
    await designatedIn(db, deferred.code, 2018);
    await finalisedRound(db, ROUND, [{ cityCode: deferred.code, areas: [['추진체계', 35, 17.5], ['사업운영', 35, 20], ['성과', 30, 15]], outcome: 'deferred' }]);
    const consultantId = await insertPerson(db, { email: 'consultant@example.com', passwordHash: await hashPassword(DEMO_PASSWORD), displayName: '백승호', homeCityCode: '11010' });
    await appointAsConsultant(server.database, consultantId, '평생교육진흥연구소');
    [ministry, consultant] = await Promise.all([stage.open('desktop'), stage.open('phone')]);
  });
  afterAll(() => stage?.close());

  it('the ministry assigns a consultant from the round that deferred the city', async () => {
    await logIn(ministry, server.url, 'ministry@example.com');
    await ministry.goto(`${server.url}/evaluation/rounds/${ROUND}`);
    const row = ministry.getByRole('row').filter({ hasText: deferred.nameKo });
    await row.getByText('재지정 유예').waitFor();
    await checkScreen(ministry, 'improvement-consulting', 'the round with its deferred city');
    await row.getByRole('link', { name: /컨설턴트 배정$/ }).click();

    await ministry.getByRole('heading', { level: 1, name: '유예 도시 컨설팅 시작' }).waitFor();
    await ministry.getByRole('link', { name: new RegExp(deferred.nameKo) }).waitFor();
    await checkScreen(ministry, 'improvement-consulting', 'choosing the consultant');
    await ministry.getByLabel('컨설턴트', { exact: true }).focus();
    await ministry.getByLabel('컨설턴트', { exact: true }).selectOption({ label: '백승호 (평생교육진흥연구소, 맡은 도시 0곳)' });
    await ministry.keyboard.press('Tab');
    await ministry.keyboard.press('Enter');

    await ministry.getByRole('heading', { level: 1, name: new RegExp(`${deferred.nameKo} 컨설팅$`) }).waitFor();
    await ministry.getByText(`${ROUND}년 재지정평가에서 유예`).waitFor();
    await ministry.getByRole('heading', { level: 2, name: '다음 재지정평가 결과' }).waitFor();
    await ministry.getByText('컨설팅 중', { exact: true }).waitFor();
    await ministry.getByText('아직 다음 평가를 하지 않았습니다.').waitFor();
    await ministry.getByRole('cell', { name: '52.5' }).waitFor();
    await checkScreen(ministry, 'improvement-consulting', 'the new consulting');

    // Back on the round, the deferred city now leads to its consulting instead of offering another.
    await ministry.goto(`${server.url}/evaluation/rounds/${ROUND}`);
    const again = ministry.getByRole('row').filter({ hasText: deferred.nameKo });
    await again.getByRole('link', { name: /컨설팅 보기$/ }).waitFor();
    expect(await again.getByRole('link', { name: /컨설턴트 배정$/ }).count()).toBe(0);
    // The ministry's list of consultings, narrowed to the deferred cities'.
    await ministry.goto(`${server.url}/designation/consulting`);
    await ministry.getByLabel('컨설팅 종류').selectOption({ label: '재지정 유예 도시 컨설팅' });
    await ministry.getByRole('row').filter({ hasText: `${ROUND}년 재지정평가 유예` }).waitFor();
    await expect.poll(() => ministry.getByRole('row').count()).toBe(2);
    await checkScreen(ministry, 'improvement-consulting', 'the consultings of deferred cities');
  });

  it('the consultant, on a phone, finds it among the consultings they advise', async () => {
    await logIn(consultant, server.url, 'consultant@example.com');
    await consultant.goto(`${server.url}/designation/consulting`);
    const row = consultant.getByRole('row').filter({ hasText: deferred.nameKo });
    await row.getByText(`${ROUND}년 재지정평가 유예`).waitFor();
    await row.getByText('컨설팅 중').waitFor();
    await checkScreen(consultant, 'improvement-consulting', 'the consultant’s list');
    await row.getByRole('link', { name: new RegExp(deferred.nameKo) }).click();
    await consultant.getByRole('region', { name: '학습요구조사' }).waitFor();
    await checkScreen(consultant, 'improvement-consulting', 'the consulting, as its consultant sees it');
  });
});
