/**
 * Issue 10, item 6, in a real browser: a person fills in an instructor profile on a phone (subject, target group,
 * a 평생교육사 certificate, two weekly times, Gwangmyeong as travel area) and publishes it; the Gwangmyeong centre's
 * manager opens the pool ranked for one of its programs, reads why she fits and assigns her; she finds the
 * program in her teaching schedule. Every screen is checked with axe and at 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { checkScreen, chromiumAvailable, logIn, openStage, type RunningServer, type Stage } from '../support/browser.ts';

const TITLE = '어르신 인문학 산책';

describe.skipIf(!chromiumAvailable)('an instructor is found in the pool and assigned', () => {
  let stage: Stage;
  let server: RunningServer;
  let instructor: Page;
  let staff: Page;
  let programId: number;

  beforeAll(async () => {
    stage = await openStage();
    ({ server } = stage);
    // The centre's program, published through the API as its manager would from the form.
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'staff@example.com', password: DEMO_PASSWORD } });
    const cookie = `lc_session=${login.cookies.find((c) => c.name === 'lc_session')!.value}`;
    const me = (await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json<{ grants: { institutionId: number }[] }>();
    const institutionId = me.grants[0]!.institutionId;
    const venue = (await server.app.inject({ method: 'GET', url: `/api/institutions/${institutionId}` })).json<{ venues: { id: number; seats: number }[] }>()
      .venues.find((v) => v.seats >= 10)!;
    const made = await server.app.inject({
      method: 'POST', url: '/api/programs', headers: { cookie },
      payload: {
        institutionId, venueId: venue.id, title: TITLE, description: '동네를 걸으며 함께 읽고 이야기하는 인문학 강좌입니다.', area: 'liberal_arts',
        subcategory: 'humanities', targetGroups: ['elderly'], mode: 'in_person', startsOn: addDays(todayInKorea(), 14), weekdays: ['tue', 'thu'],
        startTime: '10:00', endTime: '12:00', sessionCount: 4, capacity: 10, feeKrw: 0,
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    programId = made.json<{ id: number }>().id;
    [instructor, staff] = await Promise.all([stage.open('phone'), stage.open('desktop')]);
  });
  afterAll(() => stage?.close());

  it('a person fills in and publishes their profile on a phone', async () => {
    await logIn(instructor, server.url, 'resident@example.com');
    await instructor.getByRole('link', { name: '강사·자원봉사자 프로필' }).click();
    await instructor.getByRole('heading', { level: 1, name: '강사·자원봉사자 프로필' }).waitFor();
    await checkScreen(instructor, 'instructors', 'empty profile');

    await instructor.getByLabel('소개 (기관에 보이는 짧은 글)').fill('마을 도서관에서 어르신 인문학 모임을 8년째 이끌고 있습니다.');
    // KRDS draws the check box inside its label: people tap the label.
    await instructor.getByRole('group', { name: '인문교양교육' }).getByText('인문학적교양', { exact: true }).click();
    await instructor.getByRole('group', { name: '가르쳐 본 대상' }).getByText('어르신', { exact: true }).click();
    expect(await instructor.getByRole('group', { name: '인문교양교육' }).getByLabel('인문학적교양').isChecked()).toBe(true);
    await instructor.getByRole('button', { name: '자격증 추가' }).click();
    await instructor.getByLabel('자격 종류').selectOption('lifelong_educator_2');
    await instructor.getByLabel('발급 기관').fill('교육부');
    await instructor.getByLabel('취득 연도').fill('2018');
    await instructor.getByRole('button', { name: '시간 추가' }).click();
    await instructor.getByRole('button', { name: '시간 추가' }).click();
    await instructor.getByLabel('요일', { exact: true }).nth(1).selectOption('thu');
    await instructor.getByLabel('시·군·구', { exact: true }).selectOption('31060');
    await instructor.getByRole('button', { name: '시·군·구 전체 추가' }).click();
    await instructor.getByRole('button', { name: /광명시 삭제/ }).waitFor();
    await instructor.getByText(/^기관에 공개/).click();
    expect(await instructor.getByLabel(/^기관에 공개/).isChecked()).toBe(true);
    await instructor.getByRole('button', { name: '프로필 저장' }).click();
    await instructor.getByText('저장했습니다. 출강 지역의 기관이 이 프로필을 볼 수 있습니다.').waitFor();
    await checkScreen(instructor, 'instructors', 'profile published');
  });

  it("the centre's manager finds her for a program, sees why, and assigns her", async () => {
    await logIn(staff, server.url, 'staff@example.com');
    // The pool of the city, from the back office, searched by subject and a free time.
    await staff.getByRole('navigation', { name: '메뉴', exact: true }).getByRole('link', { name: '프로그램 관리' }).click();
    await staff.getByRole('link', { name: '강사·자원봉사자 풀' }).click();
    await staff.getByRole('heading', { level: 1, name: /^강사·자원봉사자 풀 · / }).waitFor();
    await staff.getByLabel('분야', { exact: true }).selectOption({ label: '인문학적교양' });
    await staff.getByLabel('요일', { exact: true }).selectOption({ label: '목' });
    await staff.getByLabel('시작', { exact: true }).fill('10:00');
    await staff.getByLabel('끝', { exact: true }).fill('12:00');
    await staff.getByRole('search').getByRole('button', { name: '찾기' }).click();
    await staff.getByText('1명', { exact: true }).waitFor();
    await staff.getByRole('button', { name: '김순자 프로필 보기' }).click();
    await staff.getByText(/^출강 지역: 광명시$/).waitFor();
    await staff.getByText('아직 배정된 프로그램이 없습니다.').waitFor();
    await checkScreen(staff, 'instructors', 'pool searched');

    await staff.goto(`${server.url}/programs/${programId}/edit`);
    await staff.getByRole('link', { name: '풀에서 강사 찾기' }).click();
    await staff.getByRole('heading', { level: 1, name: `강사 찾기 · ${TITLE}` }).waitFor();
    const card = staff.getByRole('listitem').filter({ has: staff.getByRole('heading', { name: /김순자/ }) });
    await card.getByText('화요일 10:00–12:00 가능').waitFor();
    await card.getByText('목요일 10:00–12:00 가능').waitFor();
    await card.getByText('평생교육사 2급').waitFor();
    await card.getByText('인문교양교육 · 인문학적교양 분야').waitFor();
    await checkScreen(staff, 'instructors', 'candidates ranked');

    await card.getByRole('button', { name: '김순자 배정' }).click();
    await staff.getByText('김순자님을 강사로 배정했습니다. 알림을 보냈습니다.').waitFor();
    await staff.getByText('지금 배정된 강사: 김순자').waitFor();
    await checkScreen(staff, 'instructors', 'assigned');
  });

  it('she sees the program in her teaching schedule', async () => {
    await instructor.goto(`${server.url}/me/teaching`);
    await instructor.getByRole('heading', { level: 1, name: '나의 강의 일정' }).waitFor();
    const table = instructor.getByRole('region', { name: '나의 강의 일정' });
    await table.getByRole('link', { name: TITLE }).first().waitFor();
    await instructor.getByText('회차 4개').waitFor();
    await instructor.getByRole('link', { name: '달력 파일로 받기 (.ics)' }).waitFor();
    await checkScreen(instructor, 'instructors', 'teaching schedule');
  });
});
