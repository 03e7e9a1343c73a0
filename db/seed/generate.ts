/**
 * The deterministic demo and scale-data generator. One parameter sizes it (tiny … national); the same
 * seed and reference date give the same data. Rows stream city by city into the database with COPY,
 * so memory stays flat from the 800-program test set to a million programs.
 */
import { sql } from 'drizzle-orm';
import type { SeedSize } from '../../src/server/config.ts';
import type { Dong } from '../../src/shared/contracts/geography.ts';
import type { InstitutionType, ProgramAreaCode, Weekday } from '../../src/shared/vocabulary/index.ts';
import { firstRow, rows, type AppDb, type Database } from '../../src/server/platform/database/database.ts';
import type { CopyValue } from '../../src/server/platform/database/copy-format.ts';
import type { Progress } from '../../src/server/platform/jobs/progress.ts';
import { geography } from '../../src/server/modules/geography/index.ts';
import { programsModule } from '../../src/server/modules/programs/index.ts';
import { indicatorsModule } from '../../src/server/modules/indicators/index.ts';
import { copiesModule } from '../../src/server/modules/copies/index.ts';
import { addDays, scheduleSessions, sessionHours } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../../src/server/platform/clock.ts';
import {
  cityDepartments, eventTitlePatterns, eventVenues, institutionNamePatterns, institutionNamePatternsEn, roomNames,
  studyGroupDescriptions, studyGroupMeetingPatterns, studyGroupNames,
} from './catalogue.ts';
import { composeProgram, copyListing, factLines, personName, pickSubcategory, type CopyKind } from './compose.ts';
import { historyOf, nationalDemoCities, undesignatedHistory } from './designations.ts';
import { demoCities, type DemoCity } from './learning-cities.ts';
import { Random } from '../../src/shared/lib/random.ts';
import { seedSurveysDemo } from './surveys-demo.ts';
import { withTopicParticle } from '../../src/shared/lib/hangul.ts';
import { sizeSpecs, type SizeSpec } from './sizes.ts';
import { cityRecordRows } from './city-records.ts';
import { residentsSay } from './demand.ts';
import { createDemoAccounts } from './accounts.ts';
import { designationDemoApplicants, seedDesignationDemo } from './designation-demo.ts';
import { evaluation } from '../../src/server/modules/evaluation/index.ts';
import { seedColleaguesDemo } from './colleagues-demo.ts';
import { seedInstructorsDemo } from './instructors-demo.ts';
import { seedNetworkDemo } from './network-demo.ts';
import { seedProposalsDemo } from './proposals-demo.ts';
import { seedDeliveredCoursesDemo } from './delivered-courses-demo.ts';
import { seedVouchersDemo } from './vouchers-demo.ts';
import { seedOccupationsDemo } from './occupations-demo.ts';
import type { CredentialSettings } from '../../src/server/modules/credentials/credentials.service.ts';

export interface SeedOptions {
  size: SeedSize;
  seed: number;
  /** The day the data is generated for (programs are placed around it); defaults to today in Korea. */
  today?: string;
  onProgress?: (progress: Progress) => void;
  /** Who signs the demo resident's certificate, and the address in it. */
  credentials?: CredentialSettings;
  /**
   * This year's and last year's designation calls with their applications (designation-demo.ts); by default only in
   * `demo`, since tests run each call of their own.
   */
  designationDemo?: boolean;
  /** The demo centre's colleagues and an open invitation (colleagues-demo.ts); by default only in `demo`. */
  colleaguesDemo?: boolean;
  /** The instructor pool around Gwangmyeong and the demo instructor's assignments (instructors-demo.ts); with the colleagues demo. */
  instructorsDemo?: boolean;
  /** The Gwangmyeong institutions' agreements, shared rooms and bookings (default: with the demo size). */
  networkDemo?: boolean;
  /** Residents' answers to the satisfaction survey in every learning city, last year and this (default: with the demo size). */
  surveysDemo?: boolean;
  /** Residents' proposals in Gwangmyeong and Suncheon, one awaiting, one accepted, one declined (default: with the demo size). */
  proposalsDemo?: boolean;
  /** Delivered courses: a Gwangmyeong group awaiting the city, the Suncheon demo resident's request gathering its group (default: with the demo size). */
  deliveredCoursesDemo?: boolean;
  /** LearnFare vouchers: the national programme drawn and issued (the demo resident holds one), Suncheon's open. */
  vouchersDemo?: boolean;
  /** Vocational programs tagged with the occupations and certificates their titles name (default: with the demo size). */
  occupationsDemo?: boolean;
}

export interface SeedSummary {
  cities: number;
  institutions: number;
  venues: number;
  programs: number;
  sessions: number;
  residents: number;
  enrolments: number;
  studyGroups: number;
  volunteers: number;
  events: number;
  plantedCopies: number;
  seconds: number;
}

type Municipality = Awaited<ReturnType<typeof geography.allMunicipalities>>[number];

/** Splits `total` in proportion to `weights` (largest remainder), giving each at least `minimum`. */
export function allocate(total: number, weights: readonly number[], minimum = 0): number[] {
  const floorTotal = total - minimum * weights.length;
  if (floorTotal < 0) throw new Error(`cannot give ${weights.length} parts at least ${minimum} out of ${total}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (floorTotal * w) / sum);
  const parts = exact.map(Math.floor);
  let rest = floorTotal - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (rest-- <= 0) break;
    parts[i]! += 1;
  }
  return parts.map((p) => p + minimum);
}

/** Buffers rows per table and writes them with COPY, parents before children. */
class Writer {
  private readonly buffers = new Map<string, { columns: readonly string[]; rows: CopyValue[][] }>();
  readonly written = new Map<string, number>();

  constructor(private readonly database: Database, tables: Record<string, readonly string[]>) {
    for (const [table, columns] of Object.entries(tables)) this.buffers.set(table, { columns, rows: [] });
  }

  add(table: string, row: CopyValue[]) {
    this.buffers.get(table)!.rows.push(row);
  }

  /** Writes once enough rows wait: hundreds of small COPYs (a city's each) cost more than the rows in them. */
  async flushWhenFull(rows = 50_000) {
    let waiting = 0;
    for (const buffer of this.buffers.values()) waiting += buffer.rows.length;
    if (waiting >= rows) await this.flush();
  }

  async flush() {
    for (const [table, buffer] of this.buffers) {
      if (buffer.rows.length === 0) continue;
      const count = await this.database.copyRows(table, buffer.columns, buffer.rows);
      this.written.set(table, (this.written.get(table) ?? 0) + count);
      buffer.rows = [];
    }
  }
}

// Insertion order matters: COPY checks foreign keys row by row.
const tables = {
  designation_transitions: ['city_code', 'state', 'year', 'occurred_on', 'reason', 'evidence'],
  city_profiles: ['city_code', 'department', 'vision', 'homepage_url', 'phone'],
  city_years: [
    'city_code', 'year', 'budget_national_krw', 'budget_provincial_krw', 'budget_own_krw', 'city_total_budget_krw', 'dedicated_staff',
    'certified_educators', 'has_department', 'department_name', 'learning_centres', 'dong_learning_centres', 'information_systems', 'portal_url',
    'commercialised_programs', 'notes',
  ],
  committees: ['id', 'city_code', 'kind', 'name', 'established_on', 'description', 'active'],
  committee_members: ['committee_id', 'city_code', 'name', 'affiliation', 'sector', 'role', 'joined_on', 'left_on'],
  committee_meetings: ['committee_id', 'city_code', 'held_on', 'title', 'attendees', 'minutes', 'decisions', 'published_at'],
  ordinances: ['city_code', 'kind', 'title', 'enacted_on', 'last_amended_on', 'repealed_on', 'url'],
  staff_trainings: ['city_code', 'held_on', 'title', 'provider', 'hours', 'participants'],
  learning_events: ['city_code', 'kind', 'title', 'starts_on', 'ends_on', 'venue_name', 'dong_code', 'attendance', 'description'],
  institutions: ['id', 'city_code', 'dong_code', 'type', 'name', 'name_en', 'description', 'address', 'phone', 'lat', 'lon'],
  venues: ['id', 'institution_id', 'city_code', 'dong_code', 'name', 'seats', 'step_free', 'lat', 'lon'],
  people: ['id', 'email', 'display_name', 'birth_year', 'home_city_code', 'home_dong_code', 'locale', 'created_at'],
  learning_wishes: ['person_id', 'city_code', 'dong_code', 'area', 'subcategory', 'target_group', 'note', 'created_at'],
  search_misses: ['searched_at', 'query', 'city_code', 'dong_code', 'filters'],
  programs: [
    'id', 'city_code', 'institution_id', 'venue_id', 'dong_code', 'lat', 'lon', 'title', 'title_en', 'description', 'area',
    'subcategory', 'target_groups', 'purpose_tags', 'mode', 'status', 'starts_on', 'ends_on', 'weekdays', 'start_time',
    'end_time', 'session_count', 'total_hours', 'capacity', 'fee_krw', 'credit_type', 'credits', 'min_age', 'max_age',
    'residents_first', 'open_to_all_on', 'completion_rate', 'instructor_name', 'enrolment_opens_on', 'enrolment_closes_on',
    'published_at', 'created_at',
  ],
  program_sessions: ['program_id', 'city_code', 'session_no', 'starts_at', 'ends_at'],
  demo_copy_plants: ['program_id', 'source_program_id', 'kind'],
  enrolments: ['id', 'program_id', 'person_id', 'city_code', 'status', 'enrolled_at', 'status_changed_at'],
  program_ratings: [
    'enrolment_id', 'program_id', 'institution_id', 'city_code', 'instructor', 'materials', 'motive', 'facility', 'overall', 'comment',
    'created_at', 'updated_at',
  ],
  study_groups: ['id', 'city_code', 'dong_code', 'name', 'area', 'description', 'meeting_pattern', 'founded_on', 'active'],
  study_group_members: ['study_group_id', 'person_id', 'city_code', 'role', 'joined_on'],
  study_group_meetings: ['id', 'study_group_id', 'held_on', 'hours', 'topic', 'recorded_by'],
  study_group_attendance: ['meeting_id', 'study_group_id', 'person_id'],
  volunteers: ['person_id', 'city_code', 'kind', 'areas', 'bio', 'since', 'active'],
} as const;

const areaCodes: readonly Exclude<ProgramAreaCode, 'career_development'>[] = [
  'basic_literacy', 'academic_credit', 'vocational', 'culture_arts', 'liberal_arts', 'citizenship',
];

/** The mix of institution types in a city (the first is always its lifelong learning centre). */
const institutionMix: readonly (readonly [InstitutionType, number])[] = [
  ['dong_learning_centre', 24], ['community_centre', 18], ['library', 12], ['welfare_centre', 10], ['culture_centre', 5],
  ['women_centre', 4], ['multicultural_centre', 4], ['university', 4], ['school', 4], ['ngo', 6], ['company', 4], ['online_provider', 3],
];

/** How many programs an institution of each type runs, relative to a dong learning centre. */
const programWeight: Record<InstitutionType, number> = {
  lifelong_learning_centre: 5, dong_learning_centre: 1, community_centre: 1.2, library: 1.3, university: 2.5, school: 0.8,
  welfare_centre: 1.5, women_centre: 2, culture_centre: 1.8, multicultural_centre: 1.2, ngo: 0.8, company: 0.8, online_provider: 3,
};

const publicTypes = new Set<InstitutionType>(['lifelong_learning_centre', 'dong_learning_centre', 'community_centre', 'library', 'welfare_centre', 'multicultural_centre']);

const areaCodesByProvince: Record<string, string> = {
  '11': '02', '21': '051', '22': '053', '23': '032', '24': '062', '25': '042', '26': '052', '29': '044', '31': '031',
  '32': '033', '33': '043', '34': '041', '35': '063', '36': '061', '37': '054', '38': '055', '39': '064',
};

const phone = (random: Random, provinceCode: string) =>
  `${areaCodesByProvince[provinceCode] ?? '02'}-${random.int(200, 989)}-${String(random.int(0, 9999)).padStart(4, '0')}`;

/** '철산3동' → '철산', for road names and short labels. */
const dongStem = (name: string) => name.replace(/[0-9·.]+/g, '').replace(/(동|읍|면|가)$/, '') || name;

/** A point inside the dong: within 40% of the radius of a circle with the dong's area around its anchor. */
function pointIn(random: Random, dong: Dong): [number, number] {
  const r = dong.radiusM * 0.4 * Math.sqrt(random.float());
  const theta = random.float() * 2 * Math.PI;
  const dLat = (r * Math.cos(theta)) / 111_320;
  const dLon = (r * Math.sin(theta)) / (111_320 * Math.cos((dong.lat * Math.PI) / 180));
  return [Number((dong.lat + dLat).toFixed(6)), Number((dong.lon + dLon).toFixed(6))];
}

function cityNames(city: Municipality) {
  const stem = city.nameKo.slice(0, -1);
  const cityShort = stem.length >= 2 ? stem : `${city.provinceShortKo}${stem}`;
  const cityEn = city.nameEn.replace(/-(si|gun|gu)$/, '');
  return { city: city.nameKo, cityShort, cityEn: city.kind === 'gu' ? city.nameEn : cityEn };
}

const fillName = (pattern: string, values: Record<string, string>) =>
  pattern.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

const ratingComments = [
  '강사님이 친절하게 알려 주셔서 좋았어요.', '집 가까이에서 배울 수 있어 좋았습니다.', '다음 단계 과정도 열어 주세요.',
  '수업 시간이 조금 더 길었으면 합니다.', '교재가 어려웠어요.', '같이 배운 분들과 동아리를 만들기로 했어요.',
];

const kstTimestamp = (date: string, time: string) => `${date}T${time}:00+09:00`;

const weekdayNames: Record<Weekday, string> = { mon: '월', tue: '화', wed: '수', thu: '목', fri: '금', sat: '토', sun: '일' };

/** '시청 광장' in a county is '군청 광장'; in a district, '구청 광장'. */
function localVenue(venue: string, kind: 'si' | 'gun' | 'gu'): string {
  const office = { si: '시', gun: '군', gu: '구' }[kind];
  return venue.replace(/^시청/, `${office}청`).replace(/^시민회관/, `${office}민회관`);
}

export async function databaseIsEmpty(db: AppDb): Promise<boolean> {
  const row = await firstRow<{ empty: boolean }>(db, sql`SELECT NOT EXISTS (SELECT 1 FROM people) AND NOT EXISTS (SELECT 1 FROM programs) AS empty`);
  return row?.empty ?? true;
}

/**
 * Empties every table except the geography reference data, for `npm run db:seed` to regenerate. The append-only
 * logs (designation, colleagues, agreements…) refuse TRUNCATE; replacing the whole demo is the one deliberate
 * exception, made by the tables' owner lifting each such trigger for this transaction only.
 */
export async function clearDemo(db: AppDb): Promise<void> {
  const found = await rows<{ tablename: string }>(db, sql`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('provinces', 'municipalities', 'dongs')`);
  if (found.length === 0) return;
  const guards = await rows<{ table: string; trigger: string }>(db, sql`
    SELECT c.relname AS "table", t.tgname AS "trigger"
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND NOT t.tgisinternal AND t.tgname LIKE '%\\_no\\_truncate'`);
  const toggle = (on: boolean) => guards.map((g) =>
    sql`ALTER TABLE ${sql.identifier(g.table)} ${sql.raw(on ? 'ENABLE' : 'DISABLE')} TRIGGER ${sql.identifier(g.trigger)}`);
  await db.transaction(async (tx) => {
    for (const statement of toggle(false)) await tx.execute(statement);
    await tx.execute(sql`TRUNCATE ${sql.join(found.map((t) => sql.identifier(t.tablename)), sql`, `)} RESTART IDENTITY CASCADE`);
    for (const statement of toggle(true)) await tx.execute(statement);
  });
}

/**
 * How much of a size falls to each city (in the order given), in proportion to `weights`, each at least its floor
 * (4 institutions, 20 programs, 30 residents). With `others`, the demo list's cities share the size's amounts as when
 * they were the whole demo, and the other municipalities share `others`.
 */
export function amountsPerCity(spec: SizeSpec, cityCodes: readonly string[], weights: readonly number[]) {
  const storyCities = new Set(demoCities.map((c) => c.code));
  const groups = spec.others ? [{ amounts: spec, story: true }, { amounts: spec.others, story: false }] : [{ amounts: spec, story: null }];
  const institutionsPerCity: number[] = [];
  const programsPerCity: number[] = [];
  const residentsPerCity: number[] = [];
  const enrolmentsPerCity: number[] = [];
  for (const { amounts, story } of groups) {
    const members = cityCodes.flatMap((code, i) => (story === null || storyCities.has(code) === story ? [i] : []));
    const shares = members.map((i) => weights[i]!);
    const programs = allocate(amounts.programs, shares, 20);
    const [institutions, residents, enrolments] = [allocate(amounts.institutions, shares, 4), allocate(amounts.residents, shares, 30), allocate(amounts.enrolments, programs)];
    members.forEach((i, k) => {
      institutionsPerCity[i] = institutions[k]!;
      programsPerCity[i] = programs[k]!;
      residentsPerCity[i] = residents[k]!;
      enrolmentsPerCity[i] = enrolments[k]!;
    });
  }
  return { institutionsPerCity, programsPerCity, residentsPerCity, enrolmentsPerCity };
}

/**
 * The cities a size generates, each with its designation year: the paper's and the stories' cities in the small
 * sizes (tests), every municipality from `demo` up, the others' years following the national totals.
 */
export function citiesTakingPart(size: SeedSize, municipalityCodes: readonly string[], lastCompleteYear: number, random: Random, neverDesignated: readonly string[] = []): DemoCity[] {
  const { cities } = sizeSpecs[size];
  return cities <= demoCities.length
    ? demoCities.slice(0, cities)
    : nationalDemoCities(municipalityCodes, demoCities, lastCompleteYear, random.fork('national'), neverDesignated);
}

export async function seedDemo(database: Database, options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const { db } = database;
  const spec = sizeSpecs[options.size];
  const today = options.today ?? todayInKorea();
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const currentYear = Number(today.slice(0, 4));
  const lastCompleteYear = currentYear - 1;
  const random = new Random(options.seed);
  const progress = options.onProgress ?? (() => {});
  const writer = new Writer(database, tables);

  const municipalities = await geography.allMunicipalities(db);
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const designationDemo = options.designationDemo ?? options.size === 'demo';
  // The designation demo's applicants must be eligible to apply: never designated, no application of their own.
  const applicants = new Set(designationDemo ? designationDemoApplicants : []);
  const chosen = citiesTakingPart(options.size, municipalities.map((m) => m.code), lastCompleteYear, random, [...applicants]);
  const participating = chosen.map((c) => ({ demo: c, city: byCode.get(c.code)! }));
  const dongsByCity = new Map<string, Dong[]>();
  for (const dong of await geography.dongsOfCities(db, chosen.map((c) => c.code))) {
    const list = dongsByCity.get(dong.municipalityCode) ?? [];
    list.push(dong as Dong);
    dongsByCity.set(dong.municipalityCode, list);
  }

  const ids = { institution: 0, venue: 0, program: 0, person: 0, studyGroup: 0, studyGroupMeeting: 0, enrolment: 0, committee: 0 };

  // Cities: designation histories, profiles, their record (budget, staff, committees…), learning events.
  progress({ phase: 'Cities and designations', done: 0, total: participating.length });
  for (const { demo, city } of participating) {
    const r = random.fork(`designation:${city.code}`);
    const designated = Number.isFinite(demo.designatedYear);
    const history = designated ? historyOf(demo, lastCompleteYear, r) : applicants.has(city.code) ? [] : undesignatedHistory(currentYear, r);
    for (const t of history) writer.add('designation_transitions', [city.code, t.state, t.year, t.occurredOn, t.reason, t.evidence]);
    const names = cityNames(city);
    writer.add('city_profiles', [
      city.code, r.pick(cityDepartments), `배움으로 행복한 ${names.city}, 누구나 언제 어디서나 배우는 평생학습도시`, null, phone(r, city.provinceCode),
    ]);
    if (!designated) continue;
    const dongs = dongsByCity.get(city.code)!;
    cityRecordRows(r.fork('record'), { ...city, dongs: dongs.length, designatedYear: demo.designatedYear }, currentYear - 4, currentYear, ids, (table, row) => writer.add(table, row));
    for (let year = Math.max(demo.designatedYear, currentYear - 5); year <= currentYear; year++) {
      const edition = year - demo.designatedYear + 1;
      const festivalStart = `${year}-${r.pick(['09', '10'])}-${String(r.int(3, 24)).padStart(2, '0')}`;
      const events: [string, string, number, number][] = [['festival', festivalStart, r.int(1, 2), Math.round(city.population * r.between(0.01, 0.04))]];
      for (let n = r.int(1, 3); n > 0; n--) {
        const month = String(r.int(3, 12)).padStart(2, '0');
        events.push([r.pick(['seminar', 'forum', 'presentation', 'exhibition']), `${year}-${month}-${String(r.int(1, 27)).padStart(2, '0')}`, 0, r.int(40, 320)]);
      }
      for (const [kind, startsOn, extraDays, attendance] of events) {
        if (Date.parse(`${startsOn}T00:00:00Z`) > todayMs) continue;
        const title = fillName(r.pick(eventTitlePatterns[kind as keyof typeof eventTitlePatterns]), { city: names.city, year: String(year), n: String(edition) });
        writer.add('learning_events', [
          city.code, kind, title, startsOn, addDays(startsOn, extraDays), localVenue(r.pick(eventVenues), city.kind), r.pick(dongs).code, attendance,
          `${names.city}의 평생학습 성과를 나누고 시민이 함께 배우는 자리입니다.`,
        ]);
      }
    }
  }
  await writer.flush();
  progress({ phase: 'Cities and designations', done: participating.length, total: participating.length });

  // How much of each size falls to each city: by population, dampened so small counties still get a share.
  const weights = participating.map(({ city }) => Math.max(city.population, 10_000) ** 0.7);
  const { institutionsPerCity, programsPerCity, residentsPerCity, enrolmentsPerCity } = amountsPerCity(spec, participating.map(({ city }) => city.code), weights);
  const programsTotal = programsPerCity.reduce((a, b) => a + b, 0);

  const copySources: { programId: number; institutionId: number; cityCode: string; composed: ReturnType<typeof composeProgram> }[] = [];
  const onlineLearners: { id: number; age: number }[] = [];
  let plantedCopies = 0;
  let programsDone = 0;

  for (const [cityIndex, { city }] of participating.entries()) {
    const r = random.fork(`city:${city.code}`);
    const dongs = dongsByCity.get(city.code)!;
    const dongWeights = dongs.map((d) => [d, d.population] as const);
    const names = cityNames(city);
    const province = city.provinceShortKo;

    // Institutions and their venues.
    const institutionTypes: InstitutionType[] = ['lifelong_learning_centre'];
    while (institutionTypes.length < institutionsPerCity[cityIndex]!) {
      const type = r.weighted(institutionMix);
      if (type === 'university' && institutionTypes.filter((t) => t === 'university').length >= 2) continue;
      institutionTypes.push(type);
    }
    const institutions: {
      id: number; type: InstitutionType; name: string; phone: string; dong: Dong;
      venues: { id: number; room: string; seats: number; dong: Dong; lat: number; lon: number }[];
    }[] = [];
    const usedNames = new Set<string>();
    for (const type of institutionTypes) {
      const dong = r.weighted(dongWeights);
      const values = { ...names, dong: dong.nameKo, dongEn: dong.nameEn, name: names.cityShort };
      let name = fillName(r.pick(institutionNamePatterns[type]), values);
      if (usedNames.has(name)) name = `${name} ${dongStem(dong.nameKo)}분관`;
      if (usedNames.has(name)) name = `${name} ${usedNames.size + 1}`;
      usedNames.add(name);
      const [lat, lon] = pointIn(r, dong);
      const id = ++ids.institution;
      const institutionPhone = phone(r, city.provinceCode);
      writer.add('institutions', [
        id, city.code, dong.code, type, name, fillName(institutionNamePatternsEn[type], values),
        `${withTopicParticle(name)} ${names.city} 주민 누구나 가까이에서 배울 수 있도록 다양한 평생학습 프로그램을 운영합니다.`,
        `${province} ${names.city} ${dong.districtNameKo ? `${dong.districtNameKo} ` : ''}${dongStem(dong.nameKo)}로 ${r.int(1, 180)}`,
        institutionPhone, lat, lon,
      ]);
      const venueCount = type === 'online_provider' ? 0 : type === 'lifelong_learning_centre' ? r.int(3, 5) : r.int(1, 3);
      const venues = r.sample(roomNames, venueCount).map((room) => {
        const venue = { id: ++ids.venue, room: room.ko, seats: r.int(room.seats[0], room.seats[1]), dong, lat, lon };
        writer.add('venues', [venue.id, id, city.code, dong.code, room.ko, venue.seats, r.chance(0.9), lat, lon]);
        return venue;
      });
      institutions.push({ id, type, name, phone: institutionPhone, dong, venues });
    }

    // Residents of the city, with a home dong weighted by population.
    const ageBands: readonly (readonly [[number, number], number])[] = [
      [[14, 19], 4], [[20, 29], 8], [[30, 39], 13], [[40, 49], 17], [[50, 59], 20], [[60, 69], 22], [[70, 79], 12], [[80, 89], 4],
    ];
    const residents: { id: number; age: number; dong: Dong }[] = [];
    for (let n = 0; n < residentsPerCity[cityIndex]!; n++) {
      const [lo, hi] = r.weighted(ageBands);
      const age = r.int(lo, hi);
      const id = ++ids.person;
      const dong = r.weighted(dongWeights);
      writer.add('people', [
        id, `resident.${id}@example.com`, personName(r).ko, currentYear - age, city.code, dong.code, r.chance(0.04) ? 'en' : 'ko',
        // Most joined before the years of program history; their earlier records count from when they joined.
        `${addDays(today, -(r.chance(0.7) ? r.int(1830, 2600) : r.int(30, 1830)))}T09:00:00+09:00`,
      ]);
      residents.push({ id, age, dong });
      if (onlineLearners.length < 20_000 && age >= 19 && r.chance(0.1)) onlineLearners.push({ id, age });
    }
    const byAge = {
      youth: residents.filter((p) => p.age <= 24),
      adult: residents.filter((p) => p.age >= 19),
      senior: residents.filter((p) => p.age >= 60),
      senior65: residents.filter((p) => p.age >= 65),
    };

    // Programs, their sessions, and a few planted near-copies of other institutions' programs.
    const perInstitution = allocate(programsPerCity[cityIndex]!, institutions.map((i) => programWeight[i.type]));
    const programs: {
      id: number; institutionId: number; capacity: number; status: string; startsOn: string; endsOn: string; publishedAt: string; pool: readonly { id: number }[];
    }[] = [];
    for (const [k, institution] of institutions.entries()) {
      for (let n = 0; n < perInstitution[k]!; n++) {
        const id = ++ids.program;
        const online = institution.venues.length === 0 || r.chance(0.06);
        const mode = institution.venues.length === 0 ? 'online' : online ? 'online' : r.chance(0.05) ? 'blended' : 'in_person';
        const venue = mode === 'online' ? null : r.pick(institution.venues);
        const listing = { dongName: (venue?.dong ?? institution.dong).nameKo, institutionName: institution.name, online: mode !== 'in_person' };
        let composed = composeProgram(r, pickSubcategory(r, institution.type), listing);
        const copyFrom = copySources.length > 20 && r.chance(0.03) ? copySources.filter((s) => s.institutionId !== institution.id) : [];
        const source = copyFrom.length > 0 ? r.pick(copyFrom) : undefined;
        let copyKind: CopyKind | null = null;
        if (source) {
          copyKind = r.weighted<CopyKind>([['exact', 1], ['edited', 1], ['reordered', 1]]);
          const copied = copyListing(r, { title: source.composed.title, sentences: source.composed.sentences }, copyKind, listing);
          composed = { ...source.composed, title: copied.title, sentences: copied.sentences };
        }
        const { stem, hoursPerSession } = composed;
        const target = composed.targetGroups[0]!;
        const [startTime, weekdayChoices] = target === 'elderly'
          ? [r.pick(['10:00', '10:30', '14:00']), ['mon', 'tue', 'wed', 'thu', 'fri']]
          : target === 'workers' || target === 'unemployed' && r.chance(0.5)
            ? [r.pick(['19:00', '19:30', '10:00']), r.chance(0.5) ? ['sat'] : ['tue', 'wed', 'thu']]
            : target === 'youth' || target === 'children'
              ? [r.pick(['16:00', '10:00']), r.chance(0.5) ? ['sat'] : ['mon', 'wed', 'fri']]
              : [r.pick(['10:00', '10:00', '14:00', '19:00']), ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']];
        // Long sessions start in the morning; nothing runs past 22:00.
        const preferred = hoursPerSession >= 4 ? 9 * 60 : Number(startTime.slice(0, 2)) * 60 + Number(startTime.slice(3));
        const startMinutes = Math.min(preferred, 22 * 60 - hoursPerSession * 60);
        const endMinutes = startMinutes + hoursPerSession * 60;
        const endTime = `${String(Math.floor(endMinutes / 60)).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`;
        const weekdays = r.sample(weekdayChoices, r.chance(0.3) && weekdayChoices.length > 1 ? 2 : 1) as Weekday[];
        // Most programs run now; the rest are the city's last four years, fewer each year back (the system grew).
        const yearsBack = r.weighted([[0, 34], [1, 21], [2, 17], [3, 15], [4, 13]]);
        const earliest = yearsBack === 0 ? addDays(today, r.int(-330, 80)) : addDays(today, -365 * yearsBack - r.int(0, 330));
        const startAt = `${String(Math.floor(startMinutes / 60)).padStart(2, '0')}:${String(startMinutes % 60).padStart(2, '0')}`;
        const slots = scheduleSessions(earliest, weekdays, composed.sessions, startAt, endTime);
        // A program starts on the day it first meets.
        const startsOn = slots[0]!.date;
        const endsOn = slots[slots.length - 1]!.date;
        const opensOn = addDays(slots[0]!.date, -r.int(21, 35));
        const publishedOn = addDays(opensOn, -r.int(0, 7));
        const ended = Date.parse(`${endsOn}T00:00:00Z`) < todayMs;
        const future = Date.parse(`${publishedOn}T00:00:00Z`) > todayMs;
        const status = future ? 'draft' : ended ? 'closed' : r.chance(0.01) ? 'cancelled' : 'published';
        const capacity = venue ? Math.min(venue.seats, r.int(12, 30)) : r.int(30, 200);
        const isPublic = publicTypes.has(institution.type);
        const fee = stem.feeKrw && !(isPublic && r.chance(0.5))
          ? Math.round(r.int(stem.feeKrw[0], stem.feeKrw[1]) / 5000) * 5000
          : isPublic && r.chance(0.7) ? 0 : Math.round(r.int(10_000, 90_000) / 5000) * 5000;
        // Children's programs are booked by a guardian, so they carry no age rule of their own.
        const [minAge, maxAge] = target === 'elderly' ? [r.pick([60, 65, 65]), null] : target === 'youth' ? [13, 24] : [null, null];
        if (!copyKind) {
          // An original listing ends with its own facts; a copy keeps its source's (as lazy copies do).
          composed = {
            ...composed,
            sentences: [...composed.sentences, ...factLines({
              startsOn, weekdays: weekdays.map((d) => weekdayNames[d]).join('·'), startTime: startAt, endTime, sessions: slots.length,
              place: venue ? `${institution.name} ${venue.room}` : '온라인 (접속 안내는 문자로 드립니다)', feeKrw: fee, phone: institution.phone,
            })],
          };
        }
        const description = composed.sentences.join(' ');
        // Residents of the city may enrol a week before everyone else.
        const residentsFirst = isPublic && r.chance(0.4);
        writer.add('programs', [
          id, city.code, institution.id, venue?.id ?? null, venue?.dong.code ?? null, venue?.lat ?? null, venue?.lon ?? null,
          composed.title, composed.titleEn, description, composed.area, composed.subcategory, composed.targetGroups, composed.purposeTags,
          mode, status, startsOn, endsOn, weekdays, startAt, endTime, slots.length,
          Math.round(sessionHours(startAt, endTime) * slots.length * 10) / 10, capacity, fee,
          stem.credits?.type ?? 'none', stem.credits?.credits ?? 0, minAge, maxAge, residentsFirst,
          residentsFirst ? addDays(opensOn, 7) : null, r.chance(0.1) ? 0.7 : 0.8, composed.instructor,
          opensOn, addDays(slots[0]!.date, -r.int(1, 3)), status === 'draft' ? null : kstTimestamp(publishedOn, '09:00'),
          kstTimestamp(addDays(publishedOn, -r.int(1, 10)), '15:00'),
        ]);
        for (const slot of slots) writer.add('program_sessions', [id, city.code, slot.sessionNo, slot.startsAt, slot.endsAt]);
        if (source && copyKind) {
          writer.add('demo_copy_plants', [id, source.programId, copyKind]);
          plantedCopies++;
        } else {
          if (copySources.length >= 400) copySources.splice(r.int(0, copySources.length - 1), 1);
          copySources.push({ programId: id, institutionId: institution.id, cityCode: city.code, composed });
        }
        // Learners who meet the program's age rule; online programs also draw learners from other cities.
        const currentPool = minAge === 65 ? byAge.senior65 : minAge === 60 ? byAge.senior : target === 'youth' ? byAge.youth : byAge.adult;
        // Years back, people were younger: the age rule applies to their age then.
        const pool = yearsBack === 0 || (minAge === null && maxAge === null) ? currentPool
          : currentPool.filter((p) => p.age - yearsBack >= (minAge ?? 0) && p.age - yearsBack - 1 <= (maxAge ?? Infinity));
        programs.push({
          id, institutionId: institution.id, capacity, status, startsOn, endsOn, publishedAt: publishedOn,
          pool: mode === 'online' && minAge === null && maxAge === null && onlineLearners.length > 100 && r.chance(0.3) ? onlineLearners : pool,
        });
      }
    }

    // Enrolments: the city's share, spread over its programs by capacity, each program a little fuller or emptier.
    const open = programs.filter((p) => p.status !== 'draft');
    // A few popular classes draw far more people than they seat: those fill up and keep a waitlist.
    const wanted = allocate(enrolmentsPerCity[cityIndex]!, open.map((p) => p.capacity * (r.chance(0.08) ? 3 : r.between(0.4, 1.6))));
    // How well the city's institutions teach, as residents rate it: cities and institutions differ.
    const cityQuality = r.normal(0, 0.25);
    const institutionQuality = new Map(institutions.map((i) => [i.id, r.normal(0, 0.3)]));
    for (const [k, program] of open.entries()) {
      const chosenPeople = r.sample(program.pool, Math.min(wanted[k]!, program.pool.length));
      const seats = program.capacity;
      const upcoming = Date.parse(`${program.startsOn}T00:00:00Z`) > todayMs;
      chosenPeople.forEach((person, position) => {
        const enrolledOn = addDays(program.publishedAt, Math.min(position, 20));
        const seated = position < seats;
        const status = program.status === 'cancelled' ? 'cancelled'
          : !seated ? (upcoming ? 'waitlisted' : 'cancelled')
            : program.status === 'closed' ? (r.chance(0.84) ? 'completed' : 'not_completed')
              : 'enrolled';
        const changedOn = status === 'completed' || status === 'not_completed' ? program.endsOn : enrolledOn;
        const enrolmentId = ++ids.enrolment;
        writer.add('enrolments', [enrolmentId, program.id, person.id, city.code, status, kstTimestamp(enrolledOn, '09:30'), kstTimestamp(changedOn, '18:00')]);
        if (status === 'completed' && r.chance(0.35)) {
          const mean = 4.1 + cityQuality + institutionQuality.get(program.institutionId)!;
          const score = () => Math.max(1, Math.min(5, Math.round(r.normal(mean, 0.7))));
          const ratedDay = addDays(program.endsOn, r.int(0, 10));
          const ratedOn = kstTimestamp(ratedDay < today ? ratedDay : today, '08:00');
          writer.add('program_ratings', [
            enrolmentId, program.id, program.institutionId, city.code, score(), score(), score(), score(), score(),
            r.chance(0.2) ? r.pick(ratingComments) : '', ratedOn, ratedOn,
          ]);
        }
      });
    }

    // Study groups and volunteers from among the city's residents.
    for (let n = Math.max(2, Math.round(institutions.length * 0.5)); n > 0; n--) {
      const id = ++ids.studyGroup;
      const area = r.pick(areaCodes);
      const dong = r.weighted(dongWeights);
      const foundedOn = addDays(today, -r.int(200, 3000));
      writer.add('study_groups', [
        id, city.code, dong.code, fillName(r.pick(studyGroupNames[area]), { dong: dong.nameKo }), area,
        fillName(r.pick(studyGroupDescriptions[area]), { dong: dong.nameKo }), r.pick(studyGroupMeetingPatterns), foundedOn, r.chance(0.9),
      ]);
      const members = r.sample(byAge.adult.length >= 5 ? byAge.adult : residents, r.int(5, 15));
      members.forEach((member, i) => {
        writer.add('study_group_members', [id, member.id, city.code, i === 0 ? 'leader' : 'member', addDays(foundedOn, r.int(0, 150))]);
      });
      // The last weeks' meetings, recorded by the leader (everyone joined at least 50 days ago); a stream of its own keeps the rest of the demo as it was.
      const m = r.fork(`study-group-meetings:${id}`);
      for (let week = m.int(0, 6); week > 0; week--) {
        const meeting = ++ids.studyGroupMeeting;
        writer.add('study_group_meetings', [meeting, id, addDays(today, -7 * week), m.pick([1.5, 2, 2, 3]), `${m.pick(['정기 모임', '함께 읽기', '발표와 토론', '실습'])}`, members[0]!.id]);
        for (const present of m.sample(members, m.int(Math.ceil(members.length / 2), members.length))) writer.add('study_group_attendance', [meeting, id, present.id]);
      }
    }
    for (const volunteer of r.sample(byAge.adult, Math.round(residents.length * 0.015))) {
      const kind = r.weighted([['instructor', 4], ['volunteer', 5], ['learning_manager', 1]] as const);
      const areas = r.sample(areaCodes, r.int(1, 2));
      writer.add('volunteers', [volunteer.id, city.code, kind, areas, '', addDays(today, -r.int(30, 2500)), r.chance(0.92)]);
    }

    residentsSay(r.fork('demand'), { cityCode: city.code, residents, today }, (table, row) => writer.add(table, row));

    await writer.flushWhenFull();
    programsDone += programs.length;
    progress({ phase: 'Institutions and programs', done: programsDone, total: programsTotal });
  }

  await writer.flush();
  progress({ phase: 'Demo accounts', done: 0, total: 1 });
  await resetIdentitySequences(db);
  await createDemoAccounts(db, today, options.credentials ?? { publicUrl: 'http://localhost:3000', signingKeyPem: null });
  progress({ phase: 'Demo accounts', done: 1, total: 1 });
  // The 2025 re-designation frame (three areas, ten fields, twenty items), in every size: the ministry copies it forward.
  await evaluation.seedFrame(db, 2025);
  if (designationDemo) {
    progress({ phase: 'Designation calls', done: 0, total: 1 });
    await seedDesignationDemo(db, today);
    progress({ phase: 'Designation calls', done: 1, total: 1 });
  }
  if (options.colleaguesDemo ?? options.size === 'demo') await seedColleaguesDemo(db);
  if (options.instructorsDemo ?? options.size === 'demo') await seedInstructorsDemo(db);
  if (options.networkDemo ?? options.size === 'demo') await seedNetworkDemo(db);
  if (options.surveysDemo ?? options.size === 'demo') {
    progress({ phase: 'Satisfaction surveys', done: 0, total: 1 });
    await seedSurveysDemo(database, { today, seed: options.seed });
    progress({ phase: 'Satisfaction surveys', done: 1, total: 1 });
  }
  if (options.proposalsDemo ?? options.size === 'demo') await seedProposalsDemo(db);
  if (options.deliveredCoursesDemo ?? options.size === 'demo') await seedDeliveredCoursesDemo(db);
  if (options.vouchersDemo ?? options.size === 'demo') await seedVouchersDemo(db, { today, seed: options.seed });
  if (options.occupationsDemo ?? options.size === 'demo') await seedOccupationsDemo(db);
  progress({ phase: 'Search index', done: 0, total: 1 });
  await programsModule.refreshSearchIndex(db, today);
  progress({ phase: 'Search index', done: 1, total: 1 });
  progress({ phase: 'Statistics', done: 0, total: 1 });
  await db.execute(sql`ANALYZE`);
  progress({ phase: 'Statistics', done: 1, total: 1 });
  await indicatorsModule.recompute(db, null, (_phase, done, total) => progress({ phase: 'Indicators', done, total }));
  await copiesModule.detectCopies(db, (phase, done, total) => progress({ phase, done, total }));

  const written = (table: string) => writer.written.get(table) ?? 0;
  return {
    cities: participating.length,
    institutions: written('institutions'),
    venues: written('venues'),
    programs: written('programs'),
    sessions: written('program_sessions'),
    residents: written('people'),
    enrolments: written('enrolments'),
    studyGroups: written('study_groups'),
    volunteers: written('volunteers'),
    events: written('learning_events'),
    plantedCopies,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Rows were written with explicit ids; move each identity sequence past them. */
async function resetIdentitySequences(db: AppDb) {
  const identityColumns = await rows<{ table_name: string; column_name: string }>(db, sql`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND is_identity = 'YES'`);
  for (const { table_name, column_name } of identityColumns) {
    await db.execute(sql`SELECT setval(pg_get_serial_sequence(${table_name}, ${column_name}),
      GREATEST((SELECT max(${sql.identifier(column_name)}) FROM ${sql.identifier(table_name)}), 1))`);
  }
}
