/**
 * Who may do what, for every operation of /api/openapi.json × every role × the thing's owner (their own
 * city, institution, program or belongings, and someone else's). The expected outcome is written once per
 * route, below, as what the product should do; who passes a permission comes from the one matrix,
 * `can()` in src/shared/permissions.ts, for each demo account's grants. A route without a rule here
 * fails the first test: say who may use it before it ships.
 *
 * Allowed: any answer but 401/403 (and not 404 for a draft its viewer may see), and never ≥ 500.
 * Refused: 401 for anonymous visitors, 403 for others, 404 where the product hides that the thing exists
 * (someone else's job, wish, enrolment or rating; an unpublished program); and nothing written.
 * Under a city that does not exist (00000), whoever may act there gets 404.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { can, type Permission, type Scope } from '../../src/shared/permissions.ts';
import { testEngine } from '../support/database.ts';
import { testApp } from '../support/app.ts';
import { curlLine, isUnsafe } from './openapi-arbitraries.ts';
import { actorNames, exampleRequest, openWorld, type ActorName, type Belongings, type Target, type World } from './security-world.ts';

/** Whose thing the path names, for permissions: the city, the institution, or the institution running the program. */
type ScopeOf = 'city' | 'institution' | 'program' | 'none';
/** Things a person owns and only they reach. */
type Belonging = 'wish' | 'job' | 'enrolment' | 'completion';

type Rule =
  /** Anyone, logged in or not. */
  | { public: true; program?: true }
  /** Anyone logged in (`few`: a document that costs seconds of work, tried only as anonymous and as one logged-in person). */
  | { login: true; program?: true; few?: true }
  /** Anyone logged in, about their own things; someone else's is refused with `others`. */
  | { self: Belonging; others: 403 | 404 }
  /** Whoever the permission matrix allows for the scope of the thing. */
  | { permission: Permission; scope: ScopeOf; program?: true };
// `program: true`: the path names a program, and a draft is 404 to everyone but its institution's staff and administrators.

const anyone = { public: true } as const;
const loggedIn = { login: true } as const;
const cityRecord = (verb: 'view' | 'update') => ({ permission: `city.record.${verb}` as const, scope: 'city' as const });
const cityAnalysis = { permission: 'city.analysis.view', scope: 'city' } as const;
const manageProgram = { permission: 'program.manage', scope: 'program', program: true } as const;
/** The lists of a city's record: read by whoever may see the record, changed by whoever may update it. */
const recordList = (base: string, read: Rule = cityRecord('view')): Record<string, Rule> => ({
  [`GET ${base}`]: read,
  [`POST ${base}`]: cityRecord('update'),
  [`PATCH ${base}/{id}`]: cityRecord('update'),
  [`DELETE ${base}/{id}`]: cityRecord('update'),
});

const rules: Record<string, Rule> = {
  'GET /api/health': anyone,
  'GET /api/jobs/{id}': { self: 'job', others: 404 },
  'GET /api/jobs/{id}/result': { self: 'job', others: 404 },
  // Issue 8, finding 3: a spreadsheet is heavy work; only people who are logged in may ask for one.
  'POST /api/exports/table.xlsx': loggedIn,

  'GET /api/geography/provinces': anyone,
  'GET /api/geography/municipalities': anyone,
  'GET /api/geography/municipalities/{code}': anyone,
  'GET /api/geography/dongs': anyone,
  'GET /api/geography/dongs/{code}': anyone,
  'GET /api/geography/boundaries/{level}': anyone,

  'POST /api/auth/signup': anyone,
  'POST /api/auth/password-strength': anyone,
  'POST /api/auth/login': anyone,
  'POST /api/auth/logout': anyone,
  'GET /api/auth/me': loggedIn,
  'GET /api/people': { permission: 'people.list', scope: 'none' },
  'POST /api/people/{id}/roles': { permission: 'role.grant', scope: 'none' },

  'GET /api/cities': anyone,
  'GET /api/cities/designations-by-year': anyone,
  'GET /api/cities/{code}': anyone,
  'PATCH /api/cities/{code}/profile': { permission: 'city.profile.update', scope: 'city' },
  'POST /api/cities/{code}/designations': { permission: 'designation.record', scope: 'city' },
  // Designation: the yearly call (slice A).
  'GET /api/designation/calls': anyone,
  'POST /api/designation/calls': { permission: 'designation.call.manage', scope: 'none' },
  'GET /api/designation/calls/{year}': anyone,
  'PATCH /api/designation/calls/{year}': { permission: 'designation.call.manage', scope: 'none' },
  'PUT /api/designation/calls/{year}/rubric': { permission: 'designation.call.manage', scope: 'none' },
  'POST /api/designation/calls/{year}/publish': { permission: 'designation.call.manage', scope: 'none' },
  'GET /api/designation/calls/{year}/eligibility/{code}': anyone,
  'GET /api/designation/cities/{code}/call': anyone,
  'GET /api/designation/experts': { permission: 'designation.call.manage', scope: 'none' },
  'POST /api/designation/experts': { permission: 'designation.call.manage', scope: 'none' },

  'GET /api/institutions': anyone,
  'GET /api/institutions/{id}': anyone,
  'PATCH /api/institutions/{id}': { permission: 'institution.update', scope: 'institution' },

  'GET /api/programs': anyone,
  'POST /api/programs': { permission: 'program.create', scope: 'institution' },
  // Issue 8, finding 4: one visibility rule for unpublished programs on every read path.
  'GET /api/programs/{id}': { public: true, program: true },
  'GET /api/programs/{id}/similar': { public: true, program: true },
  'GET /api/programs/{id}/calendar.ics': { public: true, program: true },
  'GET /api/programs/{id}/satisfaction': { public: true, program: true },
  'POST /api/programs/{id}/enrolment': { login: true, program: true },
  'GET /api/programs/{id}/enrolment': { self: 'enrolment', others: 404 },
  'DELETE /api/programs/{id}/enrolment': { self: 'enrolment', others: 404 },
  'GET /api/programs/{id}/roster': manageProgram,
  'PUT /api/programs/{id}/sessions/{sessionNo}/attendance': manageProgram,
  'PUT /api/programs/{id}/completion-rule': manageProgram,
  'POST /api/programs/{id}/completion': manageProgram,
  // Only those who completed a program rate it: the product refuses others with 403 (not_completed).
  'PUT /api/programs/{id}/rating': { self: 'completion', others: 403 },
  'GET /api/programs/{id}/rating': { self: 'completion', others: 404 },
  'GET /api/institutions/{id}/satisfaction': anyone,

  // A certificate is public by design: its holder shares the link, and anyone may verify one.
  'GET /api/certificates/{id}': anyone,
  'POST /api/certificates/verify': anyone,
  'GET /api/issuer': anyone,
  'GET /api/me/learning': loggedIn,
  'GET /api/me/learning/export.json': loggedIn,
  // Seconds of CPU per PDF (4–5 s measured while issue 8 was worked on): every logged-in role is alike for it, so one is tried.
  'GET /api/me/learning/export.pdf': { login: true, few: true },

  ...recordList('/api/cities/{code}/record/committees'),
  ...recordList('/api/cities/{code}/record/committee-members'),
  ...recordList('/api/cities/{code}/record/committee-meetings'),
  ...recordList('/api/cities/{code}/record/ordinances'),
  ...recordList('/api/cities/{code}/record/staff-trainings'),
  // A city's learning events are public (residents attend them); changing them is the record's.
  ...recordList('/api/cities/{code}/events', anyone),
  'GET /api/cities/{code}/record/years': cityRecord('view'),
  'GET /api/cities/{code}/record/years/{year}': cityRecord('view'),
  'PUT /api/cities/{code}/record/years/{year}': cityRecord('update'),
  'GET /api/cities/{code}/record/changes': cityRecord('view'),
  'GET /api/cities/{code}/record/export.xlsx': cityRecord('view'),
  'POST /api/cities/{code}/record/import': cityRecord('update'),

  'GET /api/indicators/definitions': anyone,
  'GET /api/cities/{code}/indicators': cityAnalysis,
  'POST /api/cities/{code}/indicators/recompute': cityAnalysis,
  'GET /api/indicators/national': { permission: 'indicators.national.view', scope: 'none' },
  // The index's weights are public methodology; setting them is the ministry's.
  'GET /api/indicators/weights': anyone,
  'POST /api/indicators/weights': { permission: 'index.weights.update', scope: 'none' },

  // One's own inbox: the queries are bound to the person, so marking someone else's ids read changes nothing.
  'GET /api/me/notifications': loggedIn,
  'GET /api/me/notifications/unread': loggedIn,
  'POST /api/me/notifications/read': loggedIn,

  'GET /api/me/wishes': loggedIn,
  'POST /api/me/wishes': loggedIn,
  'DELETE /api/me/wishes/{id}': { self: 'wish', others: 404 },
  'GET /api/cities/{code}/demand': cityAnalysis,
  'GET /api/cities/{code}/access': cityAnalysis,

  'GET /api/cities/{code}/copies/summary': cityAnalysis,
  'GET /api/cities/{code}/copies/institutions': cityAnalysis,
  'GET /api/cities/{code}/copies/pairs': cityAnalysis,
  'GET /api/institutions/{id}/copies': { permission: 'program.copies.view', scope: 'institution' },
  'POST /api/institutions/{id}/copies/check': { permission: 'program.copies.view', scope: 'institution' },
  // The national comparison: the analysis permission with no city, which only those who see every city have.
  'POST /api/copies/runs': { permission: 'city.analysis.view', scope: 'none' },
  'GET /api/copies/runs': { permission: 'city.analysis.view', scope: 'none' },
  'POST /api/cities/{code}/annual-report': cityAnalysis,
};

type Outcome = 'allowed' | 401 | 403 | 404;

const t = await testApp();
const world: World = await openWorld(t.app, t.database);
afterAll(() => t.close());

/** The things a rule is checked against: the two places (and drafts, for programs), or one's own and someone else's. */
function targetsOf(rule: Rule, actor: ActorName, hasPath: boolean, underCity: boolean): Target[] {
  const [gwangmyeong, suncheon, ownDraft, otherDraft] = world.targets as [Target, Target, Target, Target];
  if ('self' in rule) {
    const own = world.belongings[actor] ?? world.stranger;
    const program = (b: Belongings) => (rule.self === 'enrolment' ? b.enrolledProgram : rule.self === 'completion' ? b.completedProgram : undefined);
    return [
      { ...world.withBelongings(gwangmyeong, own, program(own)), label: 'their own' },
      { ...world.withBelongings(gwangmyeong, world.stranger, program(world.stranger)), label: 'someone else\'s' },
    ];
  }
  const places = !hasPath || ('permission' in rule && rule.scope === 'none') ? [gwangmyeong] : [gwangmyeong, suncheon];
  return [...places, ...(rule.program ? [ownDraft, otherDraft] : []), ...(underCity ? [world.nowhere] : [])];
}

function scopeOf(scope: ScopeOf, target: Target): Scope {
  switch (scope) {
    case 'city': return { cityCode: target.place.city };
    case 'institution': return { institutionId: target.place.institution, cityCode: target.place.city };
    case 'program': return target.programScope;
    case 'none': return {};
  }
}

/** Who may act there; about a city that does not exist, they learn that it does not (404, issue 8 finding 6). */
function expectedOutcome(rule: Rule, actor: ActorName, target: Target): Outcome {
  const outcome = permitted(rule, actor, target);
  return outcome === 'allowed' && target.missing ? 404 : outcome;
}

function permitted(rule: Rule, actor: ActorName, target: Target): Outcome {
  const grants = world.grants[actor] ?? [];
  const needsLogin = !('public' in rule);
  // Drafts are their institution's: the same people who manage its programs see them.
  if ('program' in rule && target.draft && !can(grants, 'program.manage', target.programScope)) return actor === 'anonymous' && needsLogin ? 401 : 404;
  if ('public' in rule) return 'allowed';
  if (actor === 'anonymous') return 401;
  if ('login' in rule) return 'allowed';
  if ('self' in rule) return target.belongings === world.belongings[actor] ? 'allowed' : rule.others;
  return can(grants, rule.permission, scopeOf(rule.scope, target)) ? 'allowed' : 403;
}

describe(`access matrix on ${testEngine()}`, () => {
  it('has a rule for every operation of the OpenAPI document, and none for operations that are gone', () => {
    const documented = world.operations.map((o) => o.key);
    expect({
      withoutRule: documented.filter((key) => !(key in rules)),
      ruleWithoutRoute: Object.keys(rules).filter((key) => !documented.includes(key)),
    }).toEqual({ withoutRule: [], ruleWithoutRoute: [] });
  });

  for (const operation of world.operations) {
    const rule = rules[operation.key];
    if (!rule) continue;
    it(operation.key, async () => {
      const mismatches: string[] = [];
      for (const actor of 'few' in rule ? ['anonymous', 'resident'] : actorNames) {
        for (const target of targetsOf(rule, actor, operation.pathParams.length > 0, /\/(cities|municipalities)\/\{code\}/.test(operation.path))) {
          const request = exampleRequest(operation, actor, target, world);
          const response = await world.send(request);
          const status = response.statusCode;
          if (status < 400 && isUnsafe(operation.method)) await world.settle();
          const writes = await world.takeWrites();
          const expected = expectedOutcome(rule, actor, target);
          const allowed = status < 500 && status !== 401 && status !== 403 && !(target.draft && status === 404);
          const wrong = expected === 'allowed' ? !allowed : status !== expected || writes.length > 0;
          if (wrong) {
            const said = (() => { try { const { error } = response.json(); return typeof error === 'string' ? ` ${error}` : ''; } catch { return ''; } })();
            mismatches.push(`${actor} → ${target.label}: expected ${expected === 'allowed' ? 'allowed (not 401/403)' : expected}, got ${status}${said}`
              + `${expected !== 'allowed' && writes.length ? ` and wrote to ${writes.join(', ')}` : ''}\n    ${curlLine(request)}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    }, 120_000);
  }
});
