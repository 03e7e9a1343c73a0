/**
 * LearnFare vouchers (issue 13, item 6): a programme per year and funder, one application per person, the funder's
 * officers confirm and draw (the lottery's recipe: recomputed here from the published seed alone) and issue; a
 * resident pays a program's fee with the voucher and is refunded under the refund rules when cancelling. Money only
 * in the append-only ledger: an overdraw, a spend after expiry and a double refund are refused naming the balance,
 * and 200 parallel spends against one voucher never take more than it holds.
 */
import { createHash, createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Voucher, VoucherApplication, VoucherDrawResult, VoucherLedger, VoucherProgramme, VoucherStats } from '../../src/shared/contracts/vouchers.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

const GWANGMYEONG = '31060';
const SUNCHEON = '36030';
const AMOUNT = 350_000;

describe(`vouchers on ${testEngine()}`, () => {
  let t: TestApp;
  let ministry: Client;
  let officer: Client;
  let otherOfficer: Client;
  let staff: Client;
  let institutionId: number;
  let venueId: number;
  const today = todayInKorea();
  let nextYear = 2040;

  const put = (client: Client, url: string, payload: object) => client.request({ method: 'PUT', url, payload });
  const programmeBody = (changes: Record<string, unknown> = {}) => ({
    title: '평생교육이용권', budget: AMOUNT * 3, amountPerPerson: AMOUNT, minAge: 19,
    eligibleGroups: ['basic_livelihood', 'near_poverty', 'disability', 'over_65', 'low_income'], incomeMedianPercent: 65,
    priorityGroups: ['basic_livelihood', 'disability'], applicationsCloseOn: addDays(today, 7), expiresOn: addDays(today, 300), ...changes,
  });
  /** A fresh national programme (a year of its own), set up by the ministry. */
  const nationalProgramme = async (changes: Record<string, unknown> = {}) => {
    const year = nextYear++;
    const response = await put(ministry, `/api/vouchers/national/${year}`, programmeBody(changes));
    expect(response.statusCode, response.body).toBe(200);
    return { year, base: `/api/vouchers/national/${year}`, programme: response.json<VoucherProgramme>() };
  };
  const closeApplications = (id: number) =>
    t.database.db.execute(sql`UPDATE voucher_programmes SET applications_close_on = ${addDays(today, -1)} WHERE id = ${id}`);
  const applyAll = async (base: string, people: Client[], declaredGroups: string[]) => {
    const made: VoucherApplication[] = [];
    for (const person of people) {
      const response = await person.post(`${base}/application`, { declaredGroups, evidence: '증명서 있음' });
      expect(response.statusCode, response.body).toBe(201);
      made.push(response.json<VoucherApplication>());
    }
    return made;
  };
  const confirmAll = async (base: string, applications: VoucherApplication[], by = ministry) => {
    for (const a of applications) {
      const response = await by.post(`${base}/applications/${a.id}/decision`, { decision: 'confirmed' });
      expect(response.statusCode, response.body).toBe(200);
    }
  };
  /** One resident holding a voucher of `AMOUNT`, issued through the whole path. */
  const holder = async (birthYear = 1950) => {
    const { base, programme } = await nationalProgramme();
    const [person] = await residents(t, 1, { birthYear });
    const applications = await applyAll(base, [person!], ['over_65']);
    await confirmAll(base, applications);
    await closeApplications(programme.id);
    expect((await ministry.post(`${base}/draw`)).statusCode).toBe(200);
    expect((await ministry.post(`${base}/issue`)).json()).toMatchObject({ issued: 1 });
    const voucher = (await person!.get('/api/me/vouchers')).json<{ items: Voucher[] }>().items[0]!;
    return { person: person!, voucher };
  };
  const paidProgram = async (feeKrw: number, sessionCount = 6) => {
    const response = await staff.post('/api/programs', {
      institutionId, venueId, title: '유료 강좌', description: '수강료가 있는 강좌입니다. 이용권으로 낼 수 있습니다.', area: 'liberal_arts',
      subcategory: 'humanities', targetGroups: ['all'], mode: 'in_person', startsOn: addDays(today, 14), weekdays: ['wed'],
      startTime: '10:00', endTime: '12:00', sessionCount, capacity: 30, feeKrw,
    });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { id: number }).id;
  };
  const enrol = async (person: Client, programId: number) => {
    const response = await person.post(`/api/programs/${programId}/enrolment`, {});
    expect(response.statusCode, response.body).toBe(201);
  };
  const balanceOf = async (person: Client, voucherId: number) =>
    (await person.get('/api/me/vouchers')).json<{ items: Voucher[] }>().items.find((v) => v.id === voucherId)!.balance;

  beforeAll(async () => {
    t = await testApp();
    [ministry, officer, otherOfficer, staff] = await Promise.all([
      t.as('ministry@example.com'), t.as('officer@example.com'), t.as('officer.suncheon@example.com'), t.as('staff@example.com'),
    ]);
    const me = (await staff.get('/api/auth/me')).json();
    institutionId = me.grants[0].institutionId;
    venueId = (await t.anonymous.get(`/api/institutions/${institutionId}`)).json().venues.sort((a: { seats: number }, b: { seats: number }) => b.seats - a.seats)[0].id;
  });
  afterAll(async () => t?.close());

  it('lets the ministry set up the national programme and a city its own; nobody else, and never another city’s', async () => {
    const { year, programme } = await nationalProgramme();
    expect(programme).toMatchObject({ cityCode: null, places: 3, seed: null, accepting: true, applications: 0 });
    expect(programme.seedSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await put(officer, `/api/vouchers/national/${year}`, programmeBody())).statusCode).toBe(403);
    const city = await put(officer, `/api/cities/${GWANGMYEONG}/vouchers/${year}`, programmeBody({ title: '광명시 평생학습 이용권', amountPerPerson: 200_000 }));
    expect(city.statusCode, city.body).toBe(200);
    expect(city.json()).toMatchObject({ cityCode: GWANGMYEONG, amountPerPerson: 200_000 });
    expect((await put(otherOfficer, `/api/cities/${GWANGMYEONG}/vouchers/${year}`, programmeBody())).statusCode).toBe(403);
    expect((await put(ministry, `/api/cities/${GWANGMYEONG}/vouchers/${year}`, programmeBody())).statusCode).toBe(403);
    expect((await staff.get(`/api/cities/${GWANGMYEONG}/vouchers/${year}/applications`)).statusCode).toBe(403);
    // A priority group the programme does not cover is refused naming the field, in English when asked.
    const stray = await ministry.request({
      method: 'PUT', url: `/api/vouchers/national/${year}`, headers: { 'accept-language': 'en' },
      payload: programmeBody({ eligibleGroups: ['over_65'], priorityGroups: ['disability'] }),
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json()).toMatchObject({ field: 'priorityGroups' });
    expect(stray.json().message).toContain('Priority groups');
    // Only the city's residents apply to its programme.
    const [suncheonResident] = await residents(t, 1, { homeCityCode: SUNCHEON });
    expect((await suncheonResident!.post(`/api/cities/${GWANGMYEONG}/vouchers/${year}/application`, { declaredGroups: ['low_income'], evidence: '' })).statusCode).toBe(409);
  });

  it('takes one application per person per programme, even asked for five times at once; checks what the account shows', async () => {
    const { base, programme } = await nationalProgramme();
    const [person] = await residents(t, 1, { birthYear: 1980 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => person!.post(`${base}/application`, { declaredGroups: ['near_poverty'], evidence: '차상위 확인서' })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json<VoucherApplication>().id)).size).toBe(1);
    const count = await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM voucher_applications WHERE programme_id = ${programme.id}`);
    expect(count!.n).toBe(1);
    // The database itself refuses a second row for the same person.
    await expect(t.database.db.execute(sql`
      INSERT INTO voucher_applications (programme_id, person_id, declared_groups, evidence) VALUES (${programme.id}, ${person!.personId}, '{near_poverty}', '')`))
      .rejects.toThrow();
    // Aged 46 by the account: declaring 65 or over is refused; under 19 cannot apply.
    const [younger] = await residents(t, 1, { birthYear: 1980 });
    const over65 = await younger!.post(`${base}/application`, { declaredGroups: ['over_65'], evidence: '' });
    expect(over65.statusCode).toBe(400);
    expect(over65.json()).toMatchObject({ field: 'declaredGroups' });
    const [child] = await residents(t, 1, { birthYear: programme.year - 15 });
    expect((await child!.post(`${base}/application`, { declaredGroups: ['disability'], evidence: '' })).statusCode).toBe(409);
    // A document must be what it says it is.
    const [withDocument] = await residents(t, 1, { birthYear: 1970 });
    const fake = await withDocument!.post(`${base}/application`, {
      declaredGroups: ['disability'], evidence: '장애인 등록증', document: { name: 'a.pdf', contentType: 'application/pdf', base64: Buffer.from('not a pdf').toString('base64') },
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json()).toMatchObject({ field: 'document' });
    const real = await withDocument!.post(`${base}/application`, {
      declaredGroups: ['disability'], evidence: '장애인 등록증', document: { name: '등록증.pdf', contentType: 'application/pdf', base64: Buffer.from('%PDF-1.4 test').toString('base64') },
    });
    expect(real.statusCode, real.body).toBe(201);
    expect(real.json()).toMatchObject({ documentName: '등록증.pdf', status: 'submitted' });
    // The officer who decides reads it back as sent; the applicant's neighbours' officers cannot.
    const sent = await ministry.get(`${base}/applications/${real.json().id}/document`);
    expect(sent.statusCode).toBe(200);
    expect(sent.headers['content-type']).toBe('application/pdf');
    expect(sent.rawPayload.toString()).toBe('%PDF-1.4 test');
    expect((await officer.get(`${base}/applications/${real.json().id}/document`)).statusCode).toBe(403);
  });

  it('draws when oversubscribed, priority groups first, and the order recomputes from the published seed alone', async () => {
    const { base, programme } = await nationalProgramme();
    const plain = await residents(t, 5, { birthYear: 1975 });
    const priority = await residents(t, 3, { birthYear: 1975 });
    const applied = [...await applyAll(base, plain, ['low_income']), ...await applyAll(base, priority, ['disability'])];
    await closeApplications(programme.id);
    // Not before every application is decided.
    expect((await ministry.post(`${base}/draw`)).statusCode).toBe(409);
    await confirmAll(base, applied.slice(0, 7));
    const rejected = await ministry.post(`${base}/applications/${applied[7]!.id}/decision`, { decision: 'rejected', note: '증빙 없음' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', confirmedGroups: [] });

    const drawn = await ministry.post(`${base}/draw`);
    expect(drawn.statusCode, drawn.body).toBe(200);
    expect(drawn.json()).toMatchObject({ entrants: 7, won: 3, notDrawn: 4 });
    expect((await ministry.post(`${base}/draw`)).statusCode).toBe(409);

    const published = (await t.anonymous.get(base)).json<VoucherProgramme>();
    const seed = published.seed!;
    expect(createHash('sha256').update(seed).digest('hex')).toBe(programme.seedSha256);
    const result = (await t.anonymous.get(`${base}/draw?pageSize=100`)).json<VoucherDrawResult>().items;
    const tierOf = new Map(applied.map((a, i) => [a.id, i >= 5 ? 1 : 2]));
    const recomputed = applied.slice(0, 7)
      .map((a) => ({ applicationNo: a.id, tier: tierOf.get(a.id)!, ticket: createHmac('sha256', seed).update(String(a.id)).digest('hex') }))
      .sort((a, b) => a.tier - b.tier || (a.ticket < b.ticket ? -1 : 1))
      .map((e, i) => ({ ...e, position: i + 1, won: i < 3 }));
    expect(result).toEqual(recomputed);
    // Two priority applicants were confirmed (the third was rejected): both won, and one drawn from the rest.
    expect(result.filter((e) => e.won).map((e) => e.tier)).toEqual([1, 1, 2]);

    const issued = await ministry.post(`${base}/issue`);
    expect(issued.json()).toMatchObject({ issued: 3, programme: { issued: 3 } });
    expect((await ministry.post(`${base}/issue`)).json()).toMatchObject({ issued: 0 });
    const winners = [...plain, ...priority].filter((_, i) => result.find((e) => e.applicationNo === applied[i]!.id)?.won);
    for (const person of winners) {
      const vouchers = (await person.get('/api/me/vouchers')).json<{ items: Voucher[] }>().items;
      expect(vouchers).toMatchObject([{ amount: AMOUNT, balance: AMOUNT, spent: 0, expired: false }]);
    }

    // Statistics per city and group: the 5 low-income applicants are shown, the 3 disability ones are not.
    const stats = (await ministry.get(`${base}/statistics`)).json<VoucherStats>();
    expect(stats.items.find((r) => r.group === 'low_income')).toMatchObject({ cityCode: GWANGMYEONG, suppressed: false, applicants: 5, confirmed: 5 });
    expect(stats.items.find((r) => r.group === 'disability')).toMatchObject({ suppressed: true, applicants: null, issued: null, spent: null });
    expect(stats.totals).toMatchObject({ applicants: 8, confirmed: 7, issued: 3 });
    expect((await officer.get(`${base}/statistics`)).statusCode).toBe(403);
  });

  it('pays a program’s fee up to what is left of it; refuses an overdraw and a spend after expiry, naming the balance', async () => {
    const { person, voucher } = await holder();
    const programId = await paidProgram(500_000);
    // Not before holding a place.
    expect((await person.post(`/api/programs/${programId}/enrolment/voucher`, { voucherId: voucher.id })).statusCode).toBe(404);
    await enrol(person, programId);
    const part = await person.post(`/api/programs/${programId}/enrolment/voucher`, { voucherId: voucher.id, amount: 100_000 });
    expect(part.statusCode, part.body).toBe(200);
    expect(part.json()).toMatchObject({ balance: 250_000, spent: 100_000 });

    const overdraw = await person.request({
      method: 'POST', url: `/api/programs/${programId}/enrolment/voucher`, headers: { 'accept-language': 'ko' }, payload: { voucherId: voucher.id, amount: 300_000 },
    });
    expect(overdraw.statusCode).toBe(409);
    expect(overdraw.json()).toMatchObject({ error: 'insufficient_balance', field: 'amount', balance: 250_000 });
    expect(overdraw.json().message).toContain('250,000원');
    // What is left of the balance, by default: 250,000 of the 400,000 still due.
    const rest = await person.post(`/api/programs/${programId}/enrolment/voucher`, { voucherId: voucher.id });
    expect(rest.json()).toMatchObject({ balance: 0, spent: 350_000 });
    const empty = await person.request({
      method: 'POST', url: `/api/programs/${programId}/enrolment/voucher`, headers: { 'accept-language': 'en' }, payload: { voucherId: voucher.id },
    });
    expect(empty.statusCode).toBe(409);
    expect(empty.json()).toMatchObject({ error: 'insufficient_balance', balance: 0 });
    expect(empty.json().message).toContain('₩0');

    // Someone else cannot use it; a voucher past its day pays nothing.
    const { person: other, voucher: second } = await holder();
    expect((await other.post(`/api/programs/${programId}/enrolment/voucher`, { voucherId: voucher.id })).statusCode).toBe(404);
    await enrol(other, programId);
    await t.database.db.execute(sql`UPDATE vouchers SET expires_on = ${addDays(today, -1)} WHERE id = ${second.id}`);
    const expired = await other.post(`/api/programs/${programId}/enrolment/voucher`, { voucherId: second.id });
    expect(expired.statusCode).toBe(409);
    expect(expired.json()).toMatchObject({ error: 'voucher_expired', balance: AMOUNT });
    expect((await other.get('/api/me/vouchers')).json<{ items: Voucher[] }>().items[0]).toMatchObject({ expired: true, balance: AMOUNT });
  });

  it('refunds on cancellation under the refund rules, once: a second refund is refused naming the balance', async () => {
    const { person, voucher } = await holder();
    // Cancelled before the first session: all of it comes back.
    const before = await paidProgram(300_000);
    await enrol(person, before);
    await person.post(`/api/programs/${before}/enrolment/voucher`, { voucherId: voucher.id });
    expect(await balanceOf(person, voucher.id)).toBe(50_000);
    const cancelled = await person.request({ method: 'DELETE', url: `/api/programs/${before}/enrolment` });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(await balanceOf(person, voucher.id)).toBe(AMOUNT);
    const ledger = (await person.get(`/api/me/vouchers/${voucher.id}/ledger`)).json<VoucherLedger>();
    expect(ledger.items.map((e) => [e.kind, e.amount])).toEqual([['refunded', 300_000], ['spent', -300_000], ['issued', AMOUNT]]);
    const spendId = ledger.items[1]!.id;
    expect(ledger.items[1]!.refunded).toBe(true);

    const again = await person.request({ method: 'POST', url: `/api/me/vouchers/${voucher.id}/refund`, headers: { 'accept-language': 'ko' }, payload: { spendId } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'already_refunded', field: 'spendId', balance: AMOUNT });
    expect(again.json().message).toContain('350,000원');
    // Cancelling again changes nothing.
    await person.request({ method: 'DELETE', url: `/api/programs/${before}/enrolment` });
    expect(await balanceOf(person, voucher.id)).toBe(AMOUNT);

    // Cancelled after 1 of 6 sessions (less than a third): two thirds come back.
    const started = await paidProgram(300_000, 6);
    await enrol(person, started);
    await person.post(`/api/programs/${started}/enrolment/voucher`, { voucherId: voucher.id, amount: 300_000 });
    await t.database.db.execute(sql`UPDATE program_sessions SET starts_at = now() - interval '1 day' WHERE program_id = ${started} AND session_no = 1`);
    await person.request({ method: 'DELETE', url: `/api/programs/${started}/enrolment` });
    expect(await balanceOf(person, voucher.id)).toBe(50_000 + 200_000);
    // The ledger can only grow: the database refuses to change or remove a row.
    await expect(t.database.db.execute(sql`UPDATE voucher_ledger SET amount = 1 WHERE voucher_id = ${voucher.id}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM voucher_ledger WHERE voucher_id = ${voucher.id}`)).rejects.toThrow();
    // …and a second refund row for one spend, or a spend below zero, written around the service.
    await expect(t.database.db.execute(sql`
      INSERT INTO voucher_ledger (voucher_id, kind, amount, enrolment_id, program_id, refund_of)
      SELECT voucher_id, 'refunded', 1, enrolment_id, program_id, refund_of FROM voucher_ledger WHERE kind = 'refunded' AND voucher_id = ${voucher.id} LIMIT 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`
      INSERT INTO voucher_ledger (voucher_id, kind, amount, enrolment_id, program_id) VALUES (${voucher.id}, 'spent', -250001, NULL, ${started})`)).rejects.toThrow();
  });

  it('gives back what was not held when the institution cancels the program (폐강), and refunds a payment once', async () => {
    const { person, voucher } = await holder();
    const programId = await paidProgram(300_000, 6);
    await enrol(person, programId);
    await person.post(`/api/programs/${programId}/enrolment/voucher`, { voucherId: voucher.id });
    // Two of six sessions held: four sixths of the payment come back (the learner's scale would give nothing back).
    await t.database.db.execute(sql`UPDATE program_sessions SET starts_at = now() - interval '1 day' WHERE program_id = ${programId} AND session_no <= 2`);
    const { version } = (await staff.get(`/api/programs/${programId}/office`)).json<{ version: number }>();
    const cancelled = await staff.post(`/api/programs/${programId}/cancellation`, { reason: '강사 사정으로 폐강합니다', version });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(await balanceOf(person, voucher.id)).toBe(50_000 + 200_000);
    const ledger = (await person.get(`/api/me/vouchers/${voucher.id}/ledger`)).json<VoucherLedger>();
    expect(ledger.items[0]).toMatchObject({ kind: 'refunded', amount: 200_000, note: expect.stringContaining('폐강') });
    const again = await person.request({ method: 'POST', url: `/api/me/vouchers/${voucher.id}/refund`, headers: { 'accept-language': 'en' }, payload: { spendId: ledger.items[1]!.id } });
    expect(again.json()).toMatchObject({ error: 'already_refunded', balance: 250_000 });
    expect(again.json().message).toContain('₩250,000');
  });

  it('never overdraws under 200 parallel spends against one voucher', async () => {
    const { person, voucher } = await holder();
    const programId = await paidProgram(2_000_000);
    await enrol(person, programId);
    const answers = await Promise.all(Array.from({ length: 200 }, () =>
      person.post(`/api/programs/${programId}/enrolment/voucher`, { voucherId: voucher.id, amount: 5_000 })));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 200)).toHaveLength(AMOUNT / 5_000);
    expect(statuses.filter((s) => s === 409)).toHaveLength(200 - AMOUNT / 5_000);
    const sums = await rows<{ kind: string; total: number; n: number }>(t.database.db, sql`
      SELECT kind, sum(amount)::int AS total, count(*)::int AS n FROM voucher_ledger WHERE voucher_id = ${voucher.id} GROUP BY kind ORDER BY kind`);
    expect(sums).toEqual([{ kind: 'issued', total: AMOUNT, n: 1 }, { kind: 'spent', total: -AMOUNT, n: 70 }]);
    expect(await balanceOf(person, voucher.id)).toBe(0);
  });
});
