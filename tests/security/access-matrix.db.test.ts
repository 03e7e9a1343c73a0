/**
 * Who may do what, for every operation of /api/openapi.json × every role × the thing's owner (their own
 * city, institution, program or belongings, and someone else's; a city's application, a reviewer's
 * assignment, a consulting year). The expected outcome is written once per route, below, as what the product
 * should do; who passes a permission comes from the one matrix, `can()` in src/shared/permissions.ts, for each
 * actor's grants, with the scope the services pass (`assigned`: whether the reviewer or consultant is the one
 * the ministry assigned). A route without a rule here fails the first test: say who may use it before it ships.
 *
 * Allowed: any answer but 401/403 (and not 404 for a draft its viewer may see), and never ≥ 500.
 * Refused: 401 for anonymous visitors, 403 for others, 404 where the product hides that the thing exists
 * (someone else's job, wish, enrolment or rating; an unpublished program; a call being prepared; an
 * application, assignment or consulting year the caller may not see); and nothing written.
 * Under a city that does not exist (00000), whoever may act there gets 404.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { can, provinceOfCity, type Grant, type Permission, type Scope } from '../../src/shared/permissions.ts';
import { testEngine } from '../support/database.ts';
import { testApp } from '../support/app.ts';
import { curlLine, isUnsafe } from './openapi-arbitraries.ts';
import { exampleQuery, exampleRequest, openWorld, type ActorName, type Belongings, type Target, type World } from './security-world.ts';

/**
 * Whose thing the path names, for permissions: the city, the institution, the institution running the program,
 * the city's 시·도 (province officers), the place's application (its city and province, and whether the acting
 * reviewer or consultant is assigned to it), a reviewer's assignment (whether it is the actor's), the city's
 * consulting year (its city, and whether the actor is its consultant), one's own assignments (`mine`), or nothing.
 */
type ScopeOf = 'city' | 'institution' | 'program' | 'province' | 'application' | 'assignment' | 'consulting' | 'mine' | 'none';
/** Things a person owns and only they reach. */
type Belonging = 'wish' | 'job' | 'enrolment' | 'completion';

type Rule =
  /** Anyone, logged in or not. */
  | { public: true; program?: true; call?: true }
  /** Anyone logged in (`few`: a document that costs seconds of work, tried only as anonymous and as one logged-in person). */
  | { login: true; program?: true; few?: true }
  /** Anyone logged in whose account says they live in the city of the path (residents' proposals); others 403. */
  | { resident: true }
  /** Anyone logged in, about their own things; someone else's is refused with `others`. */
  | { self: Belonging; others: 403 | 404 }
  /**
   * Whoever the permission matrix allows for the scope of the thing. With `seen`, whoever holds none of those
   * permissions there is not told the thing exists (404, as for an id that does not exist), and the others
   * without `permission` get 403.
   */
  | { permission: Permission; scope: ScopeOf; program?: true; seen?: Permission[] };
// `program: true`: the path names a program, and a draft is 404 to everyone but its institution's staff and administrators.
// `call: true`: the path names a call, and one still being prepared is 404 to everyone but those who manage calls.

const anyone = { public: true } as const;
const loggedIn = { login: true } as const;
const cityRecord = (verb: 'view' | 'update') => ({ permission: `city.record.${verb}` as const, scope: 'city' as const });
const cityAnalysis = { permission: 'city.analysis.view', scope: 'city' } as const;
const manageProgram = { permission: 'program.manage', scope: 'program', program: true } as const;
const manageColleagues = { permission: 'institution.colleagues.manage', scope: 'institution' } as const;
const viewAgreements = { permission: 'network.agreements.view', scope: 'institution' } as const;
const manageAgreements = { permission: 'network.agreements.manage', scope: 'institution' } as const;
const offerResources = { permission: 'network.resources.manage', scope: 'institution' } as const;
const bookResources = { permission: 'network.resources.book', scope: 'institution' } as const;
/** A permission with no place: only those who hold it everywhere (the ministry, administrators). */
const national = (permission: Permission): Rule => ({ permission, scope: 'none' });
const manageCalls = national('designation.call.manage');
/** A route that looks the application up first: 404 to whoever may not see it, 403 to whoever may but not do this. */
const onApplication = (permission: Permission): Rule => ({ permission, scope: 'application', seen: ['designation.application.view'] });
/** A reviewer's assignment: hidden from all but its reviewer and those who see every review (who are not its reviewer: 403). */
const onAssignment: Rule = { permission: 'designation.review.score', scope: 'assignment', seen: ['designation.review.score', 'designation.review.view'] };
/** A reviewer's evaluation assignment: hidden from everyone but its reviewer (the world's review assignment stands in for it). */
const onEvaluationAssignment: Rule = { permission: 'evaluation.review.score', scope: 'assignment', seen: ['evaluation.review.score'] };
/** A consulting year: 404 to whoever may not see it, 403 to whoever may but not do this. */
const onConsulting = (permission: Permission): Rule => ({ permission, scope: 'consulting', seen: ['designation.consulting.view'] });
/** The lists of a city's record: read by whoever may see the record, changed by whoever may update it. */
const recordList = (base: string, read: Rule = cityRecord('view')): Record<string, Rule> => ({
  [`GET ${base}`]: read,
  [`POST ${base}`]: cityRecord('update'),
  [`PATCH ${base}/{id}`]: cityRecord('update'),
  [`DELETE ${base}/{id}`]: cityRecord('update'),
});

/** A voucher programme's routes, the same for the national one and a city's own; `manage` is its funder's officers. */
const voucherRoutes = (base: string, manage: Rule): Record<string, Rule> => ({
  [`GET ${base}`]: anyone,
  [`GET ${base}/draw`]: anyone,
  [`POST ${base}/application`]: loggedIn,
  [`GET ${base}/application`]: loggedIn,
  [`PUT ${base}`]: manage,
  [`GET ${base}/applications`]: manage,
  [`POST ${base}/applications/{applicationId}/decision`]: manage,
  [`GET ${base}/applications/{applicationId}/document`]: manage,
  [`POST ${base}/draw`]: manage,
  [`POST ${base}/issue`]: manage,
  [`GET ${base}/statistics`]: manage,
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
  'POST /api/auth/password-reset': anyone,
  'POST /api/auth/password-reset/preview': anyone,
  'POST /api/auth/password-reset/confirm': anyone,
  'POST /api/auth/logout': anyone,
  'GET /api/auth/me': loggedIn,
  'PUT /api/me/phone': loggedIn,
  'GET /api/people': { permission: 'people.list', scope: 'none' },
  'POST /api/people/{id}/roles': { permission: 'role.grant', scope: 'none' },

  'GET /api/cities': anyone,
  'GET /api/cities/designations-by-year': anyone,
  'GET /api/cities/{code}': anyone,
  'PATCH /api/cities/{code}/profile': { permission: 'city.profile.update', scope: 'city' },
  'POST /api/cities/{code}/designations': { permission: 'designation.record', scope: 'city' },
  // Designation: the yearly call (slice A). Anyone reads a published call and who may apply to it.
  'GET /api/designation/calls': anyone,
  'POST /api/designation/calls': manageCalls,
  'GET /api/designation/calls/{year}': { public: true, call: true },
  'PATCH /api/designation/calls/{year}': manageCalls,
  'PUT /api/designation/calls/{year}/rubric': manageCalls,
  'POST /api/designation/calls/{year}/publish': manageCalls,
  'GET /api/designation/calls/{year}/eligibility/{code}': { public: true, call: true },
  'GET /api/designation/cities/{code}/call': anyone,
  'GET /api/designation/experts': manageCalls,
  'POST /api/designation/experts': manageCalls,
  // Applications and the province's endorsement (slice B). A city's applications are its officers', its province's,
  // the ministry's and (once assigned) its reviewers'; a draft is its officers' alone.
  'GET /api/cities/{code}/designation/open-call': { permission: 'designation.application.view', scope: 'city' },
  'GET /api/cities/{code}/designation/applications': { permission: 'designation.application.view', scope: 'city' },
  'POST /api/cities/{code}/designation/applications': { permission: 'designation.application.edit', scope: 'city' },
  'GET /api/designation/applications/{id}': onApplication('designation.application.view'),
  'PUT /api/designation/applications/{id}/content': onApplication('designation.application.edit'),
  'GET /api/designation/applications/{id}/versions': onApplication('designation.application.view'),
  'GET /api/designation/applications/{id}/versions/{version}': onApplication('designation.application.view'),
  'POST /api/designation/applications/{id}/submit': onApplication('designation.application.edit'),
  'POST /api/designation/applications/{id}/withdraw': onApplication('designation.application.edit'),
  'POST /api/designation/applications/{id}/attachments': onApplication('designation.application.edit'),
  'GET /api/designation/applications/{id}/attachments/{attachmentId}': onApplication('designation.application.view'),
  'DELETE /api/designation/applications/{id}/attachments/{attachmentId}': onApplication('designation.application.edit'),
  'POST /api/designation/applications/{id}/endorse': onApplication('designation.application.endorse'),
  'POST /api/designation/applications/{id}/return': onApplication('designation.application.endorse'),
  'GET /api/designation/provinces/{provinceCode}/calls': { permission: 'designation.application.view', scope: 'province' },
  'GET /api/designation/provinces/{provinceCode}/applications': { permission: 'designation.application.view', scope: 'province' },
  'PUT /api/designation/provinces/{provinceCode}/calls/{callId}/ranking': { permission: 'designation.application.endorse', scope: 'province' },
  // The re-designation evaluation (issue 12): the frame and the rounds are the ministry's; a city's evaluation its officers',
  // the ministry's and its assigned reviewers'; a reviewer's evaluation assignment is theirs alone (404 to everyone else).
  'GET /api/evaluation/frames': national('evaluation.frame.manage'),
  'POST /api/evaluation/frames/{year}': national('evaluation.frame.manage'),
  'GET /api/evaluation/frames/{year}': national('evaluation.frame.manage'),
  'PUT /api/evaluation/frames/{year}': national('evaluation.frame.manage'),
  'GET /api/evaluation/cohorts/{year}': national('evaluation.round.manage'),
  'GET /api/evaluation/rounds': national('evaluation.round.manage'),
  'POST /api/evaluation/rounds/{year}': national('evaluation.round.manage'),
  'GET /api/evaluation/rounds/{year}': national('evaluation.round.manage'),
  'POST /api/evaluation/rounds/{year}/preliminary': national('evaluation.round.manage'),
  'POST /api/evaluation/rounds/{year}/finalise': national('evaluation.round.manage'),
  'GET /api/evaluation/rounds/{year}/cities/{code}/reviewers': national('evaluation.round.manage'),
  'POST /api/evaluation/rounds/{year}/cities/{code}/reviewers': national('evaluation.round.manage'),
  'GET /api/evaluation/cities/{code}/rounds': { permission: 'evaluation.city.view', scope: 'city' },
  'GET /api/evaluation/rounds/{year}/cities/{code}': { permission: 'evaluation.city.view', scope: 'city' },
  'PUT /api/evaluation/rounds/{year}/cities/{code}/self-assessments': { permission: 'evaluation.city.submit', scope: 'city' },
  'POST /api/evaluation/rounds/{year}/cities/{code}/evidence': { permission: 'evaluation.city.submit', scope: 'city' },
  'GET /api/evaluation/rounds/{year}/cities/{code}/evidence/{fileId}': { permission: 'evaluation.city.view', scope: 'city' },
  'POST /api/evaluation/rounds/{year}/cities/{code}/objection': { permission: 'evaluation.city.submit', scope: 'city' },
  'GET /api/evaluation/reviews': { permission: 'evaluation.review.score', scope: 'mine' },
  'GET /api/evaluation/reviews/{assignmentId}': onEvaluationAssignment,
  'PUT /api/evaluation/reviews/{assignmentId}/scores': onEvaluationAssignment,
  'POST /api/evaluation/reviews/{assignmentId}/submit': onEvaluationAssignment,
  'POST /api/evaluation/reviews/{assignmentId}/objection-answer': onEvaluationAssignment,
  // Review and decision (slice C). A reviewer sees only their own assignments; the ministry assigns, compares and decides.
  'GET /api/designation/reviews': { permission: 'designation.review.score', scope: 'mine' },
  'GET /api/designation/reviews/{assignmentId}': onAssignment,
  'PUT /api/designation/reviews/{assignmentId}/scores': onAssignment,
  'POST /api/designation/reviews/{assignmentId}/submit': onAssignment,
  'GET /api/designation/calls/{year}/review': national('designation.review.view'),
  'GET /api/designation/applications/{id}/reviews': national('designation.review.view'),
  'GET /api/designation/applications/{id}/reviewer-candidates': manageCalls,
  'POST /api/designation/applications/{id}/reviewers': manageCalls,
  'DELETE /api/designation/applications/{id}/reviewers/{reviewerId}': manageCalls,
  'POST /api/designation/applications/{id}/decision': national('designation.decide'),
  'POST /api/designation/calls/{year}/announce': national('designation.decide'),
  // The consulting year (slice D): the city uploads and submits, its consultant advises, the ministry assigns and decides.
  // The list is asked for a city (the example asks for the place's): its officers, its province's, the ministry.
  'GET /api/designation/consultings': { permission: 'designation.consulting.view', scope: 'city' },
  'GET /api/designation/consultings/candidates': manageCalls,
  // A deferred city's consulting (issue 12, item 7): opened by the ministry with its consultant.
  'POST /api/designation/consultings': manageCalls,
  'GET /api/designation/consultings/{id}': onConsulting('designation.consulting.view'),
  'POST /api/designation/consultings/{id}/consultant': onConsulting('designation.call.manage'),
  'GET /api/designation/consultings/{id}/milestones/{kind}/file': onConsulting('designation.consulting.view'),
  'PUT /api/designation/consultings/{id}/milestones/{kind}/file': onConsulting('designation.consulting.submit'),
  'POST /api/designation/consultings/{id}/milestones/{kind}/submit': onConsulting('designation.consulting.submit'),
  'POST /api/designation/consultings/{id}/milestones/{kind}/review': onConsulting('designation.consulting.advise'),
  'POST /api/designation/consultings/{id}/recommendation': onConsulting('designation.consulting.advise'),
  'POST /api/designation/consultings/{id}/decision': onConsulting('designation.decide'),
  // The log of every step (slice D): the ministry's.
  'GET /api/designation/log': national('designation.log.view'),
  'GET /api/designation/log.csv': national('designation.log.view'),
  'GET /api/designation/log.xlsx': national('designation.log.view'),

  'GET /api/institutions': anyone,
  'GET /api/institutions/{id}': anyone,
  'PATCH /api/institutions/{id}': { permission: 'institution.update', scope: 'institution' },
  // Colleagues (issue 10, item 2): every colleague sees who works there; its managers invite, change roles, revoke and read the log.
  'GET /api/institutions/{id}/colleagues': { permission: 'institution.colleagues.view', scope: 'institution' },
  'PATCH /api/institutions/{id}/colleagues/{personId}': manageColleagues,
  'DELETE /api/institutions/{id}/colleagues/{personId}': manageColleagues,
  'GET /api/institutions/{id}/colleague-log': manageColleagues,
  'GET /api/institutions/{id}/invitations': manageColleagues,
  'POST /api/institutions/{id}/invitations': manageColleagues,
  'DELETE /api/institutions/{id}/invitations/{invitationId}': manageColleagues,
  // The link is the invitation's proof: whoever holds it may look, and accept once logged in.
  'POST /api/invitations/preview': anyone,
  'POST /api/invitations/accept': loggedIn,

  // The instructor pool (issue 10, item 6): one's own profile and schedule; the pool of the institution's city; assigning on its own programs.
  'GET /api/me/instructor-profile': loggedIn,
  'PUT /api/me/instructor-profile': loggedIn,
  'GET /api/me/instructor-profile/history': loggedIn,
  'GET /api/me/teaching': loggedIn,
  'GET /api/me/teaching/calendar.ics': loggedIn,
  'GET /api/institutions/{id}/instructor-pool': { permission: 'instructors.pool.view', scope: 'institution' },
  'GET /api/institutions/{id}/instructor-pool/{profileId}': { permission: 'instructors.pool.view', scope: 'institution' },
  'GET /api/institutions/{id}/instructor-pool/{profileId}/history': { permission: 'instructors.pool.view', scope: 'institution' },
  'GET /api/programs/{id}/instructor-candidates': { permission: 'instructors.assign', scope: 'program', program: true },
  'GET /api/programs/{id}/instructor': { permission: 'instructors.assign', scope: 'program', program: true },
  'PUT /api/programs/{id}/instructor': { permission: 'instructors.assign', scope: 'program', program: true },
  'DELETE /api/programs/{id}/instructor': { permission: 'instructors.assign', scope: 'program', program: true },

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
  // The lottery and offline applications (issue 15, item 3): its rules, commitment and result are public; one's own
  // application is one's own; setting it up, the applicants and the draw are the institution's, as are applications taken at its desk.
  'GET /api/programs/{id}/lottery': { public: true, program: true },
  'GET /api/programs/{id}/lottery/result': { public: true, program: true },
  'POST /api/programs/{id}/lottery/application': { login: true, program: true },
  'GET /api/programs/{id}/lottery/application': { self: 'enrolment', others: 404 },
  'PUT /api/programs/{id}/lottery': manageProgram,
  'GET /api/programs/{id}/lottery/applicants': manageProgram,
  // Opening day (issue 15, item 2): a city's officers open registration; a ticket is only ever the caller's own.
  'POST /api/cities/{code}/registration-openings': { permission: 'city.openings.manage', scope: 'city' },
  'GET /api/cities/{code}/registration-openings': { permission: 'city.openings.manage', scope: 'city' },
  'GET /api/registration-openings/{id}/ticket': loggedIn,
  'POST /api/programs/{id}/lottery/draw': manageProgram,
  'POST /api/programs/{id}/offline-applications': { permission: 'program.applications.enter', scope: 'program', program: true },
  // The back office (issue 10): the institution's list, the editor, cancelling and copying.
  // The institutions' network (issue 10, items 4–5): each route acts for the institution in its path.
  'GET /api/institutions/{id}/agreements': viewAgreements,
  'POST /api/institutions/{id}/agreements': manageAgreements,
  'GET /api/institutions/{id}/agreements/{agreementId}': viewAgreements,
  'GET /api/institutions/{id}/agreements/{agreementId}/log': viewAgreements,
  'POST /api/institutions/{id}/agreements/{agreementId}/accept': manageAgreements,
  'POST /api/institutions/{id}/agreements/{agreementId}/withdraw': manageAgreements,
  'POST /api/institutions/{id}/agreements/{agreementId}/end': manageAgreements,
  'PUT /api/institutions/{id}/agreements/{agreementId}/document': manageAgreements,
  'GET /api/institutions/{id}/agreements/{agreementId}/document': viewAgreements,
  'GET /api/institutions/{id}/resources': offerResources,
  'POST /api/institutions/{id}/resources': offerResources,
  'PUT /api/institutions/{id}/resources/{resourceId}': offerResources,
  'GET /api/institutions/{id}/partner-resources': bookResources,
  'GET /api/institutions/{id}/resources/{resourceId}/bookings': bookResources,
  'GET /api/institutions/{id}/bookings': bookResources,
  'POST /api/institutions/{id}/bookings': bookResources,
  'POST /api/institutions/{id}/bookings/{bookingId}/cancel': bookResources,
  'GET /api/institutions/{id}/joint-programs': viewAgreements,
  'GET /api/institutions/{id}/partner-programs': anyone,
  'PUT /api/institutions/{id}/programs/{programId}/partners/{partnerId}': manageAgreements,
  'DELETE /api/institutions/{id}/programs/{programId}/partners/{partnerId}': manageAgreements,
  'GET /api/programs/{id}/partner-rooms': { public: true, program: true },
  'GET /api/cities/{code}/network': { permission: 'network.city.view', scope: 'city' },
  'GET /api/institutions/{id}/office/programs': { permission: 'program.manage', scope: 'institution' },
  'GET /api/programs/{id}/office': manageProgram,
  'PUT /api/programs/{id}': manageProgram,
  'POST /api/programs/{id}/cancellation': manageProgram,
  'POST /api/programs/{id}/copy': manageProgram,
  // Programs in and out as files (issue 10, item 3), and the API keys the institution's own systems do it with.
  'GET /api/institutions/{id}/office/programs/template': { permission: 'program.import', scope: 'institution' },
  'GET /api/institutions/{id}/office/programs/export': { permission: 'program.import', scope: 'institution' },
  'POST /api/institutions/{id}/office/programs/import': { permission: 'program.import', scope: 'institution' },
  'GET /api/institutions/{id}/office/programs/imports/{jobId}': { permission: 'program.import', scope: 'institution' },
  'GET /api/institutions/{id}/office/programs/imports/{jobId}/problems': { permission: 'program.import', scope: 'institution' },
  'GET /api/institutions/{id}/api-keys': { permission: 'institution.api_keys.manage', scope: 'institution' },
  'POST /api/institutions/{id}/api-keys': { permission: 'institution.api_keys.manage', scope: 'institution' },
  'DELETE /api/institutions/{id}/api-keys/{keyId}': { permission: 'institution.api_keys.manage', scope: 'institution' },
  'PUT /api/programs/{id}/sessions/{sessionNo}/attendance': manageProgram,
  'PUT /api/programs/{id}/completion-rule': manageProgram,
  'POST /api/programs/{id}/completion': manageProgram,
  'PUT /api/programs/{id}/learners/{enrolmentId}/completion': manageProgram,
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
  'GET /api/me/learning/calendar-feed': loggedIn,
  'POST /api/me/learning/calendar-feed': loggedIn,
  'DELETE /api/me/learning/calendar-feed': loggedIn,
  // The secret in the address is the key (a wrong one is 404 to everyone).
  'GET /api/calendar-feeds/{file}': { public: true },
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
  // Residents' proposals (issue 13, item 2): public list and page; residents of the city propose and support; its officers answer.
  'GET /api/cities/{code}/proposals': anyone,
  'GET /api/cities/{code}/proposals/{id}': anyone,
  'POST /api/cities/{code}/proposals': { resident: true },
  'POST /api/cities/{code}/proposals/{id}/support': { resident: true },
  'DELETE /api/cities/{code}/proposals/{id}/support': loggedIn,
  'POST /api/cities/{code}/proposals/{id}/answer': { permission: 'proposals.answer', scope: 'city' },
  'PUT /api/cities/{code}/proposals/threshold': { permission: 'proposals.answer', scope: 'city' },
  'GET /api/institutions/{id}/proposal-programs': { permission: 'program.manage', scope: 'institution' },
  'GET /api/me/proposals': loggedIn,
  // Delivered courses (issue 13, item 3): residents of the city request and join; members read their own; its officers decide.
  'GET /api/cities/{code}/delivered-courses/settings': anyone,
  'PUT /api/cities/{code}/delivered-courses/settings': { permission: 'delivered_courses.decide', scope: 'city' },
  'POST /api/cities/{code}/delivered-courses': { resident: true },
  'POST /api/cities/{code}/delivered-courses/join': { resident: true },
  'GET /api/me/delivered-courses': loggedIn,
  'GET /api/me/delivered-courses/{id}': loggedIn,
  'DELETE /api/me/delivered-courses/{id}/membership': loggedIn,
  'GET /api/cities/{code}/delivered-courses': { permission: 'delivered_courses.decide', scope: 'city' },
  'GET /api/cities/{code}/delivered-courses/{id}': { permission: 'delivered_courses.decide', scope: 'city' },
  'GET /api/cities/{code}/delivered-courses/{id}/instructor-candidates': { permission: 'delivered_courses.decide', scope: 'city' },
  'POST /api/cities/{code}/delivered-courses/{id}/approve': { permission: 'delivered_courses.decide', scope: 'city' },
  'POST /api/cities/{code}/delivered-courses/{id}/decline': { permission: 'delivered_courses.decide', scope: 'city' },
  // Study groups and volunteers (issue 13, item 5): groups are public (counts only); residents of the city register,
  // join and volunteer; leaving, removing and recording meetings are the member's and the leader's (the service's 403);
  // the city's officers decide support and keep the volunteer register; institutions' staff record hours served there.
  'GET /api/cities/{code}/study-groups': anyone,
  'GET /api/cities/{code}/study-groups/{id}': anyone,
  'POST /api/cities/{code}/study-groups': { resident: true },
  'POST /api/cities/{code}/study-groups/{id}/members': { resident: true },
  'DELETE /api/cities/{code}/study-groups/{id}/members/{personId}': loggedIn,
  'POST /api/cities/{code}/study-groups/{id}/meetings': loggedIn,
  'PUT /api/cities/{code}/study-groups/{id}/support': { permission: 'study_groups.support', scope: 'city' },
  'POST /api/cities/{code}/volunteers': { resident: true },
  'GET /api/cities/{code}/volunteers': { permission: 'volunteers.manage', scope: 'city' },
  'GET /api/cities/{code}/volunteers/{volunteerId}/hours': { permission: 'volunteers.manage', scope: 'city' },
  'POST /api/cities/{code}/volunteers/{volunteerId}/hours': { permission: 'volunteers.manage', scope: 'city' },
  'GET /api/institutions/{id}/volunteers': { permission: 'volunteers.hours.record', scope: 'institution' },
  'GET /api/institutions/{id}/volunteers/{volunteerId}/hours': { permission: 'volunteers.hours.record', scope: 'institution' },
  'POST /api/institutions/{id}/volunteers/{volunteerId}/hours': { permission: 'volunteers.hours.record', scope: 'institution' },
  // Learning to jobs (issue 13, item 7): what a program prepares for is public as the program is; its institution tags it;
  // the city's courses that lead to jobs are public; completions per occupation group are the console's analysis.
  'GET /api/programs/{id}/occupations': { public: true, program: true },
  'PUT /api/programs/{id}/occupations': manageProgram,
  'GET /api/cities/{code}/job-courses': anyone,
  'GET /api/cities/{code}/occupation-completions': cityAnalysis,
  // The council's public face: anyone reads; unpublished meetings are filtered by city.record.view (tests/api/council.db.test.ts).
  'GET /api/cities/{code}/council/committees': anyone,
  'GET /api/cities/{code}/council/meetings': anyone,
  'GET /api/cities/{code}/council/meetings.ics': anyone,
  'GET /api/cities/{code}/council/meetings/{id}': anyone,
  'GET /api/cities/{code}/demand': cityAnalysis,
  'GET /api/cities/{code}/access': cityAnalysis,

  'GET /api/cities/{code}/copies/summary': cityAnalysis,
  'GET /api/cities/{code}/copies/institutions': cityAnalysis,
  'GET /api/cities/{code}/role-map': cityAnalysis,
  'GET /api/cities/{code}/role-map/cell': cityAnalysis,
  'GET /api/cities/{code}/copies/pairs': cityAnalysis,
  'GET /api/institutions/{id}/copies': { permission: 'program.copies.view', scope: 'institution' },
  'POST /api/institutions/{id}/copies/check': { permission: 'program.copies.view', scope: 'institution' },
  // The national comparison: the analysis permission with no city, which only those who see every city have.
  'POST /api/copies/runs': { permission: 'city.analysis.view', scope: 'none' },
  'GET /api/copies/runs': { permission: 'city.analysis.view', scope: 'none' },
  'POST /api/cities/{code}/annual-report': cityAnalysis,
  // Residents' satisfaction survey (issue 12, item 4): anyone logged in reads the year's questionnaire and answers it
  // (the service refuses those who live in no learning city, 409); results are the city's officers' and the ministry's.
  'GET /api/surveys/city-satisfaction/{year}': loggedIn,
  'POST /api/surveys/city-satisfaction/{year}/responses': loggedIn,
  'PUT /api/surveys/city-satisfaction/{year}/instrument': national('surveys.instrument.manage'),
  'POST /api/institutions/{id}/surveys/city-satisfaction/{year}/responses': { permission: 'surveys.paper.enter', scope: 'institution' },
  'GET /api/cities/{code}/surveys/city-satisfaction/{year}': { permission: 'surveys.results.view', scope: 'city' },
  'GET /api/cities/{code}/surveys/city-satisfaction/{year}/open-answers': { permission: 'surveys.results.view', scope: 'city' },
  'GET /api/surveys/city-satisfaction/{year}/cities': national('surveys.results.view'),
  // Cities' needs surveys (issue 13, item 1): residents answer (whether they may is the service's 409), staff enter
  // paper sheets for their institution, the city's officers build the questionnaire and read the analysis.
  'GET /api/cities/{code}/surveys/needs/{year}': loggedIn,
  'POST /api/cities/{code}/surveys/needs/{year}/responses': loggedIn,
  'POST /api/institutions/{id}/surveys/needs/{year}/responses': { permission: 'surveys.paper.enter', scope: 'institution' },
  'GET /api/cities/{code}/surveys/needs/{year}/instrument': { permission: 'surveys.needs.manage', scope: 'city' },
  'PUT /api/cities/{code}/surveys/needs/{year}/instrument': { permission: 'surveys.needs.manage', scope: 'city' },
  'GET /api/cities/{code}/surveys/needs/{year}/analysis': { permission: 'surveys.needs.manage', scope: 'city' },
  // The national picture (issue 12, item 6): public, but for the cities at risk.
  'GET /api/national/timeline': anyone,
  'GET /api/national/map': anyone,
  'GET /api/national/cohorts': anyone,
  'GET /api/national/index-distribution': anyone,
  'GET /api/national/at-risk': national('national.private.view'),
  'POST /api/national/report': national('national.private.view'),
  // Grants and priority investment (issue 12, item 5): yearly totals are public; a city's grants its officers' and the
  // ministry's; its officers file spending; the ministry awards, adjusts, decides reports and runs investment rounds.
  'GET /api/grants/totals': anyone,
  'GET /api/grants': national('grants.manage'),
  'POST /api/grants': national('grants.manage'),
  'GET /api/cities/{code}/grants': { permission: 'grants.city.view', scope: 'city' },
  'GET /api/cities/{code}/grants/{id}': { permission: 'grants.city.view', scope: 'city' },
  'POST /api/cities/{code}/grants/{id}/spending-reports': { permission: 'grants.report.file', scope: 'city' },
  'POST /api/cities/{code}/grants/{id}/spending-reports/{reportId}/decision': { permission: 'grants.manage', scope: 'city' },
  'POST /api/cities/{code}/grants/{id}/spending-reports/{reportId}/documents': { permission: 'grants.report.file', scope: 'city' },
  'GET /api/cities/{code}/grants/{id}/spending-reports/{reportId}/documents/{documentId}': { permission: 'grants.city.view', scope: 'city' },
  'POST /api/cities/{code}/grants/{id}/adjustments': { permission: 'grants.manage', scope: 'city' },
  'GET /api/investment-rounds': national('grants.manage'),
  'POST /api/investment-rounds': national('grants.manage'),
  'GET /api/investment-rounds/{id}': national('grants.manage'),
  'GET /api/investment-rounds/{id}/cities': national('grants.manage'),
  'PUT /api/investment-rounds/{id}/amounts': national('grants.manage'),
  'POST /api/investment-rounds/{id}/approve': national('grants.manage'),
  // LearnFare vouchers (issue 13, item 6): programmes and their draws are public; anyone logged in applies and holds,
  // spends and is refunded their own; the national programme is the ministry's, a city's own its officers'.
  'GET /api/vouchers': anyone,
  ...voucherRoutes('/api/vouchers/national/{year}', national('vouchers.national.manage')),
  ...voucherRoutes('/api/cities/{code}/vouchers/{year}', { permission: 'vouchers.city.manage', scope: 'city' }),
  'GET /api/me/vouchers': loggedIn,
  'GET /api/me/voucher-applications': loggedIn,
  'GET /api/me/vouchers/{id}/ledger': loggedIn,
  'POST /api/me/vouchers/{id}/refund': loggedIn,
  'POST /api/programs/{id}/enrolment/voucher': { self: 'enrolment', others: 404 },
};

type Outcome = 'allowed' | 401 | 403 | 404;

const t = await testApp();
const world: World = await openWorld(t.app, t.database);
afterAll(() => t.close());

/**
 * The things a rule is checked against: the two places (and drafts: of programs, calls and applications, where
 * the path names one), or one's own and someone else's.
 */
function targetsOf(rule: Rule, actor: ActorName, namesPlace: boolean, underCity: boolean): Target[] {
  const [gwangmyeong, suncheon, ownDraft, otherDraft] = world.targets as [Target, Target, Target, Target];
  if ('self' in rule) {
    const own = world.belongings[actor] ?? world.stranger;
    const program = (b: Belongings) => (rule.self === 'enrolment' ? b.enrolledProgram : rule.self === 'completion' ? b.completedProgram : undefined);
    return [
      { ...world.withBelongings(gwangmyeong, own, program(own)), label: 'their own' },
      { ...world.withBelongings(gwangmyeong, world.stranger, program(world.stranger)), label: 'someone else\'s' },
    ];
  }
  const scope = 'permission' in rule ? rule.scope : null;
  const places = !namesPlace || scope === 'none' || scope === 'mine' ? [gwangmyeong] : [gwangmyeong, suncheon];
  return [
    ...places,
    ...('program' in rule && rule.program ? [ownDraft, otherDraft] : []),
    ...('call' in rule && rule.call ? [world.draftCall] : []),
    ...(scope === 'application' ? [world.draftApplication] : []),
    ...(underCity ? [world.nowhere] : []),
  ];
}

function scopeOf(scope: ScopeOf, target: Target, actor: ActorName): Scope {
  const { city, designation } = target.place;
  const person = world.personOf(actor);
  switch (scope) {
    case 'city': return { cityCode: city };
    case 'institution': return { institutionId: target.place.institution, cityCode: city };
    case 'program': return target.programScope;
    case 'province': return { provinceCode: provinceOfCity(city) };
    case 'application': return { cityCode: city, provinceCode: provinceOfCity(city), assigned: person !== null && designation.application.assignees.includes(person) };
    case 'assignment': return { assigned: designation.assignment.reviewerId === person };
    case 'consulting': return { cityCode: city, assigned: designation.consulting.consultantId === person };
    // The list of one's own assignments: each is assigned to the one who asks, by construction.
    case 'mine': return { assigned: true };
    case 'none': return {};
  }
}

/** Who may know that the thing exists (see `seen`); an application never submitted is its city's officers' alone. */
function mayKnow(rule: Extract<Rule, { permission: Permission }>, grants: Grant[], scope: Scope, target: Target): boolean {
  if (!rule.seen) return true;
  if (rule.scope === 'application' && target.place.designation.application.draft && !can(grants, 'designation.application.edit', scope)) return false;
  return rule.seen.some((permission) => can(grants, permission, scope));
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
  if ('call' in rule && target.draft && !can(grants, 'designation.call.manage')) return 404;
  if ('public' in rule) return 'allowed';
  if (actor === 'anonymous') return 401;
  if ('login' in rule) return 'allowed';
  if ('resident' in rule) return world.homeCityOf(actor) === target.place.city ? 'allowed' : 403;
  if ('self' in rule) return target.belongings === world.belongings[actor] ? 'allowed' : rule.others;
  const scope = scopeOf(rule.scope, target, actor);
  if (!mayKnow(rule, grants, scope, target)) return 404;
  return can(grants, rule.permission, scope) ? 'allowed' : 403;
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
      const namesPlace = operation.pathParams.length > 0 || exampleQuery(operation, world.targets[0]!, world).length > 0;
      for (const actor of 'few' in rule ? ['anonymous', 'resident'] : world.actors) {
        for (const target of targetsOf(rule, actor, namesPlace, /\/(cities|municipalities)\/\{code\}/.test(operation.path))) {
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
