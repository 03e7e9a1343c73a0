/** SQL of applications: their sections and versions, attachments, status changes and the province's ranking. */
import { sql, type SQL } from 'drizzle-orm';
import type { ApplicationContent, ApplicationSummary, Attachment } from '../../../shared/contracts/designation-applications.ts';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { ApplicationStatus, AttachmentPurpose } from '../../../shared/vocabulary/index.ts';
import { firstRow, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function insertApplication(
  tx: Executor,
  application: { callId: number; cityCode: string; provinceCode: string; content: ApplicationContent; personId: number; now: Date },
): Promise<number | null> {
  // Two officers starting at once: the second finds the first's application rather than an error.
  const row = await firstRow<{ id: number }>(tx, sql`
    INSERT INTO designation_applications (call_id, city_code, province_code, content, created_at, created_by, updated_at, updated_by)
    VALUES (${application.callId}, ${application.cityCode}, ${application.provinceCode}, ${JSON.stringify(application.content)}::jsonb,
            ${application.now.toISOString()}, ${application.personId}, ${application.now.toISOString()}, ${application.personId})
    ON CONFLICT (call_id, city_code) DO NOTHING
    RETURNING id`);
  return row?.id ?? null;
}

export async function applicationIdFor(db: Executor, callId: number, cityCode: string): Promise<number | undefined> {
  return (await firstRow<{ id: number }>(db, sql`SELECT id FROM designation_applications WHERE call_id = ${callId} AND city_code = ${cityCode}`))?.id;
}

export async function insertVersion(tx: Executor, version: { applicationId: number; version: number; cityCode: string; content: ApplicationContent; personId: number; now: Date }) {
  await tx.execute(sql`
    INSERT INTO application_versions (application_id, version, city_code, content, saved_by, saved_at)
    VALUES (${version.applicationId}, ${version.version}, ${version.cityCode}, ${JSON.stringify(version.content)}::jsonb, ${version.personId}, ${version.now.toISOString()})`);
}

/** The application's row, locked until the transaction ends: every change of state goes through here. */
export interface LockedApplication {
  id: number;
  callId: number;
  cityCode: string;
  provinceCode: string;
  status: ApplicationStatus;
  version: number;
  submittedAt: string | null;
  provinceRank: number | null;
}

export async function lockApplication(tx: Executor, id: number): Promise<LockedApplication | undefined> {
  return firstRow(tx, sql`
    SELECT id, call_id AS "callId", city_code AS "cityCode", province_code AS "provinceCode", status, version,
           ${iso(sql`submitted_at`)} AS "submittedAt", province_rank AS "provinceRank"
    FROM designation_applications WHERE id = ${id} FOR UPDATE`);
}

/** Who owns an application, to decide who may see it (no lock). */
export async function applicationOwner(db: Executor, id: number) {
  return firstRow<{ cityCode: string; provinceCode: string; status: ApplicationStatus; submittedAt: string | null }>(db, sql`
    SELECT city_code AS "cityCode", province_code AS "provinceCode", status, ${iso(sql`submitted_at`)} AS "submittedAt"
    FROM designation_applications WHERE id = ${id}`);
}

export async function saveContent(tx: Executor, id: number, content: ApplicationContent, personId: number, now: Date): Promise<number> {
  const row = await firstRow<{ version: number }>(tx, sql`
    UPDATE designation_applications SET content = ${JSON.stringify(content)}::jsonb, version = version + 1,
      updated_at = ${now.toISOString()}, updated_by = ${personId}
    WHERE id = ${id} RETURNING version`);
  return row!.version;
}

export async function markSubmitted(tx: Executor, id: number, personId: number, now: Date) {
  await tx.execute(sql`
    UPDATE designation_applications SET status = 'submitted', submitted_at = ${now.toISOString()}, submitted_by = ${personId}
    WHERE id = ${id}`);
}

export async function markWithdrawn(tx: Executor, id: number, personId: number, now: Date) {
  await tx.execute(sql`
    UPDATE designation_applications SET status = 'withdrawn', updated_at = ${now.toISOString()}, updated_by = ${personId} WHERE id = ${id}`);
}

export async function markReturned(tx: Executor, id: number, reason: string, now: Date) {
  await tx.execute(sql`
    UPDATE designation_applications SET status = 'returned', returned_at = ${now.toISOString()}, return_reason = ${reason} WHERE id = ${id}`);
}

export async function markEndorsed(tx: Executor, id: number, personId: number, rank: number, now: Date) {
  await tx.execute(sql`
    UPDATE designation_applications SET status = 'endorsed', endorsed_at = ${now.toISOString()}, endorsed_by = ${personId}, province_rank = ${rank}
    WHERE id = ${id}`);
}

/**
 * Serialises the province's endorsements and rankings (ranks are unique per call and province). NO KEY UPDATE, so
 * that rows referring to the province (new applications) are not held up.
 */
export async function lockProvince(tx: Executor, provinceCode: string) {
  await tx.execute(sql`SELECT code FROM provinces WHERE code = ${provinceCode} FOR NO KEY UPDATE`);
}

/** The applications a province endorsed to a call, in their order, locked (ranking rewrites them together). */
export async function lockEndorsed(tx: Executor, callId: number, provinceCode: string) {
  return rows<{ id: number; cityCode: string; provinceRank: number | null }>(tx, sql`
    SELECT id, city_code AS "cityCode", province_rank AS "provinceRank" FROM designation_applications
    WHERE call_id = ${callId} AND province_code = ${provinceCode} AND status = 'endorsed'
    ORDER BY province_rank NULLS LAST, id FOR UPDATE`);
}

/** Rewrites the ranks in the order given (cleared first: ranks are unique within a call and province). */
export async function setRanks(tx: Executor, callId: number, provinceCode: string, orderedIds: readonly number[]) {
  await tx.execute(sql`
    UPDATE designation_applications SET province_rank = NULL
    WHERE call_id = ${callId} AND province_code = ${provinceCode} AND status = 'endorsed'`);
  await tx.execute(sql`
    UPDATE designation_applications a SET province_rank = o.rank
    FROM unnest(${sql.param([...orderedIds])}::int[]) WITH ORDINALITY AS o(id, rank)
    WHERE a.id = o.id`);
}

const summaryColumns = sql`a.id, a.call_id AS "callId", c.year AS "callYear", a.city_code AS "cityCode",
  p.short_ko || ' ' || m.name_ko AS "cityNameKo", m.name_en || ', ' || p.short_en AS "cityNameEn", a.province_code AS "provinceCode",
  a.status, a.version, ${iso(sql`a.updated_at`)} AS "updatedAt", ${iso(sql`a.submitted_at`)} AS "submittedAt",
  ${iso(sql`a.endorsed_at`)} AS "endorsedAt", ${iso(sql`a.returned_at`)} AS "returnedAt", a.return_reason AS "returnReason",
  a.province_rank AS "provinceRank", a.decision`;
const summaryFrom = sql`designation_applications a JOIN designation_calls c ON c.id = a.call_id
  JOIN municipalities m ON m.code = a.city_code JOIN provinces p ON p.code = a.province_code`;

export interface ApplicationRow extends ApplicationSummary {
  content: ApplicationContent;
  updatedByName: string | null;
  submittedByName: string | null;
  decisionReason: string | null;
}

export async function findApplication(db: Executor, id: number): Promise<ApplicationRow | undefined> {
  return firstRow(db, sql`
    SELECT ${summaryColumns}, a.content, u.display_name AS "updatedByName", s.display_name AS "submittedByName",
           a.decision_reason AS "decisionReason"
    FROM ${summaryFrom} LEFT JOIN people u ON u.id = a.updated_by LEFT JOIN people s ON s.id = a.submitted_by
    WHERE a.id = ${id}`);
}

export interface ApplicationFilter {
  cityCode?: string;
  provinceCode?: string;
  callId?: number;
  status?: ApplicationStatus;
  /** Only what was handed in: a draft is the city's own work until it is submitted. */
  submittedOnly?: boolean;
}

export async function listApplications(db: Executor, filter: ApplicationFilter, page: PageRequest) {
  const conditions = [sql`TRUE`];
  if (filter.cityCode) conditions.push(sql`a.city_code = ${filter.cityCode}`);
  if (filter.provinceCode) conditions.push(sql`a.province_code = ${filter.provinceCode}`);
  if (filter.callId) conditions.push(sql`a.call_id = ${filter.callId}`);
  if (filter.status) conditions.push(sql`a.status = ${filter.status}`);
  if (filter.submittedOnly) conditions.push(sql`a.submitted_at IS NOT NULL`);
  const where = sql.join(conditions, sql` AND `);
  return pageOf(
    page,
    rows<ApplicationSummary>(db, sql`
      SELECT ${summaryColumns} FROM ${summaryFrom} WHERE ${where}
      ORDER BY c.year DESC, a.province_rank NULLS LAST, a.submitted_at NULLS LAST, a.id
      LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM designation_applications a WHERE ${where}`),
  );
}

/** Published calls (ids, newest first) with how many of the province's applications stand at each step. */
export async function provinceCallCounts(db: Executor, provinceCode: string, page: PageRequest) {
  const count = (status: ApplicationStatus) => sql`(count(a.id) FILTER (WHERE a.status = ${status}))::int`;
  return pageOf(
    page,
    rows<{ callId: number; submitted: number; returned: number; endorsed: number; decided: number }>(db, sql`
      SELECT c.id AS "callId", ${count('submitted')} AS submitted, ${count('returned')} AS returned,
             ${count('endorsed')} AS endorsed, ${count('decided')} AS decided
      FROM designation_calls c LEFT JOIN designation_applications a ON a.call_id = c.id AND a.province_code = ${provinceCode}
      WHERE c.status <> 'draft'
      GROUP BY c.id ORDER BY c.year DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM designation_calls WHERE status <> 'draft'`),
  );
}

export async function listVersions(db: Executor, applicationId: number, page: PageRequest) {
  return pageOf(
    page,
    rows<{ version: number; savedAt: string; savedByName: string | null }>(db, sql`
      SELECT v.version, ${iso(sql`v.saved_at`)} AS "savedAt", p.display_name AS "savedByName"
      FROM application_versions v LEFT JOIN people p ON p.id = v.saved_by
      WHERE v.application_id = ${applicationId} ORDER BY v.version DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM application_versions WHERE application_id = ${applicationId}`),
  );
}

export async function findVersion(db: Executor, applicationId: number, version: number) {
  return firstRow<{ version: number; savedAt: string; savedByName: string | null; content: ApplicationContent }>(db, sql`
    SELECT v.version, ${iso(sql`v.saved_at`)} AS "savedAt", p.display_name AS "savedByName", v.content
    FROM application_versions v LEFT JOIN people p ON p.id = v.saved_by
    WHERE v.application_id = ${applicationId} AND v.version = ${version}`);
}

const attachmentColumns = sql`t.id, t.purpose, f.file_name AS "fileName", f.document_type AS "documentType", f.byte_size AS "byteSize",
  f.sha256, ${iso(sql`t.added_at`)} AS "addedAt", p.display_name AS "addedByName"`;

export async function listAttachments(db: Executor, applicationId: number): Promise<Attachment[]> {
  return rows(db, sql`
    SELECT ${attachmentColumns} FROM application_attachments t JOIN stored_files f ON f.id = t.file_id LEFT JOIN people p ON p.id = t.added_by
    WHERE t.application_id = ${applicationId} ORDER BY t.id`);
}

export async function findAttachment(db: Executor, applicationId: number, attachmentId: number) {
  return firstRow<Attachment & { fileId: number }>(db, sql`
    SELECT ${attachmentColumns}, t.file_id AS "fileId"
    FROM application_attachments t JOIN stored_files f ON f.id = t.file_id LEFT JOIN people p ON p.id = t.added_by
    WHERE t.application_id = ${applicationId} AND t.id = ${attachmentId}`);
}

export async function insertAttachment(
  tx: Executor,
  attachment: { applicationId: number; cityCode: string; purpose: AttachmentPurpose; fileId: number; personId: number; now: Date },
): Promise<number> {
  const row = await firstRow<{ id: number }>(tx, sql`
    INSERT INTO application_attachments (application_id, city_code, purpose, file_id, added_by, added_at)
    VALUES (${attachment.applicationId}, ${attachment.cityCode}, ${attachment.purpose}, ${attachment.fileId}, ${attachment.personId}, ${attachment.now.toISOString()})
    RETURNING id`);
  return row!.id;
}

export async function countAttachments(tx: Executor, applicationId: number): Promise<number> {
  return (await firstRow<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM application_attachments WHERE application_id = ${applicationId}`))!.n;
}

export async function deleteAttachment(tx: Executor, attachmentId: number) {
  await tx.execute(sql`DELETE FROM application_attachments WHERE id = ${attachmentId}`);
}

/** Whether the ministry assigned this person to the application, as a reviewer or as the city's consultant. */
export async function isAssigned(db: Executor, applicationId: number, personId: number): Promise<boolean> {
  const row = await firstRow<{ assigned: boolean }>(db, sql`
    SELECT EXISTS (SELECT 1 FROM reviewer_assignments WHERE application_id = ${applicationId} AND reviewer_id = ${personId})
        OR EXISTS (SELECT 1 FROM consultings WHERE application_id = ${applicationId} AND consultant_id = ${personId}) AS assigned`);
  return row?.assigned === true;
}
