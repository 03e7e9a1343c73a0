/**
 * The consulting year's rules, without I/O: its calendar, which milestone may change in which status, and what a
 * recommendation needs.
 */
import type { MilestoneKind, MilestoneStatus } from '../../../shared/vocabulary/index.ts';

/**
 * When each milestone is due, in months after the year starts: the needs survey first (it informs the rest),
 * the improvement plan at mid-year, the mid- and long-term plan two months before the year ends so the
 * consultant can still ask for changes before recommending.
 */
export const MILESTONE_DUE_MONTHS: Record<MilestoneKind, number> = { needs_survey: 3, improvement_plan: 6, midterm_plan: 10 };
export const CONSULTING_MONTHS = 12;

/** A calendar day plus whole months; the 31st of a shorter month becomes its last day. */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(date, lastDay))).toISOString().slice(0, 10);
}

/** The consulting year that starts on `startsOn` (the day the city was named potential). */
export function consultingCalendar(startsOn: string): { startsOn: string; endsOn: string; dueDates: Record<MilestoneKind, string> } {
  const dueDates = Object.fromEntries(
    Object.entries(MILESTONE_DUE_MONTHS).map(([kind, months]) => [kind, addMonths(startsOn, months)]),
  ) as Record<MilestoneKind, string>;
  return { startsOn, endsOn: addMonths(startsOn, CONSULTING_MONTHS), dueDates };
}

/** The city may change its document and submit while the milestone waits for it: open, or sent back. */
export const cityMayWork = (status: MilestoneStatus) => status === 'open' || status === 'revise';

/** The consultant answers only what was submitted. */
export const consultantMayReview = (status: MilestoneStatus) => status === 'submitted';
