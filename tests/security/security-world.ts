/**
 * What the fuzz and the access matrix act on: the real app over its own seeded database, a session for
 * each demo account (and for the roles of the designation process the seed has no account for yet), the ids
 * each of them owns and does not own (found by SQL), the designation process's calls, applications,
 * assignments and consultings (designation-world.ts), a log of every row any request writes, and a valid
 * example request for every operation. No Vitest here: the fuzz benchmark uses it too.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { rows, type Database } from '../../src/server/platform/database/database.ts';
import { performanceAreas, infrastructureDimensions, programSubcategories } from '../../src/shared/vocabulary/index.ts';
import { provinceOfCity, type Grant } from '../../src/shared/permissions.ts';
import type { Actor } from '../../src/server/platform/auth/actor.ts';
import { DEMO_PASSWORD, demoAccounts as seedAccounts } from '../../db/seed/accounts.ts';
import { yearInKorea } from '../support/clock.ts';
import { samplePdf } from '../support/documents.ts';
import {
  buildUrl, exampleOf, isUnsafe, jsonBody, operationsOf, wireValue, type FuzzRequest, type KnownValues, type Operation, type WireBody,
} from './openapi-arbitraries.ts';
import { buildDesignation, callExample, otherExperts, roleAccounts, type Designation, type PlaceDesignation } from './designation-world.ts';

/** An account's short name in the tests: its email before the @ (`officer.suncheon`). */
const actorName = (email: string) => email.split('@')[0]!;
/** The demo accounts (README; db/seed/accounts.ts), by the short names the tests use: a new one is a new actor. */
export const demoAccounts: Record<string, string> = Object.fromEntries(seedAccounts.map((a) => [actorName(a.email), a.email]));
export type DemoActor = string;
export type ActorName = DemoActor | 'anonymous';

/**
 * Tables a refused request may write to, and why. Everything else must be untouched by a 4xx.
 * - login_throttles: a wrong password is counted per email (and locks it after a few), which is the point of refusing it;
 * - account_security_events: the lock that a refused login sets off is told to the account's owner.
 * (The search-miss log is written only by searches that succeed, so it needs no exception.)
 */
export const WRITES_ALLOWED_WHEN_REFUSED = ['login_throttles', 'account_security_events'];

/** What a city and one of its institutions own: the ids a request about "this city" names. */
export interface Place {
  name: string;
  city: string;
  dong: string;
  institution: number;
  venue: number | null;
  /** A published program of the institution. */
  program: number;
  committee: number;
  member: number;
  meeting: number;
  ordinance: number;
  training: number;
  event: number;
  /** A year the city has a record for. */
  year: number;
  /** Its call, application, a reviewer's assignment and its consulting year. */
  designation: PlaceDesignation;
}

/** What a person owns: reached only by themselves. */
export interface Belongings {
  personId: number;
  wish: number;
  job: string;
  /** A published program they hold a place in. */
  enrolledProgram: number;
  /** A program they completed (and may rate). */
  completedProgram: number;
}

/** What one request is about: a place, which program of it, and whose belongings. */
export interface Target {
  label: string;
  place: Place;
  program: number;
  /**
   * What the path names is a draft: an unpublished program, a call being prepared, an application never submitted.
   * Hidden (404) from whoever may not see it; a 404 to someone who may see it is wrong.
   */
  draft: boolean;
  /** Who runs the program: the scope of permissions about it. */
  programScope: { institutionId: number; cityCode: string };
  /** The place's city does not exist (code 00000): whoever may act there gets a 404. */
  missing?: boolean;
  belongings: Belongings;
}

export interface World {
  app: FastifyInstance;
  database: Database;
  operations: Operation[];
  /** 'anonymous', the demo accounts, and the accounts made for the designation roles the seed lacks. */
  actors: ActorName[];
  grants: Record<ActorName, Grant[]>;
  /** The person an actor is (null for anonymous). */
  personOf(actor: ActorName): number | null;
  /** The city on an actor's account (residents propose and support there), null for anonymous or none. */
  homeCityOf(actor: ActorName): string | null;
  gwangmyeong: Place;
  suncheon: Place;
  /** Drafts: one of the staff account's own institution, one of another institution. */
  drafts: { ownInstitution: number; otherInstitution: number };
  belongings: Record<DemoActor, Belongings>;
  /** A generated resident's belongings: foreign to every demo account. */
  stranger: Belongings;
  /** A person with no role, to grant roles to. */
  grantee: number;
  /** A colleague at the staff account's institution who is no actor, to change and revoke. */
  colleague: number;
  /** An open invitation of the staff account's institution, with its link's secret. */
  invitation: { id: number; token: string };
  certificate: string;
  /** Gwangmyeong's ids under a city code that does not exist. */
  nowhere: Target;
  designation: Designation;
  /** Gwangmyeong's ids with a call still being prepared as its call. */
  draftCall: Target;
  /** Gwangmyeong's ids with an application it never submitted as its application. */
  draftApplication: Target;
  /** Every target the tests act on (places × programs × belongings), for the fuzz's id candidates. */
  targets: Target[];
  /** A target of the same place and program with someone else's belongings, programs swapped likewise. */
  withBelongings(target: Target, owner: Belongings, program?: number): Target;
  send(request: FuzzRequest): Promise<LightMyRequestResponse>;
  /** Tables written since the last call (apart from the allowed ones), then forgets them. */
  takeWrites(): Promise<string[]>;
  /** Waits until no background job runs (their writes would be blamed on the next request). */
  settle(): Promise<void>;
}

const SESSION_COOKIE = 'lc_session';

async function one<T>(database: Database, query: ReturnType<typeof sql>, what: string): Promise<T> {
  const [row] = await rows<T>(database.db, query);
  if (!row) throw new Error(`The seeded database has no ${what}: the security tests need one.`);
  return row;
}

/** A row-level trigger on every table appends the table's name to `fuzz_writes`, in the writer's transaction. */
async function installWriteLog(database: Database): Promise<void> {
  await database.db.execute(sql`
    CREATE TABLE fuzz_writes (table_name text NOT NULL, operation text NOT NULL, tx bigint NOT NULL DEFAULT txid_current(),
      PRIMARY KEY (table_name, operation, tx))`);
  await database.db.execute(sql`
    CREATE FUNCTION fuzz_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO fuzz_writes (table_name, operation) VALUES (TG_TABLE_NAME, TG_OP) ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$`);
  const tables = await rows<{ name: string }>(database.db, sql`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'fuzz_writes' ORDER BY 1`);
  for (const { name } of tables) {
    await database.db.execute(sql`CREATE TRIGGER fuzz_log_row AFTER INSERT OR UPDATE OR DELETE ON ${sql.identifier(name)} FOR EACH ROW EXECUTE FUNCTION fuzz_log_write()`);
    await database.db.execute(sql`CREATE TRIGGER fuzz_log_truncate AFTER TRUNCATE ON ${sql.identifier(name)} FOR EACH STATEMENT EXECUTE FUNCTION fuzz_log_write()`);
  }
}

async function places(database: Database, staffInstitution: number): Promise<Record<'gwangmyeong' | 'suncheon', Omit<Place, 'designation'>>> {
  const place = async (name: string, city: string, institutionFilter: ReturnType<typeof sql>): Promise<Omit<Place, 'designation'>> => {
    const found = await one<{ code: string }>(database, sql`SELECT code FROM municipalities WHERE code = ${city} AND name_ko = ${name}`, `city ${name} (${city})`);
    const institution = await one<{ id: number; program: number }>(database, sql`
      SELECT i.id, (SELECT min(p.id) FROM programs p WHERE p.institution_id = i.id AND p.status = 'published') AS program
      FROM institutions i WHERE i.city_code = ${found.code} AND ${institutionFilter}
        AND EXISTS (SELECT 1 FROM programs p WHERE p.institution_id = i.id AND p.status = 'published')
      ORDER BY i.id LIMIT 1`, `institution with a published program in ${name}`);
    const firstId = (table: string) => one<{ id: number }>(database, sql`SELECT min(id) AS id FROM ${sql.identifier(table)} WHERE city_code = ${city} HAVING min(id) IS NOT NULL`, `${table} row in ${name}`)
      .then((r) => r.id);
    return {
      name: `${name} (${city})`,
      city,
      dong: (await one<{ code: string }>(database, sql`SELECT min(code) AS code FROM dongs WHERE municipality_code = ${city}`, `dong in ${name}`)).code,
      institution: institution.id,
      venue: (await rows<{ id: number }>(database.db, sql`SELECT min(id) AS id FROM venues WHERE institution_id = ${institution.id}`))[0]?.id ?? null,
      program: institution.program,
      committee: await firstId('committees'),
      member: await firstId('committee_members'),
      meeting: await firstId('committee_meetings'),
      ordinance: await firstId('ordinances'),
      training: await firstId('staff_trainings'),
      event: await firstId('learning_events'),
      year: (await one<{ year: number }>(database, sql`SELECT max(year) AS year FROM city_years WHERE city_code = ${city}`, `record year of ${name}`)).year,
    };
  };
  return {
    gwangmyeong: await place('광명시', '31060', sql`i.id = ${staffInstitution}`),
    suncheon: await place('순천시', '36030', sql`true`),
  };
}

/** Gives a person a wish, a finished job, a place in a published program and a completed program. */
async function giveBelongings(database: Database, personId: number, programs: { enrolled: number; completed: number }): Promise<Belongings> {
  const { id: wish } = await one<{ id: number }>(database, sql`
    INSERT INTO learning_wishes (person_id, city_code, area) VALUES (${personId}, '31060', 'basic_literacy') RETURNING id`, 'wish');
  const job = randomUUID();
  await database.db.execute(sql`
    INSERT INTO jobs (id, kind, owner_id, status, phase, done, total, result_name, result_type, result, finished_at)
    VALUES (${job}, 'fixture', ${personId}, 'done', 'done', 1, 1, 'fixture.txt', 'text/plain', ${Buffer.from('fixture')}, now())`);
  for (const [program, status] of [[programs.enrolled, 'enrolled'], [programs.completed, 'completed']] as const) {
    await database.db.execute(sql`
      INSERT INTO enrolments (program_id, person_id, city_code, status)
      SELECT id, ${personId}, city_code, ${status} FROM programs WHERE id = ${program}
      ON CONFLICT (program_id, person_id) DO UPDATE SET status = EXCLUDED.status`);
  }
  return { personId, wish, job, enrolledProgram: programs.enrolled, completedProgram: programs.completed };
}

/**
 * The staff account's colleagues in the institution's other roles (a member of staff and an instructor, as actors),
 * a colleague who is no actor (the routes that change or revoke a colleague act on them, so no actor's rights change
 * under the tests) and an open invitation of the institution (its link's secret, for the routes that read one).
 */
async function colleagueAccounts(database: Database): Promise<{ actors: string[]; spare: number; invitation: { id: number; token: string } }> {
  const { institutionId, cityCode } = await one<{ institutionId: number; cityCode: string }>(database, sql`
    SELECT g.institution_id AS "institutionId", i.city_code AS "cityCode" FROM role_grants g
    JOIN people p ON p.id = g.person_id JOIN institutions i ON i.id = g.institution_id
    WHERE p.email = ${demoAccounts.staff} AND g.role = 'institution_manager'`, 'manager account (staff@example.com) of an institution');
  const people = [
    { email: 'centre.staff@example.com', name: '센터 담당자', role: 'institution_staff' },
    { email: 'centre.instructor@example.com', name: '센터 강사', role: 'institution_instructor' },
    { email: 'centre.colleague@example.com', name: '센터 동료', role: 'institution_staff' },
  ] as const;
  const ids: number[] = [];
  for (const person of people) {
    const { id } = await one<{ id: number }>(database, sql`
      INSERT INTO people (email, display_name, home_city_code) VALUES (${person.email}, ${person.name}, ${cityCode}) RETURNING id`, person.email);
    await database.db.execute(sql`INSERT INTO role_grants (person_id, role, institution_id) VALUES (${id}, ${person.role}, ${institutionId})`);
    ids.push(id);
  }
  const token = randomBytes(32).toString('base64url');
  const invitation = await one<{ id: number }>(database, sql`
    INSERT INTO institution_invitations (institution_id, city_code, email, role, token_hash, invited_by_name, expires_at)
    VALUES (${institutionId}, ${cityCode}, 'invited.world@example.com', 'institution_staff', ${createHash('sha256').update(token).digest('hex')}, '이민호', now() + interval '7 days')
    RETURNING id`, 'invitation');
  return { actors: [people[0].email, people[1].email], spare: ids[2]!, invitation: { id: invitation.id, token } };
}

/** Opens the world over an app built on `database` (a fresh copy of the seeded template). */
export async function openWorld(app: FastifyInstance, database: Database): Promise<World> {
  const operations = operationsOf((await app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
  await installWriteLog(database);

  // The demo accounts, and an account for each role of the designation process that none of them holds.
  const roles = await roleAccounts(database, Object.values(demoAccounts));
  const accounts: Record<DemoActor, string> = { ...demoAccounts };
  for (const email of Object.values(roles)) accounts[actorName(email)] = email;
  const colleagues = await colleagueAccounts(database);
  for (const email of colleagues.actors) accounts[actorName(email)] = email;
  const actors: ActorName[] = ['anonymous', ...Object.keys(accounts)];
  const roleActor = (role: keyof typeof roles) => actorName(roles[role]);

  const people = await rows<{ id: number; email: string; homeCityCode: string | null }>(database.db, sql`
    SELECT id, email, home_city_code AS "homeCityCode" FROM people WHERE email IN (${sql.join(Object.values(accounts).map((e) => sql`${e}`), sql`, `)})`);
  const personOf = (actor: DemoActor) => people.find((p) => p.email === accounts[actor])?.id ?? (() => { throw new Error(`no demo account ${actor}`); })();
  // Sessions made directly (as tests/support does for load tests): logins stay within the login rate limit.
  const tokens = Object.fromEntries(Object.keys(accounts).map((actor) => [actor, randomBytes(24).toString('base64url')])) as Record<DemoActor, string>;
  const openSessions = async () => {
    for (const actor of Object.keys(tokens)) {
      await database.db.execute(sql`
        INSERT INTO auth_sessions (token_hash, person_id, expires_at)
        VALUES (${createHash('sha256').update(tokens[actor]!).digest('hex')}, ${personOf(actor)}, now() + interval '1 day') ON CONFLICT DO NOTHING`);
    }
  };
  await openSessions();

  let address = 0;
  const send = async (request: FuzzRequest) => {
    const cookie = request.actor === 'anonymous' ? {} : { cookie: `${SESSION_COOKIE}=${tokens[request.actor as DemoActor] ?? request.actor}` };
    address += 1;
    const response = await app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: { ...cookie, ...request.headers, ...(request.body?.contentType ? { 'content-type': request.body.contentType } : {}) },
      ...(request.body ? { payload: request.body.payload } : {}),
      // A new client address per request: the login route's per-address limit would otherwise answer 429 before anything is tried.
      remoteAddress: `127.0.${(address >> 8) & 255}.${address & 255}`,
    });
    // Logging out ends the actor's session; the next request as that actor needs it again.
    if (request.url.startsWith('/api/auth/logout')) await openSessions();
    return response;
  };

  const me = async () => {
    const found = {} as Record<DemoActor, Actor>;
    for (const actor of Object.keys(accounts)) found[actor] = (await send({ actor, method: 'GET', url: '/api/auth/me', headers: {}, body: null, summary: '' })).json();
    return found;
  };
  const holder = (found: Record<DemoActor, Actor>, what: string, test: (g: Grant) => boolean) =>
    Object.keys(found).find((actor) => found[actor]!.grants.some(test)) ?? (() => { throw new Error(`no demo account is ${what}`); })();
  const before = await me();
  const designation = await buildDesignation(database, {
    ministry: holder(before, 'a ministry officer', (g) => g.role === 'ministry_officer'),
    officers: {
      gwangmyeong: holder(before, 'the officer of 31060', (g) => g.role === 'city_officer' && g.cityCode === '31060'),
      suncheon: holder(before, 'the officer of 36030', (g) => g.role === 'city_officer' && g.cityCode === '36030'),
    },
    reviewer: roleActor('reviewer'),
    consultant: roleActor('consultant'),
    send,
    actorOf: (actor) => before[actor]!,
  });
  // Read again: the ministry's appointments gave the reviewer and the consultant their roles.
  const grants = { anonymous: [] } as unknown as Record<ActorName, Grant[]>;
  for (const [actor, found] of Object.entries(await me())) grants[actor] = found.grants;

  const staffInstitution = grants.staff?.[0]?.institutionId;
  if (!staffInstitution) throw new Error('staff@example.com has no institution');
  const found = await places(database, staffInstitution);
  const gwangmyeong: Place = { ...found.gwangmyeong, designation: designation.gwangmyeong };
  const suncheon: Place = { ...found.suncheon, designation: designation.suncheon };
  const draft = (mine: boolean) => one<{ id: number }>(database, sql`
    SELECT min(id) AS id FROM programs WHERE status = 'draft' AND (institution_id = ${staffInstitution}) = ${mine} HAVING min(id) IS NOT NULL`,
  `draft program ${mine ? 'of' : 'outside'} the staff account's institution`);
  const drafts = { ownInstitution: (await draft(true)).id, otherInstitution: (await draft(false)).id };

  // Belongings use programs that no place names, so acting on a place never touches them.
  const spare = await rows<{ id: number }>(database.db, sql`
    SELECT id FROM programs WHERE status = 'published' AND id NOT IN (${gwangmyeong.program}, ${suncheon.program}) ORDER BY id LIMIT 2`);
  const closed = await rows<{ id: number }>(database.db, sql`SELECT id FROM programs WHERE status = 'closed' ORDER BY id LIMIT 2`);
  if (spare.length < 2 || closed.length < 2) throw new Error('The seeded database has too few programs for the security tests.');
  const grantee = (await one<{ id: number }>(database, sql`
    SELECT min(p.id) AS id FROM people p WHERE p.email LIKE 'resident.%' AND NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.person_id = p.id)`, 'person without roles')).id;
  const strangerId = (await one<{ id: number }>(database, sql`
    SELECT max(p.id) AS id FROM people p WHERE p.email LIKE 'resident.%' AND p.id <> ${grantee}`, 'generated resident')).id;
  const belongings = {} as Record<DemoActor, Belongings>;
  for (const actor of Object.keys(accounts)) {
    belongings[actor] = await giveBelongings(database, personOf(actor), { enrolled: spare[0]!.id, completed: closed[0]!.id });
  }
  const stranger = await giveBelongings(database, strangerId, { enrolled: spare[1]!.id, completed: closed[1]!.id });
  const certificate = (await one<{ id: string }>(database, sql`SELECT min(id::text) AS id FROM certificates HAVING min(id::text) IS NOT NULL`, 'certificate')).id;

  const programScopes = new Map((await rows<{ id: number; institutionId: number; cityCode: string }>(database.db, sql`
    SELECT id, institution_id AS "institutionId", city_code AS "cityCode" FROM programs
    WHERE id IN (${sql.join([gwangmyeong.program, suncheon.program, drafts.ownInstitution, drafts.otherInstitution, ...spare.map((p) => p.id), ...closed.map((p) => p.id)].map((id) => sql`${id}`), sql`, `)})`))
    .map(({ id, ...scope }) => [id, scope]));
  const target = (label: string, place: Place, program: number, owner: Belongings): Target => ({
    label, place, program, draft: program === drafts.ownInstitution || program === drafts.otherInstitution, programScope: programScopes.get(program)!, belongings: owner,
  });
  const ownPlace = target('Gwangmyeong', gwangmyeong, gwangmyeong.program, belongings.staff!);
  // Drafts of the designation process: the place's own ids but for the call, or the application, the path names.
  const draftCall: Target = { ...ownPlace, label: 'a draft call', draft: true, place: { ...gwangmyeong, designation: { ...gwangmyeong.designation, call: designation.draftCall } } };
  const draftApplication: Target = {
    ...ownPlace, label: 'a draft application of Gwangmyeong', draft: true,
    place: { ...gwangmyeong, designation: { ...gwangmyeong.designation, application: designation.draftApplication } },
  };
  const targets = [
    ownPlace,
    target('Suncheon', suncheon, suncheon.program, stranger),
    target('a draft of the staff account\'s institution', gwangmyeong, drafts.ownInstitution, belongings.resident!),
    target('a draft of another institution', suncheon, drafts.otherInstitution, belongings.admin!),
    // The programs people hold places in and completed, for the routes about one's own enrolment and rating.
    ...[...Object.values(belongings), stranger].flatMap((b) => [
      target('an enrolment', gwangmyeong, b.enrolledProgram, b),
      target('a completed program', suncheon, b.completedProgram, b),
    ]),
    draftCall,
    draftApplication,
  ];

  const world: World = {
    app, database, operations, actors, grants, gwangmyeong, suncheon, drafts, belongings, stranger, grantee, certificate, targets, send,
    colleague: colleagues.spare, invitation: colleagues.invitation,
    personOf: (actor) => (actor === 'anonymous' ? null : personOf(actor)),
    homeCityOf: (actor) => people.find((p) => p.email === accounts[actor as DemoActor])?.homeCityCode ?? null,
    nowhere: { ...targets[0]!, label: 'a city that does not exist (00000)', place: { ...gwangmyeong, name: 'nowhere', city: '00000' }, missing: true },
    designation, draftCall, draftApplication,
    withBelongings: (base, owner, program = base.program) => ({ ...base, belongings: owner, program, programScope: programScopes.get(program) ?? base.programScope }),
    async takeWrites() {
      const written = await rows<{ name: string }>(database.db, sql`
        SELECT DISTINCT table_name || ' (' || lower(operation) || ')' AS name FROM fuzz_writes
        WHERE table_name <> ALL(${sql`ARRAY[${sql.join(WRITES_ALLOWED_WHEN_REFUSED.map((t) => sql`${t}`), sql`, `)}]::text[]`}) ORDER BY 1`);
      await database.db.execute(sql`DELETE FROM fuzz_writes`);
      return written.map((w) => w.name);
    },
    async settle() {
      for (let waited = 0; waited < 120_000; waited += 20) {
        const [running] = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM jobs WHERE status = 'running'`);
        if (!running?.n) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('A background job was still running after 2 minutes.');
    },
  };
  await world.takeWrites();
  return world;
}

// ---------------------------------------------------------------------------------------------------
// Valid requests

/**
 * The value of a path parameter for a target: by the path segment before it, then by its name; else what its
 * schema gives (a route about things this file does not know yet is still fuzzed, but the access matrix needs
 * a real id here to say anything about who may reach them).
 */
export function pathValue(operation: Operation, name: string, target: Target, world: World): string {
  const segment = new RegExp(`/([^/{}]+)/\\{${name}\\}`).exec(operation.path)?.[1];
  const { place, belongings } = target;
  const { call, application, assignment, consulting } = place.designation;
  const byName: Record<string, unknown> = { code: place.city, provinceCode: provinceOfCity(place.city), year: place.year, level: 'provinces', sessionNo: 1 };
  const bySegment: Record<string, unknown> = {
    cities: place.city,
    municipalities: place.city,
    dongs: place.dong,
    programs: target.program,
    institutions: place.institution,
    committees: place.committee,
    'committee-members': place.member,
    'committee-meetings': place.meeting,
    ordinances: place.ordinance,
    'staff-trainings': place.training,
    events: place.event,
    people: world.grantee,
    colleagues: world.colleague,
    invitations: world.invitation.id,
    jobs: belongings.job,
    certificates: world.certificate,
    wishes: belongings.wish,
    // A call is named by its year (/calls/{year}) or by its id (/calls/{callId}).
    calls: name === 'callId' ? call.id : call.year,
    applications: application.id,
    attachments: application.attachment,
    versions: 1,
    reviews: assignment.id,
    reviewers: assignment.reviewerId,
    provinces: provinceOfCity(place.city),
    consultings: consulting.id,
    milestones: world.designation.milestone,
  };
  const schema = operation.pathParams.find((p) => p.name === name)?.schema ?? {};
  return String((segment ? bySegment[segment] : undefined) ?? byName[name] ?? exampleOf(schema));
}

/** Real ids and codes, the target's first, for body and query fields that name things. */
export function knownValues(target: Target, world: World): KnownValues {
  const both = <T>(pick: (p: Place) => T) => [pick(target.place), pick(target.place === world.suncheon ? world.gwangmyeong : world.suncheon)];
  const { designation } = target.place;
  return {
    institutionId: both((p) => p.institution),
    venueId: both((p) => p.venue).filter((v) => v !== null),
    committeeId: both((p) => p.committee),
    cityCode: both((p) => p.city),
    dongCode: both((p) => p.dong),
    homeDongCode: both((p) => p.dong),
    callId: [designation.call.id],
    reviewerId: both((p) => p.designation.assignment.reviewerId),
    // Only the consultant the place's consulting already has: assigning another would change whom the later requests are about.
    consultantId: [designation.consulting.consultantId],
    rubricItemId: [world.designation.rubricItem],
    '#keys': [...performanceAreas, ...infrastructureDimensions],
  };
}

/**
 * Query parameters an example request carries: the required ones (from their schema, real ids first), and where
 * who may ask depends on what is asked for, what the access matrix asks.
 */
const queryExamples: Record<string, (target: Target) => [string, string][]> = {
  // A city's consulting years: its officers, its province's and the ministry may list them.
  'GET /api/designation/consultings': (t) => [['city', t.place.city]],
};

export function exampleQuery(operation: Operation, target: Target, world: World): [string, string][] {
  const known = knownValues(target, world);
  const required = operation.query.filter((p) => p.required).map((p): [string, string] => [p.name, wireValue(exampleOf(p.schema, known, p.name))]);
  return [...required, ...(queryExamples[operation.key]?.(target) ?? [])];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const literacy = programSubcategories.entries.find((s) => s.area === 'basic_literacy')!.code;
let signups = 0;

/** A valid example body made of these fields only (not merged into the example the schema gives). */
const ONLY = Symbol('only these fields');
const only = (fields: Record<string, unknown>) => ({ ...fields, [ONLY]: true });
const pdf = (): WireBody => ({ contentType: 'application/octet-stream', payload: samplePdf(), label: 'a PDF' });

/**
 * Where the example the schema gives is not enough to get past the route's own checks (a matching pair,
 * an order of times, a unique email, a workbook): the fields to set, or a whole body (`undefined` removes a field).
 */
const bodyExamples: Record<string, (target: Target, world: World) => Record<string, unknown> | WireBody> = {
  'POST /api/auth/signup': () => ({ email: `signup.${process.pid}.${(signups += 1)}@example.com`, password: 'Quiet-Harbor-Lantern-58!', displayName: '새 학습자', birthYear: 1990 }),
  'POST /api/auth/login': () => ({ email: demoAccounts.resident, password: DEMO_PASSWORD }),
  'POST /api/people/{id}/roles': (t) => ({ role: 'city_officer', cityCode: t.place.city, institutionId: undefined }),
  'POST /api/programs': () => ({
    area: 'basic_literacy', subcategory: literacy, targetGroups: ['all'], mode: 'in_person', status: 'published', startsOn: '2027-03-02',
    weekdays: ['tue'], startTime: '10:00', endTime: '12:00', enrolmentOpensOn: '2027-02-01', enrolmentClosesOn: '2027-02-28', minAge: 0, maxAge: 120,
  }),
  'PUT /api/programs/{id}/sessions/{sessionNo}/attendance': () => ({ present: [], absent: [] }),
  'POST /api/indicators/weights': () => ({ groupWeights: { [performanceAreas[0]!]: 1 }, indicatorWeights: undefined }),
  'POST /api/cities/{code}/annual-report': () => ({ year: yearInKorea() - 1, format: 'xlsx' }),
  'POST /api/national/report': () => ({ year: yearInKorea() - 1, format: 'xlsx' }),
  'POST /api/cities/{code}/record/import': () => ({ contentType: XLSX, payload: Buffer.from('PK not a workbook'), label: 'not a workbook' }),
  // A file with the header only: checked and reported, nothing written.
  'POST /api/institutions/{id}/office/programs/import': () => ({ contentType: 'text/csv', payload: Buffer.from('기관 프로그램 번호,제목\r\n'), label: 'a CSV without rows' }),
  'POST /api/me/wishes': () => ({ area: 'basic_literacy', subcategory: literacy }),
  'POST /api/cities/{code}/events': () => ({ startsOn: '2026-05-01', endsOn: '2026-05-02' }),
  // A call for a year no call has (the draft's year is the first free one after this year's).
  'POST /api/designation/calls': (_, world) => callExample(world.designation.draftCall.year + 1),
  'PATCH /api/designation/calls/{year}': () => only({ version: 1, noticeKo: '공고문을 고칩니다.' }),
  // Appointing again the reviewer who is not an actor only updates their details.
  'POST /api/designation/experts': () => ({ email: otherExperts.reviewer.email, kind: 'reviewer', worksInProvinceCode: null }),
  'PUT /api/designation/provinces/{provinceCode}/calls/{callId}/ranking': (t) => ({ applicationIds: [t.place.designation.application.id] }),
  'POST /api/designation/applications/{id}/attachments': pdf,
  'PUT /api/designation/consultings/{id}/milestones/{kind}/file': pdf,
  'POST /api/cities/{code}/grants/{id}/spending-reports/{reportId}/documents': pdf,
  // A real link's secret: looking at an invitation changes nothing (accepting one would give the actor a role, so it gets none).
  'POST /api/invitations/preview': (_, world) => ({ token: world.invitation.token }),
};

export function exampleBody(operation: Operation, target: Target, world: World): WireBody | null {
  const override = bodyExamples[operation.key]?.(target, world);
  if (override && 'payload' in override) return override as WireBody;
  if (!operation.body) return isUnsafe(operation.method) && override ? jsonBody(override) : null;
  const base = override && ONLY in override ? {} : exampleOf(operation.body, knownValues(target, world)) as Record<string, unknown>;
  const merged = Object.fromEntries(Object.entries({ ...base, ...override }).filter(([, v]) => v !== undefined));
  return jsonBody(merged, 'valid example');
}

/** A request the route should accept from someone allowed to make it. */
export function exampleRequest(operation: Operation, actor: ActorName, target: Target, world: World): FuzzRequest {
  const values = Object.fromEntries(operation.pathParams.map((p) => [p.name, encodeURIComponent(pathValue(operation, p.name, target, world))]));
  return {
    actor,
    method: operation.method,
    url: buildUrl(operation.path, values, exampleQuery(operation, target, world)),
    headers: {},
    body: exampleBody(operation, target, world),
    summary: 'valid example',
  };
}
