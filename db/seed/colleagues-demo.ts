/**
 * The Gwangmyeong centre's colleagues as `npm start` shows them (issue 10, item 2): its manager (the demo staff
 * account) invited a member of staff and an instructor, who accepted, and has one invitation still open. It runs
 * through the colleagues service, so the log and the manager's inbox say what happened.
 */
import { sql } from 'drizzle-orm';
import type { InstitutionRoleCode } from '../../src/shared/vocabulary/index.ts';
import { firstRow, type AppDb } from '../../src/server/platform/database/database.ts';
import { hashPassword, insertPerson } from '../../src/server/modules/identity/index.ts';
import * as colleagues from '../../src/server/modules/colleagues/colleagues.service.ts';
import { DEMO_PASSWORD } from './accounts.ts';

/** The colleagues who joined, listed in the README with the other demo accounts. */
export const colleagueAccounts: readonly { email: string; displayName: string; role: InstitutionRoleCode }[] = [
  { email: 'colleague@example.com', displayName: '김하늘', role: 'institution_staff' },
  { email: 'instructor@example.com', displayName: '오세영', role: 'institution_instructor' },
];

const tokenOf = (link: string) => link.slice(link.indexOf('#') + 1);

export async function seedColleaguesDemo(db: AppDb): Promise<void> {
  const manager = await firstRow<{ personId: number; displayName: string; institutionId: number }>(db, sql`
    SELECT p.id AS "personId", p.display_name AS "displayName", g.institution_id AS "institutionId"
    FROM people p JOIN role_grants g ON g.person_id = p.id
    WHERE p.email = 'staff@example.com' AND g.role = 'institution_manager'`);
  if (!manager) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of colleagueAccounts) {
    const personId = await insertPerson(db, { email: account.email, passwordHash, displayName: account.displayName, homeCityCode: '31060' });
    const sent = await colleagues.invite(db, manager, manager.institutionId, { email: account.email, role: account.role });
    await colleagues.acceptInvitation(db, { personId, displayName: account.displayName, email: account.email }, tokenOf(sent.link));
  }
  await colleagues.invite(db, manager, manager.institutionId, { email: 'new.colleague@example.com', role: 'institution_staff' });
}
