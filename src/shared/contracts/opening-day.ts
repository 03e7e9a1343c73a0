/** Registration openings (opening day) and their waiting room. */
import Type, { type Static } from 'typebox';
import { Page } from './common.ts';
import { DateString } from './programs.ts';

export const OpeningBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200, description: 'What residents read, e.g. "2027년 봄학기 수강신청"' }),
    opensAt: Type.String({ format: 'date-time', description: 'When registration opens (first come from this moment, in the server’s arrival order)' }),
    /** From the opening; the room stays in force longer while anyone is still in line. */
    waitingRoomMinutes: Type.Integer({ minimum: 10, maximum: 24 * 60, description: 'How long arrivals go through the waiting room' }),
    programsStartingFrom: DateString,
    programsStartingUntil: DateString,
    admitPerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'People let in from the waiting room per minute' })),
  },
  { additionalProperties: false },
);
export type OpeningBody = Static<typeof OpeningBody>;

export const OpeningView = Type.Object({
  id: Type.Integer(),
  cityCode: Type.String(),
  title: Type.String(),
  opensAt: Type.String(),
  waitingRoomUntil: Type.String(),
  admitPerMinute: Type.Integer(),
  /** How many programs it opens. */
  programs: Type.Integer(),
  /** Tickets given so far, and how many of them were let in. */
  tickets: Type.Integer(),
  admitted: Type.Integer(),
});
export type OpeningView = Static<typeof OpeningView>;

export const OpeningPage = Page(OpeningView);
export type OpeningPage = Static<typeof OpeningPage>;

/** A person's ticket in the waiting room: where they stand and when to ask again. */
export const WaitingTicket = Type.Object({
  openingId: Type.Integer(),
  title: Type.String(),
  /** In arrival order, from 1. */
  number: Type.Integer(),
  admitted: Type.Boolean(),
  /** People ahead of them still waiting, plus themselves (1 = next); 0 once let in. */
  place: Type.Integer(),
  estimatedWaitSeconds: Type.Integer(),
  pollAfterSeconds: Type.Integer(),
});
export type WaitingTicket = Static<typeof WaitingTicket>;
