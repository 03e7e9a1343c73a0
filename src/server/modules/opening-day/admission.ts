/**
 * Who is let in from the waiting room, and when: a token bucket at the opening's rate, kept as one moment so that it
 * lives in the opening's row (any server process, any restart, computes the same). Pure: the service locks the row,
 * this decides, the service writes the result.
 */

/** Up to this many seconds' worth of admissions may be let in at once after a quiet spell (and at the opening). */
export const BURST_SECONDS = 2;

export interface Line {
  lastTicket: number;
  admittedThrough: number;
  /** The bucket's moment (ms since the epoch): it holds (now − admittedAsOf) × rate tokens, capped at the burst. */
  admittedAsOf: number;
  admitPerMinute: number;
}

const perMs = (line: Line) => line.admitPerMinute / 60_000;
export const burstOf = (admitPerMinute: number) => Math.max(1, Math.floor((admitPerMinute / 60) * BURST_SECONDS));

/** The bucket is full at the opening, so the first arrivals of a quiet opening never see the waiting room. */
export const bucketAtOpening = (opensAt: number, admitPerMinute: number) => opensAt - burstOf(admitPerMinute) / (admitPerMinute / 60_000);

/** Enrolments through the room the server has begun and not finished, and those it finished lately. */
export interface RoomWork {
  inFlight: number;
  /** Finished in the last `WORK_WINDOW_SECONDS`. */
  recentlyDone: number;
}

/** Work begun longer ago than this and never finished (a process died under it) no longer counts as in flight. */
export const WORK_EXPIRY_SECONDS = 120;
export const WORK_WINDOW_SECONDS = 10;
/** The server may hold this many seconds' worth of the enrolments it finishes, and no more. */
export const WORK_IN_FLIGHT_SECONDS = 2;

/**
 * How many more may be let in now that the server is busy with `work`: up to twice what it finishes a second (by
 * Little's law, the room's enrolments then take about two seconds each, however fast the machine), and at least
 * the burst, so that an opening starts before anything has finished.
 */
export function workRoom(admitPerMinute: number, work: RoomWork): number {
  const limit = Math.max(burstOf(admitPerMinute), Math.ceil((work.recentlyDone / WORK_WINDOW_SECONDS) * WORK_IN_FLIGHT_SECONDS));
  return Math.max(0, limit - work.inFlight);
}

/**
 * Lets in as many of those waiting, in ticket order, as the bucket allows at `now` and, given the server's `work`,
 * as it can take without its answers slowing down.
 */
export function admit(line: Line, now: number, work?: RoomWork): Pick<Line, 'admittedThrough' | 'admittedAsOf'> {
  const rate = perMs(line);
  const from = Math.max(line.admittedAsOf, now - burstOf(line.admitPerMinute) / rate);
  const tokens = Math.floor((now - from) * rate + 1e-9);
  const capacity = work ? workRoom(line.admitPerMinute, work) : Infinity;
  const waiting = line.lastTicket - line.admittedThrough;
  const letIn = Math.max(0, Math.min(tokens, capacity, waiting));
  // Held back by the work, the bucket is emptied: passes stay as rare as the rate makes them (not one per poll), and
  // admission resumes at the rate, without a burst, once the server has caught up.
  if (capacity < Math.min(tokens, waiting)) return { admittedThrough: line.admittedThrough + letIn, admittedAsOf: now };
  return { admittedThrough: line.admittedThrough + letIn, admittedAsOf: from + letIn / rate };
}

/** Whether a pass would let anyone in now (checked without the lock, so that most polls only read). */
export const admissionDue = (line: Line, now: number) => admit(line, now).admittedThrough > line.admittedThrough;

/** Seconds until the ticket `number` is let in at the opening's rate, if everyone ahead keeps their place. */
export function estimatedWaitSeconds(line: Line, number: number, now: number): number {
  const ahead = number - line.admittedThrough;
  if (ahead <= 0) return 0;
  const rate = perMs(line);
  const from = Math.max(line.admittedAsOf, now - burstOf(line.admitPerMinute) / rate);
  return Math.max(0, Math.ceil((from + ahead / rate - now) / 1000));
}

/**
 * When the page should ask again: a third of the wait (so the estimate can be corrected a few times), never sooner
 * than 3 s nor later than a minute. The crowd's polls then cost about the rate × 3 × ln(line length) a second: with
 * 20,000 in line at 40 a second, a few hundred cheap reads a second (measured in `npm run bench -- opening-day`).
 */
export const pollAfterSeconds = (waitSeconds: number) => Math.min(60, Math.max(3, Math.round(waitSeconds / 3)));
