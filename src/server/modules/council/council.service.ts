/**
 * The council's public face: a city's active committees with their serving members, its published meetings
 * (officers of the city also see unpublished ones, as in the record), a meeting with the proposals and
 * needs-survey results it discussed, and an iCalendar feed of the published meetings.
 */
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { CouncilMeeting } from '../../../shared/contracts/council.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { can } from '../../../shared/permissions.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { geography } from '../geography/index.ts';
import { programsModule } from '../programs/index.ts';
import { surveysModule } from '../surveys/index.ts';
import * as queries from './council.queries.ts';

/** A meeting with a start time lasts this long in the calendar (the record keeps no end time). */
const MEETING_HOURS = 2;
/** The feed's newest meetings: enough for years of a city's council. */
const FEED_LIMIT = 500;

async function requireCity(db: Executor, cityCode: string) {
  const city = await geography.findMunicipality(db, cityCode);
  if (!city) throw notFound('The city', 'code');
  return city;
}

/** Unpublished meetings are part of the record: those who may see the record see them. */
const seesUnpublished = (actor: Actor | null, cityCode: string) => actor !== null && can(actor.grants, 'city.record.view', { cityCode });

export async function committees(db: Executor, cityCode: string, page: PageRequest) {
  await requireCity(db, cityCode);
  return queries.activeCommittees(db, cityCode, todayInKorea(), page);
}

export async function meetings(db: Executor, actor: Actor | null, cityCode: string, filter: { proposal?: number }, page: PageRequest) {
  await requireCity(db, cityCode);
  return queries.listMeetings(db, cityCode, { withUnpublished: seesUnpublished(actor, cityCode), proposalId: filter.proposal }, page);
}

export async function meeting(db: Executor, actor: Actor | null, cityCode: string, id: number): Promise<CouncilMeeting> {
  await requireCity(db, cityCode);
  const row = await queries.findMeeting(db, cityCode, id);
  // Not "forbidden": to a resident an unpublished meeting does not exist yet.
  if (!row || (!row.published && !seesUnpublished(actor, cityCode))) throw notFound('The meeting', 'id');
  const { proposalIds, surveyYears, ...fields } = row;
  const [proposals, surveys] = await Promise.all([
    queries.proposalsById(db, cityCode, proposalIds),
    Promise.all(surveyYears.map((year) => surveysModule.needsOfYear(db, cityCode, year))),
  ]);
  return { ...fields, proposals, surveys };
}

const koreanTimeToUtc = (day: string, time: string, plusHours = 0) =>
  new Date(Date.parse(`${day}T${time}:00+09:00`) + plusHours * 3_600_000).toISOString();

/** The city's published meetings as an iCalendar file; each links to its page. */
export async function calendar(db: Executor, cityCode: string, publicUrl: string): Promise<string> {
  const city = await requireCity(db, cityCode);
  const rows = await queries.publishedMeetingsForCalendar(db, cityCode, FEED_LIMIT);
  const url = (id: number) => `${publicUrl}/cities/${cityCode}/council/meetings/${id}`;
  return programsModule.sessionsCalendar(rows.map((m) => ({
    uid: `council-${cityCode}-meeting-${m.id}@learning-city`,
    title: `${m.committeeName}: ${m.title}`,
    ...(m.startsAt
      ? { startsAt: koreanTimeToUtc(m.heldOn, m.startsAt), endsAt: koreanTimeToUtc(m.heldOn, m.startsAt, MEETING_HOURS) }
      : { startsAt: m.heldOn, endsAt: m.heldOn, allDay: true }),
    description: [m.agenda, url(m.id)].filter(Boolean).join('\n\n'),
    location: m.place,
    url: url(m.id),
  })), `${city.nameKo} 평생교육협의회`);
}
