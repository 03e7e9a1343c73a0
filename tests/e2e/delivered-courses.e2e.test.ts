/**
 * Issue 13, item 3, in a real browser: a Suncheon resident requests a delivered course on a phone and gets an invite
 * code; two neighbours join with it (arranged through the service) and the group reaches the minimum size the city
 * set; Suncheon's officer ranks the instructor pool in the city console, picks the instructor and an institution,
 * and approves; the resident sees the course they are enrolled on. Korean, each screen checked with axe (normal and
 * high contrast) and at 390 px.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Actor } from '../../src/server/platform/auth/actor.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import * as delivered from '../../src/server/modules/delivered-courses/delivered-courses.service.ts';
import { saveMyProfile } from '../../src/server/modules/instructors/instructors.service.ts';
import { hashPassword, insertPerson } from '../../src/server/modules/identity/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { checkScreen, chromiumAvailable, logIn, openStage, type RunningServer, type Stage } from '../support/browser.ts';

const CITY = '36030';
const TITLE = '아파트 주민 스마트폰 사진 교실';
const JOURNEY = 'delivered-courses';
const actorOf = (personId: number, displayName: string): Actor => ({ personId, displayName, email: '', locale: 'ko', homeCityCode: CITY, grants: [] });

describe.skipIf(!chromiumAvailable)('a group’s delivered course, requested on a phone and approved by the city', () => {
  let stage: Stage;
  let server: RunningServer;
  let resident: Page;
  let officer: Page;
  let requestId: number;
  let inviteCode: string;

  beforeAll(async () => {
    stage = await openStage();
    ({ server } = stage);
    [resident, officer] = await Promise.all([stage.open('phone'), stage.open('desktop')]);
    // Suncheon asks groups of 3 (the default is 5).
    const db = server.database.db;
    const officerId = (await firstRow<{ id: number }>(db, sql`SELECT id FROM people WHERE email = 'officer.suncheon@example.com'`))!.id;
    await delivered.setSettings(db, { ...actorOf(officerId, '담당자') }, CITY, 3);
  });
  afterAll(() => stage?.close());

  it('a resident requests one on a phone and gets the code to share', async () => {
    await logIn(resident, server.url, 'resident@example.com');
    await resident.goto(`${server.url}/me/delivered-courses`);
    await resident.getByRole('heading', { name: '참여 코드로 모임에 참여하기' }).waitFor();
    await checkScreen(resident, JOURNEY, 'my delivered courses');
    await resident.getByRole('link', { name: '새로 신청하기' }).click();
    await resident.getByRole('heading', { level: 1, name: '배달강좌 신청' }).waitFor();
    await resident.getByLabel('배우고 싶은 수업 이름').fill(TITLE);
    await resident.getByLabel('어떤 수업을 바라는지').fill('관리동에 모여 스마트폰으로 가족사진을 잘 찍는 법을 배우고 싶습니다.');
    await resident.getByLabel('분야', { exact: true }).selectOption('culture_arts');
    await resident.getByLabel('세부 분야', { exact: true }).selectOption('everyday_arts');
    const dong = (await firstRow<{ code: string }>(server.database.db, sql`SELECT code FROM dongs WHERE municipality_code = ${CITY} ORDER BY code LIMIT 1`))!.code;
    await resident.getByLabel('읍·면·동', { exact: true }).selectOption(dong);
    await resident.getByLabel('모임 장소 (집 주소는 적지 마세요)').fill('푸른아파트 관리동 커뮤니티실');
    // By keyboard: KRDS draws the check boxes over their inputs.
    await resident.getByRole('checkbox', { name: '목', exact: true }).press('Space');
    await resident.getByLabel('수업 횟수').fill('4');
    await checkScreen(resident, JOURNEY, 'request form');
    await resident.getByRole('button', { name: '신청하기' }).click();
    await resident.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await resident.getByText('모임 1명 / 최소 3명').waitFor();
    inviteCode = (await resident.getByTestId('invite-code').innerText()).trim();
    expect(inviteCode).toMatch(/^[A-Z0-9]{8}$/);
    requestId = Number(/\/me\/delivered-courses\/(\d+)$/.exec(resident.url())![1]);
    await checkScreen(resident, JOURNEY, 'request with its invite code');
  });

  it('two neighbours join with the code and the group reaches the minimum', async () => {
    const db = server.database.db;
    const neighbours = await rows<{ id: number }>(db, sql`
      INSERT INTO people (email, display_name, birth_year, home_city_code)
      SELECT 'group.' || n || '@example.com', '이웃' || n, 1975, ${CITY} FROM generate_series(1, 2) n RETURNING id`);
    for (const { id } of neighbours) await delivered.join(db, actorOf(id, '이웃'), CITY, inviteCode);
    await resident.reload();
    await resident.getByText('모임 3명 / 최소 3명').waitFor();
    await resident.getByText('시·군·구 검토 중').first().waitFor();
  });

  it('a member who changes their mind is asked once more before leaving, and can stay', async () => {
    const db = server.database.db;
    const personId = await insertPerson(db, { email: 'group.leaving@example.com', passwordHash: await hashPassword(DEMO_PASSWORD), displayName: '이웃3', homeCityCode: CITY });
    await delivered.join(db, actorOf(personId, '이웃3'), CITY, inviteCode);
    const member = await stage.open('phone');
    await logIn(member, server.url, 'group.leaving@example.com');
    await member.goto(resident.url());
    await member.getByText('모임 4명 / 최소 3명').waitFor();
    await member.getByRole('button', { name: '모임에서 나가기' }).click();
    await member.getByText('이 모임에서 나갈까요? 다시 들어오려면 참여 코드가 있어야 합니다.').waitFor();
    await checkScreen(member, JOURNEY, 'asked before leaving');
    await member.getByRole('button', { name: '모임에 남기' }).click();
    // Stayed: still a member, the keyboard back on the button that asked.
    await expect.poll(() => member.evaluate(() => document.activeElement?.textContent)).toBe('모임에서 나가기');
    expect((await rows(db, sql`SELECT 1 FROM delivered_course_members WHERE person_id = ${personId}`)).length).toBe(1);
    await member.getByRole('button', { name: '모임에서 나가기' }).click();
    await member.getByRole('button', { name: '나가기', exact: true }).click();
    await member.waitForURL(`${server.url}/me/delivered-courses`);
    expect((await rows(db, sql`SELECT 1 FROM delivered_course_members WHERE person_id = ${personId}`)).length).toBe(0);
    await resident.reload();
    await resident.getByText('모임 3명 / 최소 3명').waitFor();
  });

  it('the officer picks a ranked instructor and an institution, and approves', async () => {
    const db = server.database.db;
    const [teacher] = await rows<{ id: number }>(db, sql`
      INSERT INTO people (email, display_name, birth_year, home_city_code) VALUES ('photo.teacher@example.com', '사진강사', 1980, ${CITY}) RETURNING id`);
    await saveMyProfile(db, actorOf(teacher!.id, '사진강사'), {
      kind: 'instructor', bio: '생활 사진을 가르칩니다.', skills: ['everyday_arts'], targetGroups: [], certificates: [], travelCities: [CITY], travelDongs: [],
      published: true, availability: [{ weekday: 'thu', from: '18:00', to: '22:00' }],
    });
    const institution = (await firstRow<{ id: number }>(db, sql`SELECT id FROM institutions WHERE city_code = ${CITY} ORDER BY name, id LIMIT 1`))!;
    await logIn(officer, server.url, 'officer.suncheon@example.com');
    await officer.goto(`${server.url}/cities/${CITY}/console/delivered`);
    const decision = officer.getByRole('form', { name: `승인하기 / 반려하기: ${TITLE}` });
    await decision.waitFor();
    await decision.getByRole('radio', { name: /^사진강사/ }).press('Space');
    await decision.getByLabel('운영 기관', { exact: true }).selectOption(String(institution.id));
    await checkScreen(officer, JOURNEY, 'console with a ready request');
    await decision.getByRole('button', { name: '승인하기' }).click();
    await officer.getByText('검토할 신청이 없습니다.').waitFor();
    // The decided request links to its course; someone outside the group is offered nothing to press on it.
    await officer.getByLabel('상태', { exact: true }).selectOption('approved');
    await officer.getByRole('link', { name: TITLE }).click();
    await officer.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await officer.getByText('이 강좌는 온라인으로 신청하지 않고 기관에 방문해서 신청합니다. 배달강좌: 신청한 모임의 회원만 수강합니다.').waitFor();
    expect(await officer.getByRole('button', { name: /신청하기/ }).count()).toBe(0);
    const approved = await firstRow<{ programId: number; enrolled: number }>(db, sql`
      SELECT r.program_id AS "programId", (SELECT count(*)::int FROM enrolments e WHERE e.program_id = r.program_id AND e.status = 'enrolled') AS enrolled
      FROM delivered_course_requests r WHERE r.id = ${requestId} AND r.status = 'approved'`);
    expect(approved).toMatchObject({ enrolled: 3 });
  });

  it('a member sees the course they are enrolled on', async () => {
    await resident.goto(`${server.url}/me/delivered-courses/${requestId}`);
    await resident.getByRole('heading', { name: '열린 강좌' }).waitFor();
    await resident.getByText('승인됨').first().waitFor();
    await checkScreen(resident, JOURNEY, 'approved');
    await resident.getByRole('link', { name: TITLE }).click();
    await resident.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await checkScreen(resident, JOURNEY, 'the course');
    await resident.goto(`${server.url}/me/inbox`);
    await resident.getByText(`배달강좌 ‘${TITLE}’이(가) 승인되었습니다`).first().waitFor();
  });
});
