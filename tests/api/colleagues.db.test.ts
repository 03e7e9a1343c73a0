/**
 * Issue 10, item 2: an institution's manager invites colleagues by email (a link that works once, for seven days;
 * only its hash is kept), the invitee signs up or logs in and accepts; the manager lists colleagues a page at a
 * time, changes their roles and revokes them, never leaving the institution without a manager; every change is
 * in an append-only log. Staff, instructors, another institution's manager and visitors are kept to what they may do.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Colleague, ColleagueLogEntry, InvitationSent, InvitationView } from '../../src/shared/contracts/colleagues.ts';
import type { PageOf } from '../../src/shared/contracts/common.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

const GWANGMYEONG = '31060';
const STRONG = 'Quiet-Harbor-Lantern-58!';

describe(`an institution's colleagues on ${testEngine()}`, () => {
  let t: TestApp;
  let manager: Client;
  let admin: Client;
  let resident: Client;
  let managerId: number;
  let centre: number;
  let otherInstitution: number;
  let otherManager: Client & { personId: number };
  let signUps = 0;

  const del = (client: Client, url: string) => client.request({ method: 'DELETE', url });
  const colleaguesOf = async (client: Client, institution = centre) => (await client.get(`/api/institutions/${institution}/colleagues?pageSize=100`)).json<PageOf<Colleague>>();
  const roleOf = async (personId: number) => (await colleaguesOf(manager)).items.find((c) => c.personId === personId)?.role ?? null;
  const invite = (email: string, role = 'institution_staff', by: Client = manager, institution = centre) =>
    by.post(`/api/institutions/${institution}/invitations`, { email, role });
  const tokenOf = (sent: { json(): unknown }) => (sent.json() as InvitationSent).link.split('#')[1]!;

  /** A new account, signed up with a password and logged in (as an invitee who had none would). */
  async function newAccount(name: string): Promise<Client & { personId: number; email: string }> {
    const email = `colleague.${process.pid}.${(signUps += 1)}@example.com`;
    const made = await t.anonymous.post('/api/auth/signup', { email, password: STRONG, displayName: name });
    expect(made.statusCode, made.body).toBe(201);
    return Object.assign(await t.as(email, STRONG), { personId: made.json<{ personId: number }>().personId, email });
  }

  /** Invites a new account to the role and has it accept: a colleague. */
  async function colleague(name: string, role: string) {
    const person = await newAccount(name);
    const sent = await invite(person.email, role);
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await person.post('/api/invitations/accept', { token: tokenOf(sent) })).statusCode).toBe(200);
    return person;
  }

  beforeAll(async () => {
    t = await testApp();
    [manager, admin, resident] = await Promise.all([t.as('staff@example.com'), t.as('admin@example.com'), t.as('resident@example.com')]);
    const me = (await manager.get('/api/auth/me')).json<{ personId: number; grants: { role: string; institutionId: number }[] }>();
    managerId = me.personId;
    expect(me.grants).toEqual([expect.objectContaining({ role: 'institution_manager' })]);
    centre = me.grants[0]!.institutionId;
    otherInstitution = (await t.anonymous.get(`/api/institutions?city=${GWANGMYEONG}&pageSize=100`)).json<PageOf<{ id: number }>>().items
      .map((i) => i.id).find((id) => id !== centre)!;
    const [other] = await residents(t, 1);
    expect((await admin.post(`/api/people/${other!.personId}/roles`, { role: 'institution_manager', institutionId: otherInstitution })).statusCode).toBe(204);
    otherManager = other!;
  });
  afterAll(async () => t?.close());

  describe('inviting and accepting', () => {
    it('emails a link that works once for seven days, keeping only its hash', async () => {
      const person = await newAccount('한지민');
      const sent = await invite(person.email.toUpperCase(), 'institution_instructor');
      expect(sent.statusCode, sent.body).toBe(201);
      const invitation = sent.json<InvitationSent>();
      const token = tokenOf(sent);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const days = (Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt)) / 86_400_000;
      expect(days).toBe(7);

      // The database keeps the SHA-256 only; the email (queued in the outbox) carries the link.
      const stored = await firstRow<{ tokenHash: string; found: number }>(t.database.db, sql`
        SELECT token_hash AS "tokenHash",
               (SELECT count(*)::int FROM institution_invitations v WHERE strpos(v::text, ${token}) > 0) AS found
        FROM institution_invitations WHERE id = ${invitation.id}`);
      expect(stored).toEqual({ tokenHash: createHash('sha256').update(token).digest('hex'), found: 0 });
      const mail = await firstRow<{ subject: string; text: string }>(t.database.db, sql`
        SELECT subject, text_body AS text FROM mail_outbox WHERE lower(to_address) = lower(${person.email}) ORDER BY id DESC LIMIT 1`);
      expect(mail!.subject).toMatch(/^\[평생학습도시\] .+에서 함께 일하자고 초대했습니다$/);
      expect(mail!.text).toContain(`/invitation#${token}`);
      expect(mail!.text).toContain('강사');

      // Anyone holding the link sees what it offers; accepting needs an account.
      const preview = await t.anonymous.post('/api/invitations/preview', { token });
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).toMatchObject({ institutionId: centre, role: 'institution_instructor', email: person.email.toUpperCase(), invitedByName: '이민호' });
      expect((await t.anonymous.post('/api/invitations/accept', { token })).statusCode).toBe(401);

      const accepted = await person.post('/api/invitations/accept', { token });
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json()).toMatchObject({ institutionId: centre, role: 'institution_instructor' });
      const me = (await person.get('/api/auth/me')).json<{ grants: unknown[] }>();
      expect(me.grants).toEqual([expect.objectContaining({ role: 'institution_instructor', institutionId: centre })]);
      expect(await roleOf(person.personId)).toBe('institution_instructor');

      // Used: the link no longer works, for anyone.
      for (const client of [t.anonymous, resident, person]) {
        const again = await client.post(client === t.anonymous ? '/api/invitations/preview' : '/api/invitations/accept', { token });
        expect(again.statusCode).toBe(410);
        expect(again.json()).toMatchObject({ error: 'invitation_accepted' });
      }
      // The manager who invited is told.
      const told = await firstRow<{ n: number }>(t.database.db, sql`
        SELECT count(*)::int AS n FROM notifications WHERE person_id = ${managerId} AND kind = 'colleagues.accepted' AND body_ko LIKE ${`%${person.email}%`}`);
      expect(told!.n).toBe(1);
    });

    it('refuses an expired link, a withdrawn one, one replaced by a newer invitation, and one that never existed', async () => {
      const expiring = await invite('expiring@example.com');
      await t.database.db.execute(sql`UPDATE institution_invitations SET expires_at = now() - interval '1 second' WHERE id = ${expiring.json<InvitationSent>().id}`);
      const expired = await resident.post('/api/invitations/accept', { token: tokenOf(expiring) });
      expect(expired.statusCode).toBe(410);
      expect(expired.json()).toMatchObject({ error: 'invitation_expired', message: expect.stringContaining('7일') });
      // Expired invitations stay listed (marked) until invited again.
      const open = (await manager.get(`/api/institutions/${centre}/invitations`)).json<PageOf<InvitationView>>();
      expect(open.items.find((i) => i.email === 'expiring@example.com')).toMatchObject({ expired: true });

      const withdrawn = await invite('withdrawn@example.com');
      expect((await del(manager, `/api/institutions/${centre}/invitations/${withdrawn.json<InvitationSent>().id}`)).statusCode).toBe(204);
      expect((await del(manager, `/api/institutions/${centre}/invitations/${withdrawn.json<InvitationSent>().id}`)).statusCode).toBe(409);
      expect((await resident.post('/api/invitations/accept', { token: tokenOf(withdrawn) })).json()).toMatchObject({ error: 'invitation_withdrawn' });

      const first = await invite('twice@example.com');
      const second = await invite('twice@example.com', 'institution_instructor');
      expect(second.statusCode).toBe(201);
      expect((await t.anonymous.post('/api/invitations/preview', { token: tokenOf(first) })).json()).toMatchObject({ error: 'invitation_superseded' });
      expect((await t.anonymous.post('/api/invitations/preview', { token: tokenOf(second) })).json()).toMatchObject({ role: 'institution_instructor' });

      const unknown = await resident.post('/api/invitations/accept', { token: 'A'.repeat(43) });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ error: 'invitation_not_found', field: 'token' });
      expect((await t.anonymous.post('/api/invitations/preview', { token: 'short' })).statusCode).toBe(400);
      // None of these gave anyone a role.
      expect((await resident.get('/api/auth/me')).json()).toMatchObject({ grants: [] });
    });

    it('does not invite someone who already works here, nor let a colleague accept a second role', async () => {
      const staff = await colleague('박서준', 'institution_staff');
      const again = await invite(staff.email);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ field: 'email', message: expect.stringContaining('이미 이 기관의 담당자') });
      const spare = await invite('spare.link@example.com', 'institution_manager');
      const second = await staff.post('/api/invitations/accept', { token: tokenOf(spare) });
      expect(second.statusCode).toBe(409);
      expect(await roleOf(staff.personId)).toBe('institution_staff');
      // The refused acceptance left the link usable.
      expect((await t.anonymous.post('/api/invitations/preview', { token: tokenOf(spare) })).statusCode).toBe(200);
    });

    it('gives one role when many people accept the same link at once', async () => {
      const sent = await invite('shared.link@example.com');
      const token = tokenOf(sent);
      const crowd = await residents(t, 12);
      const answers = await Promise.all(crowd.map((person) => person.post('/api/invitations/accept', { token })));
      expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
      expect(answers.filter((a) => a.statusCode === 410).map((a) => a.json<{ error: string }>().error))
        .toEqual(Array.from({ length: 11 }, () => 'invitation_accepted'));
      const grants = await rows<{ personId: number }>(t.database.db, sql`
        SELECT person_id AS "personId" FROM role_grants WHERE person_id = ANY(${sql.param(crowd.map((p) => p.personId))}::int[])`);
      expect(grants).toHaveLength(1);
      const winner = crowd[answers.findIndex((a) => a.statusCode === 200)]!;
      expect(grants[0]!.personId).toBe(winner.personId);
      const log = await rows<{ n: number }>(t.database.db, sql`
        SELECT count(*)::int AS n FROM colleague_log WHERE invitation_id = ${sent.json<InvitationSent>().id} AND change = 'accepted'`);
      expect(log[0]!.n).toBe(1);
    });
  });

  describe('roles and revocation', () => {
    it('lets the manager change roles and revoke, and the change takes effect at once', async () => {
      const person = await colleague('최유리', 'institution_instructor');
      const program = await firstRow<{ id: number }>(t.database.db, sql`SELECT min(id) AS id FROM programs WHERE institution_id = ${centre} AND status = 'published'`);
      // An instructor does not keep rosters (read-only for now); staff do.
      expect((await person.get(`/api/programs/${program!.id}/roster`)).statusCode).toBe(403);
      const changed = await manager.patch(`/api/institutions/${centre}/colleagues/${person.personId}`, { role: 'institution_staff' });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ personId: person.personId, role: 'institution_staff' });
      expect((await person.get(`/api/programs/${program!.id}/roster`)).statusCode).toBe(200);
      // The same role again changes nothing (and logs nothing).
      expect((await manager.patch(`/api/institutions/${centre}/colleagues/${person.personId}`, { role: 'institution_staff' })).statusCode).toBe(200);

      expect((await del(manager, `/api/institutions/${centre}/colleagues/${person.personId}`)).statusCode).toBe(204);
      expect((await person.get(`/api/programs/${program!.id}/roster`)).statusCode).toBe(403);
      expect((await person.get('/api/auth/me')).json()).toMatchObject({ grants: [] });
      expect((await del(manager, `/api/institutions/${centre}/colleagues/${person.personId}`)).statusCode).toBe(404);
      const told = await rows<{ kind: string }>(t.database.db, sql`SELECT kind FROM notifications WHERE person_id = ${person.personId} ORDER BY id`);
      expect(told.map((n) => n.kind)).toEqual(['colleagues.role_changed', 'colleagues.revoked']);
    });

    it('never leaves the institution without a manager, saying why', async () => {
      const demote = await manager.patch(`/api/institutions/${centre}/colleagues/${managerId}`, { role: 'institution_staff' });
      expect(demote.statusCode).toBe(409);
      expect(demote.json()).toMatchObject({ error: 'last_manager', message: expect.stringContaining('관리자는 본인 한 사람뿐입니다') });
      const leave = await manager.request({ method: 'DELETE', url: `/api/institutions/${centre}/colleagues/${managerId}`, headers: { 'accept-language': 'en' } });
      expect(leave.statusCode).toBe(409);
      expect(leave.json()).toMatchObject({ error: 'last_manager', message: expect.stringContaining('You are the only manager') });
      const viaAdmin = await del(admin, `/api/institutions/${centre}/colleagues/${managerId}`);
      expect(viaAdmin.json()).toMatchObject({ error: 'last_manager', message: expect.stringContaining('이민호님은') });
      expect(await roleOf(managerId)).toBe('institution_manager');

      // With a second manager, either may step down; the last one still may not.
      const second = await colleague('정다은', 'institution_manager');
      const [a, b] = await Promise.all([
        manager.patch(`/api/institutions/${centre}/colleagues/${second.personId}`, { role: 'institution_staff' }),
        second.patch(`/api/institutions/${centre}/colleagues/${managerId}`, { role: 'institution_staff' }),
      ]);
      // Two managers demoting each other at once: the changes queue on the institution, so only the first passes (the
      // other finds the last manager, or, if it arrived after, that its sender is no longer a manager).
      expect([a, b].filter((r) => r.statusCode === 200)).toHaveLength(1);
      expect([a, b].filter((r) => r.statusCode === 409 || r.statusCode === 403)).toHaveLength(1);
      const managers = (await colleaguesOf(admin)).items.filter((c) => c.role === 'institution_manager');
      expect(managers).toHaveLength(1);
      // Put things back as they were: the demo manager leads, the second one leaves.
      if (managers[0]!.personId !== managerId) {
        expect((await second.patch(`/api/institutions/${centre}/colleagues/${managerId}`, { role: 'institution_manager' })).statusCode).toBe(200);
        expect((await second.request({ method: 'DELETE', url: `/api/institutions/${centre}/colleagues/${second.personId}` })).statusCode).toBe(204);
      } else {
        expect((await del(manager, `/api/institutions/${centre}/colleagues/${second.personId}`)).statusCode).toBe(204);
      }
      expect(await roleOf(managerId)).toBe('institution_manager');
    });

    it('keeps every change in a log that cannot be rewritten', async () => {
      const log = (await manager.get(`/api/institutions/${centre}/colleague-log?pageSize=100`)).json<PageOf<ColleagueLogEntry>>();
      const changes = new Set(log.items.map((entry) => entry.change));
      expect(changes).toEqual(new Set(['invited', 'invitation_withdrawn', 'accepted', 'role_changed', 'revoked']));
      const demotion = log.items.find((e) => e.change === 'role_changed' && e.roleBefore === 'institution_instructor');
      expect(demotion).toMatchObject({ actorName: '이민호', personName: '최유리', roleAfter: 'institution_staff', occurredAt: expect.stringMatching(/Z$/) });
      expect(log.items.find((e) => e.change === 'revoked' && e.personName === '최유리')).toMatchObject({ roleBefore: 'institution_staff', roleAfter: null });
      // Newest first.
      expect(log.items.map((e) => e.id)).toEqual([...log.items.map((e) => e.id)].sort((x, y) => y - x));
      for (const statement of [sql`UPDATE colleague_log SET actor_name = 'someone else'`, sql`DELETE FROM colleague_log`, sql`TRUNCATE colleague_log`]) {
        await expect(t.database.db.execute(statement)).rejects.toThrow();
      }
      expect((await manager.get(`/api/institutions/${centre}/colleague-log?pageSize=100`)).json()).toEqual(log);
    });

    it('lists colleagues a page at a time, managers first', async () => {
      const all = await colleaguesOf(manager);
      expect(all.items[0]).toMatchObject({ personId: managerId, role: 'institution_manager' });
      const pages = [];
      for (let page = 1; page <= all.total; page++) {
        pages.push(...(await manager.get(`/api/institutions/${centre}/colleagues?page=${page}&pageSize=1`)).json<PageOf<Colleague>>().items);
      }
      expect(pages).toEqual(all.items);
      expect((await manager.get(`/api/institutions/${centre}/colleagues?pageSize=101`)).statusCode).toBe(400);
    });
  });

  describe('who may do what', () => {
    it('keeps staff, instructors, other institutions and visitors to what they may do', async () => {
      const staff = await colleague('윤도현', 'institution_staff');
      const instructor = await colleague('강나래', 'institution_instructor');
      const target = staff.personId;
      const requests = (institution: number) => ({
        list: (c: Client) => c.get(`/api/institutions/${institution}/colleagues`),
        invite: (c: Client) => c.post(`/api/institutions/${institution}/invitations`, { email: 'who.may@example.com', role: 'institution_staff' }),
        invitations: (c: Client) => c.get(`/api/institutions/${institution}/invitations`),
        log: (c: Client) => c.get(`/api/institutions/${institution}/colleague-log`),
        change: (c: Client) => c.patch(`/api/institutions/${institution}/colleagues/${target}`, { role: 'institution_instructor' }),
        revoke: (c: Client) => del(c, `/api/institutions/${institution}/colleagues/${target}`),
      });
      const statuses = async (client: Client, institution = centre) =>
        Object.fromEntries(await Promise.all(Object.entries(requests(institution)).map(async ([name, send]) => [name, (await send(client)).statusCode])));
      const refused = (status: number) => ({ list: status, invite: status, invitations: status, log: status, change: status, revoke: status });
      const colleagueOnly = { ...refused(403), list: 200 };

      expect(await statuses(t.anonymous)).toEqual(refused(401));
      expect(await statuses(resident)).toEqual(refused(403));
      expect(await statuses(staff)).toEqual(colleagueOnly);
      expect(await statuses(instructor)).toEqual(colleagueOnly);
      expect(await statuses(otherManager)).toEqual(refused(403));
      // Their own institution is theirs to manage; the demo manager's is not.
      expect((await otherManager.get(`/api/institutions/${otherInstitution}/colleagues`)).json()).toMatchObject({ total: 1 });
      expect(await statuses(manager, otherInstitution)).toEqual(refused(403));
      // Refused requests changed nothing.
      expect(await roleOf(target)).toBe('institution_staff');
      expect(await firstRow(t.database.db, sql`SELECT count(*)::int AS n FROM institution_invitations WHERE email = 'who.may@example.com'`)).toEqual({ n: 0 });
      // Administrators manage any institution's colleagues.
      expect((await colleaguesOf(admin, otherInstitution)).total).toBe(1);
      expect((await admin.get(`/api/institutions/999999/colleagues`)).statusCode).toBe(404);
    });

    it('keeps the demo manager publishing and keeping rosters, and lets staff do it too', async () => {
      const staff = await colleague('서지호', 'institution_staff');
      const program = await firstRow<{ id: number }>(t.database.db, sql`SELECT min(id) AS id FROM programs WHERE institution_id = ${centre} AND status = 'published'`);
      for (const client of [manager, staff]) {
        expect((await client.get(`/api/programs/${program!.id}/roster`)).statusCode).toBe(200);
        const edit = await client.patch(`/api/institutions/${centre}`, { description: '광명시 평생학습센터입니다.' });
        expect(edit.statusCode, edit.body).toBe(200);
      }
    });

    it('lets an administrator give an institution role once; changing it is the colleagues page', async () => {
      const [person] = await residents(t, 1);
      expect((await admin.post(`/api/people/${person!.personId}/roles`, { role: 'institution_staff', institutionId: otherInstitution })).statusCode).toBe(204);
      const twice = await admin.post(`/api/people/${person!.personId}/roles`, { role: 'institution_manager', institutionId: otherInstitution });
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ field: 'role' });
    });
  });
});
