/**
 * The rules of a yearly call, without I/O: where it stands from its timeline, whether the timeline is in
 * order, what may still change once it is published, whether a city may apply from its designation history,
 * whether a rubric adds up, and who may see a call that is still being prepared.
 */
import type { CallTimeline, Eligibility, EligibilityReason, RubricArea, RubricAreaView } from '../../../shared/contracts/designation-calls.ts';
import { timelineFields } from '../../../shared/contracts/designation-calls.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { can, type Grant } from '../../../shared/permissions.ts';
import { type CallPhase, type CallStatus, type DesignationState } from '../../../shared/vocabulary/index.ts';

export interface Bilingual {
  ko: string;
  en: string;
}

/** What is wrong with a request, and with which field; 409 when it is the call's state or the clock that refuses. */
export interface Problem {
  status: 400 | 409;
  field: string;
  words: Bilingual;
}

const instantFields = ['opensAt', 'submissionDeadline', 'endorsementDeadline'] as const;
type TimelineField = (typeof timelineFields)[number];
const isInstant = (field: TimelineField) => (instantFields as readonly string[]).includes(field);

const fieldNames: Record<TimelineField, Bilingual> = {
  opensAt: { ko: '접수 시작', en: 'The opening' },
  submissionDeadline: { ko: '신청 마감', en: 'The submission deadline' },
  endorsementDeadline: { ko: '시·도 추천 마감', en: 'The province endorsement deadline' },
  reviewStartsOn: { ko: '심사 시작일', en: 'The first day of review' },
  reviewEndsOn: { ko: '심사 종료일', en: 'The last day of review' },
  announcementOn: { ko: '결과 발표일', en: 'The announcement day' },
};

/**
 * Where a call stands at `now`. Deadlines end their stage at the instant; the review runs to the end of its last
 * day in Korea. A call still being prepared has not opened, whatever its dates say.
 */
export function callPhase(call: { status: CallStatus } & Pick<CallTimeline, 'opensAt' | 'submissionDeadline' | 'endorsementDeadline' | 'reviewEndsOn'>, now: Date): CallPhase {
  if (call.status === 'draft') return 'upcoming';
  if (call.status === 'announced') return 'announced';
  const at = now.getTime();
  if (at < Date.parse(call.opensAt)) return 'upcoming';
  if (at < Date.parse(call.submissionDeadline)) return 'open';
  if (at < Date.parse(call.endorsementDeadline)) return 'endorsement';
  if (todayInKorea(now) <= call.reviewEndsOn) return 'review';
  return 'decision';
}

/** Whether a city may hand in its application at `now` (from the opening to the submission deadline). */
export function acceptsSubmissions(call: Pick<CallTimeline, 'opensAt' | 'submissionDeadline'>, now: Date): boolean {
  return Date.parse(call.opensAt) <= now.getTime() && now.getTime() < Date.parse(call.submissionDeadline);
}

/** The problem with a timeline's order, if any: each stage follows the one before, and results come out in the call's year. */
export function timelineProblem(timeline: CallTimeline, year: number): Problem | null {
  const order = (field: TimelineField, ko: string, en: string): Problem => ({ status: 400, field, words: { ko, en } });
  if (Date.parse(timeline.submissionDeadline) <= Date.parse(timeline.opensAt)) {
    return order('submissionDeadline', '신청 마감은 접수 시작보다 뒤여야 합니다.', 'The submission deadline must come after the opening.');
  }
  if (Date.parse(timeline.endorsementDeadline) <= Date.parse(timeline.submissionDeadline)) {
    return order('endorsementDeadline', '시·도 추천 마감은 신청 마감보다 뒤여야 합니다.', 'The province endorsement deadline must come after the submission deadline.');
  }
  if (timeline.reviewStartsOn < todayInKorea(new Date(timeline.endorsementDeadline))) {
    return order('reviewStartsOn', '심사는 시·도 추천 마감일부터 시작할 수 있습니다.', 'The review cannot start before the day of the province endorsement deadline.');
  }
  if (timeline.reviewEndsOn < timeline.reviewStartsOn) {
    return order('reviewEndsOn', '심사 종료일은 심사 시작일보다 앞설 수 없습니다.', 'The review cannot end before it starts.');
  }
  if (timeline.announcementOn < timeline.reviewEndsOn) {
    return order('announcementOn', '결과 발표일은 심사 종료일보다 앞설 수 없습니다.', 'The results cannot be announced before the review ends.');
  }
  if (Number(timeline.announcementOn.slice(0, 4)) !== year) {
    return order('announcementOn', `결과는 ${year}년 안에 발표해야 합니다 (${year}년 공모).`, `The results of the ${year} call must be announced in ${year}.`);
  }
  return null;
}

/** Whether a timeline value has already come: an instant at or before now, a day that has begun in Korea. */
function hasCome(field: TimelineField, value: string, now: Date): boolean {
  return isInstant(field) ? Date.parse(value) <= now.getTime() : value <= todayInKorea(now);
}

const sameValue = (field: TimelineField, a: string, b: string) => (isInstant(field) ? Date.parse(a) === Date.parse(b) : a === b);

/**
 * Once a call is published, cities plan by it: only its timeline may be corrected, and only where both the old
 * and the new date are still ahead (a stage that has begun or passed stays as it was; nothing moves into the past).
 */
export function publishedChangeProblem(
  before: CallTimeline,
  changes: Record<string, unknown>,
  now: Date,
): Problem | null {
  for (const [field, value] of Object.entries(changes)) {
    if ((timelineFields as readonly string[]).includes(field)) continue;
    if (JSON.stringify((before as unknown as Record<string, unknown>)[field]) !== JSON.stringify(value)) {
      return {
        status: 409, field,
        words: { ko: '공고된 공모는 일정만 고칠 수 있습니다.', en: 'Once a call is published, only its timeline may be corrected.' },
      };
    }
  }
  for (const field of timelineFields) {
    const value = changes[field];
    if (typeof value !== 'string' || sameValue(field, before[field], value)) continue;
    const name = fieldNames[field];
    if (hasCome(field, before[field], now)) {
      return {
        status: 409, field,
        words: { ko: `${name.ko} 일정이 이미 지나 바꿀 수 없습니다.`, en: `${name.en} has already come; it cannot be changed.` },
      };
    }
    if (hasCome(field, value, now)) {
      return {
        status: 400, field,
        words: { ko: `${name.ko}은(는) 앞으로의 일정으로만 바꿀 수 있습니다.`, en: `${name.en} can only be moved to a time still ahead.` },
      };
    }
  }
  return null;
}

// ---- Eligibility --------------------------------------------------------------------------------------

export interface HistoryEntry {
  state: DesignationState;
  year: number;
  occurredOn: string;
}

const eligibilityWords: Record<EligibilityReason, (from: string | null) => Bilingual> = {
  never_applied: () => ({ ko: '신청할 수 있습니다.', en: 'The city may apply.' }),
  rejected_before: () => ({ ko: '이전에 선정되지 않았으므로 다시 신청할 수 있습니다.', en: 'The city was not selected before and may apply again.' }),
  revoked_waited: () => ({ ko: '지정 취소 후 기다리는 기간이 지나 다시 신청할 수 있습니다.', en: 'The waiting period after the revocation has passed; the city may apply again.' }),
  applied_this_call: () => ({ ko: '이 공모에 신청했습니다.', en: 'The city has applied to this call.' }),
  designated: () => ({ ko: '이미 평생학습도시로 지정되어 있어 신규 지정 공모에 신청할 수 없습니다.', en: 'The city is already a designated learning city and cannot apply for a new designation.' }),
  potential: () => ({ ko: '예비 평생학습도시로 컨설팅 중이어서 신청할 수 없습니다.', en: 'The city is a potential learning city in its consulting year and cannot apply.' }),
  pending_elsewhere: () => ({ ko: '이전 공모의 신청 결과가 아직 나오지 않아 신청할 수 없습니다.', en: 'An earlier application of the city is still being decided.' }),
  revoked_waiting: (from) => ({
    ko: `지정이 취소된 도시는 ${from}부터 다시 신청할 수 있습니다.`, en: `A city whose designation was revoked may apply again from ${from}.`,
  }),
};

/** The day `years` years after `day` (29 February becomes 1 March when the year has none). */
function yearsAfter(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/**
 * Whether a city may apply to a call, from its designation history (oldest first): not while it is a learning
 * city or a potential one; not while an earlier application awaits its decision; after a revocation, once the
 * call's waiting period has passed by `now`. A city that never applied, or was rejected, may.
 */
export function eligibility(cityCode: string, history: readonly HistoryEntry[], call: { year: number; revokedWaitYears: number }, now: Date): Eligibility {
  const latest = history.at(-1);
  let reason: EligibilityReason;
  let eligibleFrom: string | null = null;
  if (!latest) reason = 'never_applied';
  else switch (latest.state) {
    case 'rejected':
      reason = 'rejected_before';
      break;
    case 'applied':
      reason = latest.year === call.year ? 'applied_this_call' : 'pending_elsewhere';
      break;
    case 'potential':
      reason = 'potential';
      break;
    case 'revoked':
      eligibleFrom = yearsAfter(latest.occurredOn, call.revokedWaitYears);
      reason = todayInKorea(now) >= eligibleFrom ? 'revoked_waited' : 'revoked_waiting';
      break;
    case 'designated':
    case 'redesignated':
    case 'deferred':
    case 'excellent':
      reason = 'designated';
      break;
    default:
      throw new Error(`no eligibility rule for the state ${latest.state satisfies never}`);
  }
  const eligible = (['never_applied', 'rejected_before', 'revoked_waited', 'applied_this_call'] as EligibilityReason[]).includes(reason);
  return { cityCode, eligible, reason, eligibleFrom: reason === 'revoked_waiting' ? eligibleFrom : null, message: eligibilityWords[reason](eligibleFrom) };
}

// ---- Rubric -------------------------------------------------------------------------------------------

export const RUBRIC_TOTAL = 100;

export function rubricProblem(areas: readonly RubricArea[]): Problem | null {
  const total = areas.reduce((sum, area) => sum + area.items.reduce((s, item) => s + item.points, 0), 0);
  if (total !== RUBRIC_TOTAL) {
    return {
      status: 400, field: 'points',
      words: { ko: `배점 합계가 ${total}점입니다. 합계는 ${RUBRIC_TOTAL}점이어야 합니다.`, en: `The points add up to ${total}; they must add up to ${RUBRIC_TOTAL}.` },
    };
  }
  return null;
}

export interface RubricRow {
  id?: number;
  areaNo: number;
  areaKo: string;
  areaEn: string;
  itemNo: number;
  titleKo: string;
  titleEn: string;
  guidanceKo: string;
  guidanceEn: string;
  points: number;
}

/** The rows a rubric is stored as: areas and items numbered from 1 in the order given. */
export function rubricRows(areas: readonly RubricArea[]): RubricRow[] {
  return areas.flatMap((area, a) => area.items.map((item, i) => ({
    areaNo: a + 1, areaKo: area.titleKo, areaEn: area.titleEn, itemNo: i + 1,
    titleKo: item.titleKo, titleEn: item.titleEn, guidanceKo: item.guidanceKo, guidanceEn: item.guidanceEn, points: item.points,
  })));
}

/** Stored rows (ordered by area, then item) back into areas with their points. */
export function rubricAreas(rows: readonly (RubricRow & { id: number })[]): RubricAreaView[] {
  const areas: RubricAreaView[] = [];
  for (const row of rows) {
    let area = areas.at(-1);
    if (!area || area.areaNo !== row.areaNo) {
      area = { areaNo: row.areaNo, titleKo: row.areaKo, titleEn: row.areaEn, points: 0, items: [] };
      areas.push(area);
    }
    area.points += row.points;
    area.items.push({ id: row.id, titleKo: row.titleKo, titleEn: row.titleEn, guidanceKo: row.guidanceKo, guidanceEn: row.guidanceEn, points: row.points });
  }
  return areas;
}

/** A stored rubric as the body that would write it again (to start a new call from last year's). */
export function rubricToCopy(areas: readonly RubricAreaView[]): RubricArea[] {
  return areas.map((area) => ({
    titleKo: area.titleKo, titleEn: area.titleEn,
    items: area.items.map(({ id: _id, ...item }) => item),
  }));
}

// ---- Visibility ---------------------------------------------------------------------------------------

/** A call being prepared is seen only by those who manage calls; to anyone else it does not exist. */
export function maySeeCall(viewer: { grants: readonly Grant[] } | null, call: { status: CallStatus }): boolean {
  return call.status !== 'draft' || (viewer !== null && can(viewer.grants, 'designation.call.manage'));
}
