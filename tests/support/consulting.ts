/**
 * What the consulting tests share: a city named potential in a past call, written straight into the tables
 * (the call, the application and its decision are other stages'), with its consulting year opened; appointed
 * consultants; uploads of a milestone's document.
 */
import { sql } from 'drizzle-orm';
import { firstRow, type Database } from '../../src/server/platform/database/database.ts';
import { identity } from '../../src/server/modules/identity/index.ts';
import { designation } from '../../src/server/modules/designation/index.ts';
import { openConsulting } from '../../src/server/modules/designation/consulting.service.ts';
import type { Client, TestApp } from './app.ts';
import { insertCall, person, type Person } from './applications.ts';

export interface PotentialCity {
  consultingId: number;
  applicationId: number;
  callId: number;
  cityCode: string;
  /** "서울 종로구": the province's short name and the municipality's. */
  cityNameKo: string;
}

/** Municipalities that never applied ("서울 종로구"), each from a different province: free to become potential in a test. */
export async function citiesNeverInTheProgramme(database: Database, count: number): Promise<{ code: string; nameKo: string }[]> {
  const found = await database.db.execute(sql`
    SELECT DISTINCT ON (m.province_code) m.code, p.short_ko || ' ' || m.name_ko AS "nameKo" FROM municipalities m JOIN provinces p ON p.code = m.province_code
    WHERE NOT EXISTS (SELECT 1 FROM designation_transitions d WHERE d.city_code = m.code)
    ORDER BY m.province_code, m.code LIMIT ${count}`);
  return (found as unknown as { rows: { code: string; nameKo: string }[] }).rows;
}

/** The city applied to the `year` call and was named potential on 18 December; its consulting year starts that day. */
export async function potentialCity(database: Database, city: { code: string; nameKo: string }, year: number): Promise<PotentialCity> {
  const { db } = database;
  const existing = await firstRow<{ id: number }>(db, sql`SELECT id FROM designation_calls WHERE year = ${year}`);
  const callId = existing?.id ?? await insertCall(db, {
    year, opensAt: new Date(`${year}-03-02T00:00:00+09:00`), submissionDeadline: new Date(`${year}-04-30T18:00:00+09:00`),
    endorsementDeadline: new Date(`${year}-05-29T18:00:00+09:00`),
  });
  const decidedOn = `${year}-12-18`;
  return db.transaction(async (tx) => {
    const application = await firstRow<{ id: number }>(tx, sql`
      INSERT INTO designation_applications (call_id, city_code, province_code, status, submitted_at, endorsed_at, decision, decision_reason, decided_at)
      VALUES (${callId}, ${city.code}, ${city.code.slice(0, 2)}, 'decided', ${`${year}-04-20T10:00:00+09:00`}, ${`${year}-05-20T10:00:00+09:00`},
              'potential', '추진 의지는 높으나 전담 조직과 중장기 계획을 보완할 필요가 있습니다.', ${`${decidedOn}T10:00:00+09:00`})
      RETURNING id`);
    await designation.recordTransition(tx, city.code, { state: 'applied', year, occurredOn: `${year}-04-20`, reason: `${year}년 공모 신청` }, null);
    await designation.recordTransition(tx, city.code, { state: 'potential', year, occurredOn: decidedOn, reason: '예비 평생학습도시 (컨설팅 1년)' }, null);
    const consultingId = await openConsulting(tx, { applicationId: application!.id, cityCode: city.code, decidedOn });
    return { consultingId, applicationId: application!.id, callId, cityCode: city.code, cityNameKo: city.nameKo };
  });
}

/** Makes someone a consultant as the ministry's appointment does: the expert's record and the role. */
export async function appointAsConsultant(database: Database, personId: number, affiliation = '한국평생교육연구소'): Promise<void> {
  await database.db.execute(sql`INSERT INTO designation_experts (person_id, kind, affiliation) VALUES (${personId}, 'consultant', ${affiliation})`);
  await identity.insertRoleGrant(database.db, { personId, role: 'consultant' });
}

/** A consultant the ministry appointed, logged in. */
export async function appointedConsultant(t: TestApp, email: string, displayName: string): Promise<Person> {
  const consultant = await person(t, email, displayName, 'consultant');
  await appointAsConsultant(t.database, consultant.personId);
  return consultant;
}

export function uploadMilestone(client: Client, consultingId: number, kind: string, name: string, bytes: Buffer) {
  return client.request({
    method: 'PUT', url: `/api/designation/consultings/${consultingId}/milestones/${kind}/file?name=${encodeURIComponent(name)}`,
    headers: { 'content-type': 'application/octet-stream' }, payload: bytes,
  });
}
