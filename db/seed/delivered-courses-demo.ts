/**
 * Delivered courses as `npm start` shows them (issue 13, item 3): in Gwangmyeong (the demo officer's city) a group
 * of five neighbours whose request awaits the city in the console; in Suncheon the demo resident's own request,
 * gathering its group, with the invite code to share. It runs through the service, so the log, the counts and the
 * notifications are what the product itself would have written.
 */
import { sql } from 'drizzle-orm';
import type { DeliveredCourseBody } from '../../src/shared/contracts/delivered-courses.ts';
import { DEFAULT_MIN_GROUP_SIZE } from '../../src/shared/vocabulary/index.ts';
import type { Actor } from '../../src/server/platform/auth/actor.ts';
import { firstRow, rows, type AppDb } from '../../src/server/platform/database/database.ts';
import * as delivered from '../../src/server/modules/delivered-courses/delivered-courses.service.ts';

interface Person { personId: number; displayName: string; homeCityCode: string; homeDongCode: string | null }

const actorOf = (person: Person): Actor => ({
  personId: person.personId, displayName: person.displayName, email: '', locale: 'ko', homeCityCode: person.homeCityCode, grants: [],
});
const personColumns = sql`id AS "personId", display_name AS "displayName", home_city_code AS "homeCityCode", home_dong_code AS "homeDongCode"`;

export async function seedDeliveredCoursesDemo(db: AppDb): Promise<void> {
  const GWANGMYEONG = '31060';
  const HAAN_2_DONG = '3106063';
  // Generated residents (they cannot log in), the last of the city's so the proposals demo's people stay theirs.
  const group = await rows<Person>(db, sql`
    SELECT ${personColumns} FROM people WHERE home_city_code = ${GWANGMYEONG} AND password_hash IS NULL
    ORDER BY id DESC LIMIT ${DEFAULT_MIN_GROUP_SIZE}`);
  if (group.length === DEFAULT_MIN_GROUP_SIZE) {
    const [organiser, ...neighbours] = group as [Person, ...Person[]];
    const made = await delivered.requestCourse(db, actorOf(organiser), GWANGMYEONG, request(HAAN_2_DONG, {
      title: '하안동 아파트 어르신 스마트폰 교실', description: '경로당에 모여 스마트폰으로 사진 보내기, 영상통화, 버스 도착 알림 보는 법을 배우고 싶습니다.',
      area: 'basic_literacy', subcategory: 'life_skills', place: '하안주공 경로당', weekdays: ['tue', 'thu'], startTime: '10:00', endTime: '12:00', sessionCount: 8,
    }));
    for (const neighbour of neighbours) await delivered.join(db, actorOf(neighbour), GWANGMYEONG, made.inviteCode!);
  }
  const resident = await firstRow<Person>(db, sql`SELECT ${personColumns} FROM people WHERE email = 'resident@example.com'`);
  const dong = resident?.homeCityCode
    ? resident.homeDongCode ?? (await firstRow<{ code: string }>(db, sql`SELECT code FROM dongs WHERE municipality_code = ${resident.homeCityCode} ORDER BY code LIMIT 1`))?.code
    : undefined;
  if (resident && dong) {
    await delivered.requestCourse(db, actorOf(resident), resident.homeCityCode, request(dong, {
      title: '엄마들의 저녁 캘리그라피', description: '아이들 재우고 모여서 붓펜 캘리그라피를 배우고 싶어요. 아파트 작은도서관에서 하면 좋겠습니다.',
      area: 'culture_arts', subcategory: 'everyday_arts', place: '아파트 작은도서관', weekdays: ['wed'], startTime: '20:00', endTime: '21:30', sessionCount: 6,
    }));
  }
}

const request = (dongCode: string, body: Omit<DeliveredCourseBody, 'dongCode'>): DeliveredCourseBody => ({ ...body, dongCode });
