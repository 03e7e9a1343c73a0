/** The lifelong learning record: gathered, totalled, and exported as JSON or PDF. */
import { randomBytes } from 'node:crypto';
import type { CalendarFeed, LearningRecord } from '../../../shared/contracts/learning-account.ts';
import { addDays } from '../../../shared/lib/schedule.ts';
import { creditTypes, learnerStatusOf, programAreas, volunteerKinds } from '../../../shared/vocabulary/index.ts';
import { todayInKorea } from '../../platform/clock.ts';
import type { Executor } from '../../platform/database/database.ts';
import { renderPdfOffThread } from '../../platform/documents/pdf.ts';
import { notFound } from '../../platform/http/errors.ts';
import { programsModule } from '../programs/index.ts';
import * as queries from './learning-account.queries.ts';

export async function learningRecord(db: Executor, personId: number): Promise<LearningRecord> {
  const person = await queries.personOf(db, personId);
  if (!person) throw notFound('The person');
  const [entries, studyGroups, volunteering] = await Promise.all([
    queries.entriesOf(db, personId), queries.studyGroupsOf(db, personId), queries.volunteeringOf(db, personId),
  ]);
  const completed = entries.filter((e) => e.status === 'completed');
  const byKey = new Map<string, { year: number; area: LearningRecord['totals']['byYearAndArea'][number]['area']; hours: number; programs: number }>();
  for (const e of completed) {
    const year = Number(e.endsOn.slice(0, 4));
    const key = `${year}:${e.area}`;
    const cell = byKey.get(key) ?? { year, area: e.area, hours: 0, programs: 0 };
    cell.hours += e.totalHours;
    cell.programs += 1;
    byKey.set(key, cell);
  }
  const round = (n: number) => Math.round(n * 10) / 10;
  const localLeader = completed.filter((e) => e.localLeader).map((e) => e.endsOn).sort();
  return {
    person,
    entries,
    totals: {
      completed: completed.length,
      hours: round(completed.reduce((sum, e) => sum + e.totalHours, 0)),
      credits: round(completed.reduce((sum, e) => sum + e.credits, 0)),
      byYearAndArea: [...byKey.values()].map((c) => ({ ...c, hours: round(c.hours) })).sort((a, b) => b.year - a.year || a.area.localeCompare(b.area)),
      studyGroupHours: round(studyGroups.reduce((sum, g) => sum + g.hours, 0)),
      volunteerHours: round(volunteering.reduce((sum, v) => sum + v.hours, 0)),
    },
    localLeaderSince: localLeader[0] ?? null,
    studyGroups,
    volunteering,
    generatedAt: new Date().toISOString(),
  };
}

/** The whole record with each certificate as issued, so it can be verified elsewhere. */
export async function recordExport(db: Executor, personId: number) {
  return { ...(await learningRecord(db, personId)), certificates: await queries.certificateJwtsOf(db, personId) };
}

/** The public page that checks a certificate (by its number, when given). */
function verifyAddress(publicUrl: string, certificateId?: string): string {
  const page = new URL('/verify', publicUrl);
  if (certificateId) page.searchParams.set('number', certificateId);
  return page.href;
}

/** The record as a PDF: laid out on a worker thread (pdfmake spends a third of a second even on one page). */
export async function recordPdf(db: Executor, personId: number, publicUrl: string): Promise<Buffer> {
  const record = await learningRecord(db, personId);
  const completed = record.entries.filter((e) => e.status === 'completed');
  const others = record.entries.filter((e) => e.status !== 'completed');
  const header = (cells: string[]) => cells.map((text) => ({ text, bold: true, fillColor: '#ecf2fe' }));
  return renderPdfOffThread({
    info: { title: `평생학습 이력 — ${record.person.displayName}` },
    pageMargins: [40, 48, 40, 48],
    content: [
      { text: '평생학습 이력서', fontSize: 20, bold: true },
      { text: 'Lifelong learning record', color: '#58616a', margin: [0, 0, 0, 12] },
      {
        columns: [
          { text: [{ text: '이름  ', bold: true }, record.person.displayName] },
          { text: [{ text: '사는 곳  ', bold: true }, record.person.homeCityNameKo ?? '—'] },
          { text: [{ text: '발급일  ', bold: true }, record.generatedAt.slice(0, 10)] },
        ],
        margin: [0, 0, 0, 12],
      },
      { text: `수료 ${record.totals.completed}과정 · ${record.totals.hours}시간 · 학점 ${record.totals.credits}`, bold: true, margin: [0, 0, 0, 4] },
      {
        text: `학습동아리 ${record.totals.studyGroupHours}시간 · 자원봉사 ${record.totals.volunteerHours}시간${record.localLeaderSince ? ` · 지역 리더(${record.localLeaderSince}부터)` : ''}`,
        margin: [0, 0, 0, 12],
      },
      { text: '수료한 과정', fontSize: 13, bold: true, margin: [0, 8, 0, 6] },
      completed.length === 0 ? { text: '아직 수료한 과정이 없습니다.' } : {
        table: {
          headerRows: 1,
          widths: [62, '*', 96, 32, 40, 52],
          body: [
            header(['기간', '과정', '운영 기관', '시간', '학점', '진위 확인']),
            ...completed.map((e) => [
              `${e.startsOn}\n~ ${e.endsOn}`,
              { text: [`${e.title}\n${programAreas.get(e.area).ko}`, ...(e.certificateId ? [{ text: `\n수료증 번호 ${e.certificateId}`, fontSize: 7, color: '#58616a' }] : [])] },
              `${e.institutionName}\n(${e.cityNameKo})`, String(e.totalHours), e.credits > 0 ? `${e.credits} (${creditTypes.get(e.creditType).ko})` : '—',
              // A phone's camera opens the verification of this very certificate.
              e.certificateId ? { qr: verifyAddress(publicUrl, e.certificateId), fit: 48, eccLevel: 'M' } : '—',
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      { text: '분야별 학습 시간', fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      record.totals.byYearAndArea.length === 0 ? { text: '—' } : {
        table: {
          headerRows: 1, widths: [50, '*', 60, 60],
          body: [header(['연도', '분야', '과정', '시간']), ...record.totals.byYearAndArea.map((c) => [String(c.year), programAreas.get(c.area).ko, String(c.programs), String(c.hours)])],
        },
        layout: 'lightHorizontalLines',
      },
      ...(others.length > 0 ? [
        { text: '신청·진행 중인 과정', fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
        { ul: others.map((e) => `${e.startsOn} ${e.title} — ${learnerStatusOf(e, todayInKorea()).ko} (${e.institutionName})`) },
      ] : []),
      ...(record.studyGroups.length > 0 ? [
        { text: '학습동아리', fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
        { ul: record.studyGroups.map((g) => `${g.name} (${g.cityNameKo}) — ${g.role === 'leader' ? '대표' : '회원'}, ${g.joinedOn}부터${g.leftOn ? ` ${g.leftOn}까지` : ''}, ${g.hours}시간`) },
      ] : []),
      ...(record.volunteering.length > 0 ? [
        { text: '자원봉사', fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
        { ul: record.volunteering.map((v) => `${volunteerKinds.get(v.kind).ko} (${v.cityNameKo}) — ${v.since}부터, ${v.hours}시간`) },
      ] : []),
      {
        text: `수료증의 진위는 ${verifyAddress(publicUrl)} 에서 수료증 번호로, 또는 휴대전화 카메라로 QR 코드를 비추어 확인할 수 있습니다.`,
        color: '#58616a', fontSize: 8, margin: [0, 18, 0, 0],
      },
    ],
  } as Parameters<typeof renderPdfOffThread>[0]);
}

// ---- The private calendar feed ------------------------------------------------------------------------

/** The most sessions one feed carries, and how far back it reaches (recent classes stay on the phone). */
const FEED_LIMIT = 1000;
const FEED_DAYS_BACK = 90;

const feedUrl = (publicUrl: string, token: string) => `${publicUrl}/api/calendar-feeds/${token}.ics`;

export async function calendarFeed(db: Executor, personId: number, publicUrl: string): Promise<CalendarFeed> {
  const feed = await queries.feedOf(db, personId);
  return feed ? { url: feedUrl(publicUrl, feed.token), createdAt: feed.createdAt, lastFetchedAt: feed.lastFetchedAt } : { url: null, createdAt: null, lastFetchedAt: null };
}

/** A new secret address; any earlier one stops working. */
export async function renewCalendarFeed(db: Executor, personId: number, publicUrl: string): Promise<CalendarFeed> {
  await queries.replaceFeed(db, personId, randomBytes(32).toString('base64url'));
  return calendarFeed(db, personId, publicUrl);
}

export async function revokeCalendarFeed(db: Executor, personId: number, publicUrl: string): Promise<CalendarFeed> {
  await queries.deleteFeed(db, personId);
  return calendarFeed(db, personId, publicUrl);
}

/** The feed behind a secret address: every session of the courses its owner takes, with links to the public site. */
export async function calendarFeedFile(db: Executor, token: string, publicUrl: string): Promise<string> {
  const owner = await queries.feedOwner(db, token);
  if (!owner) throw notFound('This calendar feed', 'token');
  const english = owner.locale === 'en';
  const sessions = await queries.feedSessions(db, owner.personId, addDays(todayInKorea(), -FEED_DAYS_BACK), FEED_LIMIT);
  return programsModule.sessionsCalendar(sessions.map((s) => ({
    uid: `program-${s.programId}-session-${s.sessionNo}-learning@learning-city`,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    title: `${s.title} (${s.sessionNo}/${s.sessionCount})`,
    description: `${s.institutionName}\n${publicUrl}/programs/${s.programId}`,
    location: s.place ?? (english ? 'Online' : '온라인'),
    url: `${publicUrl}/programs/${s.programId}`,
  })), english ? 'My learning' : '나의 학습 일정');
}
