/**
 * The designation life cycle of a learning city (domain.md §2): which state may follow which.
 * Pure: used by the ministry's route and by the demo generator, so that every history is valid.
 */
import type { DesignationState } from '../../../shared/vocabulary/index.ts';

const next: Record<DesignationState | 'none', readonly DesignationState[]> = {
  none: ['applied'],
  applied: ['rejected', 'potential', 'designated'],
  rejected: ['applied'],
  potential: ['designated', 'rejected'],
  designated: ['redesignated', 'deferred', 'excellent', 'revoked'],
  redesignated: ['redesignated', 'deferred', 'excellent', 'revoked'],
  excellent: ['redesignated', 'excellent', 'deferred', 'revoked'],
  deferred: ['redesignated', 'excellent', 'revoked'],
  revoked: ['applied'],
};

export function allowedNextStates(current: DesignationState | null): readonly DesignationState[] {
  return next[current ?? 'none'];
}

export function canMoveTo(current: DesignationState | null, to: DesignationState): boolean {
  return allowedNextStates(current).includes(to);
}

/** Whether a whole history (oldest first) follows the rules. */
export function isValidHistory(states: readonly DesignationState[]): boolean {
  return states.every((state, i) => canMoveTo(i === 0 ? null : states[i - 1]!, state));
}
