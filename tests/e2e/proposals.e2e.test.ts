/**
 * Issue 13, item 2, in a real browser: a Suncheon resident proposes a study circle on a phone; neighbours' support
 * (arranged through the service) takes it past the threshold the city set; Suncheon's officer answers it in the city
 * console, accepting it into a draft program of an institution they choose; the resident reads the answer on the
 * proposal's page and in the inbox. Korean, each screen checked with axe (normal and high contrast) and at 390 px.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Actor } from '../../src/server/platform/auth/actor.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import * as proposals from '../../src/server/modules/proposals/proposals.service.ts';
import { checkScreen, chromiumAvailable, logIn, openStage, type RunningServer, type Stage } from '../support/browser.ts';

const CITY = '36030';
const TITLE = '순천 동네 그림책 읽기 모임';
const JOURNEY = 'proposals';

describe.skipIf(!chromiumAvailable)('a resident’s proposal, supported past the threshold and accepted by the city', () => {
  let stage: Stage;
  let server: RunningServer;
  let resident: Page;
  let officer: Page;
  let proposalId: number;

  beforeAll(async () => {
    stage = await openStage();
    ({ server } = stage);
    [resident, officer] = await Promise.all([stage.open('phone'), stage.open('desktop')]);
  });
  afterAll(() => stage?.close());

  it('a resident proposes on a phone', async () => {
    await logIn(resident, server.url, 'resident@example.com');
    await resident.goto(`${server.url}/cities/${CITY}/proposals`);
    await resident.getByRole('heading', { name: '제안하기' }).waitFor();
    await checkScreen(resident, JOURNEY, 'proposals of the city');
    // By keyboard: KRDS draws the check boxes and radio buttons over their inputs.
    await resident.getByRole('radio', { name: '학습동아리' }).press('Space');
    await resident.getByLabel('이름', { exact: true }).fill(TITLE);
    await resident.getByLabel('설명', { exact: true }).fill('아이와 함께 그림책을 읽고 이야기 나누는 모임을 도서관 근처에서 열고 싶어요.');
    await resident.getByLabel('분야', { exact: true }).selectOption('liberal_arts');
    await resident.getByRole('checkbox', { name: '부모' }).press('Space');
    await resident.getByRole('checkbox', { name: '토', exact: true }).press('Space');
    expect(await resident.getByRole('checkbox', { name: '토', exact: true }).isChecked()).toBe(true);
    await resident.getByRole('button', { name: '제안 올리기' }).click();
    await resident.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await resident.getByText('공감 0 / 30명').waitFor();
    await resident.getByText('내가 낸 제안입니다.').waitFor();
    proposalId = Number(/\/proposals\/(\d+)$/.exec(resident.url())![1]);
    await checkScreen(resident, JOURNEY, 'my proposal');
  });

  it('neighbours support it past the threshold the city set', async () => {
    const db = server.database.db;
    const officerId = (await firstRow<{ id: number }>(db, sql`SELECT id FROM people WHERE email = 'officer.suncheon@example.com'`))!.id;
    await db.execute(sql`INSERT INTO proposal_thresholds (city_code, threshold, set_by) VALUES (${CITY}, 3, ${officerId})`);
    const neighbours = await rows<{ id: number }>(db, sql`
      INSERT INTO people (email, display_name, birth_year, home_city_code)
      SELECT 'neighbour.' || n || '@example.com', '이웃' || n, 1980, ${CITY} FROM generate_series(1, 3) n RETURNING id`);
    for (const { id } of neighbours) {
      const actor: Actor = { personId: id, displayName: '이웃', email: '', locale: 'ko', homeCityCode: CITY, grants: [] };
      await proposals.support(db, actor, CITY, proposalId);
    }
    await resident.reload();
    await resident.getByText('시·군·구 답변 기다리는 중').first().waitFor();
    await resident.getByText('공감 3명').waitFor();
  });

  it('the officer accepts it in the console, choosing an institution of the city', async () => {
    const institution = (await firstRow<{ id: number; name: string }>(server.database.db, sql`
      SELECT id, name FROM institutions WHERE city_code = ${CITY} ORDER BY name, id LIMIT 1`))!;
    await logIn(officer, server.url, 'officer.suncheon@example.com');
    await officer.goto(`${server.url}/cities/${CITY}/console/proposals`);
    const answer = officer.getByRole('form', { name: `답변: ${TITLE}` });
    await answer.waitFor();
    await checkScreen(officer, JOURNEY, 'awaiting the city');
    await answer.getByLabel('기관', { exact: true }).selectOption(String(institution.id));
    await answer.getByRole('button', { name: '답변 공개' }).click();
    await officer.getByText('답을 기다리는 제안이 없습니다.').waitFor();
    const link = await firstRow<{ programId: number; status: string }>(server.database.db, sql`
      SELECT p.program_id AS "programId", pr.status FROM proposals p JOIN programs pr ON pr.id = p.program_id WHERE p.id = ${proposalId}`);
    expect(link).toMatchObject({ status: 'draft' });
    // The demand tab counts the proposals beside the wishes.
    await officer.goto(`${server.url}/cities/${CITY}/console/demand`);
    const card = officer.locator('.lc-card-figure', { has: officer.getByRole('heading', { name: '주민 제안', exact: true }) });
    await card.getByText('받아들임 1').waitFor();
    await checkScreen(officer, JOURNEY, 'demand with proposals');
  });

  it('the resident reads the answer on the proposal and in the inbox', async () => {
    await resident.goto(`${server.url}/cities/${CITY}/proposals/${proposalId}`);
    await resident.getByText('기관에서 프로그램으로 준비하고 있습니다. 모집을 시작하면 여기에 안내됩니다.').waitFor();
    await resident.getByText('받아들임').first().waitFor();
    await checkScreen(resident, JOURNEY, 'answered');
    await resident.goto(`${server.url}/me/inbox`);
    await resident.getByText(`시·군·구가 제안 ‘${TITLE}’을(를) 받아들였습니다`).first().waitFor();
    // My learning keeps the proposal, marked as the resident's own, with where it stands.
    await resident.goto(`${server.url}/me`);
    const mine = resident.getByRole('region', { name: '내 제안과 공감' });
    const card = mine.getByRole('listitem').filter({ has: resident.getByRole('link', { name: TITLE }) });
    await card.getByText('내가 낸 제안').waitFor();
    await card.getByText('받아들임').waitFor();
    await checkScreen(resident, JOURNEY, 'on my learning');
  });
});
