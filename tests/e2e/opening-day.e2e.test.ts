/**
 * Issue 15, item 2, in a real browser: Gwangmyeong's officer sets a registration opening for a term's programs in
 * the city console; at the opening three people are already in line, so a resident who asks to enrol on a phone is
 * put in the waiting room, sees their place and an estimated wait, is let in when their turn comes and enrols.
 * Korean, checked with axe (normal and high contrast) and at 390 px.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { apiAs, checkScreen, chromiumAvailable, logIn, openStage, type RunningServer, type Stage } from '../support/browser.ts';
import { todayInKorea } from '../support/clock.ts';

const TITLE = '봄학기 어르신 요가';
const JOURNEY = 'opening-day';
const CITY = '31060';

describe.skipIf(!chromiumAvailable)('opening day: a waiting room lets a resident in, in order, to enrol', () => {
  let stage: Stage;
  let server: RunningServer;
  let officer: Page;
  let resident: Page;
  let programId: number;
  // The program's first session: a holiday on the first Thursday moves it (부처님오신날 2027-05-13 did, one day).
  let firstSession: string;

  beforeAll(async () => {
    stage = await openStage();
    ({ server } = stage);
    [officer, resident] = await Promise.all([stage.open('desktop'), stage.open('phone')]);
    const db = server.database.db;
    const { institutionId } = (await firstRow<{ institutionId: number }>(db, sql`
      SELECT g.institution_id AS "institutionId" FROM role_grants g JOIN people p ON p.id = g.person_id WHERE p.email = 'staff@example.com'`))!;
    const [venue] = await rows<{ id: number }>(db, sql`SELECT id FROM venues WHERE institution_id = ${institutionId} AND seats >= 10 ORDER BY id LIMIT 1`);
    const staff = await apiAs(server, 'staff@example.com');
    const created = await staff('POST', '/api/programs', {
      institutionId, venueId: venue!.id, title: TITLE, description: '봄학기에 함께 하는 의자 요가입니다.', area: 'culture_arts', subcategory: 'everyday_arts',
      targetGroups: ['all'], mode: 'in_person', startsOn: addDays(todayInKorea(), 150), weekdays: ['thu'], startTime: '10:00', endTime: '11:00', sessionCount: 8, capacity: 5, feeKrw: 0,
    });
    expect(created.statusCode, created.body).toBe(201);
    programId = created.json<{ id: number }>().id;
    ({ firstSession } = (await firstRow<{ firstSession: string }>(db, sql`SELECT starts_on::text AS "firstSession" FROM programs WHERE id = ${programId}`))!);
  });
  afterAll(() => stage?.close());

  it('the city’s officer sets the opening for the term’s programs in the console', async () => {
    await logIn(officer, server.url, 'officer@example.com');
    await officer.goto(`${server.url}/cities/${CITY}/console/openings`);
    await officer.getByRole('heading', { name: '신청 개시일' }).waitFor();
    await officer.getByLabel('이름', { exact: true }).fill('2027년 봄학기 수강신청');
    await officer.getByLabel('신청 시작 (한국 시간)').fill(new Date(Date.now() + 9 * 3_600_000 + 3_600_000).toISOString().slice(0, 16));
    await officer.getByLabel('이 날부터 시작하는 프로그램').fill(firstSession);
    await officer.getByLabel('이 날까지 시작하는 프로그램').fill(addDays(firstSession, 7));
    await officer.getByLabel('1분에 들여보낼 인원').fill('30');
    await officer.getByRole('button', { name: '신청 개시 정하기' }).click();
    await officer.getByText(/^정했습니다\. 프로그램 \d+개의 신청이/).waitFor();
    await officer.getByRole('region', { name: '정한 신청 개시' }).getByText('2027년 봄학기 수강신청').waitFor();
    await checkScreen(officer, JOURNEY, 'opening set');
  });

  it('at the opening a resident is put in the waiting room, sees their place, is let in and enrols', async () => {
    const db = server.database.db;
    // The opening is now and three people came first (the bucket empty: each next one is let in two seconds later).
    const [opening] = await rows<{ id: number }>(db, sql`SELECT id FROM registration_openings WHERE city_code = ${CITY}`);
    const early = await rows<{ id: number }>(db, sql`SELECT id FROM people WHERE email LIKE 'resident.%' ORDER BY id LIMIT 3`);
    await db.execute(sql`
      UPDATE registration_openings SET opens_at = clock_timestamp() - interval '1 second', admitted_as_of = clock_timestamp(), last_ticket = 3
      WHERE id = ${opening!.id}`);
    for (const [i, person] of early.entries()) {
      await db.execute(sql`INSERT INTO waiting_room_tickets (opening_id, number, person_id, city_code) VALUES (${opening!.id}, ${i + 1}, ${person.id}, ${CITY})`);
    }
    await logIn(resident, server.url, 'resident@example.com');
    await resident.goto(`${server.url}/programs/${programId}`);
    await resident.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await resident.getByRole('button', { name: '신청하기' }).click();
    const room = resident.getByRole('status').filter({ hasText: '대기실' });
    await room.getByText(/내 앞에 [1-3]명 \(대기번호 4번\)/).waitFor();
    await room.getByText(/예상 대기 시간: 약 \d+초/).waitFor();
    expect(await resident.getByRole('button', { name: '신청하기' }).isDisabled()).toBe(true);
    await checkScreen(resident, JOURNEY, 'in the waiting room');
    await room.getByText('차례가 되었습니다. 지금 신청하세요.').waitFor({ timeout: 30_000 });
    await resident.getByRole('button', { name: '신청하기' }).click();
    await resident.getByText('신청 완료').first().waitFor();
    await checkScreen(resident, JOURNEY, 'enrolled after waiting');
    const [ticket] = await rows<{ number: number }>(db, sql`
      SELECT t.number FROM waiting_room_tickets t JOIN people p ON p.id = t.person_id WHERE p.email = 'resident@example.com'`);
    expect(ticket!.number).toBe(4);
  });
});
