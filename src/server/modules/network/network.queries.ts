/** Every SQL statement of the network module: agreements and their log, shared resources, bookings, joint programs, the city's graph. */
import { sql, type SQL } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { Agreement, AgreementLogEntry, Booking, JointProgram, OpeningHours, ProgramRoom, SharedResource } from '../../../shared/contracts/network.ts';
import type { AgreementChange, AgreementStatus, ProgramAreaCode, ResourceKind } from '../../../shared/vocabulary/index.ts';
import { firstRow, isoUtc, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';

/** An institution as the network names it: with its 행정동. */
export interface Party {
  id: number;
  name: string;
  cityCode: string;
  dongCode: string;
}

export async function institutionsById(db: Executor, ids: readonly number[]): Promise<Party[]> {
  if (ids.length === 0) return [];
  return rows<Party>(db, sql`
    SELECT id, name, city_code AS "cityCode", dong_code AS "dongCode" FROM institutions
    WHERE id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) ORDER BY id`);
}

/** Signed today within its period (Korea's today, passed in). */
const currentSql = (a: SQL, today: string) => sql`(${a}.status = 'signed' AND ${a}.starts_on <= ${today}::date AND ${a}.ends_on >= ${today}::date)`;

const agreementColumns = (today: string) => sql`
  a.id, a.title, a.status, a.starts_on::text AS "startsOn", a.ends_on::text AS "endsOn", a.scope_areas AS "scopeAreas", a.scope_text AS "scopeText",
  a.proposed_by_institution_id AS "proposedByInstitutionId",
  ${isoUtc(sql`a.created_at`)} AS "createdAt",
  CASE WHEN a.signed_at IS NULL THEN NULL ELSE ${isoUtc(sql`a.signed_at`)} END AS "signedAt",
  CASE WHEN a.closed_at IS NULL THEN NULL ELSE ${isoUtc(sql`a.closed_at`)} END AS "closedAt",
  ${currentSql(sql`a`, today)} AS current,
  (SELECT json_build_object('fileName', f.file_name, 'byteSize', f.byte_size) FROM stored_files f WHERE f.id = a.document_file_id) AS document,
  (SELECT json_agg(json_build_object(
      'institutionId', i.id, 'name', i.name, 'cityCode', i.city_code, 'dongCode', i.dong_code, 'dongName', d.name_ko,
      'acceptedAt', CASE WHEN p.accepted_at IS NULL THEN NULL ELSE ${isoUtc(sql`p.accepted_at`)} END, 'acceptedByName', p.accepted_by_name)
    ORDER BY i.name, i.id)
   FROM agreement_parties p JOIN institutions i ON i.id = p.institution_id JOIN dongs d ON d.code = i.dong_code
   WHERE p.agreement_id = a.id) AS parties`;

export interface NewAgreement {
  cityCode: string;
  title: string;
  partiesKey: string;
  startsOn: string;
  endsOn: string;
  scopeAreas: ProgramAreaCode[];
  scopeText: string;
  proposedByInstitutionId: number;
  proposedBy: number;
}

export async function insertAgreement(tx: Executor, a: NewAgreement): Promise<number> {
  const row = await firstRow<{ id: number }>(tx, sql`
    INSERT INTO partnership_agreements (city_code, title, parties_key, starts_on, ends_on, scope_areas, scope_text, proposed_by_institution_id, proposed_by)
    VALUES (${a.cityCode}, ${a.title}, ${a.partiesKey}, ${a.startsOn}::date, ${a.endsOn}::date,
            ${`{${a.scopeAreas.join(',')}}`}::text[], ${a.scopeText}, ${a.proposedByInstitutionId}, ${a.proposedBy})
    RETURNING id`);
  return row!.id;
}

export async function insertParties(tx: Executor, agreementId: number, institutionIds: readonly number[]): Promise<void> {
  await tx.execute(sql`
    INSERT INTO agreement_parties (agreement_id, institution_id)
    SELECT ${agreementId}, unnest(${`{${institutionIds.join(',')}}`}::int[])`);
}

/** The party's acceptance; returns how many parties have still to accept. */
export async function acceptParty(tx: Executor, agreementId: number, institutionId: number, actor: { personId: number; displayName: string }): Promise<number> {
  await tx.execute(sql`
    UPDATE agreement_parties SET accepted_at = now(), accepted_by = ${actor.personId}, accepted_by_name = ${actor.displayName}
    WHERE agreement_id = ${agreementId} AND institution_id = ${institutionId}`);
  const row = await firstRow<{ n: number }>(tx, sql`
    SELECT count(*)::int AS n FROM agreement_parties WHERE agreement_id = ${agreementId} AND accepted_at IS NULL`);
  return row!.n;
}

export interface LockedAgreement {
  id: number;
  status: AgreementStatus;
  title: string;
  cityCode: string;
  startsOn: string;
  endsOn: string;
  partyIds: number[];
  acceptedIds: number[];
  current: boolean;
}

/** The agreement, locked for a change (changes to one agreement go one at a time). */
export async function lockAgreement(tx: Executor, id: number, today: string): Promise<LockedAgreement | undefined> {
  return firstRow<LockedAgreement>(tx, sql`
    SELECT a.id, a.status, a.title, a.city_code AS "cityCode", a.starts_on::text AS "startsOn", a.ends_on::text AS "endsOn",
           ${currentSql(sql`a`, today)} AS current,
           ARRAY(SELECT institution_id FROM agreement_parties WHERE agreement_id = a.id ORDER BY institution_id) AS "partyIds",
           ARRAY(SELECT institution_id FROM agreement_parties WHERE agreement_id = a.id AND accepted_at IS NOT NULL ORDER BY institution_id) AS "acceptedIds"
    FROM partnership_agreements a WHERE a.id = ${id} FOR UPDATE`);
}

export async function setAgreementStatus(tx: Executor, id: number, status: AgreementStatus): Promise<void> {
  await tx.execute(sql`
    UPDATE partnership_agreements SET status = ${status},
      signed_at = CASE WHEN ${status} = 'signed' THEN now() ELSE signed_at END,
      closed_at = CASE WHEN ${status} IN ('ended', 'withdrawn') THEN now() ELSE closed_at END
    WHERE id = ${id}`);
}

export async function setAgreementDocument(tx: Executor, id: number, fileId: number): Promise<number | null> {
  const row = await firstRow<{ previous: number | null }>(tx, sql`
    UPDATE partnership_agreements a SET document_file_id = ${fileId} FROM partnership_agreements old
    WHERE a.id = ${id} AND old.id = a.id RETURNING old.document_file_id AS previous`);
  return row?.previous ?? null;
}

export async function agreementDocumentId(db: Executor, id: number): Promise<number | null> {
  return (await firstRow<{ fileId: number | null }>(db, sql`SELECT document_file_id AS "fileId" FROM partnership_agreements WHERE id = ${id}`))?.fileId ?? null;
}

export async function agreement(db: Executor, id: number, today: string): Promise<Agreement | undefined> {
  return firstRow<Agreement>(db, sql`SELECT ${agreementColumns(today)} FROM partnership_agreements a WHERE a.id = ${id}`);
}

/** The institution's agreements, live ones first, then newest. */
export async function agreementsOf(db: Executor, institutionId: number, status: AgreementStatus | undefined, today: string, page: PageRequest) {
  const where = sql`EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = a.id AND p.institution_id = ${institutionId})
    ${status ? sql`AND a.status = ${status}` : sql``}`;
  return pageOf(
    page,
    rows<Agreement>(db, sql`
      SELECT ${agreementColumns(today)} FROM partnership_agreements a WHERE ${where}
      ORDER BY (a.status IN ('proposed', 'signed')) DESC, a.created_at DESC, a.id DESC
      LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM partnership_agreements a WHERE ${where}`),
  );
}

export interface LogLine {
  agreementId: number;
  institutionId: number;
  institutionName: string;
  actorId: number | null;
  actorName: string;
  change: AgreementChange;
  note?: string | null;
  programId?: number | null;
}

export async function appendLog(tx: Executor, line: LogLine): Promise<void> {
  await tx.execute(sql`
    INSERT INTO agreement_log (agreement_id, institution_id, institution_name, actor_id, actor_name, change, note, program_id)
    VALUES (${line.agreementId}, ${line.institutionId}, ${line.institutionName}, ${line.actorId}, ${line.actorName}, ${line.change},
            ${line.note ?? null}, ${line.programId ?? null})`);
}

export async function logOf(db: Executor, agreementId: number, page: PageRequest) {
  return pageOf(
    page,
    rows<AgreementLogEntry>(db, sql`
      SELECT id::int AS id, ${isoUtc(sql`occurred_at`)} AS "occurredAt", institution_name AS "institutionName", actor_name AS "actorName", change, note
      FROM agreement_log WHERE agreement_id = ${agreementId}
      ORDER BY occurred_at DESC, id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM agreement_log WHERE agreement_id = ${agreementId}`),
  );
}

/** The signed, current agreement binding both institutions (the newest if several), if any. */
export async function currentAgreementBetween(db: Executor, a: number, b: number, today: string): Promise<number | undefined> {
  return (await firstRow<{ id: number }>(db, sql`
    SELECT ag.id FROM partnership_agreements ag
    WHERE ${currentSql(sql`ag`, today)}
      AND EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = ag.id AND p.institution_id = ${a})
      AND EXISTS (SELECT 1 FROM agreement_parties p WHERE p.agreement_id = ag.id AND p.institution_id = ${b})
    ORDER BY ag.signed_at DESC, ag.id DESC LIMIT 1`))?.id;
}

// Shared resources ------------------------------------------------------------------------------------------

const resourceColumns = sql`
  r.id, r.institution_id AS "institutionId", i.name AS "institutionName", r.kind, r.name, r.capacity, r.venue_id AS "venueId",
  v.name AS "venueName", i.address, r.opening_hours AS "openingHours", r.rules, r.offered`;
const resourceFrom = sql`shared_resources r JOIN institutions i ON i.id = r.institution_id LEFT JOIN venues v ON v.id = r.venue_id`;

export interface ResourceValues {
  kind: ResourceKind;
  name: string;
  capacity: number;
  venueId: number | null;
  openingHours: OpeningHours[];
  rules: string;
  offered: boolean;
}

export async function insertResource(tx: Executor, institutionId: number, cityCode: string, r: ResourceValues): Promise<number> {
  const row = await firstRow<{ id: number }>(tx, sql`
    INSERT INTO shared_resources (institution_id, city_code, kind, name, capacity, venue_id, opening_hours, rules, offered)
    VALUES (${institutionId}, ${cityCode}, ${r.kind}, ${r.name}, ${r.capacity}, ${r.venueId}, ${JSON.stringify(r.openingHours)}::jsonb, ${r.rules}, ${r.offered})
    RETURNING id`);
  return row!.id;
}

export async function updateResource(tx: Executor, id: number, r: ResourceValues): Promise<void> {
  await tx.execute(sql`
    UPDATE shared_resources SET kind = ${r.kind}, name = ${r.name}, capacity = ${r.capacity}, venue_id = ${r.venueId},
      opening_hours = ${JSON.stringify(r.openingHours)}::jsonb, rules = ${r.rules}, offered = ${r.offered}
    WHERE id = ${id}`);
}

export async function resource(db: Executor, id: number): Promise<SharedResource | undefined> {
  return firstRow<SharedResource>(db, sql`SELECT ${resourceColumns} FROM ${resourceFrom} WHERE r.id = ${id}`);
}

export async function resourcesOf(db: Executor, institutionId: number, page: PageRequest) {
  return pageOf(
    page,
    rows<SharedResource>(db, sql`
      SELECT ${resourceColumns} FROM ${resourceFrom} WHERE r.institution_id = ${institutionId}
      ORDER BY r.offered DESC, r.name, r.id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM shared_resources WHERE institution_id = ${institutionId}`),
  );
}

/** What partners (under a signed, current agreement with the institution) offer it. */
export async function partnerResources(db: Executor, institutionId: number, today: string, page: PageRequest) {
  const where = sql`r.offered AND r.institution_id <> ${institutionId} AND EXISTS (
    SELECT 1 FROM partnership_agreements ag
    JOIN agreement_parties mine ON mine.agreement_id = ag.id AND mine.institution_id = ${institutionId}
    JOIN agreement_parties theirs ON theirs.agreement_id = ag.id AND theirs.institution_id = r.institution_id
    WHERE ${currentSql(sql`ag`, today)})`;
  return pageOf(
    page,
    rows<SharedResource>(db, sql`
      SELECT ${resourceColumns} FROM ${resourceFrom} WHERE ${where}
      ORDER BY i.name, r.name, r.id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM shared_resources r WHERE ${where}`),
  );
}

// Bookings ----------------------------------------------------------------------------------------------------

const bookingColumns = sql`
  b.id, b.resource_id AS "resourceId", r.name AS "resourceName", b.owner_institution_id AS "ownerInstitutionId", o.name AS "ownerInstitutionName",
  b.booking_institution_id AS "bookingInstitutionId", bi.name AS "bookingInstitutionName",
  ${isoUtc(sql`lower(b.during)`)} AS "startsAt", ${isoUtc(sql`upper(b.during)`)} AS "endsAt",
  b.purpose, b.program_id AS "programId", pr.title AS "programTitle", b.status, b.booked_by_name AS "bookedByName", b.cancelled_by_name AS "cancelledByName"`;
const bookingFrom = sql`resource_bookings b JOIN shared_resources r ON r.id = b.resource_id
  JOIN institutions o ON o.id = b.owner_institution_id JOIN institutions bi ON bi.id = b.booking_institution_id
  LEFT JOIN programs pr ON pr.id = b.program_id`;

export interface NewBooking {
  resourceId: number;
  ownerInstitutionId: number;
  bookingInstitutionId: number;
  startsAt: string;
  endsAt: string;
  purpose: string;
  programId: number | null;
  bookedBy: number;
  bookedByName: string;
}

/** The booking; the database refuses one overlapping another of the same resource (exclusion constraint, 23P01). */
export async function insertBooking(tx: Executor, b: NewBooking): Promise<number> {
  const row = await firstRow<{ id: number }>(tx, sql`
    INSERT INTO resource_bookings (resource_id, owner_institution_id, booking_institution_id, during, purpose, program_id, booked_by, booked_by_name)
    VALUES (${b.resourceId}, ${b.ownerInstitutionId}, ${b.bookingInstitutionId}, tstzrange(${b.startsAt}::timestamptz, ${b.endsAt}::timestamptz, '[)'),
            ${b.purpose}, ${b.programId}, ${b.bookedBy}, ${b.bookedByName})
    RETURNING id`);
  return row!.id;
}

export async function booking(db: Executor, id: number): Promise<Booking | undefined> {
  return firstRow<Booking>(db, sql`SELECT ${bookingColumns} FROM ${bookingFrom} WHERE b.id = ${id}`);
}

/** The booking that holds the time, if one does (to name it when a request is refused). */
export async function overlappingBooking(db: Executor, resourceId: number, startsAt: string, endsAt: string): Promise<Booking | undefined> {
  return firstRow<Booking>(db, sql`
    SELECT ${bookingColumns} FROM ${bookingFrom}
    WHERE b.resource_id = ${resourceId} AND b.status = 'booked' AND b.during && tstzrange(${startsAt}::timestamptz, ${endsAt}::timestamptz, '[)')
    ORDER BY lower(b.during) LIMIT 1`);
}

export async function lockBooking(tx: Executor, id: number) {
  return firstRow<{ id: number; status: string; ownerInstitutionId: number; bookingInstitutionId: number }>(tx, sql`
    SELECT id, status, owner_institution_id AS "ownerInstitutionId", booking_institution_id AS "bookingInstitutionId"
    FROM resource_bookings WHERE id = ${id} FOR UPDATE`);
}

export async function cancelBooking(tx: Executor, id: number, byName: string): Promise<void> {
  await tx.execute(sql`UPDATE resource_bookings SET status = 'cancelled', cancelled_at = now(), cancelled_by_name = ${byName} WHERE id = ${id}`);
}

/** Bookings matching `where`, ending after `from`, soonest first. */
async function bookingsWhere(db: Executor, where: SQL, from: string, page: PageRequest) {
  const all = sql`${where} AND upper(b.during) > ${from}::timestamptz`;
  return pageOf(
    page,
    rows<Booking>(db, sql`
      SELECT ${bookingColumns} FROM ${bookingFrom} WHERE ${all}
      ORDER BY lower(b.during), b.id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM resource_bookings b WHERE ${all}`),
  );
}

/** The institution's bookings either way: what it booked from partners and what partners booked of its resources. */
export const bookingsOfInstitution = (db: Executor, institutionId: number, from: string, page: PageRequest) =>
  bookingsWhere(db, sql`(b.booking_institution_id = ${institutionId} OR b.owner_institution_id = ${institutionId})`, from, page);

/** A resource's bookings that hold time (the slots partners cannot take). */
export const bookingsOfResource = (db: Executor, resourceId: number, from: string, page: PageRequest) =>
  bookingsWhere(db, sql`b.resource_id = ${resourceId} AND b.status = 'booked'`, from, page);

/** Partners' rooms booked for the program from `from` on, soonest first, with where they are (the room's venue, else its institution). */
export async function roomsOfProgram(db: Executor, programId: number, from: string, page: PageRequest) {
  const where = sql`b.program_id = ${programId} AND b.status = 'booked' AND upper(b.during) > ${from}::timestamptz`;
  return pageOf(
    page,
    rows<ProgramRoom>(db, sql`
      SELECT b.id AS "bookingId", ${isoUtc(sql`lower(b.during)`)} AS "startsAt", ${isoUtc(sql`upper(b.during)`)} AS "endsAt", r.name AS "resourceName",
             i.id AS "institutionId", i.name AS "institutionName", i.address, v.name AS "venueName",
             coalesce(v.lat, i.lat) AS lat, coalesce(v.lon, i.lon) AS lon, i.city_code AS "cityCode"
      FROM resource_bookings b JOIN shared_resources r ON r.id = b.resource_id JOIN institutions i ON i.id = r.institution_id
      LEFT JOIN venues v ON v.id = r.venue_id
      WHERE ${where} ORDER BY lower(b.during), b.id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM resource_bookings b WHERE ${where}`),
  );
}

// Joint programs ------------------------------------------------------------------------------------------------

export async function programOwner(db: Executor, programId: number) {
  return firstRow<{ id: number; institutionId: number; title: string }>(db, sql`
    SELECT id, institution_id AS "institutionId", title FROM programs WHERE id = ${programId}`);
}

/** Adds the partner; false when it already co-runs the program. */
export async function addProgramPartner(tx: Executor, programId: number, institutionId: number, agreementId: number): Promise<boolean> {
  const inserted = await rows(tx, sql`
    INSERT INTO program_partners (program_id, institution_id, agreement_id) VALUES (${programId}, ${institutionId}, ${agreementId})
    ON CONFLICT DO NOTHING RETURNING program_id`);
  return inserted.length > 0;
}

export async function removeProgramPartner(tx: Executor, programId: number, institutionId: number) {
  return firstRow<{ agreementId: number }>(tx, sql`
    DELETE FROM program_partners WHERE program_id = ${programId} AND institution_id = ${institutionId} RETURNING agreement_id AS "agreementId"`);
}

/**
 * Programs the institution runs with partners or co-runs for another: for its back office (any status) or, with
 * `publishedOnly`, for residents on its page.
 */
export async function jointProgramsOf(db: Executor, institutionId: number, publishedOnly: boolean, page: PageRequest) {
  const where = sql`(p.institution_id = ${institutionId} OR EXISTS (SELECT 1 FROM program_partners pp WHERE pp.program_id = p.id AND pp.institution_id = ${institutionId}))
    AND EXISTS (SELECT 1 FROM program_partners pp WHERE pp.program_id = p.id)
    ${publishedOnly ? sql`AND p.status IN ('published', 'closed')` : sql``}`;
  return pageOf(
    page,
    rows<JointProgram>(db, sql`
      SELECT p.id AS "programId", p.title, p.status, p.institution_id AS "institutionId", i.name AS "institutionName",
             (SELECT json_agg(json_build_object('institutionId', pi.id, 'name', pi.name) ORDER BY pi.name)
              FROM program_partners pp JOIN institutions pi ON pi.id = pp.institution_id WHERE pp.program_id = p.id) AS partners
      FROM programs p JOIN institutions i ON i.id = p.institution_id WHERE ${where}
      ORDER BY p.created_at DESC, p.id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM programs p WHERE ${where}`),
  );
}

// The city's network ------------------------------------------------------------------------------------------------

export async function cityInstitutions(db: Executor, cityCode: string) {
  return rows<{ institutionId: number; name: string; type: string; dongCode: string; dongName: string }>(db, sql`
    SELECT i.id AS "institutionId", i.name, i.type, i.dong_code AS "dongCode", d.name_ko AS "dongName"
    FROM institutions i JOIN dongs d ON d.code = i.dong_code WHERE i.city_code = ${cityCode} ORDER BY i.name, i.id`);
}

/** Pairs of the city's institutions bound by signed, current agreements (an agreement of three makes three pairs). */
export async function cityPartnerships(db: Executor, cityCode: string, today: string) {
  return rows<{ source: number; target: number; agreements: number }>(db, sql`
    SELECT a.institution_id AS source, b.institution_id AS target, count(DISTINCT ag.id)::int AS agreements
    FROM partnership_agreements ag
    JOIN agreement_parties a ON a.agreement_id = ag.id JOIN agreement_parties b ON b.agreement_id = ag.id AND b.institution_id > a.institution_id
    JOIN institutions ia ON ia.id = a.institution_id AND ia.city_code = ${cityCode}
    JOIN institutions ib ON ib.id = b.institution_id AND ib.city_code = ${cityCode}
    WHERE ${currentSql(sql`ag`, today)}
    GROUP BY a.institution_id, b.institution_id ORDER BY 1, 2`);
}
