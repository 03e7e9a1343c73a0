import { describe, expect, it } from 'vitest';
import { admit, admissionDue, bucketAtOpening, burstOf, estimatedWaitSeconds, pollAfterSeconds, workRoom, type Line } from './admission.ts';

const opensAt = Date.UTC(2027, 1, 15, 0, 0, 0);
const line = (changes: Partial<Line> = {}): Line => ({
  lastTicket: 0, admittedThrough: 0, admitPerMinute: 600, admittedAsOf: bucketAtOpening(opensAt, 600), ...changes,
});

describe('admission from the waiting room', () => {
  it('lets the first burst in at once, then the rest at the rate, in ticket order', () => {
    expect(burstOf(600)).toBe(20);
    const first = admit(line({ lastTicket: 1000 }), opensAt);
    expect(first.admittedThrough).toBe(20);
    // Half a second later, five more (10 a second).
    const next = admit({ ...line({ lastTicket: 1000 }), ...first }, opensAt + 500);
    expect(next.admittedThrough).toBe(25);
    // Over a minute, the rate holds however often the pass runs.
    let state = { ...line({ lastTicket: 1000 }), ...first };
    for (const t of [...Array.from({ length: 438 }, (_, i) => i * 137), 60_000]) state = { ...state, ...admit(state, opensAt + t) };
    expect(state.admittedThrough).toBe(20 + 600);
  });

  it('never lets in more than have tickets, and a quiet spell refills only the burst', () => {
    const few = admit(line({ lastTicket: 3 }), opensAt);
    expect(few.admittedThrough).toBe(3);
    const later = admit({ ...line({ lastTicket: 500 }), ...few }, opensAt + 3_600_000);
    expect(later.admittedThrough).toBe(3 + 20);
  });

  it('estimates the wait from the place in line and says when to ask again', () => {
    const state = { ...line({ lastTicket: 1000 }), ...admit(line({ lastTicket: 1000 }), opensAt) };
    expect(estimatedWaitSeconds(state, 20, opensAt)).toBe(0);
    expect(estimatedWaitSeconds(state, 620, opensAt)).toBe(60);
    expect(admissionDue(state, opensAt)).toBe(false);
    expect(admissionDue(state, opensAt + 100)).toBe(true);
    expect(pollAfterSeconds(0)).toBe(3);
    expect(pollAfterSeconds(60)).toBe(20);
    expect(pollAfterSeconds(3600)).toBe(60);
  });
});

describe('admission by the work in flight', () => {
  const crowd = () => ({ ...line({ lastTicket: 1000 }), ...admit(line({ lastTicket: 1000 }), opensAt) });

  it('lets in no more than the server can finish in two seconds, and at least the burst', () => {
    // 600 a minute: 20 tokens at the opening; nothing finished yet, so the limit is the burst (20).
    expect(workRoom(600, { inFlight: 0, recentlyDone: 0 })).toBe(20);
    expect(workRoom(600, { inFlight: 15, recentlyDone: 0 })).toBe(5);
    // 300 finished in the last 10 s: 30 a second, so up to 60 in flight.
    expect(workRoom(600, { inFlight: 50, recentlyDone: 300 })).toBe(10);
    expect(workRoom(600, { inFlight: 70, recentlyDone: 300 })).toBe(0);
  });

  it('holds the line while the server is behind, empties the bucket, then resumes at the rate', () => {
    const behind = admit(crowd(), opensAt + 2_000, { inFlight: 40, recentlyDone: 50 });
    expect(behind.admittedThrough).toBe(20);
    expect(behind.admittedAsOf).toBe(opensAt + 2_000);
    // Partly behind: only what the work leaves room for.
    const partly = admit(crowd(), opensAt + 2_000, { inFlight: 8, recentlyDone: 50 });
    expect(partly.admittedThrough).toBe(20 + 12);
    // Caught up: 100 ms later one token (10 a second), not a burst.
    const resumed = admit({ ...crowd(), ...behind }, opensAt + 2_100, { inFlight: 0, recentlyDone: 50 });
    expect(resumed.admittedThrough).toBe(21);
    // Without work figures (or with room to spare) it is the plain bucket.
    expect(admit(crowd(), opensAt + 2_000, { inFlight: 0, recentlyDone: 1000 })).toEqual(admit(crowd(), opensAt + 2_000));
  });
});
