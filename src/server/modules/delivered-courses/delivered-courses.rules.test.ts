import { describe, expect, it } from 'vitest';
import { moved, newInviteCode } from './delivered-courses.rules.ts';

describe('delivered-course moves', () => {
  it('becomes ready when the group reaches the minimum, and stays ready if more join', () => {
    expect(moved('gathering', 'join', 4, 5)).toBe('gathering');
    expect(moved('gathering', 'join', 5, 5)).toBe('ready');
    expect(moved('ready', 'join', 3, 5)).toBe('ready');
  });
  it('goes back to gathering when members leave it below the minimum', () => {
    expect(moved('ready', 'leave', 4, 5)).toBe('gathering');
    expect(moved('ready', 'leave', 5, 5)).toBe('ready');
    expect(moved('gathering', 'leave', 1, 5)).toBe('gathering');
    expect(moved('approved', 'leave', 1, 5)).toBe('decided');
  });
  it('approves or declines a ready request only, once', () => {
    expect(moved('gathering', 'approve', 4, 5)).toBe('not_ready');
    expect(moved('ready', 'approve', 5, 5)).toBe('approved');
    expect(moved('ready', 'decline', 5, 5)).toBe('declined');
    expect(moved('approved', 'decline', 5, 5)).toBe('decided');
    expect(moved('declined', 'join', 9, 5)).toBe('decided');
  });
  it('makes 8-character codes of unambiguous letters and digits', () => {
    expect(newInviteCode()).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
  });
});
