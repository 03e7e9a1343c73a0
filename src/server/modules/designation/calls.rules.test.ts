import { describe, expect, it } from 'vitest';
import type { CallTimeline } from '../../../shared/contracts/designation-calls.ts';
import { defaultRubric } from './calls.default-rubric.ts';
import {
  acceptsSubmissions, callPhase, eligibility, maySeeCall, publishedChangeProblem, rubricAreas, rubricProblem, rubricRows, rubricToCopy,
  timelineProblem, type HistoryEntry,
} from './calls.rules.ts';

const timeline: CallTimeline = {
  opensAt: '2027-03-02T09:00:00+09:00',
  submissionDeadline: '2027-04-30T18:00:00+09:00',
  endorsementDeadline: '2027-05-21T18:00:00+09:00',
  reviewStartsOn: '2027-06-01',
  reviewEndsOn: '2027-06-30',
  announcementOn: '2027-07-15',
};
const published = { status: 'published' as const, ...timeline };
const at = (iso: string) => new Date(iso);

describe('the phase of a call', () => {
  it('follows the timeline, each deadline ending its stage at the instant', () => {
    expect(callPhase(published, at('2027-03-02T08:59:59+09:00'))).toBe('upcoming');
    expect(callPhase(published, at('2027-03-02T09:00:00+09:00'))).toBe('open');
    expect(callPhase(published, at('2027-04-30T17:59:59+09:00'))).toBe('open');
    expect(callPhase(published, at('2027-04-30T18:00:00+09:00'))).toBe('endorsement');
    expect(callPhase(published, at('2027-05-21T18:00:00+09:00'))).toBe('review');
  });

  it('keeps the review to the end of its last day in Korea, then awaits the announcement', () => {
    // 23:59 in Seoul on the last day is 14:59 UTC: still the review.
    expect(callPhase(published, at('2027-06-30T14:59:00Z'))).toBe('review');
    expect(callPhase(published, at('2027-06-30T15:00:00Z'))).toBe('decision');
    expect(callPhase(published, at('2027-09-01T00:00:00+09:00'))).toBe('decision');
  });

  it('is announced once the results are, and has not opened while being prepared, whatever the date', () => {
    expect(callPhase({ ...published, status: 'announced' }, at('2027-06-10T00:00:00+09:00'))).toBe('announced');
    expect(callPhase({ ...published, status: 'draft' }, at('2027-04-10T00:00:00+09:00'))).toBe('upcoming');
  });

  it('accepts submissions from the opening up to the deadline', () => {
    expect(acceptsSubmissions(timeline, at('2027-03-01T23:00:00+09:00'))).toBe(false);
    expect(acceptsSubmissions(timeline, at('2027-04-30T17:59:59+09:00'))).toBe(true);
    expect(acceptsSubmissions(timeline, at('2027-04-30T18:00:00+09:00'))).toBe(false);
  });
});

describe('the order of a timeline', () => {
  it('accepts a timeline in order', () => {
    expect(timelineProblem(timeline, 2027)).toBeNull();
  });

  it.each([
    ['submissionDeadline', { submissionDeadline: '2027-03-02T09:00:00+09:00' }],
    ['endorsementDeadline', { endorsementDeadline: '2027-04-30T18:00:00+09:00' }],
    ['reviewStartsOn', { reviewStartsOn: '2027-05-20' }],
    ['reviewEndsOn', { reviewEndsOn: '2027-05-31' }],
    ['announcementOn', { announcementOn: '2027-06-29' }],
  ])('names %s when it comes too early', (field, change) => {
    expect(timelineProblem({ ...timeline, ...change }, 2027)).toMatchObject({ status: 400, field });
  });

  it('compares moments, not the text they were written in', () => {
    // 09:00 UTC on 30 April is 18:00 in Seoul: the same instant as the deadline, so the endorsement deadline cannot be it.
    expect(timelineProblem({ ...timeline, endorsementDeadline: '2027-04-30T09:00:00Z' }, 2027)).toMatchObject({ field: 'endorsementDeadline' });
  });

  it('starts the review no earlier than the day of the endorsement deadline in Korea', () => {
    // 20:00 UTC on 31 May is already 1 June in Seoul.
    expect(timelineProblem({ ...timeline, endorsementDeadline: '2027-05-31T20:00:00Z' }, 2027)).toBeNull();
    expect(timelineProblem({ ...timeline, endorsementDeadline: '2027-06-01T15:00:00Z' }, 2027)).toMatchObject({ field: 'reviewStartsOn' });
  });

  it("announces the results in the call's year", () => {
    expect(timelineProblem(timeline, 2026)).toMatchObject({ field: 'announcementOn' });
  });
});

describe('correcting a published call', () => {
  const now = at('2027-04-10T12:00:00+09:00');
  const before = { ...timeline, titleKo: '2027년 평생학습도시 지정 공모', quota: 10 };

  it('lets a deadline still ahead move to another time still ahead', () => {
    expect(publishedChangeProblem(before, { submissionDeadline: '2027-05-07T18:00:00+09:00', endorsementDeadline: '2027-05-28T18:00:00+09:00' }, now)).toBeNull();
  });

  it('refuses to move a stage that has begun, or anything into the past', () => {
    expect(publishedChangeProblem(before, { opensAt: '2027-04-11T09:00:00+09:00' }, now)).toMatchObject({ status: 409, field: 'opensAt' });
    expect(publishedChangeProblem(before, { submissionDeadline: '2027-04-10T11:00:00+09:00' }, now)).toMatchObject({ status: 400, field: 'submissionDeadline' });
    expect(publishedChangeProblem(before, { reviewStartsOn: '2027-04-10' }, now)).toMatchObject({ status: 400, field: 'reviewStartsOn' });
  });

  it('refuses other terms, but lets the form send them unchanged', () => {
    expect(publishedChangeProblem(before, { quota: 12 }, now)).toMatchObject({ status: 409, field: 'quota' });
    expect(publishedChangeProblem(before, { quota: 10, titleKo: before.titleKo, opensAt: '2027-03-02T00:00:00Z' }, now)).toBeNull();
  });
});

describe('who may apply', () => {
  const call = { year: 2027, revokedWaitYears: 2 };
  const now = at('2027-03-10T10:00:00+09:00');
  const history = (...entries: [HistoryEntry['state'], number, string][]) => entries.map(([state, year, occurredOn]) => ({ state, year, occurredOn }));

  it('lets a city that never applied, or was rejected, apply', () => {
    expect(eligibility('47130', [], call, now)).toMatchObject({ eligible: true, reason: 'never_applied' });
    expect(eligibility('47130', history(['applied', 2025, '2025-04-30'], ['rejected', 2025, '2025-07-10']), call, now))
      .toMatchObject({ eligible: true, reason: 'rejected_before' });
  });

  it('keeps out designated and potential cities', () => {
    for (const state of ['designated', 'redesignated', 'deferred', 'excellent'] as const) {
      expect(eligibility('31060', history(['applied', 2001, '2001-03-01'], [state, 2001, '2001-06-01']), call, now)).toMatchObject({ eligible: false, reason: 'designated' });
    }
    expect(eligibility('31060', history(['applied', 2026, '2026-04-30'], ['potential', 2026, '2026-07-10']), call, now)).toMatchObject({ eligible: false, reason: 'potential' });
  });

  it("counts an application to this very call as the city's, and one to an earlier call as still pending", () => {
    expect(eligibility('47130', history(['applied', 2027, '2027-03-05']), call, now)).toMatchObject({ eligible: true, reason: 'applied_this_call' });
    expect(eligibility('47130', history(['applied', 2026, '2026-04-30']), call, now)).toMatchObject({ eligible: false, reason: 'pending_elsewhere' });
  });

  it("lets a revoked city apply once the call's waiting period has passed", () => {
    const revoked = history(['applied', 2010, '2010-03-01'], ['designated', 2010, '2010-06-01'], ['revoked', 2025, '2025-03-11']);
    expect(eligibility('47130', revoked, call, now)).toEqual({
      cityCode: '47130', eligible: false, reason: 'revoked_waiting', eligibleFrom: '2027-03-11',
      message: { ko: '지정이 취소된 도시는 2027-03-11부터 다시 신청할 수 있습니다.', en: 'A city whose designation was revoked may apply again from 2027-03-11.' },
    });
    expect(eligibility('47130', revoked, call, at('2027-03-11T00:00:00+09:00'))).toMatchObject({ eligible: true, reason: 'revoked_waited', eligibleFrom: null });
    expect(eligibility('47130', revoked, { year: 2027, revokedWaitYears: 0 }, now)).toMatchObject({ eligible: true });
  });
});

describe('the rubric', () => {
  it('starts from a default that adds up to 100', () => {
    expect(rubricProblem(defaultRubric)).toBeNull();
  });

  it('names the points when they do not add up to 100', () => {
    const short = [{ ...defaultRubric[0]!, items: defaultRubric[0]!.items.map((item) => ({ ...item, points: item.points - 1 })) }, ...defaultRubric.slice(1)];
    expect(rubricProblem(short)).toMatchObject({ status: 400, field: 'points', words: { ko: '배점 합계가 96점입니다. 합계는 100점이어야 합니다.' } });
  });

  it('is stored as numbered rows and read back as it was written', () => {
    const rows = rubricRows(defaultRubric).map((row, i) => ({ ...row, id: i + 1 }));
    expect(rows[4]).toMatchObject({ areaNo: 2, itemNo: 1, areaKo: '추진 체계와 협력' });
    const areas = rubricAreas(rows);
    expect(areas.map((area) => area.points)).toEqual([30, 20, 35, 15]);
    expect(rubricToCopy(areas)).toEqual(defaultRubric);
  });
});

describe('who sees a call being prepared', () => {
  const grant = (role: 'ministry_officer' | 'city_officer' | 'administrator') =>
    ({ role, cityCode: role === 'city_officer' ? '31060' : null, institutionId: null, provinceCode: null, institutionCityCode: null });

  it('shows a draft to the ministry and administrators only', () => {
    expect(maySeeCall({ grants: [grant('ministry_officer')] }, { status: 'draft' })).toBe(true);
    expect(maySeeCall({ grants: [grant('administrator')] }, { status: 'draft' })).toBe(true);
    expect(maySeeCall({ grants: [grant('city_officer')] }, { status: 'draft' })).toBe(false);
    expect(maySeeCall(null, { status: 'draft' })).toBe(false);
    expect(maySeeCall(null, { status: 'published' })).toBe(true);
  });
});
