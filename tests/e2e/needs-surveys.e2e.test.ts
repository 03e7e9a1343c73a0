/**
 * Issue 13, item 1, in a real browser: a resident of Suncheon answers her city's needs survey on a phone (a group,
 * current and required level per subject); Suncheon's officer reads the Borich table and the Locus for Focus chart
 * (its table too); a Gwangmyeong centre's staff member types in a paper needs sheet for a resident without an
 * account. Every screen checked with axe (and in high contrast) and at 390 px.
 */
import { sql } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyAnswer } from '../../src/shared/contracts/surveys.ts';
import { taxonomyNeedItems } from '../../src/shared/vocabulary/index.ts';
import type { Actor } from '../../src/server/platform/auth/actor.ts';
import { rows } from '../../src/server/platform/database/database.ts';
import { answerNeeds } from '../../src/server/modules/surveys/needs.service.ts';
import { DESKTOP, apiAs, checkScreen, chromiumAvailable, logIn, openPhone, type PhoneWorld } from '../support/browser.ts';
import { todayInKorea } from '../support/clock.ts';

const JOURNEY = 'needs-surveys';
const SUNCHEON = '36030';

describe.skipIf(!chromiumAvailable)('a resident answers her city’s needs survey on a phone; the officer reads the Borich analysis', () => {
  let world: PhoneWorld;
  let phone: Page;
  let officerContext: BrowserContext;
  let officer: Page;
  const year = Number(todayInKorea().slice(0, 4));

  beforeAll(async () => {
    world = await openPhone();
    phone = world.page;
    // Thirty of Suncheon's generated residents answered already (results show from 30).
    const { db } = world.server.database;
    const people = await rows<{ id: number }>(db, sql`
      SELECT id FROM people WHERE home_city_code = ${SUNCHEON} AND email LIKE 'resident.%' ORDER BY id LIMIT 30`);
    expect(people).toHaveLength(30);
    for (const [n, person] of people.entries()) {
      const actor: Actor = { personId: person.id, displayName: '', email: '', locale: 'ko', homeCityCode: SUNCHEON, grants: [] };
      const answers: SurveyAnswer[] = [
        { question: 'target_group', choices: [n % 2 ? 'elderly' : 'workers'] },
        ...taxonomyNeedItems.map((item, i) => ({ question: item.code, current: 1 + ((n + i) % 3), required: 3 + ((n * i) % 3) })),
      ];
      await answerNeeds(db, actor, SUNCHEON, year, { answers }, year);
    }
    officerContext = await world.browser.newContext({ viewport: DESKTOP, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    officer = await officerContext.newPage();
  });
  afterAll(async () => {
    await officerContext?.close();
    await world?.close();
  });

  it('the resident finds the survey from My learning and answers it on her phone', async () => {
    await logIn(phone, world.server.url, 'resident@example.com');
    await phone.goto(`${world.server.url}/me`);
    await phone.getByRole('link', { name: '우리 시·군·구 평생학습 요구조사' }).click();
    await phone.getByRole('heading', { level: 1, name: '평생학습 요구조사' }).waitFor();
    await checkScreen(phone, JOURNEY, 'needs form');
    await phone.getByRole('radio', { name: '어르신' }).press('Space');
    for (const [level, point] of [['현재 수준', '2 낮음'], ['필요 수준', '4 높음']] as const) {
      const groups = phone.getByRole('group', { name: level, exact: true });
      const count = await groups.count();
      expect(count).toBe(taxonomyNeedItems.length);
      for (let i = 0; i < count; i++) await groups.nth(i).getByRole('radio', { name: point }).press('Space');
    }
    await phone.getByRole('button', { name: '보내기' }).click();
    await phone.getByText(`${year}년 조사에 답했습니다`, { exact: false }).first().waitFor();
    await checkScreen(phone, JOURNEY, 'answered');
    await phone.reload();
    await phone.getByText('한 해에 한 번 답할 수 있습니다', { exact: false }).waitFor();
  });

  it('the officer reads the Borich ranking and the Locus for Focus chart with its table', async () => {
    await logIn(officer, world.server.url, 'officer.suncheon@example.com');
    await officer.goto(`${world.server.url}/cities/${SUNCHEON}/console/needs`);
    await officer.getByRole('heading', { name: '문항별 Borich 요구도 순위' }).waitFor();
    await officer.getByText('응답 31명', { exact: false }).waitFor();
    const firstRank = officer.getByRole('region', { name: '문항별 Borich 요구도 순위' }).getByRole('row').nth(1);
    expect(await firstRank.getByRole('cell').first().textContent()).toBe('1');
    await officer.locator('figure.lc-chart svg').first().waitFor();
    await officer.getByText('The Locus for Focus 모델', { exact: false }).last().click();
    await checkScreen(officer, JOURNEY, 'borich analysis');
    await officer.getByLabel('응답자 집단').selectOption('workers');
    await officer.getByText('이 범위의 응답이 15명입니다', { exact: false }).waitFor();
    await checkScreen(officer, JOURNEY, 'too few in a group');
  });

  it('a centre’s staff member types in a paper needs sheet, recorded as such', async () => {
    const staff = await apiAs(world.server, 'staff@example.com');
    const institutionId = (await staff('GET', '/api/auth/me')).json<{ grants: { institutionId: number | null }[] }>().grants.find((g) => g.institutionId)!.institutionId!;
    await phone.context().clearCookies();
    await logIn(phone, world.server.url, 'staff@example.com');
    await phone.goto(`${world.server.url}/institutions/${institutionId}/surveys/paper`);
    await phone.getByRole('radio', { name: '평생학습 요구조사' }).press('Space');
    await phone.getByRole('heading', { name: '분야별 학습 요구' }).waitFor();
    await checkScreen(phone, JOURNEY, 'paper needs form');
    await phone.getByLabel('이름').fill('박종이');
    await phone.getByLabel('태어난 해').fill('1950');
    await phone.getByRole('radio', { name: '해당 없음 (일반 주민)' }).press('Space');
    for (const [level, point] of [['현재 수준', '1 매우 낮음'], ['필요 수준', '3 보통']] as const) {
      const groups = phone.getByRole('group', { name: level, exact: true });
      for (let i = 0; i < await groups.count(); i++) await groups.nth(i).getByRole('radio', { name: point }).press('Space');
    }
    await phone.getByRole('button', { name: '보내기' }).click();
    await phone.getByText('박종이 님의 답을 입력했습니다', { exact: false }).waitFor();
    await checkScreen(phone, JOURNEY, 'paper sheet entered');
    const [row] = await rows<{ channel: string }>(world.server.database.db, sql`
      SELECT r.channel FROM survey_responses r JOIN people p ON p.id = r.person_id JOIN surveys s ON s.id = r.survey_id
      WHERE p.display_name = '박종이' AND s.purpose = 'needs'`);
    expect(row).toEqual({ channel: 'paper' });
  });
});
