import { describe, expect, it } from 'vitest';
import { admit, admissionDue, bucketAtOpening, burstOf, estimatedWaitSeconds, pollAfterSeconds, type Line } from './admission.ts';

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
