/** Use cases of the programs module. */
import type { CreateProgramBody } from '../../../shared/contracts/programs.ts';
import { programSubcategories } from '../../../shared/vocabulary/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { can } from '../../../shared/permissions.ts';
import type { AppDb } from '../../platform/database/database.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import { institutionsModule } from '../institutions/index.ts';
import * as queries from './programs.queries.ts';
import { scheduleSessions, sessionHours } from './schedule.ts';

export async function programDetail(db: AppDb, id: number) {
  const program = await queries.findProgram(db, id);
  if (!program) throw notFound('The program', 'id');
  return { ...program, sessions: await queries.sessionsOf(db, id) };
}

/** Checks a new program against its institution, venue and its own dates and times. */
async function placeOf(db: AppDb, body: CreateProgramBody, institution: { id: number }) {
  if (body.mode === 'online') {
    if (body.venueId) throw badRequest('An online program has no venue.', 'venueId');
    return { venueId: null, dongCode: null, lat: null, lon: null };
  }
  if (!body.venueId) throw badRequest('Choose the venue where the program is taught.', 'venueId');
  const venue = await institutionsModule.findVenue(db, body.venueId);
  if (!venue || venue.institutionId !== institution.id) throw badRequest('The venue does not belong to this institution.', 'venueId');
  if (body.capacity > venue.seats) {
    throw badRequest(`The capacity (${body.capacity}) is more than the venue's ${venue.seats} seats.`, 'capacity');
  }
  return { venueId: venue.id, dongCode: venue.dongCode, lat: venue.lat, lon: venue.lon };
}

export async function createProgram(db: AppDb, actor: Actor, body: CreateProgramBody): Promise<number> {
  const institution = await institutionsModule.findInstitution(db, body.institutionId);
  if (!institution) throw badRequest(`There is no institution with id ${body.institutionId}.`, 'institutionId');
  if (!can(actor.grants, 'program.create', { institutionId: institution.id, cityCode: institution.cityCode })) {
    throw forbidden('You can publish programs only for your own institution.');
  }
  if (programSubcategories.get(body.subcategory).area !== body.area) {
    throw badRequest(`The sub-category ${body.subcategory} is not part of the area ${body.area}.`, 'subcategory');
  }
  const hours = sessionHours(body.startTime, body.endTime);
  if (hours <= 0) throw badRequest('The end time must be after the start time.', 'endTime');
  if (body.minAge !== undefined && body.maxAge !== undefined && body.minAge > body.maxAge) {
    throw badRequest('The minimum age must not be above the maximum age.', 'minAge');
  }
  if (body.enrolmentOpensOn && body.enrolmentClosesOn && body.enrolmentClosesOn < body.enrolmentOpensOn) {
    throw badRequest('Enrolment must close after it opens.', 'enrolmentClosesOn');
  }
  const place = await placeOf(db, body, institution);
  const sessions = scheduleSessions(body.startsOn, body.weekdays, body.sessionCount, body.startTime, body.endTime);
  const status = body.status ?? 'published';

  return db.transaction(async (tx) => {
    const id = await queries.insertProgram(tx, {
      ...body,
      ...place,
      cityCode: institution.cityCode,
      status,
      purposeTags: body.purposeTags ?? [],
      endsOn: sessions[sessions.length - 1]!.date,
      totalHours: Math.round(hours * body.sessionCount * 10) / 10,
      publishedAt: status === 'published' ? new Date() : null,
    });
    await queries.insertSessions(tx, sessions.map((s) => ({
      programId: id, cityCode: institution.cityCode, sessionNo: s.sessionNo, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt),
    })));
    return id;
  });
}
