/**
 * LearnFare vouchers as `npm start` shows them (issue 13, item 6): this year's national programme, closed, drawn and
 * issued — the demo resident (68, Suncheon) holds a ₩350,000 voucher, as do a few generated residents of the demo
 * cities, and one applicant was not eligible — and Suncheon's own programme open for applications. It runs through
 * the vouchers service, so the ledger, the draw and the notifications are what the product itself writes; the
 * draw's seed comes from the generator's seed, so the same seed and day give the same demo.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { VoucherGroup } from '../../src/shared/vocabulary/index.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import type { Actor } from '../../src/server/platform/auth/actor.ts';
import { firstRow, rows, type AppDb } from '../../src/server/platform/database/database.ts';
import * as vouchers from '../../src/server/modules/vouchers/vouchers.service.ts';

interface Person { personId: number; displayName: string; email: string; homeCityCode: string }

const actorOf = (person: Person, grants: Actor['grants'] = []): Actor => ({
  personId: person.personId, displayName: person.displayName, email: person.email, locale: 'ko', homeCityCode: person.homeCityCode, grants,
});
const grant = (role: 'ministry_officer' | 'city_officer', cityCode: string | null = null): Actor['grants'] => [{
  role, cityCode, institutionId: null, provinceCode: null, institutionCityCode: null, scopeName: null, scopeNameEn: null,
}];

async function account(db: AppDb, email: string) {
  return firstRow<Person>(db, sql`SELECT id AS "personId", display_name AS "displayName", email, home_city_code AS "homeCityCode" FROM people WHERE email = ${email}`);
}

/** Generated adults of the demo cities (they cannot log in), the same ones for the same data. */
async function neighbours(db: AppDb, cityCode: string, count: number) {
  return rows<Person>(db, sql`
    SELECT id AS "personId", display_name AS "displayName", email, home_city_code AS "homeCityCode"
    FROM people WHERE home_city_code = ${cityCode} AND password_hash IS NULL AND birth_year <= extract(year FROM now())::int - 19 ORDER BY id LIMIT ${count}`);
}

/** The draw's seed, made from the generator's: reproducible demo data (a real programme's seed is random). */
const demoSeed = (seed: number, funder: string, year: number) => createHash('sha256').update(`vouchers-demo:${seed}:${funder}:${year}`).digest('hex');
async function fixSeed(db: AppDb, id: number, seed: string) {
  await db.execute(sql`UPDATE voucher_programmes SET seed = ${seed}, seed_sha256 = ${createHash('sha256').update(seed).digest('hex')} WHERE id = ${id}`);
}

export async function seedVouchersDemo(db: AppDb, options: { today: string; seed: number }): Promise<void> {
  const { today } = options;
  const year = Number(today.slice(0, 4));
  const [ministry, resident, suncheonOfficer] = await Promise.all([
    account(db, 'ministry@example.com'), account(db, 'resident@example.com'), account(db, 'officer.suncheon@example.com'),
  ]);
  if (!ministry || !resident || !suncheonOfficer) return;
  const ministryActor = actorOf(ministry, grant('ministry_officer'));
  const body = {
    title: `${year}년 평생교육이용권`, budget: 350_000 * 8, amountPerPerson: 350_000, minAge: 19,
    eligibleGroups: ['basic_livelihood', 'near_poverty', 'disability', 'over_65', 'low_income'] as VoucherGroup[], incomeMedianPercent: 65,
    priorityGroups: ['basic_livelihood', 'near_poverty'] as VoucherGroup[], applicationsCloseOn: addDays(today, 14), expiresOn: `${year + 1}-12-31`,
  };
  const national = await vouchers.saveProgramme(db, ministryActor, null, year, body);
  await fixSeed(db, national.id, demoSeed(options.seed, 'national', year));

  const applicants: { person: Person; groups: VoucherGroup[]; evidence: string; eligible: boolean }[] = [
    { person: resident, groups: ['over_65', 'low_income'], evidence: '건강보험료 납부확인서로 소득 확인', eligible: true },
  ];
  const groupsInTurn: VoucherGroup[][] = [['basic_livelihood'], ['near_poverty'], ['disability'], ['low_income'], ['basic_livelihood', 'disability']];
  for (const cityCode of ['36030', '31060']) {
    (await neighbours(db, cityCode, 4)).forEach((person, i) => applicants.push({
      person, groups: groupsInTurn[(i + (cityCode === '31060' ? 2 : 0)) % groupsInTurn.length]!, evidence: '수급자 증명서 제출', eligible: i !== 3,
    }));
  }
  for (const a of applicants) {
    await vouchers.apply(db, actorOf(a.person), null, year, { declaredGroups: a.groups, evidence: a.evidence }, today);
  }
  // Applications closed yesterday (for the demo: the programme was opened with the close ahead, as a real one is).
  await db.execute(sql`UPDATE voucher_programmes SET applications_close_on = ${addDays(today, -1)} WHERE id = ${national.id}`);
  const listed = await vouchers.applications(db, null, year, undefined, { page: 1, pageSize: 100 });
  for (const application of listed.items) {
    const eligible = applicants.find((a) => a.person.personId === application.personId)?.eligible ?? true;
    await vouchers.decide(db, ministryActor, null, year, application.id, eligible
      ? { decision: 'confirmed' }
      : { decision: 'rejected', note: '제출한 증명서의 유효 기간이 지났습니다.' });
  }
  await vouchers.draw(db, ministryActor, null, year, today);
  await vouchers.issue(db, ministryActor, null, year);

  // Suncheon tops the national voucher up with its own, open to its residents now.
  const suncheon = await vouchers.saveProgramme(db, actorOf(suncheonOfficer, grant('city_officer', '36030')), '36030', year, {
    ...body, title: `${year}년 순천시 평생학습 이용권`, budget: 100_000 * 50, amountPerPerson: 100_000, applicationsCloseOn: addDays(today, 30),
  });
  await fixSeed(db, suncheon.id, demoSeed(options.seed, '36030', year));
}
