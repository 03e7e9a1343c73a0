/**
 * Roles and their scope, enforced by the server: one city's officer cannot change another city's data,
 * staff act only for their institution, and only the ministry and administrators do their work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInKorea, yearInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';

describe(`role scoping on ${testEngine()}`, () => {
  let t: TestApp;
  let gwangmyeongOfficer: Client;
  let suncheonOfficer: Client;
  let staff: Client;
  let resident: Client;
  let ministry: Client;
  let admin: Client;
  let staffInstitution: { id: number; cityCode: string };
  let otherGwangmyeongInstitution: number;
  let suncheonInstitution: number;

  beforeAll(async () => {
    t = await testApp();
    gwangmyeongOfficer = await t.as('officer@example.com');
    suncheonOfficer = await t.as('officer.suncheon@example.com');
    staff = await t.as('staff@example.com');
    resident = await t.as('resident@example.com');
    ministry = await t.as('ministry@example.com');
    admin = await t.as('admin@example.com');
    const grant = (await staff.get('/api/auth/me')).json().grants[0];
    staffInstitution = { id: grant.institutionId, cityCode: grant.institutionCityCode };
    const gwangmyeong = (await t.anonymous.get('/api/institutions?city=31060&pageSize=100')).json().items as { id: number }[];
    otherGwangmyeongInstitution = gwangmyeong.find((i) => i.id !== staffInstitution.id)!.id;
    suncheonInstitution = (await t.anonymous.get('/api/institutions?city=36030')).json().items[0].id;
  });
  afterAll(() => t.close());

  const profile = { department: '평생학습과', vision: '배우는 도시' };

  it('lets a city officer edit their own city, not another city', async () => {
    expect((await gwangmyeongOfficer.patch('/api/cities/31060/profile', profile)).statusCode).toBe(200);
    expect((await gwangmyeongOfficer.patch('/api/cities/36030/profile', profile)).statusCode).toBe(403);
    expect((await suncheonOfficer.patch('/api/cities/31060/profile', profile)).statusCode).toBe(403);
    expect((await suncheonOfficer.patch('/api/cities/36030/profile', profile)).statusCode).toBe(200);
  });

  it('leaves a city unchanged when another city’s officer tries to change it', async () => {
    await suncheonOfficer.patch('/api/cities/31060/profile', { department: '침입' });
    expect((await t.anonymous.get('/api/cities/31060')).json().profile.department).toBe('평생학습과');
  });

  it('asks anonymous visitors to log in, and refuses residents', async () => {
    const anonymous = await t.anonymous.patch('/api/cities/31060/profile', profile);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: 'unauthorized' });
    expect((await resident.patch('/api/cities/31060/profile', profile)).statusCode).toBe(403);
  });

  it('lets staff edit their own institution only; their city’s officer may edit it too', async () => {
    const change = { description: '주민 누구나 배우는 곳' };
    expect((await staff.patch(`/api/institutions/${staffInstitution.id}`, change)).statusCode).toBe(200);
    expect((await staff.patch(`/api/institutions/${otherGwangmyeongInstitution}`, change)).statusCode).toBe(403);
    expect((await gwangmyeongOfficer.patch(`/api/institutions/${otherGwangmyeongInstitution}`, change)).statusCode).toBe(200);
    expect((await gwangmyeongOfficer.patch(`/api/institutions/${suncheonInstitution}`, change)).statusCode).toBe(403);
    expect((await resident.patch(`/api/institutions/${staffInstitution.id}`, change)).statusCode).toBe(403);
  });

  it('lets staff publish programs for their own institution only', async () => {
    const venue = (await t.anonymous.get(`/api/institutions/${staffInstitution.id}`)).json().venues[0];
    const program = {
      institutionId: staffInstitution.id, venueId: venue.id, title: '시니어 스마트폰 기초 교실', description: '카카오톡과 사진 정리를 배웁니다. 천천히 따라 하시면 됩니다.',
      area: 'basic_literacy', subcategory: 'life_skills', targetGroups: ['elderly'], mode: 'in_person', startsOn: '2027-03-02', weekdays: ['tue', 'thu'],
      startTime: '10:00', endTime: '12:00', sessionCount: 8, capacity: Math.min(10, venue.seats), feeKrw: 0, minAge: 65,
    };
    const created = await staff.post('/api/programs', program);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ cityCode: '31060', endsOn: '2027-03-25', totalHours: 16, sessions: expect.any(Array) });
    expect(created.json().sessions).toHaveLength(8);
    expect((await staff.post('/api/programs', { ...program, institutionId: suncheonInstitution })).statusCode).toBe(403);
    expect((await gwangmyeongOfficer.post('/api/programs', program)).statusCode).toBe(403);
    expect((await t.anonymous.post('/api/programs', program)).statusCode).toBe(401);
  });

  it('dates a program from the first day it meets', async () => {
    const venue = (await t.anonymous.get(`/api/institutions/${staffInstitution.id}`)).json().venues[0];
    // 2027-03-01 is a Monday; the classes are on Tuesdays and Thursdays.
    const created = await staff.post('/api/programs', {
      institutionId: staffInstitution.id, venueId: venue.id, title: '화목 서예 교실', description: '붓글씨의 기본 획부터 천천히 배웁니다.',
      area: 'culture_arts', subcategory: 'everyday_arts', targetGroups: ['all'], mode: 'in_person', startsOn: '2027-03-01', weekdays: ['tue', 'thu'],
      startTime: '10:00', endTime: '12:00', sessionCount: 4, capacity: Math.min(10, venue.seats), feeKrw: 0,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ startsOn: '2027-03-02', endsOn: '2027-03-11' });
    expect(created.json().sessions[0].startsAt).toBe('2027-03-02T10:00:00+09:00');
  });

  it('explains a program that does not hold together, naming the field', async () => {
    const venue = (await t.anonymous.get(`/api/institutions/${staffInstitution.id}`)).json().venues[0];
    const base = {
      institutionId: staffInstitution.id, venueId: venue.id, title: '요가 교실', description: '몸과 마음을 돌보는 요가 수업입니다.', area: 'culture_arts',
      subcategory: 'leisure_sports', targetGroups: ['all'], mode: 'in_person', startsOn: '2027-03-02', weekdays: ['mon'], startTime: '10:00', endTime: '11:00',
      sessionCount: 4, capacity: 5, feeKrw: 0,
    };
    const cases: [object, string][] = [
      [{ subcategory: 'literacy' }, 'subcategory'],
      [{ endTime: '09:00' }, 'endTime'],
      [{ capacity: venue.seats + 1 }, 'capacity'],
      [{ mode: 'online' }, 'venueId'],
      [{ venueId: undefined }, 'venueId'],
      [{ weekdays: [] }, 'weekdays'],
      [{ minAge: 70, maxAge: 60 }, 'minAge'],
    ];
    for (const [change, field] of cases) {
      const response = await staff.post('/api/programs', { ...base, ...change });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(response.json().field, JSON.stringify(change)).toBe(field);
    }
  });

  it('lets only the ministry record designations, following the life cycle', async () => {
    // Decided today: the demo's history runs to the end of last year, so a fixed date would one day fall before its last decision.
    const decision = { state: 'redesignated', year: yearInKorea(), occurredOn: todayInKorea(), reason: '재지정평가 통과' };
    expect((await gwangmyeongOfficer.post('/api/cities/31060/designations', decision)).statusCode).toBe(403);
    const recorded = await ministry.post('/api/cities/31060/designations', decision);
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json().state).toBe('redesignated');
    const impossible = await ministry.post('/api/cities/31060/designations', { ...decision, state: 'potential' });
    expect(impossible.statusCode).toBe(409);
    expect(impossible.json()).toMatchObject({ field: 'state', message: expect.stringContaining('재지정') });
    const backdated = await ministry.post('/api/cities/31060/designations', { ...decision, occurredOn: '2020-01-01' });
    expect(backdated.json()).toMatchObject({ field: 'occurredOn' });
  });

  it('lets only administrators list people and grant roles, with the right scope', async () => {
    expect((await ministry.get('/api/people')).statusCode).toBe(403);
    const officers = await admin.get('/api/people?role=city_officer');
    expect(officers.statusCode).toBe(200);
    expect(officers.json().total).toBe(2);
    const residentId = (await resident.get('/api/auth/me')).json().personId;
    expect((await admin.post(`/api/people/${residentId}/roles`, { role: 'city_officer' })).json().field).toBe('cityCode');
    expect((await admin.post(`/api/people/${residentId}/roles`, { role: 'ministry_officer', cityCode: '31060' })).json().field).toBe('cityCode');
    expect((await admin.post(`/api/people/${residentId}/roles`, { role: 'city_officer', cityCode: '36030' })).statusCode).toBe(204);
    expect((await staff.post(`/api/people/${residentId}/roles`, { role: 'administrator' })).statusCode).toBe(403);
    const promoted = await t.as('resident@example.com');
    expect((await promoted.patch('/api/cities/36030/profile', profile)).statusCode).toBe(200);
  });
});
