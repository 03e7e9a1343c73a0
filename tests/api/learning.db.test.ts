/**
 * After enrolment: the institution marks attendance and completion; completers get a signed certificate
 * that verifies (and a tampered copy does not); they rate the program; their record adds it all up.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Roster } from '../../src/shared/contracts/enrolment.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

describe(`attendance, completion, certificates, ratings and the learning record on ${testEngine()}`, () => {
  let t: TestApp;
  let staff: Client;
  let otherStaff: Client;
  let institutionId: number;
  let learners: (Client & { personId: number })[];
  let programId: number;
  let roster: Roster;
  const today = todayInKorea();

  /** A program of the staff member's institution, five sessions, that has run (its sessions moved into the past) with `count` learners. */
  const ranProgram = async (title: string, count: number) => {
    const venue = (await t.anonymous.get(`/api/institutions/${institutionId}`)).json().venues[0];
    const created = await staff.post('/api/programs', {
      institutionId, venueId: venue.id, title, description: '광명의 역사를 걸으며 배웁니다. 매 시간 동네를 답사합니다.',
      area: 'liberal_arts', subcategory: 'humanities', targetGroups: ['all'], mode: 'in_person', startsOn: addDays(today, 7),
      weekdays: ['mon', 'wed'], startTime: '10:00', endTime: '12:00', sessionCount: 5, capacity: Math.min(8, venue.seats), feeKrw: 0, credits: 1, creditType: 'accredited',
    });
    const id: number = created.json().id;
    const enrolled = await residents(t, count);
    for (const learner of enrolled) await learner.post(`/api/programs/${id}/enrolment`);
    await t.database.db.execute(sql`UPDATE program_sessions SET starts_at = starts_at - interval '40 days', ends_at = ends_at - interval '40 days' WHERE program_id = ${id}`);
    await t.database.db.execute(sql`UPDATE programs SET starts_on = starts_on - 40, ends_on = ends_on - 40 WHERE id = ${id}`);
    return { id, learners: enrolled, roster: (await staff.get(`/api/programs/${id}/roster`)).json() as Roster };
  };
  /** Marks, session by session, who came: `attended[i]` is how many of the five sessions learner i attended (the first ones). */
  const markAttendance = async (program: { id: number; roster: Roster }, attended: number[]) => {
    const ids = program.roster.enrolled.map((e) => e.enrolmentId);
    for (let session = 1; session <= 5; session++) {
      const present = ids.filter((_, i) => session <= attended[i]!);
      const response = await staff.request({
        method: 'PUT', url: `/api/programs/${program.id}/sessions/${session}/attendance`, payload: { present, absent: ids.filter((id) => !present.includes(id)) },
      });
      expect(response.statusCode, response.body).toBe(200);
    }
  };
  /** What the database holds of a program's outcome: each enrolment's status, and the certificates issued. */
  const outcome = async (id: number) => ({
    statuses: (await rows<{ status: string }>(t.database.db, sql`SELECT status FROM enrolments WHERE program_id = ${id} ORDER BY id`)).map((r) => r.status),
    certificates: (await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM certificates WHERE program_id = ${id}`))!.n,
  });

  beforeAll(async () => {
    t = await testApp();
    staff = await t.as('staff@example.com');
    institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    ({ id: programId, learners, roster } = await ranProgram('우리 고장 역사 교실', 7));
    // One suspicious institution staff member from elsewhere.
    const admin = await t.as('admin@example.com');
    const [other] = await residents(t, 1);
    const suncheon = (await t.anonymous.get('/api/institutions?city=36030')).json().items[0].id;
    await admin.post(`/api/people/${other!.personId}/roles`, { role: 'institution_staff', institutionId: suncheon });
    otherStaff = other!;
  });
  afterAll(() => t.close());

  it('shows the institution its roster, and nobody else', async () => {
    expect(roster.enrolled).toHaveLength(7);
    expect(roster.sessions).toHaveLength(5);
    expect(roster.completionRate).toBe(0.8);
    expect((await otherStaff.get(`/api/programs/${programId}/roster`)).statusCode).toBe(403);
    expect((await learners[0]!.get(`/api/programs/${programId}/roster`)).statusCode).toBe(403);
    expect((await (await t.as('officer@example.com')).get(`/api/programs/${programId}/roster`)).statusCode).toBe(403);
  });

  it('marks attendance per session and refuses people who are not in the program', async () => {
    const ids = roster.enrolled.map((e) => e.enrolmentId);
    // Learners 0–4 come to every session; 5 comes to 3 of 5; 6 comes to 4 of 5 (80%: enough).
    await markAttendance({ id: programId, roster }, [5, 5, 5, 5, 5, 3, 4]);
    const after: Roster = (await staff.get(`/api/programs/${programId}/roster`)).json();
    expect(after.enrolled.find((e) => e.enrolmentId === ids[5])!.attended).toEqual([1, 2, 3]);
    const stranger = await staff.request({ method: 'PUT', url: `/api/programs/${programId}/sessions/1/attendance`, payload: { present: [999999], absent: [] } });
    expect(stranger.json()).toMatchObject({ field: 'present' });
    const noSession = await staff.request({ method: 'PUT', url: `/api/programs/${programId}/sessions/9/attendance`, payload: { present: [], absent: [] } });
    expect(noSession.statusCode).toBe(404);
    expect((await otherStaff.request({ method: 'PUT', url: `/api/programs/${programId}/sessions/1/attendance`, payload: { present: [], absent: [] } })).statusCode).toBe(403);
  });

  it('takes attendance from a session’s day on, not for sessions still to come', async () => {
    const venue = (await t.anonymous.get(`/api/institutions/${institutionId}`)).json().venues[0];
    const upcoming = (await staff.post('/api/programs', {
      institutionId, venueId: venue.id, title: '다음 주에 시작하는 강좌', description: '아직 시작하지 않은 강좌로 출석 기록을 확인합니다.',
      area: 'liberal_arts', subcategory: 'humanities', targetGroups: ['all'], mode: 'in_person', startsOn: addDays(today, 7),
      weekdays: ['mon', 'wed'], startTime: '10:00', endTime: '12:00', sessionCount: 2, capacity: Math.min(8, venue.seats), feeKrw: 0,
    })).json();
    const [learner] = await residents(t, 1);
    const enrolment = (await learner!.post(`/api/programs/${upcoming.id}/enrolment`)).json();
    const early = await staff.request({ method: 'PUT', url: `/api/programs/${upcoming.id}/sessions/1/attendance`, payload: { present: [enrolment.id], absent: [] } });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ field: 'sessionNo' });
    expect((await staff.get(`/api/programs/${upcoming.id}/roster`)).json().enrolled[0].attended).toEqual([]);
  });

  it('refuses completion to another institution’s staff and to learners, writing nothing', async () => {
    const before = await outcome(programId);
    expect(before).toEqual({ statuses: Array(7).fill('enrolled'), certificates: 0 });
    for (const outsider of [otherStaff, learners[0]!]) {
      const refused = await outsider.post(`/api/programs/${programId}/completion`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toBe('forbidden');
    }
    expect((await t.anonymous.post(`/api/programs/${programId}/completion`)).statusCode).toBe(401);
    expect(await outcome(programId)).toEqual(before);
  });

  it('lets only the institution set the share of sessions needed, and completion follows it', async () => {
    const program = await ranProgram('마을 걷기 교실', 3);
    // Three learners came to 2, 3 and 4 of 5 sessions: 80% completes one of them, 60% two.
    await markAttendance(program, [2, 3, 4]);
    const rule = (rate: unknown, client: Client = staff) =>
      client.request({ method: 'PUT', url: `/api/programs/${program.id}/completion-rule`, payload: { completionRate: rate } });
    const storedRate = async () => (await firstRow<{ rate: number }>(t.database.db, sql`SELECT completion_rate::float8 AS rate FROM programs WHERE id = ${program.id}`))!.rate;
    expect(await storedRate()).toBe(0.8);
    for (const outsider of [otherStaff, program.learners[0]!]) expect((await rule(0.6, outsider)).statusCode).toBe(403);
    expect((await t.anonymous.request({ method: 'PUT', url: `/api/programs/${program.id}/completion-rule`, payload: { completionRate: 0.6 } })).statusCode).toBe(401);
    for (const wrong of [0, 1.5, '60%']) expect((await rule(wrong)).json()).toMatchObject({ field: 'completionRate' });
    expect(await storedRate()).toBe(0.8);

    const set = await rule(0.6);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ programId: program.id, completionRate: 0.6 });
    expect(await storedRate()).toBe(0.6);
    expect((await staff.post(`/api/programs/${program.id}/completion`)).json()).toEqual({ completed: 2, notCompleted: 1, certificatesIssued: 2 });
    expect((await outcome(program.id)).statuses).toEqual(['not_completed', 'completed', 'completed']);
  });

  it('decides completion by the program’s rule and issues certificates', async () => {
    const result = await staff.post(`/api/programs/${programId}/completion`);
    expect(result.json()).toEqual({ completed: 6, notCompleted: 1, certificatesIssued: 6 });
    expect((await learners[5]!.get(`/api/programs/${programId}/enrolment`)).json().status).toBe('not_completed');
    // Deciding again changes nothing and issues nothing twice.
    expect((await staff.post(`/api/programs/${programId}/completion`)).json()).toEqual({ completed: 0, notCompleted: 0, certificatesIssued: 0 });
  });

  it('decides one learner’s completion by hand with a reason, withdraws it (the certificate then verifies as revoked), and keeps who, when and why', async () => {
    const program = await ranProgram('한 사람씩 수료 교실', 2);
    await markAttendance(program, [1, 5]);
    const [rare, regular] = program.roster.enrolled.map((e) => e.enrolmentId) as [number, number];
    const decide = (enrolmentId: number, payload: Record<string, unknown>, client: Client = staff) =>
      client.request({ method: 'PUT', url: `/api/programs/${program.id}/learners/${enrolmentId}/completion`, payload, headers: { 'accept-language': 'en' } });

    // Only the program's institution decides; the reason is required; another program's learner is not found here.
    for (const outsider of [otherStaff, program.learners[0]!]) expect((await decide(rare, { completed: true, reason: '보충 수업 이수' }, outsider)).statusCode).toBe(403);
    expect((await t.anonymous.request({ method: 'PUT', url: `/api/programs/${program.id}/learners/${rare}/completion`, payload: { completed: true, reason: 'x' } })).statusCode).toBe(401);
    for (const blank of ['', '   ']) {
      const refused = await decide(rare, { completed: true, reason: blank });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ field: 'reason', message: 'Give a reason.' });
    }
    expect((await decide(rare, { completed: true })).json()).toMatchObject({ field: 'reason' });
    expect((await decide(roster.enrolled[0]!.enrolmentId, { completed: true, reason: '다른 프로그램' })).json()).toMatchObject({ field: 'enrolmentId', message: expect.stringContaining('not part of this program') });
    expect(await outcome(program.id)).toEqual({ statuses: ['enrolled', 'enrolled'], certificates: 0 });

    // The learner who came once completes by hand (make-up classes), and gets a certificate that verifies.
    const granted = await decide(rare, { completed: true, reason: '보충 수업 4회 이수' });
    expect(granted.statusCode, granted.body).toBe(200);
    const entry = (granted.json() as Roster).enrolled.find((e) => e.enrolmentId === rare)!;
    expect(entry).toMatchObject({ status: 'completed', lastDecision: { status: 'completed', reason: '보충 수업 4회 이수', decidedBy: expect.any(String) } });
    const certificateOf = async (learner: Client) =>
      (await learner.get('/api/me/learning')).json().entries.find((e: { programId: number }) => e.programId === program.id).certificateId as string;
    const certificateId = await certificateOf(program.learners[0]!);
    expect((await t.anonymous.post('/api/certificates/verify', { credential: certificateId })).json()).toMatchObject({ valid: true });
    const inbox = async (learner: Client) => (await learner.get('/api/me/notifications')).json().items as { kind: string; titleKo: string; bodyKo: string; bodyEn: string }[];
    expect((await inbox(program.learners[0]!))[0]).toMatchObject({ kind: 'enrolment.completed', bodyKo: expect.stringContaining('보충 수업 4회 이수') });

    // Withdrawn with a reason: the certificate is revoked, the learner told, in both languages.
    const withdrawn = await decide(rare, { completed: false, reason: '보충 수업 출석부 오류 확인' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((withdrawn.json() as Roster).enrolled.find((e) => e.enrolmentId === rare)).toMatchObject({ status: 'not_completed', lastDecision: { status: 'not_completed', reason: '보충 수업 출석부 오류 확인' } });
    expect((await t.anonymous.post('/api/certificates/verify', { credential: certificateId })).json()).toMatchObject({ valid: false, reason: 'revoked' });
    expect((await t.anonymous.get(`/api/certificates/${certificateId}`)).json()).toMatchObject({ revoked: true });
    expect((await inbox(program.learners[0]!))[0]).toMatchObject({
      kind: 'enrolment.completion_withdrawn', bodyKo: expect.stringContaining('수료증은 취소'), bodyEn: expect.stringContaining('no longer verifies'),
    });
    // Asking again for what stands changes nothing; deciding the other learner 'not completed' before the rule is allowed.
    expect((await decide(rare, { completed: false, reason: '다시' })).statusCode).toBe(200);
    expect((await decide(regular, { completed: false, reason: '수료 기준 미달 확인' })).statusCode).toBe(200);
    // Granted again: the same certificate verifies once more.
    await decide(rare, { completed: true, reason: '출석부 재확인 결과 이수' });
    expect((await t.anonymous.post('/api/certificates/verify', { credential: certificateId })).json()).toMatchObject({ valid: true });

    // The record: every change, who and why, for good.
    const log = await rows<{ statusBefore: string; statusAfter: string; reason: string; actorName: string; certificateId: string | null }>(t.database.db, sql`
      SELECT status_before AS "statusBefore", status_after AS "statusAfter", reason, actor_name AS "actorName", certificate_id AS "certificateId"
      FROM completion_decisions WHERE program_id = ${program.id} ORDER BY id`);
    expect(log.map((l) => [l.statusBefore, l.statusAfter, l.reason, l.certificateId])).toEqual([
      ['enrolled', 'completed', '보충 수업 4회 이수', certificateId],
      ['completed', 'not_completed', '보충 수업 출석부 오류 확인', certificateId],
      ['enrolled', 'not_completed', '수료 기준 미달 확인', null],
      ['not_completed', 'completed', '출석부 재확인 결과 이수', certificateId],
    ]);
    for (const statement of [sql`UPDATE completion_decisions SET reason = '고침'`, sql`DELETE FROM completion_decisions`, sql`TRUNCATE completion_decisions`]) {
      await expect(t.database.db.execute(statement)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
    }
    expect(await rows(t.database.db, sql`SELECT 1 FROM completion_decisions WHERE program_id = ${program.id}`)).toHaveLength(4);
  });

  it('issues a certificate that verifies at its public address, and finds a tampered copy invalid', async () => {
    const record = (await learners[0]!.get('/api/me/learning')).json();
    const entry = record.entries.find((e: { programId: number }) => e.programId === programId);
    expect(entry.certificateId).toMatch(/^[0-9a-f-]{36}$/);
    const certificate = (await t.anonymous.get(`/api/certificates/${entry.certificateId}`)).json();
    expect(certificate.verification).toMatchObject({ valid: true, reason: null });
    const credential = certificate.verification.credential;
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.credentialSubject.achievement).toMatchObject({ name: '우리 고장 역사 교실', achievementType: 'Course' });
    expect(credential.credentialSubject.identifier[0].identityHash).toBe('학습자0');

    const verified = (await t.anonymous.post('/api/certificates/verify', { credential: certificate.jwt })).json();
    expect(verified.valid).toBe(true);
    const [header, payload, signature] = certificate.jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    claims.vc.credentialSubject.identifier[0].identityHash = '다른 사람';
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect((await t.anonymous.post('/api/certificates/verify', { credential: tampered })).json()).toMatchObject({ valid: false, reason: 'bad_signature' });
    expect((await t.anonymous.post('/api/certificates/verify', { credential: 'nonsense-that-is-long' })).json()).toMatchObject({ valid: false, reason: 'malformed' });
    // The number printed on paper (and in its QR code), as people type it: any case, with or without hyphens.
    for (const typed of [entry.certificateId, ` ${entry.certificateId.toUpperCase()} `, entry.certificateId.replace(/-/g, '')]) {
      expect((await t.anonymous.post('/api/certificates/verify', { credential: typed })).json(), typed).toMatchObject({ valid: true, certificateId: entry.certificateId });
    }
    const unknown = `${entry.certificateId.slice(0, -1)}${entry.certificateId.endsWith('0') ? '1' : '0'}`;
    expect((await t.anonymous.post('/api/certificates/verify', { credential: unknown })).json()).toMatchObject({ valid: false, reason: 'unknown_certificate', certificateId: unknown });
    const issuer = (await t.anonymous.get('/api/issuer')).json();
    expect(issuer.publicKeys[0].jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
  });

  it('lets only people who completed rate, and shows averages from five responses on', async () => {
    const rating = { instructor: 5, materials: 4, motive: 5, facility: 3, overall: 5, comment: '동네를 새롭게 보게 되었어요.' };
    expect((await learners[0]!.get(`/api/programs/${programId}/rating`)).statusCode).toBe(404);
    expect((await learners[5]!.request({ method: 'PUT', url: `/api/programs/${programId}/rating`, payload: rating })).statusCode).toBe(403);
    for (const learner of learners.slice(0, 4)) {
      expect((await learner.request({ method: 'PUT', url: `/api/programs/${programId}/rating`, payload: rating })).statusCode).toBe(200);
    }
    expect((await t.anonymous.get(`/api/programs/${programId}/satisfaction`)).json()).toEqual({ responses: 4, averages: null, minimumShown: 5 });
    await learners[4]!.request({ method: 'PUT', url: `/api/programs/${programId}/rating`, payload: { ...rating, overall: 3 } });
    const summary = (await t.anonymous.get(`/api/programs/${programId}/satisfaction`)).json();
    expect(summary).toMatchObject({ responses: 5, averages: { instructor: 5, overall: 4.6 } });
    const bad = await learners[0]!.request({ method: 'PUT', url: `/api/programs/${programId}/rating`, payload: { ...rating, overall: 6 } });
    expect(bad.json()).toMatchObject({ field: 'overall' });
    // Rating again replaces the earlier answer.
    await learners[0]!.request({ method: 'PUT', url: `/api/programs/${programId}/rating`, payload: { ...rating, overall: 1 } });
    expect((await t.anonymous.get(`/api/programs/${programId}/satisfaction`)).json()).toMatchObject({ responses: 5, averages: { overall: 3.8 } });
  });

  it('shows each person their own rating of a program, and nobody else’s', async () => {
    const mine = await learners[0]!.get(`/api/programs/${programId}/rating`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toEqual({ instructor: 5, materials: 4, motive: 5, facility: 3, overall: 1, comment: '동네를 새롭게 보게 되었어요.', updatedAt: expect.any(String) });
    expect((await learners[4]!.get(`/api/programs/${programId}/rating`)).json()).toMatchObject({ overall: 3 });
    // Completed without rating; did not complete; never enrolled; nobody.
    expect((await learners[6]!.get(`/api/programs/${programId}/rating`)).statusCode).toBe(404);
    expect((await learners[5]!.get(`/api/programs/${programId}/rating`)).statusCode).toBe(404);
    expect((await staff.get(`/api/programs/${programId}/rating`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/programs/${programId}/rating`)).statusCode).toBe(401);
  });

  it('shows an institution’s averages over all its programs as a recount of the ratings finds them, from five responses on', async () => {
    /** Averages (to two places) of an institution's ratings, from the rows, through the programs it runs. */
    const recount = async (institution: number) => {
      const rated = await rows<Record<'instructor' | 'materials' | 'motive' | 'facility' | 'overall', number>>(t.database.db, sql`
        SELECT r.instructor, r.materials, r.motive, r.facility, r.overall FROM program_ratings r JOIN programs p ON p.id = r.program_id
        WHERE p.institution_id = ${institution}`);
      const average = (item: keyof (typeof rated)[number]) => Math.round((rated.reduce((sum, r) => sum + r[item], 0) * 100) / rated.length) / 100;
      return { responses: rated.length, averages: { instructor: average('instructor'), materials: average('materials'), motive: average('motive'), facility: average('facility'), overall: average('overall') } };
    };
    const satisfaction = async (institution: number) => (await t.anonymous.get(`/api/institutions/${institution}/satisfaction`)).json();

    // The staff member's institution: this program's five ratings and the demo's, over several programs.
    const own = await recount(institutionId);
    expect(own.responses).toBeGreaterThan(5);
    expect((await rows(t.database.db, sql`SELECT DISTINCT program_id FROM program_ratings WHERE institution_id = ${institutionId}`)).length).toBeGreaterThan(1);
    expect(await satisfaction(institutionId)).toEqual({ ...own, minimumShown: 5 });

    // Another institution, its ratings taken away down to five (shown), then four (held back).
    const other = (await firstRow<{ id: number }>(t.database.db, sql`
      SELECT p.institution_id AS id FROM program_ratings r JOIN programs p ON p.id = r.program_id
      WHERE p.institution_id <> ${institutionId} GROUP BY 1 HAVING count(*) >= 6 ORDER BY count(*), 1 LIMIT 1`))!.id;
    const keepOnly = (n: number) => t.database.db.execute(sql`
      DELETE FROM program_ratings WHERE enrolment_id IN (SELECT r.enrolment_id FROM program_ratings r JOIN programs p ON p.id = r.program_id
        WHERE p.institution_id = ${other} ORDER BY r.enrolment_id OFFSET ${n})`);
    await keepOnly(5);
    const five = await recount(other);
    expect(five.responses).toBe(5);
    expect(await satisfaction(other)).toEqual({ ...five, minimumShown: 5 });
    await keepOnly(4);
    expect(await satisfaction(other)).toEqual({ responses: 4, averages: null, minimumShown: 5 });
    await keepOnly(0);
    expect(await satisfaction(other)).toEqual({ responses: 0, averages: null, minimumShown: 5 });
  });

  it('adds up the record: hours by area and year, credits; exports JSON and a Korean PDF', async () => {
    const record = (await learners[1]!.get('/api/me/learning')).json();
    expect(record.totals).toMatchObject({ completed: 1, hours: 10, credits: 1 });
    expect(record.totals.byYearAndArea).toEqual([{ year: expect.any(Number), area: 'liberal_arts', hours: 10, programs: 1 }]);
    const json = await learners[1]!.get('/api/me/learning/export.json');
    expect(json.headers['content-disposition']).toContain('attachment');
    expect(JSON.parse(json.body).certificates).toHaveLength(1);
    const pdf = await learners[1]!.get('/api/me/learning/export.pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(5000);
    if (process.env.SAVE_PDF) (await import('node:fs')).writeFileSync(process.env.SAVE_PDF, pdf.rawPayload);
    expect((await t.anonymous.get('/api/me/learning')).statusCode).toBe(401);
  });

  it('keeps each person’s record to themselves', async () => {
    const mine = (await learners[2]!.get('/api/me/learning')).json();
    const theirs = (await learners[3]!.get('/api/me/learning')).json();
    expect(mine.person.displayName).toBe('학습자2');
    expect(theirs.person.displayName).toBe('학습자3');
    expect(mine.entries.map((e: { enrolmentId: number }) => e.enrolmentId)).not.toEqual(theirs.entries.map((e: { enrolmentId: number }) => e.enrolmentId));
  });
});
