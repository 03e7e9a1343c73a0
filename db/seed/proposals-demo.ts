/**
 * Residents' proposals as `npm start` shows them (issue 13, item 2): in Gwangmyeong (the demo officer's city) one
 * gathering support, one past the threshold awaiting the city's answer, one accepted as a draft program of the demo
 * staff's centre, one declined with reasons; in Suncheon (the demo resident's city) the resident's own proposal, one
 * she supports that awaits the answer, and one declined. It runs through the proposals service, so the log, the
 * counts and the notifications are what the product itself would have written.
 */
import { sql } from 'drizzle-orm';
import type { ProposalBody } from '../../src/shared/contracts/proposals.ts';
import { DEFAULT_PROPOSAL_THRESHOLD } from '../../src/shared/vocabulary/index.ts';
import type { Actor } from '../../src/server/platform/auth/actor.ts';
import { firstRow, rows, type AppDb } from '../../src/server/platform/database/database.ts';
import * as proposals from '../../src/server/modules/proposals/proposals.service.ts';

interface Person { personId: number; displayName: string; email: string; homeCityCode: string; homeDongCode: string | null }

const actorOf = (person: Person, grants: Actor['grants'] = []): Actor => ({
  personId: person.personId, displayName: person.displayName, email: person.email, locale: 'ko', homeCityCode: person.homeCityCode, grants,
});

async function account(db: AppDb, email: string) {
  return firstRow<Person>(db, sql`
    SELECT id AS "personId", display_name AS "displayName", email, home_city_code AS "homeCityCode", home_dong_code AS "homeDongCode"
    FROM people WHERE email = ${email}`);
}

/** Generated residents of the city (they cannot log in): the proposers and supporters of the demo. */
async function neighbours(db: AppDb, cityCode: string, count: number) {
  return rows<Person>(db, sql`
    SELECT id AS "personId", display_name AS "displayName", email, home_city_code AS "homeCityCode", home_dong_code AS "homeDongCode"
    FROM people WHERE home_city_code = ${cityCode} AND password_hash IS NULL ORDER BY id LIMIT ${count}`);
}

const officerGrant = (cityCode: string): Actor['grants'] => [{
  role: 'city_officer', cityCode, institutionId: null, provinceCode: null, institutionCityCode: null, scopeName: null, scopeNameEn: null,
}];

export async function seedProposalsDemo(db: AppDb): Promise<void> {
  for (const city of [gwangmyeong, suncheon]) await city(db);
}

async function supportedBy(db: AppDb, people: readonly Person[], cityCode: string, id: number) {
  for (const person of people) await proposals.support(db, actorOf(person), cityCode, id);
}

async function gwangmyeong(db: AppDb) {
  const CITY = '31060';
  const [officer, staff] = await Promise.all([account(db, 'officer@example.com'), account(db, 'staff@example.com')]);
  const centre = await firstRow<{ id: number }>(db, sql`
    SELECT g.institution_id AS id FROM role_grants g JOIN people p ON p.id = g.person_id WHERE p.email = 'staff@example.com' AND g.role = 'institution_manager'`);
  const people = await neighbours(db, CITY, DEFAULT_PROPOSAL_THRESHOLD + 6);
  if (!officer || !staff || !centre || people.length < DEFAULT_PROPOSAL_THRESHOLD + 6) return;
  const [a, b, c, d, ...supporters] = people as [Person, Person, Person, Person, ...Person[]];
  const propose = (by: Person, body: ProposalBody) => proposals.propose(db, actorOf(by), CITY, body);
  const officerActor = actorOf(officer, officerGrant(CITY));

  const awaiting = await propose(a, {
    kind: 'program', title: '어르신 키오스크·모바일 예약 따라잡기', area: 'basic_literacy', subcategory: 'life_skills', targetGroups: ['elderly'],
    description: '식당 키오스크, 기차표 예매, 병원 모바일 예약을 직접 해 보는 실습 수업이 동네에 있으면 좋겠습니다. 천천히, 여러 번 반복해 주세요.',
    dongCode: a.homeDongCode, preferredDays: ['tue', 'thu'], preferredTimes: ['morning'],
  });
  await supportedBy(db, supporters.slice(0, DEFAULT_PROPOSAL_THRESHOLD + 1), CITY, awaiting.id);

  const accepted = await propose(b, {
    kind: 'program', title: '퇴근 후 데이터 분석 입문 (엑셀·파이썬)', area: 'vocational', subcategory: 'on_the_job', targetGroups: ['workers'],
    description: '직장인이 퇴근 뒤에 들을 수 있는 데이터 분석 입문 과정을 제안합니다. 엑셀 피벗부터 파이썬 기초까지 8주 정도면 좋겠습니다.',
    dongCode: b.homeDongCode, preferredDays: ['wed'], preferredTimes: ['evening'],
  });
  await supportedBy(db, supporters.slice(0, DEFAULT_PROPOSAL_THRESHOLD), CITY, accepted.id);
  await proposals.answer(db, officerActor, CITY, accepted.id, { answer: 'accepted', institutionId: centre.id });

  const declined = await propose(c, {
    kind: 'program', title: '주말 캠핑 요리 교실', area: 'culture_arts', subcategory: 'everyday_arts', targetGroups: ['parents'],
    description: '가족이 함께 캠핑장에서 요리를 배우는 주말 프로그램을 열어 주세요. 아이들과 함께할 수 있으면 좋겠습니다.',
    dongCode: null, preferredDays: ['sat'], preferredTimes: ['afternoon'],
  });
  await supportedBy(db, supporters.slice(5, 17), CITY, declined.id);
  await proposals.answer(db, officerActor, CITY, declined.id, {
    answer: 'declined',
    reason: '야외 화기 사용은 시 안전 규정상 평생학습 프로그램으로 운영할 수 없습니다. 대신 평생학습관의 가족 요리 교실(실내)을 가을 학기에 늘립니다.',
  });

  const open = await propose(d, {
    kind: 'study_group', title: '광명 동네 역사 걷기 모임', area: 'liberal_arts', subcategory: 'humanities', targetGroups: ['all'],
    description: '한 달에 두 번 동네 옛길과 유적을 함께 걸으며 공부하는 학습동아리를 만들고 싶습니다. 역사를 좋아하는 이웃을 찾습니다.',
    dongCode: d.homeDongCode, preferredDays: ['sat'], preferredTimes: ['morning'],
  });
  await supportedBy(db, supporters.slice(20, 28), CITY, open.id);
}

async function suncheon(db: AppDb) {
  const CITY = '36030';
  const [resident, officer] = await Promise.all([account(db, 'resident@example.com'), account(db, 'officer.suncheon@example.com')]);
  const people = await neighbours(db, CITY, DEFAULT_PROPOSAL_THRESHOLD + 4);
  if (!resident || !officer || people.length < DEFAULT_PROPOSAL_THRESHOLD + 4) return;
  const [a, b, ...supporters] = people as [Person, Person, ...Person[]];
  const propose = (by: Person, body: ProposalBody) => proposals.propose(db, actorOf(by), CITY, body);

  const hers = await propose(resident, {
    kind: 'study_group', title: '순천만 생태 사진 동아리', area: 'culture_arts', subcategory: 'everyday_arts', targetGroups: ['elderly', 'all'],
    description: '순천만 습지의 철새와 갈대를 스마트폰으로 찍고 함께 보는 모임을 만들고 싶어요. 사진을 잘 몰라도 괜찮습니다.',
    dongCode: resident.homeDongCode, preferredDays: ['fri'], preferredTimes: ['morning'],
  });
  await supportedBy(db, supporters.slice(0, 6), CITY, hers.id);

  const awaiting = await propose(a, {
    kind: 'program', title: '정원박람회 해설사 양성 과정', area: 'citizenship', subcategory: 'civic_leadership', targetGroups: ['all'],
    description: '순천만국가정원을 찾는 손님에게 정원을 설명할 주민 해설사를 기르는 과정을 제안합니다. 지역 리더가 될 수 있습니다.',
    dongCode: a.homeDongCode, preferredDays: ['mon', 'wed'], preferredTimes: ['afternoon'],
  });
  await supportedBy(db, [resident, ...supporters.slice(0, DEFAULT_PROPOSAL_THRESHOLD)], CITY, awaiting.id);

  const declined = await propose(b, {
    kind: 'program', title: '온라인 주식 투자 강좌', area: 'vocational', subcategory: 'job_preparation', targetGroups: ['workers'],
    description: '퇴근 뒤 온라인으로 주식 투자를 배우는 강좌가 있으면 좋겠습니다. 종목 추천도 해 주시면 좋겠어요.',
    dongCode: null, preferredDays: [], preferredTimes: ['evening'],
  });
  await supportedBy(db, supporters.slice(10, 14), CITY, declined.id);
  await proposals.answer(db, actorOf(officer, officerGrant(CITY)), CITY, declined.id, {
    answer: 'declined',
    reason: '특정 종목 추천은 공공 평생교육에서 할 수 없습니다. 대신 금융감독원과 함께하는 ‘생활 금융 교실’을 다음 학기에 엽니다.',
  });
}
