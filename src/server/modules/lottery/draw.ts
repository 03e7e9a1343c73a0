/**
 * The draw, as anyone can recompute it from the published seed and application numbers (decision 013):
 * the commitment is SHA-256 of the seed's text; each application's ticket is HMAC-SHA-256 keyed with the seed's
 * text over the application number written in decimal; tier 1 (priority) comes before tier 2, and within a tier
 * tickets in ascending hexadecimal order. Pure: no clock, no database, no randomness but the seed's.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

export const newSeed = (): string => randomBytes(32).toString('hex');

export const commitmentOf = (seed: string): string => createHash('sha256').update(seed, 'utf8').digest('hex');

export const ticketOf = (seed: string, applicationNo: number): string =>
  createHmac('sha256', Buffer.from(seed, 'utf8')).update(String(applicationNo), 'utf8').digest('hex');

export interface Entrant {
  applicationNo: number;
  tier: 1 | 2;
}

export interface Drawn extends Entrant {
  ticket: string;
  /** 1 for the first drawn. */
  position: number;
}

export function drawOrder(seed: string, entrants: readonly Entrant[]): Drawn[] {
  return entrants
    .map((e) => ({ ...e, ticket: ticketOf(seed, e.applicationNo) }))
    // Tickets are distinct unless SHA-256 collides; the number only makes the order total.
    .sort((a, b) => a.tier - b.tier || (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : a.applicationNo - b.applicationNo))
    .map((e, i) => ({ ...e, position: i + 1 }));
}
