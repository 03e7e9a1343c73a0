import { describe, expect, it } from 'vitest';
import { answered, maskedName, phaseOf, reachesThreshold, supportMayChange } from './proposals.rules.ts';

describe('proposal rules', () => {
  it('awaits the answer from the moment the threshold was reached, not before', () => {
    expect(reachesThreshold(29, 30)).toBe(false);
    expect(reachesThreshold(30, 30)).toBe(true);
    expect(phaseOf({ status: 'open', awaitingSince: null })).toBe('open');
    expect(phaseOf({ status: 'open', awaitingSince: '2026-12-01T00:00:00Z' })).toBe('awaiting');
    expect(phaseOf({ status: 'accepted', awaitingSince: '2026-12-01T00:00:00Z' })).toBe('accepted');
    expect(phaseOf({ status: 'declined', awaitingSince: null })).toBe('declined');
  });

  it('answers an open proposal once, and support changes only while it is open', () => {
    expect(answered('open', 'accepted')).toBe('accepted');
    expect(answered('open', 'declined')).toBe('declined');
    expect(answered('accepted', 'declined')).toBe('already_answered');
    expect(answered('declined', 'accepted')).toBe('already_answered');
    expect(supportMayChange('open')).toBe(true);
    expect(supportMayChange('accepted')).toBe(false);
    expect(supportMayChange('declined')).toBe(false);
  });

  it('publishes the proposer only masked', () => {
    expect(maskedName('김민지')).toBe('김○○');
    expect(maskedName('이솔')).toBe('이○');
    expect(maskedName('남궁')).toBe('남○');
    expect(maskedName('학습자0')).toBe('학○○○');
    expect(maskedName('Jane Smith')).toBe('J. S.');
    expect(maskedName('  ')).toBe('');
  });
});
