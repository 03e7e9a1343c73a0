/** Every SQL statement of the vouchers module. */
import { sql, type SQL } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type {
  VoucherApplication, VoucherLedgerEntry, VoucherProgramme, VoucherProgrammeBody, VoucherStatsRow, Voucher,
} from '../../../shared/contracts/vouchers.ts';
import type { VoucherApplicationStatus, VoucherGroup } from '../../../shared/vocabulary/index.ts';
import { firstRow, offsetOf, rows, type Executor } from '../../platform/database/database.ts';

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** The funder as a condition: a city's programme, or the national one (no city). */
const funderIs = (cityCode: string | null) => (cityCode === null ? sql`vp.city_code IS NULL` : sql`vp.city_code = ${cityCode}`);

export type ProgrammeRow = VoucherProgramme & { seedText: string; drawn: boolean };

const programmeColumns = sql`
  vp.id, vp.year, vp.city_code AS "cityCode", m.name_ko AS "cityNameKo", m.name_en AS "cityNameEn", vp.title,
  vp.budget::float8 AS budget, vp.amount_per_person AS "amountPerPerson", (vp.budget / vp.amount_per_person)::int AS places,
  vp.min_age AS "minAge", vp.eligible_groups AS "eligibleGroups", vp.income_median_percent AS "incomeMedianPercent",
  vp.priority_groups AS "priorityGroups", vp.applications_close_on::text AS "applicationsCloseOn", vp.expires_on::text AS "expiresOn",
  vp.applications_close_on >= (now() AT TIME ZONE 'Asia/Seoul')::date AS accepting,
  vp.seed_sha256 AS "seedSha256", CASE WHEN vp.drawn_at IS NOT NULL THEN vp.seed END AS seed, vp.seed AS "seedText",
  vp.drawn_at IS NOT NULL AS drawn, ${iso(sql`vp.drawn_at`)} AS "drawnAt",
  (SELECT count(*)::int FROM voucher_applications a WHERE a.programme_id = vp.id) AS applications,
  (SELECT count(*)::int FROM vouchers v WHERE v.programme_id = vp.id) AS issued`;

export async function findProgramme(db: Executor, cityCode: string | null, year: number, lock = false): Promise<ProgrammeRow | undefined> {
  if (lock) await db.execute(sql`SELECT 1 FROM voucher_programmes vp WHERE vp.year = ${year} AND ${funderIs(cityCode)} FOR UPDATE`);
  return firstRow<ProgrammeRow>(db, sql`
    SELECT ${programmeColumns} FROM voucher_programmes vp LEFT JOIN municipalities m ON m.code = vp.city_code
    WHERE vp.year = ${year} AND ${funderIs(cityCode)}`);
}

export async function openProgrammes(db: Executor, cityCode: string | undefined, page: PageRequest) {
  const where = sql`vp.applications_close_on >= (now() AT TIME ZONE 'Asia/Seoul')::date
    AND (${cityCode ?? null}::text IS NULL OR vp.city_code IS NULL OR vp.city_code = ${cityCode ?? null})`;
  const [items, count] = await Promise.all([
    rows<ProgrammeRow>(db, sql`
      SELECT ${programmeColumns} FROM voucher_programmes vp LEFT JOIN municipalities m ON m.code = vp.city_code
      WHERE ${where} ORDER BY vp.city_code NULLS FIRST, vp.year DESC, vp.id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM voucher_programmes vp WHERE ${where}`),
  ]);
  return { items, total: count!.n };
}

export async function insertProgramme(
  db: Executor, p: VoucherProgrammeBody & { year: number; cityCode: string | null; seed: string; seedSha256: string; by: number },
) {
  await db.execute(sql`
    INSERT INTO voucher_programmes (year, city_code, title, budget, amount_per_person, min_age, eligible_groups, income_median_percent,
      priority_groups, applications_close_on, expires_on, seed, seed_sha256, created_by)
    VALUES (${p.year}, ${p.cityCode}, ${p.title}, ${p.budget}, ${p.amountPerPerson}, ${p.minAge}, ${sql.param(p.eligibleGroups)}::text[],
      ${p.incomeMedianPercent}, ${sql.param(p.priorityGroups)}::text[], ${p.applicationsCloseOn}, ${p.expiresOn}, ${p.seed}, ${p.seedSha256}, ${p.by})
    ON CONFLICT DO NOTHING`);
}

export async function updateProgramme(db: Executor, id: number, p: VoucherProgrammeBody) {
  await db.execute(sql`
    UPDATE voucher_programmes SET title = ${p.title}, budget = ${p.budget}, amount_per_person = ${p.amountPerPerson}, min_age = ${p.minAge},
      eligible_groups = ${sql.param(p.eligibleGroups)}::text[], income_median_percent = ${p.incomeMedianPercent},
      priority_groups = ${sql.param(p.priorityGroups)}::text[], applications_close_on = ${p.applicationsCloseOn}, expires_on = ${p.expiresOn}
    WHERE id = ${id}`);
}

// ---- Applications ----------------------------------------------------------------------------------------------

const applicationColumns = sql`
  a.id, a.programme_id AS "programmeId", vp.title AS "programmeTitle", vp.year, a.person_id AS "personId", p.display_name AS "displayName", p.birth_year AS "birthYear",
  a.city_code AS "cityCode", a.declared_groups AS "declaredGroups", a.evidence, a.document_name AS "documentName", a.status,
  a.confirmed_groups AS "confirmedGroups", a.decision_note AS "decisionNote", a.tier, a.position,
  CASE a.won WHEN 'won' THEN true WHEN 'not_drawn' THEN false END AS won,
  (SELECT v.id FROM vouchers v WHERE v.application_id = a.id) AS "voucherId", ${iso(sql`a.applied_at`)} AS "appliedAt"`;
/** An application with its applicant and the programme it is for (the one title a resident tells them apart by). */
const applicationsJoined = sql`voucher_applications a JOIN people p ON p.id = a.person_id JOIN voucher_programmes vp ON vp.id = a.programme_id`;

export async function applicationOf(db: Executor, programmeId: number, personId: number) {
  return firstRow<VoucherApplication>(db, sql`
    SELECT ${applicationColumns} FROM ${applicationsJoined}
    WHERE a.programme_id = ${programmeId} AND a.person_id = ${personId}`);
}

export async function findApplication(db: Executor, programmeId: number, id: number, lock = false) {
  return firstRow<VoucherApplication>(db, sql`
    SELECT ${applicationColumns} FROM ${applicationsJoined}
    WHERE a.programme_id = ${programmeId} AND a.id = ${id} ${lock ? sql`FOR UPDATE OF a` : sql``}`);
}

/** Inserts the application unless the person has one (one per person per programme); true if it did. */
export async function insertApplication(db: Executor, a: {
  programmeId: number; personId: number; cityCode: string | null; declaredGroups: VoucherGroup[]; evidence: string;
  document: { name: string; contentType: string; bytes: Buffer } | null;
}): Promise<boolean> {
  const inserted = await rows<{ id: number }>(db, sql`
    INSERT INTO voucher_applications (programme_id, person_id, city_code, declared_groups, evidence, document_name, document_type, document)
    VALUES (${a.programmeId}, ${a.personId}, ${a.cityCode}, ${sql.param(a.declaredGroups)}::text[], ${a.evidence},
      ${a.document?.name ?? null}, ${a.document?.contentType ?? null}, ${a.document?.bytes ?? null})
    ON CONFLICT (programme_id, person_id) DO NOTHING RETURNING id`);
  return inserted.length > 0;
}

export async function applicationPage(db: Executor, programmeId: number, status: VoucherApplicationStatus | undefined, page: PageRequest) {
  const where = sql`a.programme_id = ${programmeId} AND (${status ?? null}::text IS NULL OR a.status = ${status ?? null})`;
  const [items, count] = await Promise.all([
    rows<VoucherApplication>(db, sql`
      SELECT ${applicationColumns} FROM ${applicationsJoined}
      WHERE ${where} ORDER BY a.position NULLS LAST, a.id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM voucher_applications a WHERE ${where}`),
  ]);
  return { items, total: count!.n };
}

export async function myApplications(db: Executor, personId: number, page: PageRequest) {
  const [items, count] = await Promise.all([
    rows<VoucherApplication>(db, sql`
      SELECT ${applicationColumns} FROM ${applicationsJoined}
      WHERE a.person_id = ${personId} ORDER BY a.id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM voucher_applications a WHERE a.person_id = ${personId}`),
  ]);
  return { items, total: count!.n };
}

export async function decideApplication(db: Executor, id: number, d: {
  status: 'confirmed' | 'rejected'; confirmedGroups: VoucherGroup[]; note: string; by: number;
}) {
  await db.execute(sql`
    UPDATE voucher_applications SET status = ${d.status}, confirmed_groups = ${sql.param(d.confirmedGroups)}::text[], decision_note = ${d.note},
      decided_by = ${d.by}, decided_at = now()
    WHERE id = ${id}`);
}

export async function documentOf(db: Executor, programmeId: number, id: number) {
  return firstRow<{ name: string; contentType: string; bytes: Buffer | Uint8Array }>(db, sql`
    SELECT document_name AS name, document_type AS "contentType", document AS bytes FROM voucher_applications
    WHERE programme_id = ${programmeId} AND id = ${id} AND document IS NOT NULL`);
}

export async function countUndecided(db: Executor, programmeId: number): Promise<number> {
  return (await firstRow<{ n: number }>(db, sql`
    SELECT count(*)::int AS n FROM voucher_applications WHERE programme_id = ${programmeId} AND status = 'submitted'`))!.n;
}

export async function entrants(db: Executor, programmeId: number) {
  return rows<{ applicationNo: number; groups: VoucherGroup[] }>(db, sql`
    SELECT id AS "applicationNo", confirmed_groups AS groups FROM voucher_applications
    WHERE programme_id = ${programmeId} AND status = 'confirmed' ORDER BY id`);
}

/** Claims the draw: only one transaction turns drawn_at from null. */
export async function claimDraw(db: Executor, programmeId: number, by: number): Promise<boolean> {
  return (await rows(db, sql`
    UPDATE voucher_programmes SET drawn_at = clock_timestamp(), drawn_by = ${by} WHERE id = ${programmeId} AND drawn_at IS NULL RETURNING id`)).length > 0;
}

export async function recordDraw(db: Executor, drawn: readonly { applicationNo: number; tier: number; position: number; won: boolean }[]) {
  if (drawn.length === 0) return;
  await db.execute(sql`
    UPDATE voucher_applications a SET tier = d.tier, position = d.position, won = CASE WHEN d.won THEN 'won' ELSE 'not_drawn' END
    FROM unnest(${sql.param(drawn.map((d) => d.applicationNo))}::int[], ${sql.param(drawn.map((d) => d.tier))}::int[],
                ${sql.param(drawn.map((d) => d.position))}::int[], ${sql.param(drawn.map((d) => d.won))}::boolean[]) AS d(id, tier, position, won)
    WHERE a.id = d.id`);
}

export async function drawnPage(db: Executor, programmeId: number, page: PageRequest) {
  const [items, count] = await Promise.all([
    rows<{ applicationNo: number; tier: number; position: number; won: boolean }>(db, sql`
      SELECT id AS "applicationNo", tier, position, won = 'won' AS won FROM voucher_applications
      WHERE programme_id = ${programmeId} AND position IS NOT NULL ORDER BY position LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM voucher_applications WHERE programme_id = ${programmeId} AND position IS NOT NULL`),
  ]);
  return { items, total: count!.n };
}

/** Vouchers for the winners that have none yet, each with its 'issued' ledger row; returns how many. */
export async function issueToWinners(db: Executor, programme: { id: number; amountPerPerson: number; expiresOn: string }, by: number): Promise<number> {
  const issued = await rows<{ id: number }>(db, sql`
    WITH fresh AS (
      INSERT INTO vouchers (programme_id, person_id, application_id, city_code, amount, expires_on, issued_by)
      SELECT a.programme_id, a.person_id, a.id, a.city_code, ${programme.amountPerPerson}, ${programme.expiresOn}, ${by}
      FROM voucher_applications a
      WHERE a.programme_id = ${programme.id} AND a.won = 'won' AND NOT EXISTS (SELECT 1 FROM vouchers v WHERE v.application_id = a.id)
      ORDER BY a.position
      ON CONFLICT DO NOTHING
      RETURNING id, amount)
    INSERT INTO voucher_ledger (voucher_id, kind, amount, recorded_by) SELECT id, 'issued', amount, ${by} FROM fresh RETURNING voucher_id AS id`);
  return issued.length;
}

export async function winnersOf(db: Executor, programmeId: number): Promise<number[]> {
  return (await rows<{ personId: number }>(db, sql`
    SELECT person_id AS "personId" FROM vouchers WHERE programme_id = ${programmeId}`)).map((r) => r.personId);
}

// ---- Vouchers and their ledger ----------------------------------------------------------------------------------

const voucherColumns = sql`
  v.id, v.programme_id AS "programmeId", vp.title AS "programmeTitle", vp.year, vp.city_code AS "cityCode", v.amount,
  coalesce(sum(l.amount), 0)::int AS balance,
  coalesce(-sum(l.amount) FILTER (WHERE l.kind = 'spent'), 0)::int AS spent,
  coalesce(sum(l.amount) FILTER (WHERE l.kind = 'refunded'), 0)::int AS refunded,
  v.expires_on::text AS "expiresOn", v.expires_on < (now() AT TIME ZONE 'Asia/Seoul')::date AS expired, ${iso(sql`v.issued_at`)} AS "issuedAt"`;

export async function myVouchers(db: Executor, personId: number, page: PageRequest) {
  const [items, count] = await Promise.all([
    rows<Voucher>(db, sql`
      SELECT ${voucherColumns} FROM vouchers v JOIN voucher_programmes vp ON vp.id = v.programme_id LEFT JOIN voucher_ledger l ON l.voucher_id = v.id
      WHERE v.person_id = ${personId} GROUP BY v.id, vp.id ORDER BY v.expires_on DESC, v.id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM vouchers WHERE person_id = ${personId}`),
  ]);
  return { items, total: count!.n };
}

export async function voucherOf(db: Executor, personId: number, id: number) {
  return firstRow<Voucher>(db, sql`
    SELECT ${voucherColumns} FROM vouchers v JOIN voucher_programmes vp ON vp.id = v.programme_id LEFT JOIN voucher_ledger l ON l.voucher_id = v.id
    WHERE v.person_id = ${personId} AND v.id = ${id} GROUP BY v.id, vp.id`);
}

/** Holds the voucher's row until commit: every change of its money is made by one transaction at a time. */
export async function lockVoucher(db: Executor, personId: number, id: number): Promise<boolean> {
  return (await rows(db, sql`SELECT id FROM vouchers WHERE id = ${id} AND person_id = ${personId} FOR UPDATE`)).length > 0;
}

export async function lockVoucherById(db: Executor, id: number): Promise<void> {
  await db.execute(sql`SELECT id FROM vouchers WHERE id = ${id} FOR UPDATE`);
}

export async function ledgerPage(db: Executor, voucherId: number, page: PageRequest) {
  const [items, count] = await Promise.all([
    rows<VoucherLedgerEntry>(db, sql`
      SELECT l.id::int AS id, l.kind, l.amount, l.program_id AS "programId", pr.title AS "programTitle", l.refund_of::int AS "refundOf",
        EXISTS (SELECT 1 FROM voucher_ledger r WHERE r.refund_of = l.id) AS refunded, l.note, ${iso(sql`l.recorded_at`)} AS "recordedAt"
      FROM voucher_ledger l LEFT JOIN programs pr ON pr.id = l.program_id
      WHERE l.voucher_id = ${voucherId} ORDER BY l.id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM voucher_ledger WHERE voucher_id = ${voucherId}`),
  ]);
  return { items, total: count!.n };
}

/** What vouchers have paid towards an enrolment's fee and not had back. */
export async function paidTowards(db: Executor, enrolmentId: number): Promise<number> {
  return (await firstRow<{ n: number }>(db, sql`
    SELECT coalesce(-sum(amount), 0)::int AS n FROM voucher_ledger WHERE enrolment_id = ${enrolmentId}`))!.n;
}

export async function appendSpend(db: Executor, e: { voucherId: number; amount: number; enrolmentId: number; programId: number; by: number }) {
  const [row] = await rows<{ id: number }>(db, sql`
    INSERT INTO voucher_ledger (voucher_id, kind, amount, enrolment_id, program_id, recorded_by)
    VALUES (${e.voucherId}, 'spent', ${-e.amount}, ${e.enrolmentId}, ${e.programId}, ${e.by}) RETURNING id::int AS id`);
  return row!.id;
}

/** Spends of an enrolment (or of every place in a program) with nothing refunded yet, by voucher: vouchers are locked in id order. */
export async function unrefundedSpends(db: Executor, of: { enrolmentId: number } | { programId: number }) {
  const where = 'enrolmentId' in of ? sql`s.enrolment_id = ${of.enrolmentId}` : sql`s.program_id = ${of.programId}`;
  return rows<{ id: number; voucherId: number; amount: number; programId: number; enrolmentId: number }>(db, sql`
    SELECT s.id::int AS id, s.voucher_id AS "voucherId", -s.amount AS amount, s.program_id AS "programId", s.enrolment_id AS "enrolmentId"
    FROM voucher_ledger s
    WHERE ${where} AND s.kind = 'spent' AND NOT EXISTS (SELECT 1 FROM voucher_ledger r WHERE r.refund_of = s.id)
    ORDER BY s.voucher_id, s.id`);
}

export async function findSpend(db: Executor, voucherId: number, spendId: number) {
  return firstRow<{ id: number; amount: number; enrolmentId: number; programId: number; refunded: boolean }>(db, sql`
    SELECT s.id::int AS id, -s.amount AS amount, s.enrolment_id AS "enrolmentId", s.program_id AS "programId",
      EXISTS (SELECT 1 FROM voucher_ledger r WHERE r.refund_of = s.id) AS refunded
    FROM voucher_ledger s WHERE s.id = ${spendId} AND s.voucher_id = ${voucherId} AND s.kind = 'spent'`);
}

export async function appendRefund(db: Executor, e: { voucherId: number; amount: number; spendId: number; enrolmentId: number; programId: number; note: string; by: number }) {
  await db.execute(sql`
    INSERT INTO voucher_ledger (voucher_id, kind, amount, enrolment_id, program_id, refund_of, note, recorded_by)
    VALUES (${e.voucherId}, 'refunded', ${e.amount}, ${e.enrolmentId}, ${e.programId}, ${e.spendId}, ${e.note}, ${e.by})`);
}

export async function enrolmentState(db: Executor, enrolmentId: number) {
  return firstRow<{ status: string; statusChangedAt: string; programCancelled: boolean }>(db, sql`
    SELECT e.status, ${iso(sql`e.status_changed_at`)} AS "statusChangedAt", p.status = 'cancelled' AS "programCancelled"
    FROM enrolments e JOIN programs p ON p.id = e.program_id WHERE e.id = ${enrolmentId}`);
}

// ---- Statistics ------------------------------------------------------------------------------------------------

/** Per applicant's city × declared group: people and money; the service suppresses small groups. */
export async function statistics(db: Executor, programmeId: number) {
  return rows<Omit<VoucherStatsRow, 'suppressed'> & { applicants: number; confirmed: number; issued: number; spent: number; refunded: number }>(db, sql`
    WITH money AS (
      SELECT v.application_id, coalesce(-sum(l.amount) FILTER (WHERE l.kind = 'spent'), 0) AS spent,
             coalesce(sum(l.amount) FILTER (WHERE l.kind = 'refunded'), 0) AS refunded
      FROM vouchers v JOIN voucher_ledger l ON l.voucher_id = v.id WHERE v.programme_id = ${programmeId} GROUP BY v.application_id)
    SELECT a.city_code AS "cityCode", m.name_ko AS "cityNameKo", m.name_en AS "cityNameEn", g."group",
      count(*)::int AS applicants, count(*) FILTER (WHERE a.status = 'confirmed')::int AS confirmed,
      count(v.id)::int AS issued, coalesce(sum(mo.spent), 0)::int AS spent, coalesce(sum(mo.refunded), 0)::int AS refunded
    FROM voucher_applications a
    CROSS JOIN LATERAL unnest(a.declared_groups) AS g("group")
    LEFT JOIN municipalities m ON m.code = a.city_code
    LEFT JOIN vouchers v ON v.application_id = a.id
    LEFT JOIN money mo ON mo.application_id = a.id
    WHERE a.programme_id = ${programmeId}
    GROUP BY a.city_code, m.name_ko, m.name_en, g."group"
    ORDER BY a.city_code NULLS LAST, g."group"`);
}

export async function statisticsTotals(db: Executor, programmeId: number) {
  return (await firstRow<{ applicants: number; confirmed: number; issued: number; spent: number; refunded: number }>(db, sql`
    SELECT (SELECT count(*)::int FROM voucher_applications WHERE programme_id = ${programmeId}) AS applicants,
      (SELECT count(*)::int FROM voucher_applications WHERE programme_id = ${programmeId} AND status = 'confirmed') AS confirmed,
      (SELECT count(*)::int FROM vouchers WHERE programme_id = ${programmeId}) AS issued,
      (SELECT coalesce(-sum(l.amount) FILTER (WHERE l.kind = 'spent'), 0)::int FROM voucher_ledger l JOIN vouchers v ON v.id = l.voucher_id WHERE v.programme_id = ${programmeId}) AS spent,
      (SELECT coalesce(sum(l.amount) FILTER (WHERE l.kind = 'refunded'), 0)::int FROM voucher_ledger l JOIN vouchers v ON v.id = l.voucher_id WHERE v.programme_id = ${programmeId}) AS refunded`))!;
}
