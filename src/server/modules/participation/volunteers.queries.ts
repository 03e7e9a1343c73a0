/** Every SQL statement of volunteers: their registration with a city and the hours they served. */
import { sql } from 'drizzle-orm';
import type { PageOf, PageRequest } from '../../../shared/contracts/common.ts';
import type { Volunteer, VolunteerBody, VolunteerHoursEntry } from '../../../shared/contracts/participation.ts';
import { firstRow, isoUtc, offsetOf, rows, type Executor } from '../../platform/database/database.ts';

/** The entries that count: those no later entry replaced (a correction replaces; corrections chain). */
export const countingHours = (alias: string) => sql`NOT EXISTS (SELECT 1 FROM volunteer_hours r WHERE r.replaces_id = ${sql.identifier(alias)}.id)`;

const volunteerColumns = sql`
  v.id, v.city_code AS "cityCode", p.display_name AS "displayName", v.kind, v.areas, v.since::text AS since, v.active,
  (SELECT coalesce(sum(h.hours), 0)::float8 FROM volunteer_hours h WHERE h.volunteer_id = v.id AND ${countingHours('h')}) AS hours`;

/**
 * Registers the person (one registration per person, city and kind, by the unique key); someone whose registration
 * ended comes back on it. Null when they are registered already.
 */
export async function insertVolunteer(db: Executor, personId: number, cityCode: string, body: VolunteerBody, today: string) {
  const row = await firstRow<{ id: number }>(db, sql`
    INSERT INTO volunteers AS v (person_id, city_code, kind, areas, bio, since)
    VALUES (${personId}, ${cityCode}, ${body.kind}, ${`{${body.areas.join(',')}}`}::text[], ${body.bio?.trim() ?? ''}, ${today})
    ON CONFLICT (person_id, city_code, kind) DO UPDATE SET active = true, areas = excluded.areas, bio = excluded.bio WHERE NOT v.active
    RETURNING id`);
  return row?.id ?? null;
}

export async function listVolunteers(db: Executor, cityCode: string, page: PageRequest): Promise<PageOf<Volunteer>> {
  const [items, total] = await Promise.all([
    rows<Volunteer>(db, sql`
      SELECT ${volunteerColumns} FROM volunteers v JOIN people p ON p.id = v.person_id
      WHERE v.city_code = ${cityCode} ORDER BY v.active DESC, p.display_name, v.id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM volunteers WHERE city_code = ${cityCode}`),
  ]);
  return { items, total: total?.n ?? 0, page: page.page, pageSize: page.pageSize };
}

export async function findVolunteer(db: Executor, cityCode: string, id: number) {
  return firstRow<Volunteer & { personId: number }>(db, sql`
    SELECT ${volunteerColumns}, v.person_id AS "personId" FROM volunteers v JOIN people p ON p.id = v.person_id
    WHERE v.city_code = ${cityCode} AND v.id = ${id}`);
}

/** Holds the volunteer while an entry is added, so two corrections of one entry are not both taken. */
export async function lockVolunteer(tx: Executor, cityCode: string, id: number) {
  return firstRow<{ id: number }>(tx, sql`SELECT id FROM volunteers WHERE city_code = ${cityCode} AND id = ${id} FOR UPDATE`);
}

export async function findEntry(db: Executor, volunteerId: number, id: number) {
  return firstRow<{ id: number; institutionId: number | null; replaced: boolean }>(db, sql`
    SELECT h.id, h.institution_id AS "institutionId", NOT ${countingHours('h')} AS replaced
    FROM volunteer_hours h WHERE h.volunteer_id = ${volunteerId} AND h.id = ${id}`);
}

export async function insertHours(tx: Executor, entry: {
  volunteerId: number; cityCode: string; servedOn: string; hours: number; activity: string; institutionId: number | null; replacesId: number | null; recordedBy: number;
}) {
  const row = await firstRow<{ id: number }>(tx, sql`
    INSERT INTO volunteer_hours (volunteer_id, city_code, served_on, hours, activity, institution_id, replaces_id, recorded_by)
    VALUES (${entry.volunteerId}, ${entry.cityCode}, ${entry.servedOn}, ${entry.hours}, ${entry.activity}, ${entry.institutionId}, ${entry.replacesId}, ${entry.recordedBy})
    RETURNING id`);
  return row!.id;
}

/** A volunteer's entries, newest first, with what each corrects and what corrected it; `institutionId` keeps one institution's. */
export async function hoursOf(db: Executor, volunteerId: number, institutionId: number | null, page: PageRequest): Promise<PageOf<VolunteerHoursEntry>> {
  const where = institutionId === null ? sql`h.volunteer_id = ${volunteerId}` : sql`h.volunteer_id = ${volunteerId} AND h.institution_id = ${institutionId}`;
  const [items, total] = await Promise.all([
    rows<VolunteerHoursEntry>(db, sql`
      SELECT h.id, h.served_on::text AS "servedOn", h.hours::float8 AS hours, h.activity, h.institution_id AS "institutionId", i.name AS "institutionName",
             h.replaces_id AS "replacesId", (SELECT r.id FROM volunteer_hours r WHERE r.replaces_id = h.id) AS "replacedById",
             p.display_name AS "recordedByName", ${isoUtc(sql`h.at`)} AS at
      FROM volunteer_hours h JOIN people p ON p.id = h.recorded_by LEFT JOIN institutions i ON i.id = h.institution_id
      WHERE ${where} ORDER BY h.served_on DESC, h.id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM volunteer_hours h WHERE ${where}`),
  ]);
  return { items, total: total?.n ?? 0, page: page.page, pageSize: page.pageSize };
}
