/**
 * The instructor and volunteer pool as `npm start` shows it (issue 10, item 6): the demo instructor (오세영) and a
 * few more people keep profiles around Gwangmyeong (one of them unpublished, one travelling to a single dong), and
 * the Gwangmyeong centre's manager assigned the demo instructor to two of its coming programs and one that ran,
 * so her schedule, her history and its satisfaction show. It runs through the instructors service, so the
 * assignments tell her as they would in use. Needs the colleagues demo (the instructor's account).
 */
import { sql } from 'drizzle-orm';
import type { InstructorProfileBody } from '../../src/shared/contracts/instructors.ts';
import { firstRow, rows, type AppDb } from '../../src/server/platform/database/database.ts';
import type { Actor } from '../../src/server/platform/auth/actor.ts';
import { insertPerson } from '../../src/server/modules/identity/index.ts';
import * as instructors from '../../src/server/modules/instructors/instructors.service.ts';

const GWANGMYEONG = '31060';

const asPerson = (personId: number, displayName: string, email: string): Actor => ({
  personId, displayName, email, locale: 'ko', homeCityCode: GWANGMYEONG, grants: [],
});

const profile = (changes: Partial<InstructorProfileBody>): InstructorProfileBody => ({
  kind: 'instructor', bio: '', skills: [], targetGroups: [], certificates: [], availability: [], travelCities: [GWANGMYEONG], travelDongs: [], published: true,
  ...changes,
});

/** More people of the pool (no password: they cannot log in, like generated residents). */
const others: readonly { email: string; displayName: string; profile: Partial<InstructorProfileBody> }[] = [
  {
    email: 'pool.calligraphy@example.com', displayName: '문지호',
    profile: {
      bio: '서예와 캘리그라피를 20년째 가르칩니다.', skills: ['everyday_arts', 'arts_advancement'], targetGroups: ['elderly', 'all'],
      certificates: [{ kind: 'other', name: '캘리그라피지도사 1급', issuer: '한국캘리그라피협회', year: 2012 }],
      availability: [{ weekday: 'mon', from: '09:00', to: '13:00' }, { weekday: 'wed', from: '09:00', to: '13:00' }], travelCities: [GWANGMYEONG, '31050'],
    },
  },
  {
    email: 'pool.digital@example.com', displayName: '배수민',
    profile: {
      bio: '어르신 스마트폰·키오스크 교육 전문 강사입니다.', skills: ['functional_literacy', 'life_skills'], targetGroups: ['elderly', 'disabled'],
      certificates: [{ kind: 'lifelong_educator_2', name: '', issuer: '교육부', year: 2016 }],
      availability: [{ weekday: 'tue', from: '13:00', to: '18:00' }, { weekday: 'thu', from: '13:00', to: '18:00' }, { weekday: 'sat', from: '10:00', to: '12:00' }],
    },
  },
  {
    email: 'pool.literacy@example.com', displayName: '장은숙', profile: {
      kind: 'volunteer', bio: '동네 한글교실 학습매니저로 봉사합니다.', skills: ['literacy'], targetGroups: ['elderly', 'multicultural'],
      availability: [{ weekday: 'fri', from: '10:00', to: '12:00' }], travelCities: [],
    },
  },
  {
    email: 'pool.draft@example.com', displayName: '류태오', profile: {
      bio: '아직 준비 중인 프로필입니다.', skills: ['job_preparation'], published: false,
    },
  },
];

export async function seedInstructorsDemo(db: AppDb): Promise<void> {
  const manager = await firstRow<{ personId: number; displayName: string; email: string; institutionId: number; institutionName: string }>(db, sql`
    SELECT p.id AS "personId", p.display_name AS "displayName", p.email, g.institution_id AS "institutionId", i.name AS "institutionName"
    FROM people p JOIN role_grants g ON g.person_id = p.id JOIN institutions i ON i.id = g.institution_id
    WHERE p.email = 'staff@example.com' AND g.role = 'institution_manager'`);
  const teacher = await firstRow<{ personId: number; displayName: string; email: string }>(db, sql`
    SELECT id AS "personId", display_name AS "displayName", email FROM people WHERE email = 'instructor@example.com'`);
  if (!manager || !teacher) return;

  const firstDong = await firstRow<{ code: string }>(db, sql`SELECT code FROM dongs WHERE municipality_code = ${GWANGMYEONG} ORDER BY code LIMIT 1`);
  for (const person of others) {
    const personId = await insertPerson(db, { email: person.email, passwordHash: null, displayName: person.displayName, homeCityCode: GWANGMYEONG });
    const travelDongs = person.profile.travelCities?.length === 0 && firstDong ? [firstDong.code] : [];
    await instructors.saveMyProfile(db, asPerson(personId, person.displayName, person.email), profile({ ...person.profile, travelDongs }));
  }

  // The demo instructor teaches the subjects and times of the centre's programs she is given below.
  const coming = await rows<{ id: number; subcategory: string; weekdays: string[]; startTime: string; endTime: string }>(db, sql`
    SELECT id, subcategory, weekdays, to_char(start_time, 'HH24:MI') AS "startTime", to_char(end_time, 'HH24:MI') AS "endTime"
    FROM programs WHERE institution_id = ${manager.institutionId} AND status = 'published' AND starts_on > (now() AT TIME ZONE 'Asia/Seoul')::date
      AND mode <> 'online'
    ORDER BY starts_on, id LIMIT 2`);
  const past = await rows<{ id: number; subcategory: string }>(db, sql`
    SELECT p.id, p.subcategory FROM programs p
    WHERE p.institution_id = ${manager.institutionId} AND p.status <> 'cancelled' AND p.ends_on < (now() AT TIME ZONE 'Asia/Seoul')::date
    ORDER BY (SELECT count(*) FROM program_ratings r WHERE r.program_id = p.id) DESC, p.id LIMIT 1`);
  const taught = [...coming, ...past];
  const slots = coming.flatMap((p) => p.weekdays.map((weekday) => ({ weekday, from: p.startTime, to: p.endTime })));
  const me = asPerson(teacher.personId, teacher.displayName, teacher.email);
  const mine = await instructors.saveMyProfile(db, me, profile({
    bio: '광명시 평생교육원과 주민센터에서 강의합니다. 어르신과 함께하는 수업을 좋아합니다.',
    skills: [...new Set(taught.map((p) => p.subcategory))] as InstructorProfileBody['skills'], targetGroups: ['elderly', 'all'],
    certificates: [{ kind: 'lifelong_educator_2', name: '', issuer: '교육부', year: 2017 }],
    availability: [...new Map(slots.map((s) => [`${s.weekday}${s.from}${s.to}`, s])).values()] as InstructorProfileBody['availability'],
    travelCities: [GWANGMYEONG, '31050'],
  }));
  const staff: Actor = {
    ...asPerson(manager.personId, manager.displayName, manager.email),
    grants: [{ role: 'institution_manager', cityCode: null, institutionId: manager.institutionId, provinceCode: null, institutionCityCode: GWANGMYEONG, scopeName: manager.institutionName, scopeNameEn: manager.institutionName }],
  };
  for (const program of taught) await instructors.assign(db, staff, program.id, mine.id);
}
