/**
 * Issue 10, items 4–5, in a real browser: the manager of the Gwangmyeong centre proposes a partnership to a library
 * of the city; the library's manager (on a phone) signs it and offers a room; the centre's manager books the room,
 * and booking the same slot again is refused with a message that names the time; a program booked into the room
 * shows residents the room's place on its page; the city's officer sees the network tab of the console with the
 * graph and its table. Every screen is checked with axe and at 390 px.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { hashPassword, insertPerson, insertRoleGrant } from '../../src/server/modules/identity/index.ts';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { todayInKorea } from '../../src/server/platform/clock.ts';
import { checkScreen, chromiumAvailable, logIn, openStage, type RunningServer, type Stage } from '../support/browser.ts';
import { samplePdf } from '../support/documents.ts';

const CITY = '31060';
const JOURNEY = 'network';

/** The next Monday–Friday at least two days ahead (the room opens on weekdays). */
function nextWeekday(): string {
  let day = new Date(Date.parse(`${todayInKorea()}T00:00:00Z`) + 2 * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = new Date(day.getTime() + 86_400_000);
  return day.toISOString().slice(0, 10);
}

describe.skipIf(!chromiumAvailable)('two institutions sign a partnership and one books the other’s room', () => {
  let stage: Stage;
  let server: RunningServer;
  let manager: Page;
  let partner: Page;
  let centre: { id: number; name: string };
  let library: { id: number; name: string };
  const day = nextWeekday();

  beforeAll(async () => {
    stage = await openStage();
    ({ server } = stage);
    const { db } = server.database;
    centre = (await firstRow<{ id: number; name: string }>(db, sql`
      SELECT i.id, i.name FROM institutions i JOIN role_grants g ON g.institution_id = i.id JOIN people p ON p.id = g.person_id
      WHERE p.email = 'staff@example.com'`))!;
    library = (await firstRow<{ id: number; name: string }>(db, sql`
      SELECT id, name FROM institutions WHERE city_code = ${CITY} AND id <> ${centre.id} ORDER BY (type = 'library') DESC, id LIMIT 1`))!;
    const personId = await insertPerson(db, { email: 'partner@example.com', passwordHash: await hashPassword(DEMO_PASSWORD), displayName: '윤서연', homeCityCode: CITY });
    await insertRoleGrant(db, { personId, role: 'institution_manager', institutionId: library.id });
    [manager, partner] = await Promise.all([stage.open('desktop'), stage.open('phone')]);
  });
  afterAll(() => stage?.close());

  it('the centre’s manager proposes a partnership to the library', async () => {
    await logIn(manager, server.url, 'staff@example.com');
    await manager.goto(`${server.url}/institutions/${centre.id}`);
    await manager.getByRole('link', { name: /^협력 네트워크/ }).click();
    await manager.getByRole('heading', { level: 1, name: '협력 네트워크' }).waitFor();
    await manager.getByText('아직 협약이 없습니다.').waitFor();
    await checkScreen(manager, JOURNEY, 'network before any agreement');

    await manager.getByLabel('협약할 기관 찾기 (이름)').fill(library.name);
    await manager.getByRole('button', { name: '찾기', exact: true }).click();
    // As a person does: by the check box's label (KRDS draws the box over the input).
    await manager.locator('label').filter({ hasText: new RegExp(`^${library.name} \\(`) }).click();
    expect(await manager.getByLabel(new RegExp(`^${library.name} \\(`)).isChecked()).toBe(true);
    await manager.getByLabel('협약 이름').fill('도서관·평생학습관 공동 운영 협약');
    await manager.getByRole('group', { name: /협력 분야/ }).locator('label').filter({ hasText: '문화예술교육' }).click();
    await manager.getByLabel('협력 내용').fill('독서 강좌 공동 운영과 세미나실 공유');
    await manager.getByRole('button', { name: /^협약 제안/ }).click();
    const card = manager.getByRole('listitem').filter({ has: manager.getByRole('heading', { name: /도서관·평생학습관 공동 운영 협약/ }) });
    await card.getByText('제안됨').waitFor();
    await card.getByText(/서명 대기/).waitFor();
    await checkScreen(manager, JOURNEY, 'agreement proposed');
  });

  it('the library’s manager signs it on a phone and offers a room', async () => {
    await logIn(partner, server.url, 'partner@example.com');
    await partner.goto(`${server.url}/institutions/${library.id}/network`);
    const card = partner.getByRole('listitem').filter({ has: partner.getByRole('heading', { name: /도서관·평생학습관 공동 운영 협약/ }) });
    await card.getByRole('button', { name: '협약에 서명' }).click();
    await card.getByText('체결됨').waitFor();
    // The signed copy: asked for before one is chosen, then kept and offered as a link.
    await card.getByRole('button', { name: '협약서 올리기' }).click();
    await card.getByText('올릴 PDF 파일을 골라 주세요.').waitFor();
    await card.getByLabel('서명된 협약서 (PDF)').setInputFiles({ name: '공동운영협약서.pdf', mimeType: 'application/pdf', buffer: samplePdf() });
    await card.getByRole('button', { name: '협약서 올리기' }).click();
    await card.getByRole('link', { name: '공동운영협약서.pdf' }).waitFor();
    await checkScreen(partner, JOURNEY, 'agreement signed');

    await partner.getByLabel('이름', { exact: true }).fill('3층 세미나실');
    await partner.getByLabel('수용 인원 (장비는 수량)').fill('24');
    await partner.getByLabel('이용 규칙').fill('음식물 반입 금지, 사용 후 정리');
    await partner.getByRole('button', { name: '제공하기' }).click();
    await partner.getByRole('heading', { name: /3층 세미나실/ }).waitFor();
    await checkScreen(partner, JOURNEY, 'room offered');
  });

  it('the centre books the room, and the same slot a second time is refused with a message', async () => {
    await manager.reload();
    const room = manager.getByRole('listitem').filter({ has: manager.getByRole('heading', { name: /3층 세미나실/ }) });
    await room.getByText(/음식물 반입 금지/).waitFor();
    const book = async (purpose: string) => {
      await room.getByLabel('날짜').fill(day);
      await room.getByLabel('시작 시각').fill('10:00');
      await room.getByLabel('끝나는 시각').fill('12:00');
      await room.getByLabel('이용 목적').fill(purpose);
      await room.getByRole('button', { name: '예약하기' }).click();
    };
    await book('어르신 독서 모임');
    await room.getByRole('status').filter({ hasText: /3층 세미나실을\(를\) .+ 예약했습니다/ }).waitFor();
    await manager.getByRole('region', { name: '예약 현황 (오늘부터)' }).getByRole('cell', { name: /어르신 독서 모임/ }).waitFor();
    await checkScreen(manager, JOURNEY, 'room booked');

    await book('같은 시간 두 번째 예약');
    const [y, m, d] = day.split('-').map(Number);
    await room.getByText(`‘3층 세미나실’은(는) ${y}년 ${m}월 ${d}일 10:00–12:00에 이미 예약되어 있습니다. 다른 시간을 골라 주세요.`).waitFor();
    expect(await manager.getByRole('region', { name: '예약 현황 (오늘부터)' }).getByRole('row').count()).toBe(2);
    await checkScreen(manager, JOURNEY, 'second booking refused');

    // The library sees who booked its room.
    await partner.reload();
    await partner.getByRole('region', { name: '예약 현황 (오늘부터)' }).getByRole('cell', { name: new RegExp(centre.name) }).waitFor();
  });

  it('a program held in the library’s room appears at the room’s place for residents', async () => {
    const program = (await firstRow<{ id: number; title: string }>(server.database.db, sql`
      SELECT id, title FROM programs WHERE institution_id = ${centre.id} AND status = 'published' ORDER BY id LIMIT 1`))!;
    const room = manager.getByRole('listitem').filter({ has: manager.getByRole('heading', { name: /3층 세미나실/ }) });
    await room.getByLabel('날짜').fill(day);
    await room.getByLabel('시작 시각').fill('14:00');
    await room.getByLabel('끝나는 시각').fill('16:00');
    await room.getByLabel('이용 목적').fill('강좌 특강');
    await room.getByLabel('이 시간에 여는 프로그램 (선택)').selectOption(String(program.id));
    await room.getByRole('button', { name: '예약하기' }).click();
    await room.getByRole('status').filter({ hasText: /예약했습니다/ }).waitFor();

    // A resident (nobody logged in) on the program's page, on a phone.
    const page = await stage.open('phone');
    await page.goto(`${server.url}/programs/${program.id}`);
    const section = page.getByRole('region', { name: '협력 기관 공간에서 열리는 수업' });
    await section.getByText(new RegExp(`${library.name} 3층 세미나실`)).first().waitFor();
    await expect.poll(() => section.locator('figure').count()).toBe(1);
    await checkScreen(page, JOURNEY, 'program at a partner room');
  });

  it('the city officer sees the network tab with the graph and its table', async () => {
    const page = await stage.open('desktop');
    await logIn(page, server.url, 'officer@example.com');
    await page.goto(`${server.url}/cities/${CITY}/console`);
    await page.getByRole('link', { name: '협력 네트워크' }).click();
    await page.getByRole('heading', { level: 2, name: '기관 협력 네트워크' }).waitFor();
    await expect.poll(() => page.locator('.lc-chart svg').count()).toBeGreaterThan(0);
    const table = page.getByRole('region', { name: '기관별 협력 현황' });
    const centreRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: centre.name, exact: true }) });
    await expect.poll(async () => (await centreRow.getByRole('cell').allTextContents())[2]).toBe('1');
    await page.getByRole('region', { name: '협력 관계' }).getByRole('rowheader', { name: /./ }).first().waitFor();
    await page.getByRole('button', { name: /CSV.*기관별 협력 현황/ }).waitFor();
    await checkScreen(page, JOURNEY, 'console network tab');
  });

  it('the library stops offering the room, and the centre no longer sees it to book', async () => {
    await partner.reload();
    await partner.getByRole('button', { name: /^제공 중지하기/ }).click();
    await partner.getByRole('button', { name: /^다시 제공하기/ }).waitFor();
    await checkScreen(partner, JOURNEY, 'room no longer offered');
    await manager.reload();
    await manager.getByText(/예약할 수 있는 공간·장비가 없습니다/).waitFor();
  });
});
