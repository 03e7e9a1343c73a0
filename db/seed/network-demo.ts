/**
 * The Gwangmyeong network as `npm start` shows it (issue 10, items 4–5): the centre (the demo staff account) and the
 * city's libraries, learning centres and welfare centre in signed agreements, one proposal waiting for the centre
 * and one for another party; rooms and equipment offered; bookings next week either way; a program co-run by the
 * library. It runs through the network service, so the agreement log says what happened. The library's manager is
 * a demo account (README); the other institutions' managers cannot log in.
 */
import { sql } from 'drizzle-orm';
import { firstRow, rows, type AppDb } from '../../src/server/platform/database/database.ts';
import { todayInKorea } from '../../src/server/platform/clock.ts';
import { hashPassword, insertPerson, insertRoleGrant } from '../../src/server/modules/identity/index.ts';
import * as network from '../../src/server/modules/network/network.service.ts';
import type { OpeningHours } from '../../src/shared/contracts/network.ts';
import { DEMO_PASSWORD } from './accounts.ts';

const CITY = '31060';
/** The library's manager, listed in the README with the other demo accounts. */
export const partnerAccount = { email: 'partner@example.com', displayName: '윤서연' } as const;
const otherManagers = ['강민준', '조은비', '임태호'];

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const hours = (days: OpeningHours['weekday'][], opens: string, closes: string): OpeningHours[] => days.map((weekday) => ({ weekday, opens, closes }));
const weekdaysOnly: OpeningHours['weekday'][] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** The next Tuesday after a week from now (bookings are made for then, whatever day the demo is built). */
function tuesdayNextWeek(): string {
  let day = addDays(todayInKorea(), 7);
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 2) day = addDays(day, 1);
  return day;
}

export async function seedNetworkDemo(db: AppDb): Promise<void> {
  const staff = await firstRow<{ personId: number; displayName: string; institutionId: number }>(db, sql`
    SELECT p.id AS "personId", p.display_name AS "displayName", g.institution_id AS "institutionId"
    FROM people p JOIN role_grants g ON g.person_id = p.id WHERE p.email = 'staff@example.com' AND g.role = 'institution_manager'`);
  if (!staff) return;
  const others = await rows<{ id: number; type: string }>(db, sql`
    SELECT DISTINCT ON (type) id, type FROM institutions
    WHERE city_code = ${CITY} AND id <> ${staff.institutionId} AND type IN ('library', 'dong_learning_centre', 'welfare_centre', 'women_centre')
    ORDER BY type, id`);
  const byType = new Map(others.map((o) => [o.type, o.id]));
  const library = byType.get('library');
  const partnersOfLibrary = ['dong_learning_centre', 'welfare_centre', 'women_centre'].map((t) => byType.get(t)).filter((id): id is number => id !== undefined);
  if (!library || partnersOfLibrary.length < 3) return;
  const [dongCentre, welfare, women] = partnersOfLibrary as [number, number, number];

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const partnerId = await insertPerson(db, { ...partnerAccount, passwordHash, homeCityCode: CITY });
  await insertRoleGrant(db, { personId: partnerId, role: 'institution_manager', institutionId: library });
  const librarian = { personId: partnerId, displayName: partnerAccount.displayName };
  const managers = new Map<number, { personId: number; displayName: string }>([[staff.institutionId, staff], [library, librarian]]);
  for (const [i, institutionId] of [dongCentre, welfare, women].entries()) {
    const displayName = otherManagers[i]!;
    const personId = await insertPerson(db, { email: `network.manager.${i + 1}@example.com`, passwordHash: null, displayName, homeCityCode: CITY });
    await insertRoleGrant(db, { personId, role: 'institution_manager', institutionId });
    managers.set(institutionId, { personId, displayName });
  }

  const today = todayInKorea();
  const propose = (by: number, partners: number[], title: string, scopeAreas: ('culture_arts' | 'liberal_arts' | 'citizenship' | 'basic_literacy')[], scopeText: string) =>
    network.proposeAgreement(db, managers.get(by)!, by, { title, partnerIds: partners, startsOn: addDays(today, -30), endsOn: addDays(today, 335), scopeAreas, scopeText });
  const signAll = async (agreement: { id: number; parties: { institutionId: number; acceptedAt: string | null }[] }) => {
    for (const party of agreement.parties.filter((p) => !p.acceptedAt)) await network.acceptAgreement(db, managers.get(party.institutionId)!, party.institutionId, agreement.id);
  };

  await signAll(await propose(staff.institutionId, [library], '평생학습관·도서관 공동 운영 협약', ['culture_arts', 'liberal_arts'], '독서·인문학 강좌 공동 운영, 세미나실과 강당 공유'));
  await signAll(await propose(library, [dongCentre, welfare], '동네 배움터 협력 협약', ['basic_literacy', 'citizenship'], '성인 문해교육과 주민 자치 강좌를 동네에서 함께 엽니다.'));
  await signAll(await propose(staff.institutionId, [women], '여성회관 직업·문화 강좌 협력', ['culture_arts'], '강사 공유와 공간 교차 이용'));
  // Waiting: the welfare centre asks the centre (the demo staff account accepts it), and the centre asks the learning centre.
  await propose(welfare, [staff.institutionId], '복지관 어르신 디지털 교육 협약', ['basic_literacy'], '어르신 스마트폰 교실 공동 운영');
  await propose(staff.institutionId, [dongCentre], '행복학습센터 주말 강좌 협약', ['liberal_arts'], '주말 강좌 공동 기획');

  const venueOf = async (institutionId: number) => (await firstRow<{ id: number }>(db, sql`SELECT id FROM venues WHERE institution_id = ${institutionId} ORDER BY seats DESC, id LIMIT 1`))?.id ?? null;
  const seminar = await network.createResource(db, library, {
    kind: 'room', name: '3층 세미나실', capacity: 24, venueId: await venueOf(library), offered: true,
    openingHours: [...hours(weekdaysOnly, '09:00', '21:00'), ...hours(['sat'], '09:00', '17:00')], rules: '음식물 반입 금지. 사용 후 책상 배치를 원래대로 해 주세요.',
  });
  await network.createResource(db, library, {
    kind: 'equipment', name: '이동식 빔프로젝터', capacity: 2, venueId: null, offered: true,
    openingHours: hours(weekdaysOnly, '09:00', '18:00'), rules: '대여 당일 반납. 도서관 1층 안내데스크에서 받아 가세요.',
  });
  const hall = await network.createResource(db, staff.institutionId, {
    kind: 'room', name: '다목적 강당', capacity: 80, venueId: await venueOf(staff.institutionId), offered: true,
    openingHours: hours(weekdaysOnly, '10:00', '18:00'), rules: '행사 3일 전까지 예약해 주세요.',
  });

  const tuesday = tuesdayNextWeek();
  const at = (day: string, time: string) => `${day}T${time}:00+09:00`;
  const program = await firstRow<{ id: number }>(db, sql`
    SELECT id FROM programs WHERE institution_id = ${staff.institutionId} AND status = 'published' AND mode = 'in_person' ORDER BY starts_on, id LIMIT 1`);
  await network.book(db, staff, staff.institutionId, {
    resourceId: seminar.id, startsAt: at(tuesday, '10:00'), endsAt: at(tuesday, '12:00'), purpose: '인문학 독서 모임', programId: program?.id ?? null,
  });
  await network.book(db, managers.get(dongCentre)!, dongCentre, {
    resourceId: seminar.id, startsAt: at(addDays(tuesday, 2), '14:00'), endsAt: at(addDays(tuesday, 2), '16:00'), purpose: '성인 문해교실 보충 수업', programId: null,
  });
  await network.book(db, librarian, library, {
    resourceId: hall.id, startsAt: at(addDays(tuesday, 3), '13:00'), endsAt: at(addDays(tuesday, 3), '17:00'), purpose: '작가 초청 강연회', programId: null,
  });
  if (program) await network.addJointPartner(db, staff, staff.institutionId, program.id, library);
}
