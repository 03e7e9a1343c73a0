/**
 * Priority investment (우선 투자): how a round's budget is proposed among the eligible cities. Pure.
 *
 *  - Each city has an evaluation score and a need score, both 0–100. Its priority is their weighted mean with the
 *    round's weights (whole percentages summing to 100), kept to hundredths.
 *  - Need comes from access (2SFCA places within reach per 1,000 residents): the least served city of the round
 *    needs most (100), the best served least (0), linearly between (min–max, inverted); all alike: 50 each.
 *  - An allocation shares the budget in proportion to a weight per city, never above the per-city cap: cities whose
 *    share would reach the cap get the cap and the rest is shared again among the others (water-filling).
 *  - Integer won, exactly: each share is rounded down and the won left over go one each to the largest remainders
 *    (Hamilton's method); equal remainders go to the larger weight, then to the higher-ranked city. So the amounts
 *    sum to the budget whenever the cities with a weight can take it (budget ≤ cap × their number); what they cannot
 *    take is reported as unallocated, never given beyond a cap.
 */

export interface Criteria {
  cityCode: string;
  evaluation: number;
  need: number;
}

/** Whole percentages summing to 100. */
export interface CriteriaWeights {
  evaluation: number;
  need: number;
}

export interface Ranked extends Criteria {
  priority: number;
  rank: number;
}

const hundredths = (value: number) => Math.round(value * 100) / 100;

export const priorityOf = (city: Criteria, weights: CriteriaWeights) =>
  hundredths((weights.evaluation * city.evaluation + weights.need * city.need) / 100);

/** Highest priority first; ties to the greater need, then by city code (so the order never depends on input order). */
export function rankCities(cities: readonly Criteria[], weights: CriteriaWeights): Ranked[] {
  return cities
    .map((city) => ({ ...city, priority: priorityOf(city, weights) }))
    .sort((a, b) => b.priority - a.priority || b.need - a.need || a.cityCode.localeCompare(b.cityCode))
    .map((city, i) => ({ ...city, rank: i + 1 }));
}

/** Need 0–100 from access per 1,000 residents: the least access is the greatest need. */
export function needScores(accessByCity: ReadonlyMap<string, number>): Map<string, number> {
  const values = [...accessByCity.values()];
  const [least, most] = [Math.min(...values), Math.max(...values)];
  return new Map([...accessByCity].map(([code, access]) => [code, most === least ? 50 : hundredths((100 * (most - access)) / (most - least))]));
}

export interface Allocation {
  /** Won per city, in the order given. */
  amounts: number[];
  /** Won no city could take within its cap (0 when the budget fits). */
  unallocated: number;
}

/**
 * Shares `budget` won in proportion to `weights` (non-negative; compared exactly, so give integers), none above `cap`.
 * Order matters only for equal remainders: give the cities in rank order.
 */
export function allocate(weights: readonly number[], budget: number, cap: number): Allocation {
  const amounts = weights.map(() => 0n);
  const w = weights.map((x) => BigInt(Math.round(x)));
  const capWon = BigInt(cap);
  let remaining = BigInt(budget);
  let active = w.flatMap((x, i) => (x > 0n ? [i] : []));
  while (active.length > 0 && remaining > 0n) {
    const total = active.reduce((sum, i) => sum + w[i]!, 0n);
    // Whoever's share reaches the cap takes the cap; sharing the rest again only raises the others' shares.
    const capped = active.filter((i) => remaining * w[i]! >= capWon * total);
    if (capped.length > 0) {
      for (const i of capped) amounts[i] = capWon;
      remaining -= capWon * BigInt(capped.length);
      active = active.filter((i) => !capped.includes(i));
      continue;
    }
    const remainders = new Map<number, bigint>();
    for (const i of active) {
      amounts[i] = (remaining * w[i]!) / total;
      remainders.set(i, (remaining * w[i]!) % total);
    }
    let leftover = remaining - active.reduce((sum, i) => sum + amounts[i]!, 0n);
    const byRemainder = [...active].sort((a, b) => {
      const [ra, rb] = [remainders.get(a)!, remainders.get(b)!];
      if (ra !== rb) return ra > rb ? -1 : 1;
      if (w[a] !== w[b]) return w[a]! > w[b]! ? -1 : 1;
      return a - b;
    });
    // Fewer won are left over than there are non-zero remainders, and a share below the cap plus one never passes it.
    for (const i of byRemainder) {
      if (leftover === 0n) break;
      amounts[i] = amounts[i]! + 1n;
      leftover -= 1n;
    }
    remaining = 0n;
  }
  return { amounts: amounts.map(Number), unallocated: Number(remaining) };
}

/** The allocations a round shows: weights per city for each plan, given the cities in rank order. */
export function planWeights(ranked: readonly Ranked[]) {
  return {
    proposed: ranked.map((c) => Math.round(c.priority * 100)),
    equal: ranked.map(() => 1),
    need_only: ranked.map((c) => Math.round(c.need * 100)),
  };
}

export type AllocationProblem =
  | { kind: 'above_cap'; index: number }
  | { kind: 'above_budget'; total: number }
  | { kind: 'unknown_city'; index: number }
  | { kind: 'repeated_city'; index: number };

/**
 * Whether the ministry's amounts may stand: each within the cap, each city of the round once, and the round's total
 * (the cities changed plus the others as they are) within the budget.
 */
export function checkAdjustment(
  changes: readonly { cityCode: string; amount: number }[],
  current: ReadonlyMap<string, number>,
  cap: number,
  budget: number,
): AllocationProblem | null {
  const seen = new Set<string>();
  for (const [index, change] of changes.entries()) {
    if (!current.has(change.cityCode)) return { kind: 'unknown_city', index };
    if (seen.has(change.cityCode)) return { kind: 'repeated_city', index };
    seen.add(change.cityCode);
    if (change.amount > cap) return { kind: 'above_cap', index };
  }
  const changed = new Map(changes.map((c) => [c.cityCode, c.amount]));
  const total = [...current].reduce((sum, [code, amount]) => sum + (changed.get(code) ?? amount), 0);
  return total > budget ? { kind: 'above_budget', total } : null;
}
