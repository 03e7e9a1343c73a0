import { describe, expect, it } from 'vitest';
import { allowedNextStates, canMoveTo, isValidHistory } from './designation.rules.ts';

describe('the designation life cycle', () => {
  it('starts with an application', () => {
    expect(allowedNextStates(null)).toEqual(['applied']);
    expect(canMoveTo(null, 'designated')).toBe(false);
  });

  it('lets a potential city be designated after its consulting year', () => {
    expect(isValidHistory(['applied', 'potential', 'designated'])).toBe(true);
  });

  it('defers a city that fails re-designation, then re-designates or revokes it', () => {
    expect(isValidHistory(['applied', 'designated', 'deferred', 'redesignated'])).toBe(true);
    expect(isValidHistory(['applied', 'designated', 'deferred', 'revoked'])).toBe(true);
  });

  it('does not designate a rejected city without a new application', () => {
    expect(isValidHistory(['applied', 'rejected', 'designated'])).toBe(false);
    expect(isValidHistory(['applied', 'rejected', 'applied', 'designated'])).toBe(true);
  });

  it('does not re-designate a revoked city directly', () => {
    expect(canMoveTo('revoked', 'redesignated')).toBe(false);
  });
});
