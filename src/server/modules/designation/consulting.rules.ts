/**
 * The consulting year's rules, without I/O: its calendar, which milestone may change in which status, what a
 * recommendation and a decision fit, and whether the round after an improvement consulting improved.
 */
import type { ConsultingDecision, Improvement } from '../../../shared/contracts/designation-consulting.ts';
import {
  consultingRecommendations, type ConsultingPurpose, type ConsultingRecommendation, type EvaluationOutcome, type MilestoneKind, type MilestoneStatus,
} from '../../../shared/vocabulary/index.ts';

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

/** A recommendation belongs to one purpose (designate/reject a potential city; improved/needs more for a deferred one). */
export const recommendationFits = (purpose: ConsultingPurpose, recommendation: ConsultingRecommendation) =>
  consultingRecommendations.get(recommendation).purpose === purpose;

/** A potential city is designated or rejected; an improvement consulting is only closed (the next round decides the city). */
export const decisionFits = (purpose: ConsultingPurpose, decision: ConsultingDecision) =>
  purpose === 'potential' ? decision !== 'closed' : decision === 'closed';

export interface RoundResult {
  year: number;
  total: number;
  outcome: EvaluationOutcome;
  areas: readonly { titleKo: string; titleEn: string; points: number; score: number }[];
}

/** Score differences to two decimals, as totals are stored (a float subtraction would show 10.500000000000004). */
const difference = (after: number, before: number) => Math.round((after - before) * 100) / 100;

/**
 * The deferring round beside the next finalised one: totals and each area of the deferring round's frame with its
 * score in the next round, matched by the area's Korean title (a frame is versioned per year; an area renamed or
 * dropped has no score after).
 */
export function improvementOf(deferred: RoundResult, next: RoundResult | null): Improvement {
  const after = new Map((next?.areas ?? []).map((area) => [area.titleKo, area.score]));
  return {
    deferredRound: { year: deferred.year, total: deferred.total },
    nextRound: next ? { year: next.year, total: next.total, outcome: next.outcome } : null,
    change: next ? difference(next.total, deferred.total) : null,
    areas: deferred.areas.map((area) => {
      const score = after.get(area.titleKo) ?? null;
      return { titleKo: area.titleKo, titleEn: area.titleEn, points: area.points, before: area.score, after: score, change: score === null ? null : difference(score, area.score) };
    }),
  };
}
