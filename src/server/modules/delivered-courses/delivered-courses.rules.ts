/** The pure rules of delivered courses: the moves of a request's small state machine, and the invite code. */
import { randomInt } from 'node:crypto';
import type { DeliveredCourseStatus } from '../../../shared/vocabulary/index.ts';

export type DeliveredCourseMove = 'join' | 'leave' | 'approve' | 'decline';

/**
 * Where a move takes a request, or why it cannot be made. Neighbours join while the group gathers and while the
 * city looks at it (a bigger group is no harm); reaching the minimum size makes it ready; members leaving it below
 * the minimum send it back to gathering (the city does not approve a class for fewer than it asks); only a ready
 * request is approved or declined, once. A city that later raises its minimum does not send a ready request back.
 */
export function moved(status: DeliveredCourseStatus, move: DeliveredCourseMove, members: number, minGroupSize: number): DeliveredCourseStatus | 'decided' | 'not_ready' {
  if (status === 'approved' || status === 'declined') return 'decided';
  if (move === 'join') return status === 'gathering' && members >= minGroupSize ? 'ready' : status;
  if (move === 'leave') return status === 'ready' && members < minGroupSize ? 'gathering' : status;
  if (status !== 'ready') return 'not_ready';
  return move === 'approve' ? 'approved' : 'declined';
}

/** Letters and digits that cannot be mistaken for each other when read aloud or copied by hand (no 0/O, 1/I/L). */
const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 8;

export function newInviteCode(): string {
  return Array.from({ length: INVITE_CODE_LENGTH }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('');
}
