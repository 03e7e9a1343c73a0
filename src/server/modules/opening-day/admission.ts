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

/** Lets in as many of those waiting, in ticket order, as the bucket allows at `now`. */
export function admit(line: Line, now: number): Pick<Line, 'admittedThrough' | 'admittedAsOf'> {
  const rate = perMs(line);
  const from = Math.max(line.admittedAsOf, now - burstOf(line.admitPerMinute) / rate);
  const tokens = Math.floor((now - from) * rate + 1e-9);
  const letIn = Math.max(0, Math.min(tokens, line.lastTicket - line.admittedThrough));
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
