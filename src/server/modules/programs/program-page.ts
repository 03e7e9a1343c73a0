/**
 * What a program's page gives machines: its sessions as an iCalendar file, and schema.org Course /
 * CourseInstance JSON-LD for search engines. Pure.
 */
import { createEvents, type EventAttributes } from 'ics';
import { deliveryModes } from '../../../shared/vocabulary/index.ts';

export interface PageProgram {
  id: number;
  title: string;
  description: string;
  institutionName: string;
  cityNameKo: string;
  dongNameKo: string | null;
  venueName: string | null;
  mode: 'in_person' | 'online' | 'blended';
  lat: number | null;
  lon: number | null;
  feeKrw: number;
  capacity: number;
  seatsLeft: number;
  startsOn: string;
  endsOn: string;
  totalHours: number;
  credits: number;
  instructorName: string | null;
  sessions: { sessionNo: number; startsAt: string; endsAt: string }[];
}

const utcParts = (iso: string): [number, number, number, number, number] => {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
};

/** One event of a calendar file: a session somewhere, linking back to its program. */
export interface CalendarEvent {
  uid: string;
  title: string;
  startsAt: string;
  endsAt: string;
  description: string;
  location: string;
  url: string;
  geo?: { lat: number; lon: number };
  /** A day without a set time (a council meeting before its hour is fixed): startsAt is the date (YYYY-MM-DD), endsAt ignored. */
  allDay?: boolean;
}

const dayParts = (day: string): [number, number, number] => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [y, m, d];
};
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Sessions as an iCalendar file (times in UTC). */
export function sessionsCalendar(sessions: readonly CalendarEvent[], calName: string): string {
  const events: EventAttributes[] = sessions.map((s) => ({
    uid: s.uid,
    ...(s.allDay
      ? { start: dayParts(s.startsAt), end: dayParts(nextDay(s.startsAt)) }
      : { start: utcParts(s.startsAt), startInputType: 'utc', startOutputType: 'utc', end: utcParts(s.endsAt), endInputType: 'utc', endOutputType: 'utc' } as const),
    title: s.title,
    description: s.description,
    location: s.location,
    url: s.url,
    ...(s.geo ? { geo: s.geo } : {}),
    status: 'CONFIRMED',
  }));
  const { error, value } = createEvents(events, { calName });
  if (error || !value) throw error ?? new Error('could not build the calendar');
  return value;
}

export function programCalendar(program: PageProgram, publicUrl: string): string {
  const place = program.mode === 'online' ? '온라인' : [program.institutionName, program.venueName, program.cityNameKo, program.dongNameKo].filter(Boolean).join(' ');
  return sessionsCalendar(program.sessions.map((s) => ({
    uid: `program-${program.id}-session-${s.sessionNo}@learning-city`,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    title: `${program.title} (${s.sessionNo}/${program.sessions.length})`,
    description: `${program.institutionName}\n${publicUrl}/programs/${program.id}`,
    location: place,
    url: `${publicUrl}/programs/${program.id}`,
    ...(program.lat !== null && program.lon !== null ? { geo: { lat: program.lat, lon: program.lon } } : {}),
  })), program.title);
}

/** schema.org Course with its CourseInstance: what search engines show for a course. */
export function courseJsonLd(program: PageProgram, publicUrl: string) {
  const url = `${publicUrl}/programs/${program.id}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    '@id': url,
    url,
    name: program.title,
    description: program.description,
    inLanguage: 'ko',
    provider: { '@type': 'Organization', name: program.institutionName },
    ...(program.credits > 0 ? { numberOfCredits: program.credits } : {}),
    offers: {
      '@type': 'Offer', price: program.feeKrw, priceCurrency: 'KRW', category: program.feeKrw === 0 ? 'Free' : 'Paid',
      availability: program.seatsLeft > 0 ? 'https://schema.org/InStock' : 'https://schema.org/SoldOut',
    },
    hasCourseInstance: {
      '@type': 'CourseInstance',
      courseMode: program.mode === 'in_person' ? 'Onsite' : program.mode === 'online' ? 'Online' : 'Blended',
      startDate: program.startsOn,
      endDate: program.endsOn,
      ...(program.instructorName ? { instructor: { '@type': 'Person', name: program.instructorName } } : {}),
      courseSchedule: { '@type': 'Schedule', startDate: program.startsOn, endDate: program.endsOn, repeatCount: program.sessions.length },
      courseWorkload: `PT${Math.round(program.totalHours)}H`,
      maximumAttendeeCapacity: program.capacity,
      remainingAttendeeCapacity: program.seatsLeft,
      location: program.mode === 'online'
        ? { '@type': 'VirtualLocation', url }
        : {
          '@type': 'Place', name: [program.institutionName, program.venueName].filter(Boolean).join(' '),
          address: { '@type': 'PostalAddress', addressLocality: program.cityNameKo, addressRegion: program.dongNameKo ?? undefined, addressCountry: 'KR' },
          ...(program.lat !== null && program.lon !== null ? { geo: { '@type': 'GeoCoordinates', latitude: program.lat, longitude: program.lon } } : {}),
        },
    },
    educationalCredentialAwarded: '수료증 (Open Badges 3.0)',
    about: deliveryModes.get(program.mode).en,
  };
}

/** JSON inside a <script> element may not close it: escape '<' (and the line separators JSON allows). */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
