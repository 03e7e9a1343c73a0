/**
 * One demo account per role, listed in the README. All use DEMO_PASSWORD. Generated residents have no
 * password and cannot log in.
 */
import { sql } from 'drizzle-orm';
import type { RoleCode } from '../../src/shared/vocabulary/index.ts';
import { firstRow, type AppDb } from '../../src/server/platform/database/database.ts';
import { hashPassword, insertPerson, insertRoleGrant } from '../../src/server/modules/identity/index.ts';
import { issueCertificates, type CredentialSettings } from '../../src/server/modules/credentials/credentials.service.ts';

export const DEMO_PASSWORD = 'learning-city-2001';

export interface DemoAccount {
  email: string;
  displayName: string;
  age: number;
  homeCityCode: string;
  role: Exclude<RoleCode, 'resident'> | null;
  /** For an institution's colleagues: the city whose lifelong learning centre they work at. */
  institutionOfCity?: string;
}

export const demoAccounts: readonly DemoAccount[] = [
  { email: 'resident@example.com', displayName: '김순자', age: 68, homeCityCode: '36030', role: null },
  { email: 'staff@example.com', displayName: '이민호', age: 41, homeCityCode: '31060', role: 'institution_manager', institutionOfCity: '31060' },
  { email: 'officer@example.com', displayName: '박지영', age: 45, homeCityCode: '31060', role: 'city_officer' },
  { email: 'officer.suncheon@example.com', displayName: '정현우', age: 39, homeCityCode: '36030', role: 'city_officer' },
  { email: 'ministry@example.com', displayName: '최은정', age: 50, homeCityCode: '11210', role: 'ministry_officer' },
  { email: 'admin@example.com', displayName: '한상훈', age: 36, homeCityCode: '11190', role: 'administrator' },
];

export async function createDemoAccounts(db: AppDb, today: string, credentialSettings: CredentialSettings): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const currentYear = Number(today.slice(0, 4));
  for (const account of demoAccounts) {
    const home = await firstRow<{ code: string }>(db, sql`
      SELECT code FROM dongs WHERE municipality_code = ${account.homeCityCode} ORDER BY population DESC, code LIMIT 1`);
    const personId = await insertPerson(db, {
      email: account.email, passwordHash, displayName: account.displayName, birthYear: currentYear - account.age,
      homeCityCode: account.homeCityCode, homeDongCode: home?.code ?? null, locale: 'ko',
    });
    if (account.role === 'city_officer') {
      await insertRoleGrant(db, { personId, role: 'city_officer', cityCode: account.homeCityCode });
    } else if (account.institutionOfCity) {
      const centre = await firstRow<{ id: number }>(db, sql`
        SELECT id FROM institutions WHERE city_code = ${account.institutionOfCity} AND type = 'lifelong_learning_centre' ORDER BY id LIMIT 1`);
      if (centre && account.role) await insertRoleGrant(db, { personId, role: account.role, institutionId: centre.id });
    } else if (account.role) {
      await insertRoleGrant(db, { personId, role: account.role });
    }
    if (account.role === null) await enrolDemoResident(db, personId, account.homeCityCode, credentialSettings);
  }
}

/**
 * Gives the demo resident a past course she completed (one for older adults where the city has one; attended
 * every session, with its signed certificate)
 * and an upcoming one with a free seat, in her city.
 */
async function enrolDemoResident(db: AppDb, personId: number, cityCode: string, credentialSettings: CredentialSettings): Promise<void> {
  const completed = await firstRow<{ id: number }>(db, sql`
    INSERT INTO enrolments (program_id, person_id, city_code, status, enrolled_at, status_changed_at)
    SELECT id, ${personId}, city_code, 'completed', published_at + interval '1 day', ends_on + interval '18 hours'
    FROM programs WHERE city_code = ${cityCode} AND status = 'closed'
    ORDER BY ('elderly' = ANY(target_groups)) DESC, ends_on DESC, id LIMIT 1
    RETURNING id`);
  if (completed) {
    await db.execute(sql`
      INSERT INTO attendance (enrolment_id, session_id, program_id, city_code, present)
      SELECT e.id, s.id, s.program_id, s.city_code, true FROM enrolments e JOIN program_sessions s ON s.program_id = e.program_id
      WHERE e.id = ${completed.id}`);
    await issueCertificates(db, [completed.id], credentialSettings);
  }
  await db.execute(sql`
    INSERT INTO enrolments (program_id, person_id, city_code, status)
    SELECT p.id, ${personId}, p.city_code, 'enrolled'
    FROM programs p
    WHERE p.city_code = ${cityCode} AND p.status = 'published' AND p.starts_on > current_date AND p.mode = 'in_person'
      AND (SELECT count(*) FROM enrolments e WHERE e.program_id = p.id AND e.status = 'enrolled') < p.capacity
    ORDER BY p.starts_on, p.id LIMIT 1`);
}
