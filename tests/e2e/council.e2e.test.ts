/**
 * Issue 13, item 4, in a real browser: a Suncheon resident on a 390 px phone goes from the city's page to its
 * council, reads the committee's members and a published meeting's agenda and decisions, follows the proposal it
 * discussed, and finds the way back from the proposal ("discussed at"). An unpublished meeting is not listed.
 * Korean; each screen checked with axe in normal and high-contrast modes (checkScreen) and for sideways scrolling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { DESKTOP, apiAs, chromiumAvailable, checkScreen, openPhone, logIn, type PhoneWorld } from '../support/browser.ts';

const CITY = '36030';
const JOURNEY = 'council';
const PROPOSAL = '순천 어르신 스마트폰 교실';
const MEETING = '2031년 1차 순천시 평생교육협의회';
const DECISION = '어르신 스마트폰 교실을 하반기에 시범 운영한다';
const DRAFT = '4월 임시회의';

describe.skipIf(!chromiumAvailable)('a resident reads the council on a phone', () => {
  let world: PhoneWorld;

  beforeAll(async () => {
    world = await openPhone();
    const officer = await apiAs(world.server, 'officer.suncheon@example.com');
    const resident = await apiAs(world.server, 'resident@example.com');
    const proposal = await resident('POST', `/api/cities/${CITY}/proposals`, {
      kind: 'program', title: PROPOSAL, area: 'basic_literacy', subcategory: 'life_skills', targetGroups: ['elderly'],
      description: '키오스크와 모바일 예약을 천천히 배우는 수업이 필요합니다.', dongCode: null, preferredDays: ['tue'], preferredTimes: ['morning'],
    });
    expect(proposal.statusCode, proposal.body).toBe(201);
    const committee = await officer('POST', `/api/cities/${CITY}/record/committees`, { kind: 'council', name: '순천 시민학습 협의회', establishedOn: null, description: '시민과 전문가가 함께하는 협의회', active: true });
    expect(committee.statusCode, committee.body).toBe(201);
    const committeeId = committee.json().id;
    const member = await officer('POST', `/api/cities/${CITY}/record/committee-members`, { committeeId, name: '정협의', affiliation: '순천시민대학', sector: 'expert', role: 'chair', joinedOn: null, leftOn: null });
    expect(member.statusCode, member.body).toBe(201);
    const meeting = { committeeId, attendees: 12, minutes: '주민 제안을 검토하였다.\n다음 회의는 6월에 연다.' };
    const published = await officer('POST', `/api/cities/${CITY}/record/committee-meetings`, {
      ...meeting, heldOn: '2031-03-12', title: MEETING, decisions: [DECISION], agenda: '1. 주민 제안 검토\n2. 하반기 사업 계획',
      place: '순천시평생학습관 2층 회의실', startsAt: '14:00', published: true, proposalIds: [proposal.json().id],
    });
    expect(published.statusCode, published.body).toBe(201);
    const draft = await officer('POST', `/api/cities/${CITY}/record/committee-meetings`, { ...meeting, heldOn: '2031-04-01', title: DRAFT, decisions: [] });
    expect(draft.statusCode, draft.body).toBe(201);
  });
  afterAll(async () => {
    await officerContext?.close();
    await world?.close();
  });
  let officerContext: BrowserContext;
  let officer: Page;

  it('goes from the city to its council and reads the members', async () => {
    const { page, server } = world;
    await logIn(page, server.url, 'resident@example.com');
    await page.goto(`${server.url}/cities/${CITY}`);
    await page.getByRole('link', { name: /평생교육협의회/ }).click();
    await page.getByRole('heading', { level: 1, name: '평생교육협의회' }).waitFor();
    await page.getByRole('heading', { name: '순천 시민학습 협의회', exact: true }).waitFor();
    const members = page.getByRole('table', { name: '순천 시민학습 협의회 위원' });
    await members.getByRole('rowheader', { name: '정협의' }).waitFor();
    expect(await members.getByRole('row').filter({ hasText: '정협의' }).innerText()).toMatch(/위원장[\s\S]*순천시민대학[\s\S]*전문가/);
    await page.getByRole('link', { name: MEETING }).waitFor();
    expect(await page.getByText(DRAFT).count()).toBe(0);
    expect(await page.getByRole('link', { name: /달력에 추가/ }).getAttribute('href')).toBe(`/api/cities/${CITY}/council/meetings.ics`);
    await checkScreen(page, JOURNEY, 'council of the city');
  });

  it('reads a meeting’s agenda and decisions, and follows the proposal it discussed and back', async () => {
    const { page } = world;
    await page.getByRole('link', { name: MEETING }).click();
    await page.getByRole('heading', { level: 1, name: MEETING }).waitFor();
    await page.getByRole('heading', { name: '의결 사항' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: DECISION }).waitFor();
    await page.getByText('순천시평생학습관 2층 회의실').waitFor();
    await checkScreen(page, JOURNEY, 'a meeting');
    await page.getByRole('link', { name: PROPOSAL }).click();
    await page.getByRole('heading', { level: 1, name: PROPOSAL }).waitFor();
    await page.getByRole('heading', { name: '이 제안을 논의한 회의' }).waitFor();
    await checkScreen(page, JOURNEY, 'the proposal discussed');
    await page.getByRole('link', { name: new RegExp(MEETING) }).click();
    await page.getByRole('heading', { level: 1, name: MEETING }).waitFor();
  });

  it('the officer publishes the April meeting in the record, with its place and time, and the resident sees it', async () => {
    const { browser, server, page } = world;
    officerContext = await browser.newContext({ viewport: DESKTOP, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    officer = await officerContext.newPage();
    await logIn(officer, server.url, 'officer.suncheon@example.com');
    await officer.goto(`${server.url}/cities/${CITY}/console/record`);
    await officer.getByRole('row', { name: /순천 시민학습 협의회/ }).getByRole('button', { name: '위원·회의 보기' }).click();
    const meetings = officer.getByRole('region', { name: '순천 시민학습 협의회 회의' });
    await meetings.getByRole('row', { name: new RegExp(DRAFT) }).getByRole('button', { name: '고치기' }).click();
    const form = meetings.locator('form');
    await form.getByLabel('장소').fill('순천시청 소회의실');
    await form.getByLabel('시작 시각').fill('10:30');
    await form.getByRole('checkbox', { name: '주민에게 공개' }).press('Space');
    expect(await form.getByRole('checkbox', { name: '주민에게 공개' }).isChecked()).toBe(true);
    await form.getByRole('button', { name: '저장' }).click();
    await meetings.getByRole('row', { name: new RegExp(`${DRAFT}.*예`) }).waitFor();

    await page.goto(`${server.url}/cities/${CITY}/council`);
    await page.getByRole('link', { name: DRAFT }).click();
    await page.getByRole('heading', { level: 1, name: DRAFT }).waitFor();
    await page.getByText('순천시청 소회의실').waitFor();
    await page.getByText(/10:30/).waitFor();
  });
});
