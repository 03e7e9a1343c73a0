/** Use cases of the programs module. */
import { koreanDateTime } from '../../../shared/lib/korea-time.ts';
import type { CreateProgramBody, SearchQuery, SearchResult } from '../../../shared/contracts/programs.ts';
import { programSubcategories, type DeliveryMode, type ProgramAreaCode, type ProgramSubcategoryCode } from '../../../shared/vocabulary/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { todayInKorea } from '../../platform/clock.ts';
import { can } from '../../../shared/permissions.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import { geography } from '../geography/index.ts';
import { institutionsModule } from '../institutions/index.ts';
import { maySeeProgram } from './program-visibility.ts';
import * as queries from './programs.queries.ts';
import { defaultSort, searchPrograms, type Center } from './programs.search.ts';
import { refreshSearchIndex } from './programs.search-index.ts';
import type { CatalogueIndex } from './programs.catalogue.ts';
import { planSessions } from '../../../shared/lib/holidays.ts';
import { sessionHours } from '../../../shared/lib/schedule.ts';

const unknownDong = { ko: '그런 동네(읍·면·동)가 없습니다. 목록에서 골라 주세요.', en: 'There is no such neighbourhood (dong). Choose one from the list.' };

/** Where "near me" is: a dong's anchor point, or coordinates; both lat and lon, or neither. */
async function centerOf(db: Reader, query: SearchQuery, catalogue?: CatalogueIndex): Promise<Center | null> {
  const radiusKm = query.radiusKm ?? 5;
  if (query.near) {
    const dong = catalogue?.dong(query.near) ?? await geography.findDong(db, query.near);
    if (!dong) throw badRequest(unknownDong, 'near');
    return { lat: dong.lat, lon: dong.lon, radiusKm, label: dong.nameKo };
  }
  if (query.lat !== undefined || query.lon !== undefined) {
    if (query.lat === undefined) throw badRequest({ ko: '경도와 함께 위도도 보내 주세요.', en: 'Send the latitude together with the longitude.' }, 'lat');
    if (query.lon === undefined) throw badRequest({ ko: '위도와 함께 경도도 보내 주세요.', en: 'Send the longitude together with the latitude.' }, 'lon');
    return { lat: query.lat, lon: query.lon, radiusKm, label: null };
  }
  return null;
}

/**
 * Reads through `reader` (a replica may serve them), or from the in-process catalogue, which also remembers the
 * answers to repeated searches; a search that finds nothing is logged through `db`, the primary, every time.
 */
export async function searchCatalogue(reader: Reader, db: Executor, query: SearchQuery, catalogue?: CatalogueIndex): Promise<SearchResult> {
  const today = todayInKorea();
  const result = catalogue
    ? await catalogue.remember(`${today} ${JSON.stringify(query)}`, () => findInCatalogue(reader, query, today, catalogue))
    : await findInCatalogue(reader, query, today);
  if (result.total === 0 && query.q) {
    const { q, page: _page, pageSize: _pageSize, ...filters } = query;
    await queries.logSearchMiss(db, { query: q, cityCode: query.city?.[0] ?? null, dongCode: query.near ?? query.dong ?? null, filters });
  }
  return result;
}

async function findInCatalogue(reader: Reader, query: SearchQuery, today: string, catalogue?: CatalogueIndex): Promise<SearchResult> {
  const center = await centerOf(reader, query, catalogue);
  if (query.sort === 'distance' && !center) {
    throw badRequest({ ko: '가까운 순으로 보려면 동네나 지금 있는 곳을 골라 주세요.', en: 'To sort by distance, choose a neighbourhood or your location.' }, 'sort');
  }
  if (query.dong && !(catalogue?.dong(query.dong) ?? await geography.findDong(reader, query.dong))) throw badRequest(unknownDong, 'dong');
  const input = { ...query, today, center };
  const outcome = await searchPrograms(reader, input, catalogue?.pass(reader));
  // Cards come from the in-process catalogue when it holds them; from the database otherwise.
  const unheld = outcome.hits.filter((hit) => !catalogue?.card(hit.programId)).map((hit) => hit.programId);
  const fetched = new Map((unheld.length ? await queries.programsByIds(reader, unheld) : []).map((p) => [p.id, p]));
  const details = { get: (id: number) => catalogue?.card(id) ?? fetched.get(id) };
  return {
    items: outcome.hits.flatMap((hit) => {
      const program = details.get(hit.programId);
      return program ? [{ ...program, seatsLeft: hit.seatsLeft, distanceM: hit.distanceM }] : [];
    }),
    total: outcome.total,
    page: query.page ?? 1,
    pageSize: query.pageSize ?? 20,
    facets: outcome.facets,
    fuzzy: outcome.fuzzy,
    descriptionOnly: outcome.descriptionOnly,
    elsewhere: outcome.elsewhere,
    sort: defaultSort({ ...query, center }),
    near: center,
  };
}

/** The program if `viewer` (null: nobody logged in) may see it; otherwise not found, exactly as if there were none. */
export async function visibleProgram(db: Reader, viewer: Actor | null, id: number) {
  const program = await queries.findProgram(db, id);
  if (!program || !maySeeProgram(viewer, program)) throw notFound('The program', 'id');
  return program;
}

export async function programDetail(db: Reader, viewer: Actor | null, id: number) {
  const program = await visibleProgram(db, viewer, id);
  return { ...program, sessions: await queries.sessionsOf(db, id) };
}

/** Programs of the same kind near this one (or, for an online program, other online ones), soonest first. */
export async function similarPrograms(reader: Reader, db: Executor, viewer: Actor | null, id: number, catalogue?: CatalogueIndex): Promise<SearchResult> {
  const program = await programDetail(reader, viewer, id);
  const center = program.lat !== null && program.lon !== null ? { lat: program.lat, lon: program.lon, radiusKm: 20, label: null } : null;
  const result = await searchCatalogue(reader, db, {
    subcategory: [program.subcategory], pageSize: 5, sort: center ? 'distance' : 'start',
    ...(center ? { lat: center.lat, lon: center.lon, radiusKm: center.radiusKm, includeOnline: false } : { mode: ['online'] }),
  }, catalogue);
  const items = result.items.filter((p) => p.id !== id).slice(0, 4);
  return { ...result, items };
}

export async function pageProgram(db: Reader, viewer: Actor | null, id: number) {
  const program = await programDetail(db, viewer, id);
  return { ...program, venueName: program.venueName ?? null };
}

/** What a program's terms must satisfy whoever writes them (a new program, or an edit in the back office). */
export interface ProgramTerms {
  area: ProgramAreaCode;
  subcategory: ProgramSubcategoryCode;
  startTime: string;
  endTime: string;
  minAge?: number | null;
  maxAge?: number | null;
  enrolmentOpensOn?: string | null;
  enrolmentClosesOn?: string | null;
}

export function checkTerms(terms: ProgramTerms): void {
  if (programSubcategories.get(terms.subcategory).area !== terms.area) {
    throw badRequest({ ko: '세부 분야가 고른 분야에 속하지 않습니다.', en: `The sub-category ${terms.subcategory} is not part of the area ${terms.area}.` }, 'subcategory');
  }
  if (sessionHours(terms.startTime, terms.endTime) <= 0) throw badRequest({ ko: '끝나는 시간은 시작 시간보다 늦어야 합니다.', en: 'The end time must be after the start time.' }, 'endTime');
  if (terms.minAge != null && terms.maxAge != null && terms.minAge > terms.maxAge) {
    throw badRequest({ ko: '최소 나이가 최대 나이보다 많습니다.', en: 'The minimum age must not be above the maximum age.' }, 'minAge');
  }
  if (terms.enrolmentOpensOn && terms.enrolmentClosesOn && terms.enrolmentClosesOn < terms.enrolmentOpensOn) {
    throw badRequest({ ko: '신청 마감일은 신청 시작일 뒤여야 합니다.', en: 'Enrolment must close after it opens.' }, 'enrolmentClosesOn');
  }
}

/** Where a program is taught: one of its institution's venues, large enough (online programs are nowhere). */
export async function placeOf(
  db: Executor, body: { mode: DeliveryMode; venueId?: number | null; capacity: number }, institution: { id: number },
  findVenue = (id: number) => institutionsModule.findVenue(db, id),
) {
  if (body.mode === 'online') {
    if (body.venueId) throw badRequest({ ko: '온라인 프로그램에는 장소가 없습니다.', en: 'An online program has no venue.' }, 'venueId');
    return { venueId: null, dongCode: null, lat: null, lon: null };
  }
  if (!body.venueId) throw badRequest({ ko: '수업할 장소를 골라 주세요.', en: 'Choose the venue where the program is taught.' }, 'venueId');
  const venue = await findVenue(body.venueId);
  if (!venue || venue.institutionId !== institution.id) throw badRequest({ ko: '이 기관의 장소가 아닙니다.', en: 'The venue does not belong to this institution.' }, 'venueId');
  if (body.capacity > venue.seats) {
    throw badRequest({ ko: `정원(${body.capacity}명)이 ‘${venue.name}’의 좌석 ${venue.seats}석보다 많습니다.`, en: `The capacity (${body.capacity}) is more than the venue's ${venue.seats} seats.` }, 'capacity');
  }
  return { venueId: venue.id, dongCode: venue.dongCode, lat: venue.lat, lon: venue.lon };
}

/**
 * The program if `actor` may manage it (its institution's staff, administrators). Whoever may not see it is told
 * it does not exist; whoever sees it but does not run it is refused.
 */
export async function managedProgram(db: Executor, actor: Actor, id: number) {
  const program = await visibleProgram(db, actor, id);
  if (!can(actor.grants, 'program.manage', { institutionId: program.institutionId, cityCode: program.cityCode })) {
    throw forbidden({ ko: '이 프로그램을 운영하는 기관의 담당자만 관리할 수 있습니다.', en: 'Only the staff of the institution that runs this program can manage it.' });
  }
  return program;
}

/** A new program cannot begin with a class already under way or over (Korean time): nobody could come to it. */
function refuseStartedClass(first: { date: string; startsAt: string }) {
  if (Date.parse(first.startsAt) > Date.now()) return;
  throw badRequest({
    ko: `첫 수업일: ${koreanDateTime(first.startsAt)}에 시작하는 첫 수업은 이미 시작했습니다. 앞으로 열릴 날을 고르세요.`,
    en: `First class: the first class, on ${first.date} at ${first.startsAt.slice(11, 16)} (Korean time), has already started. Pick a day still to come.`,
  }, 'startsOn');
}

export async function createProgram(db: AppDb, actor: Actor, body: CreateProgramBody): Promise<number> {
  const institution = await institutionsModule.findInstitution(db, body.institutionId);
  if (!institution) throw badRequest({ ko: '그런 기관이 없습니다.', en: 'There is no such institution.' }, 'institutionId');
  if (!can(actor.grants, 'program.create', { institutionId: institution.id, cityCode: institution.cityCode })) {
    throw forbidden({ ko: '소속 기관의 프로그램만 올릴 수 있습니다.', en: 'You can publish programs only for your own institution.' });
  }
  checkTerms(body);
  const hours = sessionHours(body.startTime, body.endTime);
  const place = await placeOf(db, body, institution);
  const { sessions } = await planSessions(body);
  refuseStartedClass(sessions[0]!);
  const status = body.status ?? 'published';

  return db.transaction(async (tx) => {
    const id = await queries.insertProgram(tx, {
      ...body,
      ...place,
      cityCode: institution.cityCode,
      status,
      purposeTags: body.purposeTags ?? [],
      // The first day it meets, not the day the form named: a Monday start for Tuesday classes would send people on the wrong day.
      startsOn: sessions[0]!.date,
      endsOn: sessions[sessions.length - 1]!.date,
      totalHours: Math.round(hours * body.sessionCount * 10) / 10,
      publishedAt: status === 'published' ? new Date() : null,
    });
    await queries.insertSessions(tx, sessions.map((s) => ({
      programId: id, cityCode: institution.cityCode, sessionNo: s.sessionNo, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt),
    })));
    await refreshSearchIndex(tx, todayInKorea(), [id]);
    return id;
  });
}
