/**
 * A resident's private calendar feed: a secret address a phone calendar subscribes to without logging in, carrying
 * every session of the courses they take, with links to the configured public address; revoking it ends it at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

const PUBLIC_URL = 'https://learning.gwangmyeong.example';

describe(`the private calendar feed on ${testEngine()}`, () => {
  let t: TestApp;
  let learner: Client;
  let waiting: Client;
  let programId: number;

  beforeAll(async () => {
    t = await testApp({ env: { PUBLIC_URL } });
    const staff = await t.as('staff@example.com');
    const institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    const venue = (await t.anonymous.get(`/api/institutions/${institutionId}`)).json().venues[0];
    const created = await staff.post('/api/programs', {
      institutionId, venueId: venue.id, title: '달력으로 보는 인문학', description: '한 학기 동안 매주 함께 읽고 이야기하는 인문학 강좌입니다.',
      area: 'liberal_arts', subcategory: 'humanities', targetGroups: ['all'], mode: 'in_person', startsOn: addDays(todayInKorea(), 7),
      weekdays: ['mon', 'wed'], startTime: '10:00', endTime: '12:00', sessionCount: 4, capacity: 1, feeKrw: 0,
    });
    expect(created.statusCode, created.body).toBe(201);
    programId = created.json().id;
    const [first, second] = await residents(t, 2);
    [learner, waiting] = [first!, second!];
    expect((await learner.post(`/api/programs/${programId}/enrolment`)).json().status).toBe('enrolled');
    expect((await waiting.post(`/api/programs/${programId}/enrolment`)).json().status).toBe('waitlisted');
  });
  afterAll(() => t.close());

  const feedPath = (url: string) => url.slice(PUBLIC_URL.length);

  it('gives a secret address whose feed holds every session of my courses, with absolute links to the public site', async () => {
    expect((await learner.get('/api/me/learning/calendar-feed')).json()).toEqual({ url: null, createdAt: null, lastFetchedAt: null });
    const feed = (await learner.post('/api/me/learning/calendar-feed')).json();
    expect(feed.url).toMatch(new RegExp(`^${PUBLIC_URL.replace(/\./g, '\\.')}/api/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics$`));
    expect((await learner.get('/api/me/learning/calendar-feed')).json().url).toBe(feed.url);

    // No login: the address is the key.
    const ics = await t.anonymous.get(feedPath(feed.url));
    expect(ics.statusCode, ics.body).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.headers['cache-control']).toBe('private, no-store');
    const body = ics.body.replace(/\r\n[ \t]/g, '');
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(body).toContain('SUMMARY:달력으로 보는 인문학 (1/4)');
    expect(body).toContain(`URL:${PUBLIC_URL}/programs/${programId}`);
    expect(body).not.toMatch(/localhost/);
    expect((await learner.get('/api/me/learning/calendar-feed')).json().lastFetchedAt).toEqual(expect.any(String));

    // A waitlist place is not a class to attend.
    const theirs = (await waiting.post('/api/me/learning/calendar-feed')).json();
    expect((await t.anonymous.get(feedPath(theirs.url))).body).not.toContain('BEGIN:VEVENT');
  });

  it('stops an old address at once when renewed or revoked, and finds nothing at a guessed or malformed one', async () => {
    const first = (await learner.post('/api/me/learning/calendar-feed')).json().url as string;
    const renewed = (await learner.post('/api/me/learning/calendar-feed')).json().url as string;
    expect(renewed).not.toBe(first);
    expect((await t.anonymous.get(feedPath(first))).statusCode).toBe(404);
    expect((await t.anonymous.get(feedPath(renewed))).statusCode).toBe(200);

    const revoked = await learner.request({ method: 'DELETE', url: '/api/me/learning/calendar-feed' });
    expect(revoked.json()).toEqual({ url: null, createdAt: null, lastFetchedAt: null });
    const gone = await t.anonymous.get(feedPath(renewed));
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ error: 'not_found' });
    expect((await t.anonymous.get(`/api/calendar-feeds/${'A'.repeat(43)}.ics`)).statusCode).toBe(404);
    expect((await t.anonymous.get('/api/calendar-feeds/short.ics')).statusCode).toBe(400);
    expect((await t.anonymous.get('/api/me/learning/calendar-feed')).statusCode).toBe(401);
    expect((await t.anonymous.post('/api/me/learning/calendar-feed')).statusCode).toBe(401);
  });
});
