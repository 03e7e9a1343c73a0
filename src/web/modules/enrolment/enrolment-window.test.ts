import { describe, expect, it } from 'vitest';
import { enrolmentWindow } from './enrolment-window.ts';

describe('the enrolment window a program page shows', () => {
  const program = { startsOn: '2026-12-10', enrolmentOpensOn: '2026-11-20', enrolmentClosesOn: '2026-12-05' };

  it('is open from the opening day to the closing day, both included', () => {
    expect(enrolmentWindow(program, '2026-11-20')).toEqual({ state: 'open' });
    expect(enrolmentWindow(program, '2026-12-05')).toEqual({ state: 'open' });
  });

  it('says from when before it opens, and since when after it closes', () => {
    expect(enrolmentWindow(program, '2026-11-19')).toEqual({ state: 'not_open', opensOn: '2026-11-20' });
    expect(enrolmentWindow(program, '2026-12-06')).toEqual({ state: 'closed', closedOn: '2026-12-05' });
  });

  it('closes after the first day when the program names no closing day', () => {
    const unbounded = { startsOn: '2026-12-10', enrolmentOpensOn: null, enrolmentClosesOn: null };
    expect(enrolmentWindow(unbounded, '2026-12-10')).toEqual({ state: 'open' });
    expect(enrolmentWindow(unbounded, '2026-12-11')).toEqual({ state: 'closed', closedOn: '2026-12-10' });
  });
});
