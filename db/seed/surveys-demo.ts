/**
 * Residents' answers to the satisfaction survey (issue 12, item 4) for last year and this year, in every learning
 * city: 30 or more respondents each (so every city's results show), drawn from its generated residents (never the
 * demo accounts, so resident@example.com can still answer this year). Each city has its own level of satisfaction,
 * spread from poor to good so that some cities score low in the re-designation evaluation; areas and items move
 * around it, and so does each respondent. About one in twelve answers is a paper form typed in by a centre's staff.
 */
import { sql } from 'drizzle-orm';
import { activeDesignationStates } from '../../src/shared/vocabulary/index.ts';
import { Random } from '../../src/shared/lib/random.ts';
import { rows, type Database } from '../../src/server/platform/database/database.ts';
import * as service from '../../src/server/modules/surveys/surveys.service.ts';

const bestSaid = [
  '가까운 주민센터에서 배울 수 있어 좋습니다.', '강사님들이 친절하고 열정적입니다.', '수강료가 저렴해서 부담이 없어요.',
  '이웃과 함께 배우며 친구가 생겼습니다.', '프로그램 종류가 다양합니다.', '평생학습축제가 즐거웠어요.',
];
const improveSaid = [
  '직장인을 위한 저녁·주말 강좌가 더 있으면 좋겠습니다.', '인기 강좌는 신청이 너무 빨리 마감됩니다.', '프로그램 소식을 알기 어렵습니다.',
  '어르신을 위한 디지털 교육을 늘려 주세요.', '주차 공간이 부족합니다.', '우리 동네에는 배울 곳이 없어 멀리 가야 합니다.',
  '배운 것을 일자리로 이어 주는 과정이 있으면 좋겠어요.',
];

const clamp = (value: number) => Math.min(5, Math.max(1, Math.round(value)));
const dayOf = (base: string, days: number) => new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedSurveysDemo(database: Database, options: { today: string; seed: number; cityCodes?: readonly string[] }): Promise<number> {
  const { db } = database;
  const random = new Random(options.seed).fork('surveys');
  const thisYear = Number(options.today.slice(0, 4));
  const residents = await rows<{ id: number; cityCode: string; dongCode: string | null }>(db, sql`
    WITH current_state AS (
      SELECT DISTINCT ON (city_code) city_code, state FROM designation_transitions ORDER BY city_code, occurred_on DESC, id DESC
    )
    SELECT p.id, p.home_city_code AS "cityCode", p.home_dong_code AS "dongCode"
    FROM people p JOIN current_state s ON s.city_code = p.home_city_code
    WHERE p.password_hash IS NULL AND s.state = ANY(${sql.param([...activeDesignationStates])}::text[])
      ${options.cityCodes ? sql`AND p.home_city_code = ANY(${sql.param([...options.cityCodes])}::text[])` : sql``}
    ORDER BY p.id`);
  const byCity = new Map<string, typeof residents>();
  for (const resident of residents) byCity.set(resident.cityCode, [...(byCity.get(resident.cityCode) ?? []), resident]);
  const staffOf = new Map((await rows<{ cityCode: string; personId: number }>(db, sql`
    SELECT DISTINCT ON (i.city_code) i.city_code AS "cityCode", g.person_id AS "personId"
    FROM role_grants g JOIN institutions i ON i.id = g.institution_id
    WHERE g.role IN ('institution_manager', 'institution_staff') ORDER BY i.city_code, g.id`)).map((s) => [s.cityCode, s.personId]));

  let nextId = (await rows<{ n: number }>(db, sql`SELECT COALESCE(max(id), 0)::int AS n FROM survey_responses`))[0]!.n;
  const responses: (string | number | null)[][] = [];
  const answers: (string | number | null)[][] = [];
  for (const year of [thisYear - 1, thisYear]) {
    const { definition, surveyId, id: instrumentId } = await service.storedInstrument(db, year);
    for (const [cityCode, people] of [...byCity].sort(([a], [b]) => a.localeCompare(b))) {
      const city = random.fork(`city:${cityCode}`);
      // The city's level lasts from year to year, with a small change.
      const level = city.between(2.4, 4.4) + (year === thisYear ? random.fork(`change:${cityCode}`).normal(0, 0.15) : 0);
      const r = city.fork(year);
      const areaShift = new Map(definition.sections.map((s) => [s.code, r.normal(0, 0.25)]));
      const n = Math.min(people.length, Math.max(30 + r.int(0, 25), Math.round(people.length * 0.06)));
      const staff = staffOf.get(cityCode) ?? null;
      for (const person of r.sample(people, n)) {
        const id = ++nextId;
        const paper = staff !== null && r.chance(0.08);
        const submitted = year === thisYear
          ? [`${year}-01-01`, dayOf(options.today, -r.int(1, 80))].sort().at(-1)!
          : dayOf(`${year}-09-15`, r.int(0, 70));
        responses.push([id, surveyId, instrumentId, person.id, cityCode, person.dongCode, paper ? 'paper' : 'online', paper ? staff : null, `${submitted}T0${r.int(0, 9)}:${String(r.int(10, 59))}:00Z`]);
        const mood = r.normal(0, 0.55);
        for (const section of definition.sections) {
          for (const question of section.questions) {
            if (question.kind === 'likert5') {
              answers.push([id, question.code, clamp(level + areaShift.get(section.code)! + mood + r.normal(0, 0.6)), null]);
            } else if (question.kind === 'text' && r.chance(0.12)) {
              answers.push([id, question.code, null, question.code === 'best' ? r.pick(bestSaid) : r.pick(improveSaid)]);
            }
          }
        }
      }
    }
  }
  await database.copyRows('survey_responses', ['id', 'survey_id', 'instrument_id', 'person_id', 'city_code', 'dong_code', 'channel', 'entered_by', 'submitted_at'], responses);
  await database.copyRows('survey_answers', ['response_id', 'question', 'score', 'text'], answers);
  await db.execute(sql`SELECT setval(pg_get_serial_sequence('survey_responses', 'id'), GREATEST((SELECT max(id) FROM survey_responses), 1))`);
  return responses.length;
}
