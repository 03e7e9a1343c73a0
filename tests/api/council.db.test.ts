/**
 * The council's public face (issue 13, item 4): residents and anyone see a city's active committees with their
 * serving members and its published meetings, with the proposals and needs-survey years they discussed; an
 * unpublished meeting exists only for the city's officers (and the ministry, as in the record), never for a
 * resident or another city's officer; the iCalendar feed holds the published meetings only.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouncilCommittee, CouncilMeeting, CouncilMeetingSummary } from '../../src/shared/contracts/council.ts';
import type { PageOf } from '../../src/shared/contracts/common.ts';
import { rows } from '../../src/server/platform/database/database.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

const CITY = '31060';
const SUNCHEON = '36030';
const SURVEY_YEAR = 2031;

describe(`the council on ${testEngine()}`, () => {
  let t: TestApp;
  let officer: Client;
  let otherOfficer: Client;
  let ministry: Client;
  let resident: Client;
  let committeeId: number;
  let proposalId: number;
  let suncheonProposalId: number;
  let published: { id: number; version: number };
  let draft: { id: number; version: number };

  const record = (path: string) => `/api/cities/${CITY}/record/${path}`;
  const council = (path: string, city = CITY) => `/api/cities/${city}/council/${path}`;
  const meetingIds = async (client: Client, query = '') =>
    ((await client.get(council(`meetings?pageSize=100${query}`))).json() as PageOf<CouncilMeetingSummary>).items.map((m) => m.id);
  const proposalBody = (title: string) => ({
    kind: 'program', title, area: 'basic_literacy', subcategory: 'life_skills', targetGroups: ['elderly'],
    description: '키오스크와 모바일 예약을 천천히 실습하는 수업이 있으면 좋겠습니다.', dongCode: null, preferredDays: ['tue'], preferredTimes: ['evening'],
  });

  beforeAll(async () => {
    t = await testApp();
    [officer, otherOfficer, ministry, resident] = await Promise.all([
      t.as('officer@example.com'), t.as('officer.suncheon@example.com'), t.as('ministry@example.com'), t.as('resident@example.com'),
    ]);
    const [proposer] = await residents(t, 1, { homeCityCode: CITY });
    const [suncheonProposer] = await residents(t, 1, { homeCityCode: SUNCHEON });
    const made = await proposer!.post(`/api/cities/${CITY}/proposals`, proposalBody('어르신 키오스크 교실'));
    expect(made.statusCode, made.body).toBe(201);
    proposalId = made.json().id;
    suncheonProposalId = (await suncheonProposer!.post(`/api/cities/${SUNCHEON}/proposals`, proposalBody('순천의 제안'))).json().id;
    // The year's needs survey exists (its questionnaire and answers are the surveys module's; here only the link matters).
    await rows(t.database.db, sql`INSERT INTO surveys (purpose, year, city_code) VALUES ('needs', ${SURVEY_YEAR}, ${CITY}) ON CONFLICT DO NOTHING`);

    const committee = await officer.post(record('committees'), { kind: 'council', name: '광명시 평생교육협의회 (테스트)', establishedOn: '2020-01-01', description: '', active: true });
    expect(committee.statusCode, committee.body).toBe(201);
    committeeId = committee.json().id;
    for (const member of [
      { name: '김위원', affiliation: '광명시민대학', sector: 'expert', role: 'member', joinedOn: null, leftOn: null },
      { name: '이위원장', affiliation: '광명시', sector: 'public_official', role: 'chair', joinedOn: null, leftOn: null },
      { name: '박전위원', affiliation: '예전 기관', sector: 'resident', role: 'member', joinedOn: '2020-01-01', leftOn: '2021-01-01' },
    ]) {
      const response = await officer.post(record('committee-members'), { committeeId, ...member });
      expect(response.statusCode, response.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('lets the officer publish a meeting with its agenda, place, time and discussed proposals and survey years', async () => {
    const created = await officer.post(record('committee-meetings'), {
      committeeId, heldOn: '2031-03-12', title: '2031년 1차 정기회의', attendees: 11, minutes: '제안을 검토하였다.', decisions: ['키오스크 교실을 시범 운영한다'],
      agenda: '1. 주민 제안 검토\n2. 학습요구조사 결과 보고', place: '광명시평생학습원 3층', startsAt: '14:00', published: true,
      proposalIds: [proposalId], surveyYears: [SURVEY_YEAR],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ published: true, publishedAt: expect.any(String), startsAt: '14:00:00', proposalIds: [proposalId], surveyYears: [SURVEY_YEAR] });
    published = created.json();

    // Callers from before the council keep working: none of its fields is required.
    const old = await officer.post(record('committee-meetings'), { committeeId, heldOn: '2031-04-02', title: '임시회의 (비공개)', attendees: null, minutes: '', decisions: ['비공개 의결'] });
    expect(old.statusCode, old.body).toBe(201);
    expect(old.json()).toMatchObject({ published: false, publishedAt: null, agenda: '', place: '', startsAt: null, proposalIds: [] });
    draft = old.json();
  });

  it('refuses links to another city’s proposal or a year without a needs survey, naming the field', async () => {
    const base = { committeeId, heldOn: '2031-05-01', title: '잘못된 연결', attendees: null, minutes: '', decisions: [] };
    const foreign = await officer.post(record('committee-meetings'), { ...base, proposalIds: [suncheonProposalId] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({ field: 'proposalIds' });
    const noSurvey = await officer.request({ method: 'PATCH', url: record(`committee-meetings/${draft.id}`), payload: { surveyYears: [2040], version: draft.version } });
    expect(noSurvey.statusCode).toBe(400);
    expect(noSurvey.json()).toMatchObject({ field: 'surveyYears' });
    const badTime = await officer.post(record('committee-meetings'), { ...base, startsAt: '25:00' });
    expect(badTime.statusCode).toBe(400);
  });

  it('keeps the first publication time when a published meeting is saved again, and takes it back on unpublishing', async () => {
    const again = await officer.request({ method: 'PATCH', url: record(`committee-meetings/${published.id}`), payload: { published: true, place: '광명시평생학습원 대강당', version: published.version } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().publishedAt).toBe((published as unknown as { publishedAt: string }).publishedAt);
    published = again.json();
  });

  it('shows the active committees with their serving members, chair first, to anyone', async () => {
    const response = await t.anonymous.get(council('committees'));
    expect(response.statusCode, response.body).toBe(200);
    const mine = (response.json() as PageOf<CouncilCommittee>).items.find((c) => c.id === committeeId)!;
    expect(mine.members).toEqual([
      { name: '이위원장', affiliation: '광명시', sector: 'public_official', role: 'chair' },
      { name: '김위원', affiliation: '광명시민대학', sector: 'expert', role: 'member' },
    ]);
  });

  it('shows published meetings to everyone and unpublished ones only to those who keep or oversee the record', async () => {
    for (const client of [t.anonymous, resident, otherOfficer]) {
      const ids = await meetingIds(client);
      expect(ids).toContain(published.id);
      expect(ids).not.toContain(draft.id);
      expect((await client.get(council(`meetings/${draft.id}`))).statusCode).toBe(404);
    }
    for (const client of [officer, ministry]) {
      expect(await meetingIds(client)).toEqual(expect.arrayContaining([published.id, draft.id]));
      const seen = await client.get(council(`meetings/${draft.id}`));
      expect(seen.statusCode).toBe(200);
      expect(seen.json()).toMatchObject({ published: false, decisions: ['비공개 의결'] });
    }
    // Another city's officer cannot reach the meeting through their own city either.
    expect((await otherOfficer.get(council(`meetings/${published.id}`, SUNCHEON))).statusCode).toBe(404);
  });

  it('gives a published meeting with its agenda, decisions, and the proposals and survey results it discussed', async () => {
    const response = await resident.get(council(`meetings/${published.id}`));
    expect(response.statusCode, response.body).toBe(200);
    const meeting = response.json() as CouncilMeeting;
    expect(meeting).toMatchObject({
      committeeName: '광명시 평생교육협의회 (테스트)', heldOn: '2031-03-12', startsAt: '14:00', place: '광명시평생학습원 대강당',
      agenda: '1. 주민 제안 검토\n2. 학습요구조사 결과 보고', decisions: ['키오스크 교실을 시범 운영한다'], decisionCount: 1, published: true,
      proposals: [{ id: proposalId, title: '어르신 키오스크 교실', status: 'open', supporters: expect.any(Number) }],
      // No answers yet: the year is linked, and nothing under the respondents results are shown from is given.
      surveys: [{ year: SURVEY_YEAR, respondents: 0, items: [] }],
    });
  });

  it('finds the meetings that discussed a proposal (the proposal page’s back-links), newest first, paginated', async () => {
    expect(await meetingIds(t.anonymous, `&proposal=${proposalId}`)).toEqual([published.id]);
    expect(await meetingIds(t.anonymous, `&proposal=${suncheonProposalId}`)).toEqual([]);
    const second = await officer.post(record('committee-meetings'), {
      committeeId, heldOn: '2031-06-20', title: '2031년 2차 정기회의', attendees: 9, minutes: '', decisions: [], published: true, proposalIds: [proposalId],
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(await meetingIds(resident, `&proposal=${proposalId}`)).toEqual([second.json().id, published.id]);
    const page = (await resident.get(council(`meetings?proposal=${proposalId}&pageSize=1&page=2`))).json() as PageOf<CouncilMeetingSummary>;
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ id: published.id }] });
  });

  it('gives the published meetings as an iCalendar feed, in UTC, each linking to its page', async () => {
    const response = await t.anonymous.get(council('meetings.ics'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const ics = response.body.replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`UID:council-${CITY}-meeting-${published.id}@learning-city`);
    // 14:00 in Korea is 05:00 UTC; a meeting lasts two hours in the calendar.
    expect(ics).toContain('DTSTART:20310312T050000Z');
    expect(ics).toContain('DTEND:20310312T070000Z');
    expect(ics).toContain('LOCATION:광명시평생학습원 대강당');
    expect(ics).toMatch(new RegExp(`URL:[^\\r\\n]*/cities/${CITY}/council/meetings/${published.id}`));
    // A meeting without a set time is a whole day.
    expect(ics).toContain('DTSTART;VALUE=DATE:20310620');
    expect(ics).not.toContain(`meeting-${draft.id}@`);
    expect(ics).not.toContain('임시회의');
    expect((await t.anonymous.get(council('meetings.ics', '99999'))).statusCode).toBe(404);
  });

  it('takes a meeting back from residents when unpublished', async () => {
    const back = await officer.request({ method: 'PATCH', url: record(`committee-meetings/${published.id}`), payload: { published: false, version: published.version } });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ published: false, publishedAt: null });
    expect((await resident.get(council(`meetings/${published.id}`))).statusCode).toBe(404);
    expect((await t.anonymous.get(council('meetings.ics'))).body).not.toContain(`meeting-${published.id}@`);
  });
});
