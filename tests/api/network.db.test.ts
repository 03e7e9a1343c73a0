/**
 * Issue 10, items 4–5: two institutions' managers sign a partnership (every party accepts), attach the signed PDF,
 * and one books the other's room within its opening hours; the database refuses a second live agreement between
 * the same parties over an overlapping period and any overlapping booking, however many arrive at once; the
 * agreement log is append-only; staff act only for their own institution and book only what partners offer them;
 * the city's officers see the network as a graph, other cities' officers do not.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf } from '../../src/shared/contracts/common.ts';
import type { Agreement, AgreementLogEntry, Booking, CityNetwork, JointProgram, ProgramRoom, SharedResource } from '../../src/shared/contracts/network.ts';
import { todayInKorea } from '../../src/server/platform/clock.ts';
import { testEngine } from '../support/database.ts';
import { samplePdf, samplePng } from '../support/documents.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

const GWANGMYEONG = '31060';
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const allWeek = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((weekday) => ({ weekday, opens: '09:00', closes: '18:00' }));

describe(`the institutions' network on ${testEngine()}`, () => {
  let t: TestApp;
  let managerA: Client;
  let staffA: Client;
  let managerB: Client;
  let managerC: Client;
  let resident: Client;
  let officer: Client;
  let otherOfficer: Client;
  let a: number;
  let b: number;
  let c: number;
  let agreement: Agreement;
  let room: SharedResource;
  const today = todayInKorea();
  const inAWeek = addDays(today, 7);
  const slot = (day: string, from: string, to: string) => ({ startsAt: `${day}T${from}:00+09:00`, endsAt: `${day}T${to}:00+09:00` });

  const propose = (by: Client, from: number, partnerIds: number[], startsOn = today, endsOn = addDays(today, 365)) =>
    by.post(`/api/institutions/${from}/agreements`, {
      title: '평생학습 공동 운영 협약', partnerIds, startsOn, endsOn, scopeAreas: ['culture_arts', 'liberal_arts'], scopeText: '공간 공유와 강좌 공동 운영',
    });
  const bookRoom = (by: Client, from: number, times: { startsAt: string; endsAt: string }, purpose = '주민 독서 모임') =>
    by.post(`/api/institutions/${from}/bookings`, { resourceId: room.id, ...times, purpose, programId: null });

  beforeAll(async () => {
    t = await testApp();
    [managerA, resident, officer, otherOfficer] = await Promise.all([
      t.as('staff@example.com'), t.as('resident@example.com'), t.as('officer@example.com'), t.as('officer.suncheon@example.com'),
    ]);
    const admin = await t.as('admin@example.com');
    a = (await managerA.get('/api/auth/me')).json<{ grants: { institutionId: number }[] }>().grants[0]!.institutionId;
    const others = (await t.anonymous.get(`/api/institutions?city=${GWANGMYEONG}&pageSize=100`)).json<PageOf<{ id: number }>>().items.map((i) => i.id).filter((id) => id !== a);
    [b, c] = others as [number, number];
    const [personB, personC, personA] = await residents(t, 3);
    for (const [person, institutionId, role] of [[personB!, b, 'institution_manager'], [personC!, c, 'institution_manager'], [personA!, a, 'institution_staff']] as const) {
      expect((await admin.post(`/api/people/${person.personId}/roles`, { role, institutionId })).statusCode).toBe(204);
    }
    [managerB, managerC, staffA] = [personB!, personC!, personA!];
  });
  afterAll(async () => t?.close());

  describe('agreements', () => {
    it('is proposed by one party, accepted by the other, and then signed', async () => {
      const proposed = await propose(managerA, a, [b]);
      expect(proposed.statusCode, proposed.body).toBe(201);
      agreement = proposed.json<Agreement>();
      expect(agreement.status).toBe('proposed');
      expect(agreement.parties.find((p) => p.institutionId === a)!.acceptedAt).not.toBeNull();
      expect(agreement.parties.find((p) => p.institutionId === b)!.acceptedAt).toBeNull();

      // The proposer cannot accept twice; the other party's manager signs.
      expect((await managerA.post(`/api/institutions/${a}/agreements/${agreement.id}/accept`)).statusCode).toBe(409);
      const signed = await managerB.post(`/api/institutions/${b}/agreements/${agreement.id}/accept`);
      expect(signed.statusCode, signed.body).toBe(200);
      expect(signed.json<Agreement>()).toMatchObject({ status: 'signed', current: true });

      const listed = (await managerB.get(`/api/institutions/${b}/agreements?status=signed`)).json<PageOf<Agreement>>();
      expect(listed.items.map((x) => x.id)).toContain(agreement.id);
      const log = (await managerB.get(`/api/institutions/${b}/agreements/${agreement.id}/log`)).json<PageOf<AgreementLogEntry>>();
      expect(log.items.map((l) => l.change).reverse()).toEqual(['proposed', 'accepted', 'accepted', 'signed']);
    });

    it('refuses, in the database, a second live agreement between the same parties over an overlapping period', async () => {
      const again = await propose(managerB, b, [a], addDays(today, 30), addDays(today, 60));
      expect(again.statusCode, again.body).toBe(409);
      expect(again.json<{ message: string }>().message).toMatch(/기간이 겹치는 협약/);
      // Straight into the table, bypassing the service: the exclusion constraint refuses it too.
      await expect(t.database.db.execute(sql`
        INSERT INTO partnership_agreements (city_code, title, parties_key, starts_on, ends_on, proposed_by_institution_id)
        VALUES (${GWANGMYEONG}, 'x', ${[a, b].sort((x, y) => x - y).join(',')}, ${addDays(today, 10)}::date, ${addDays(today, 20)}::date, ${a})`)).rejects.toThrow();
      // Another set of parties, or a period after this one ends, is fine (and withdrawn at once).
      const later = await propose(managerA, a, [b], addDays(today, 400), addDays(today, 500));
      expect(later.statusCode, later.body).toBe(201);
      expect((await managerB.post(`/api/institutions/${b}/agreements/${later.json<Agreement>().id}/withdraw`)).json<Agreement>().status).toBe('withdrawn');
    });

    it('keeps the signed document as a PDF only', async () => {
      const upload = (bytes: Buffer, name: string) => managerA.request({
        method: 'PUT', url: `/api/institutions/${a}/agreements/${agreement.id}/document?name=${encodeURIComponent(name)}`,
        headers: { 'content-type': 'application/octet-stream' }, payload: bytes,
      });
      const png = await upload(samplePng(), '협약서.png');
      expect(png.statusCode, png.body).toBe(415);
      const pdf = await upload(samplePdf('협약서'), '협약서.pdf');
      expect(pdf.statusCode, pdf.body).toBe(200);
      expect(pdf.json<Agreement>().document).toMatchObject({ fileName: '협약서.pdf' });
      const download = await managerB.get(`/api/institutions/${b}/agreements/${agreement.id}/document`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.rawPayload.equals(samplePdf('협약서'))).toBe(true);
    });

    it('lets only the parties’ managers act, each for their own institution', async () => {
      expect((await propose(staffA, a, [c])).statusCode).toBe(403);
      expect((await propose(resident, a, [c])).statusCode).toBe(403);
      expect((await propose(managerC, a, [b])).statusCode).toBe(403);
      expect((await t.anonymous.get(`/api/institutions/${a}/agreements`)).statusCode).toBe(401);
      // A manager of a non-party does not see the agreement, even through their own institution.
      expect((await managerC.get(`/api/institutions/${c}/agreements/${agreement.id}`)).statusCode).toBe(404);
      expect((await managerC.post(`/api/institutions/${c}/agreements/${agreement.id}/accept`)).statusCode).toBe(404);
      expect((await managerC.get(`/api/institutions/${a}/agreements/${agreement.id}`)).statusCode).toBe(403);
      // Staff of a party see it; the city's officer may look; another city's may not.
      expect((await staffA.get(`/api/institutions/${a}/agreements/${agreement.id}`)).statusCode).toBe(200);
      expect((await officer.get(`/api/institutions/${a}/agreements`)).statusCode).toBe(200);
      expect((await otherOfficer.get(`/api/institutions/${a}/agreements`)).statusCode).toBe(403);
      expect((await propose(managerA, a, [a])).statusCode).toBe(400);
    });

    it('keeps its log append-only in the database', async () => {
      const refusal = (statement: ReturnType<typeof sql>) => t.database.db.execute(statement).then(
        () => 'allowed', (error: Error & { cause?: Error }) => `${error.message} ${error.cause?.message ?? ''}`);
      const before = (await t.database.db.execute(sql`SELECT count(*)::int AS n FROM agreement_log`) as unknown as { rows: { n: number }[] }).rows[0]!.n;
      expect(await refusal(sql`UPDATE agreement_log SET actor_name = 'x'`)).toMatch(/append-only: UPDATE/);
      expect(await refusal(sql`DELETE FROM agreement_log`)).toMatch(/append-only: DELETE/);
      expect(await refusal(sql`TRUNCATE agreement_log`)).toMatch(/append-only: TRUNCATE/);
      const after = (await t.database.db.execute(sql`SELECT count(*)::int AS n FROM agreement_log`) as unknown as { rows: { n: number }[] }).rows[0]!.n;
      expect(after).toBe(before);
    });
  });

  describe('shared rooms and bookings', () => {
    it('lets an institution offer a room with opening hours, and its partner see it', async () => {
      const made = await managerB.post(`/api/institutions/${b}/resources`, {
        kind: 'room', name: '다목적 강의실', capacity: 30, venueId: null, openingHours: allWeek, rules: '음식물 반입 금지', offered: true,
      });
      expect(made.statusCode, made.body).toBe(201);
      room = made.json<SharedResource>();
      const offered = (await staffA.get(`/api/institutions/${a}/partner-resources`)).json<PageOf<SharedResource>>();
      expect(offered.items.map((r) => r.id)).toContain(room.id);
      // Not to institutions without an agreement.
      expect((await managerC.get(`/api/institutions/${c}/partner-resources`)).json<PageOf<SharedResource>>().items.map((r) => r.id)).not.toContain(room.id);
      expect((await managerC.post(`/api/institutions/${b}/resources`, { kind: 'room', name: '남의 방', capacity: 3, venueId: null, openingHours: allWeek, rules: '', offered: true })).statusCode).toBe(403);
      const badHours = await managerB.post(`/api/institutions/${b}/resources`, {
        kind: 'equipment', name: '빔프로젝터', capacity: 1, venueId: null, openingHours: [{ weekday: 'mon', opens: '18:00', closes: '09:00' }], rules: '', offered: true,
      });
      expect(badHours.statusCode).toBe(400);
      expect(badHours.json<{ field: string }>().field).toBe('openingHours');
    });

    it('books a slot for a partner, refuses a second booking of it with a clear message, and only partners may book', async () => {
      const first = await bookRoom(staffA, a, slot(inAWeek, '10:00', '12:00'));
      expect(first.statusCode, first.body).toBe(201);
      const second = await bookRoom(managerA, a, slot(inAWeek, '11:00', '13:00'));
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({ error: 'slot_taken', field: 'startsAt' });
      expect(second.json<{ message: string }>().message).toMatch(/10:00–12:00에 이미 예약되어 있습니다/);
      const english = await staffA.request({
        method: 'POST', url: `/api/institutions/${a}/bookings`, headers: { 'accept-language': 'en' },
        payload: { resourceId: room.id, ...slot(inAWeek, '11:30', '12:30'), purpose: 'x reading', programId: null },
      });
      expect(english.json<{ message: string }>().message).toMatch(/already booked/);
      // Right after it is fine ([start, end) ranges).
      expect((await bookRoom(staffA, a, slot(inAWeek, '12:00', '13:00'))).statusCode).toBe(201);

      expect((await bookRoom(managerC, c, slot(inAWeek, '14:00', '15:00'))).statusCode).toBe(403);
      expect((await bookRoom(managerC, a, slot(inAWeek, '14:00', '15:00'))).statusCode).toBe(403);
      expect((await bookRoom(managerB, b, slot(inAWeek, '14:00', '15:00'))).statusCode).toBe(400);
      const outside = await bookRoom(staffA, a, slot(inAWeek, '17:00', '19:00'));
      expect(outside.statusCode).toBe(400);
      expect(outside.json<{ message: string }>().message).toMatch(/이용 시간\(09:00–18:00\)/);
      expect((await bookRoom(staffA, a, slot(addDays(today, -1), '10:00', '11:00'))).statusCode).toBe(400);
      expect((await bookRoom(staffA, a, slot(inAWeek, '14:10', '15:00'))).statusCode).toBe(400);
    });

    it('lets exactly one of many simultaneous requests for one slot win', async () => {
      const day = addDays(today, 8);
      const attempts = await Promise.all(Array.from({ length: 12 }, (_, i) => bookRoom(i % 2 ? staffA : managerA, a, slot(day, '09:00', '11:00'), `동시 예약 ${i}`)));
      const codes = attempts.map((r) => r.statusCode);
      expect(codes.filter((code) => code === 201)).toHaveLength(1);
      expect(codes.filter((code) => code === 409)).toHaveLength(11);
      for (const refused of attempts.filter((r) => r.statusCode === 409)) expect(refused.json<{ error: string }>().error).toBe('slot_taken');
      const held = (await managerB.get(`/api/institutions/${b}/resources/${room.id}/bookings?pageSize=100`)).json<PageOf<Booking>>();
      expect(held.items.filter((x) => x.startsAt === new Date(`${day}T09:00:00+09:00`).toISOString().replace('.000', ''))).toHaveLength(1);
    });

    it('lets the owner see and cancel bookings, which frees the time', async () => {
      const mine = (await managerB.get(`/api/institutions/${b}/bookings?pageSize=100`)).json<PageOf<Booking>>();
      const first = mine.items.find((x) => x.purpose === '주민 독서 모임' && x.bookingInstitutionId === a)!;
      expect(first).toBeDefined();
      expect((await managerC.post(`/api/institutions/${c}/bookings/${first.id}/cancel`)).statusCode).toBe(404);
      const cancelled = await managerB.post(`/api/institutions/${b}/bookings/${first.id}/cancel`);
      expect(cancelled.json<Booking>()).toMatchObject({ status: 'cancelled' });
      expect((await managerB.post(`/api/institutions/${b}/bookings/${first.id}/cancel`)).statusCode).toBe(409);
      expect((await bookRoom(staffA, a, slot(inAWeek, '10:00', '11:00'))).statusCode).toBe(201);
    });
  });

  describe('joint programs, programs in partners\' rooms and the city network', () => {
    it('shows residents a program held in a partner\'s room at that room\'s place', async () => {
      const published = (await t.database.db.execute(sql`
        SELECT id FROM programs WHERE institution_id = ${a} AND status = 'published' ORDER BY id LIMIT 1`) as unknown as { rows: { id: number }[] }).rows[0]!.id;
      const notOurs = (await t.database.db.execute(sql`
        SELECT id FROM programs WHERE institution_id <> ${a} ORDER BY id LIMIT 1`) as unknown as { rows: { id: number }[] }).rows[0]!.id;
      const day = addDays(today, 9);
      const forOthers = await staffA.post(`/api/institutions/${a}/bookings`, { resourceId: room.id, ...slot(day, '14:00', '16:00'), purpose: '남의 강좌', programId: notOurs });
      expect(forOthers.statusCode).toBe(400);
      expect(forOthers.json<{ field: string }>().field).toBe('programId');
      const held = await staffA.post(`/api/institutions/${a}/bookings`, { resourceId: room.id, ...slot(day, '14:00', '16:00'), purpose: '강좌 1회차', programId: published });
      expect(held.statusCode, held.body).toBe(201);
      const rooms = (await t.anonymous.get(`/api/programs/${published}/partner-rooms`)).json<PageOf<ProgramRoom>>();
      expect(rooms.items).toEqual([expect.objectContaining({ resourceName: '다목적 강의실', institutionId: b, startsAt: new Date(slot(day, '14:00', '16:00').startsAt).toISOString().replace('.000', '') })]);
      expect(typeof rooms.items[0]!.lat).toBe('number');
    });

    it('shows a program co-run by a partner under each of them', async () => {
      const programs = (await managerA.get(`/api/institutions/${a}/office/programs?pageSize=5`)).json<PageOf<{ id: number }>>();
      const programId = programs.items[0]!.id;
      expect((await managerA.request({ method: 'PUT', url: `/api/institutions/${a}/programs/${programId}/partners/${c}` })).statusCode).toBe(409);
      expect((await managerB.request({ method: 'PUT', url: `/api/institutions/${b}/programs/${programId}/partners/${a}` })).statusCode).toBe(404);
      expect((await managerA.request({ method: 'PUT', url: `/api/institutions/${a}/programs/${programId}/partners/${b}` })).statusCode).toBe(204);
      const atB = (await managerB.get(`/api/institutions/${b}/joint-programs`)).json<PageOf<JointProgram>>();
      expect(atB.items.map((p) => p.programId)).toContain(programId);
      expect(atB.items[0]!.partners.map((p) => p.institutionId)).toContain(b);
      const log = (await managerA.get(`/api/institutions/${a}/agreements/${agreement.id}/log`)).json<PageOf<AgreementLogEntry>>();
      expect(log.items[0]!.change).toBe('program_joined');
    });

    it("draws the city's network for its officers only", async () => {
      const network = await officer.get(`/api/cities/${GWANGMYEONG}/network`);
      expect(network.statusCode, network.body).toBe(200);
      const graph = network.json<CityNetwork>();
      expect(graph.edges).toContainEqual(expect.objectContaining({ source: Math.min(a, b), target: Math.max(a, b), agreements: 1 }));
      expect(graph.nodes.find((n) => n.institutionId === a)!.partners).toBeGreaterThanOrEqual(1);
      expect(graph.measures.withoutPartner).toBe(graph.nodes.filter((n) => n.partners === 0).length);
      expect(graph.measures.institutions).toBe(graph.nodes.length);
      expect((await otherOfficer.get(`/api/cities/${GWANGMYEONG}/network`)).statusCode).toBe(403);
      expect((await managerA.get(`/api/cities/${GWANGMYEONG}/network`)).statusCode).toBe(403);
      expect((await (await t.as('ministry@example.com')).get(`/api/cities/${GWANGMYEONG}/network`)).statusCode).toBe(200);
    });
  });
});
