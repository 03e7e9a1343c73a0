/**
 * Issue 15, item 3, in a real browser: Gwangmyeong's centre turns a class into a lottery (추첨) with the over-65s
 * first; a resident applies on a phone and reads "applied, draw on …"; staff take an application at the desk for a
 * neighbour without an account, and draw once applications close; the resident sees that they won and the published
 * draw with its seed and how to check it. Korean, checked with axe and at 390 px.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { checkScreen, chromiumAvailable, logIn, openStage, type RunningServer, type Stage } from '../support/browser.ts';
import { todayInKorea } from '../support/clock.ts';

const TITLE = '어르신 스마트폰 사진 교실';
const JOURNEY = 'lottery';

describe.skipIf(!chromiumAvailable)('a class drawn by lottery, with an application taken at the desk', () => {
  let stage: Stage;
  let server: RunningServer;
  let staff: Page;
  let resident: Page;
  let programId: number;

  beforeAll(async () => {
    stage = await openStage();
    ({ server } = stage);
    [staff, resident] = await Promise.all([stage.open('desktop'), stage.open('phone')]);
    const db = server.database.db;
    const { institutionId } = (await firstRow<{ institutionId: number }>(db, sql`
      SELECT g.institution_id AS "institutionId" FROM role_grants g JOIN people p ON p.id = g.person_id WHERE p.email = 'staff@example.com'`))!;
    const [venue] = await rows<{ id: number }>(db, sql`SELECT id FROM venues WHERE institution_id = ${institutionId} AND seats >= 10 ORDER BY id LIMIT 1`);
    await logIn(staff, server.url, 'staff@example.com');
    // Published as any program is (the program-office journey covers the form); the lottery is chosen in the editor below.
    const created = await staff.request.post(`${server.url}/api/programs`, {
      headers: { origin: server.url },
      data: {
        institutionId, venueId: venue!.id, title: TITLE, description: '스마트폰으로 사진을 찍고 가족에게 보내는 법을 배웁니다.',
        area: 'culture_arts', subcategory: 'everyday_arts', targetGroups: ['all'], mode: 'in_person', startsOn: addDays(todayInKorea(), 21),
        weekdays: ['wed'], startTime: '10:00', endTime: '12:00', sessionCount: 4, capacity: 2, feeKrw: 0,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    programId = (await created.json() as { id: number }).id;
  });
  afterAll(() => stage?.close());

  it('the centre makes the class a lottery, with over-65s first, and publishes the seed’s hash', async () => {
    await staff.goto(`${server.url}/programs/${programId}/edit`);
    await staff.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await staff.getByLabel('신청 방법', { exact: true }).selectOption('lottery');
    await staff.getByRole('button', { name: '저장', exact: true }).click();
    await staff.getByText('저장했습니다.').first().waitFor();
    const lottery = staff.getByRole('region', { name: '추첨', exact: true });
    const closeAt = new Date(Date.now() + 9 * 3_600_000 + 3_600_000).toISOString().slice(0, 16);
    await staff.getByLabel('신청 마감 (한국 시간)').fill(closeAt);
    await staff.getByLabel('추첨일').fill(addDays(todayInKorea(), 2));
    // By keyboard (the page is still scrolling smoothly to the field, so a click would wait for it to settle).
    await staff.getByRole('checkbox', { name: '만 65세 이상' }).press('Space');
    expect(await staff.getByRole('checkbox', { name: '만 65세 이상' }).isChecked()).toBe(true);
    await staff.getByRole('button', { name: '추첨 설정 저장' }).press('Enter');
    await staff.getByText('저장했습니다. 씨앗값 해시를 프로그램 페이지에 공개했습니다.').waitFor();
    await lottery.getByText('아직 신청한 사람이 없습니다.').waitFor();
    await checkScreen(staff, JOURNEY, 'lottery set up');
  });

  it('a resident applies on a phone and is told when the draw is', async () => {
    await logIn(resident, server.url, 'resident@example.com');
    await resident.goto(`${server.url}/programs/${programId}`);
    await resident.getByRole('heading', { name: '추첨 신청', exact: true }).waitFor();
    await resident.getByText('우선 선발: 만 65세 이상 (먼저 추첨합니다)').waitFor();
    await resident.getByRole('button', { name: '추첨 신청하기' }).click();
    await resident.getByText(/^신청했습니다\. 신청번호 \d+번, 추첨일 /).waitFor();
    await resident.getByText('우선 선발 대상: 만 65세 이상').waitFor();
    // Before the draw only the hash is public.
    await resident.getByText('아직 추첨하지 않았습니다.', { exact: false }).waitFor();
    await checkScreen(resident, JOURNEY, 'applied');
  });

  it('staff take an application at the desk for a neighbour without an account, then draw once applications close', async () => {
    await staff.getByLabel('이름', { exact: true }).fill('김순자');
    await staff.getByLabel('태어난 해').fill('1940');
    await staff.getByRole('group', { name: '확인한 우선 대상' }).getByRole('checkbox', { name: '장애인' }).press('Space');
    await staff.getByRole('button', { name: '신청 받기' }).click();
    await staff.getByText(/^김순자 님의 추첨 신청을 받았습니다/).waitFor();
    await staff.getByRole('region', { name: '신청자 2명' }).getByRole('cell', { name: /창구/ }).waitFor();
    await staff.getByText('신청 마감 뒤에 추첨할 수 있습니다.').waitFor();

    // The hour passes: the database's clock is the one applications close by.
    await server.database.db.execute(sql`UPDATE lotteries SET applications_close_at = clock_timestamp() - interval '1 second' WHERE program_id = ${programId}`);
    await staff.reload();
    await staff.getByRole('button', { name: '추첨하기' }).click();
    await staff.getByText(/지금 추첨할까요\?/).waitFor();
    await staff.getByRole('button', { name: '추첨하기' }).last().click();
    await staff.getByText('추첨했습니다. 당첨 2명, 대기 0명.').waitFor();
    await checkScreen(staff, JOURNEY, 'drawn');
  });

  it('the resident sees that they won, and the published draw with its seed and how to check it', async () => {
    await resident.reload();
    await resident.getByText(/^당첨되었습니다\. 수강이 확정되었습니다/).waitFor();
    await resident.getByRole('heading', { name: '추첨 결과와 확인 방법' }).waitFor();
    await resident.getByText('추첨 씨앗값 (추첨 때 공개)').waitFor();
    await expect.poll(() => resident.getByRole('listitem').filter({ hasText: /^\d번째 · 신청번호 \d+ · 우선 · 당첨추첨값 [0-9a-f]{64}$/ }).count()).toBe(2);
    await resident.getByText(/openssl dgst -sha256 -hmac/).waitFor();
    await checkScreen(resident, JOURNEY, 'result');
  });
});
