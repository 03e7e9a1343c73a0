/**
 * Priority investment rounds (우선 투자): the ministry sets a budget, a per-city cap and the weights of evaluation and
 * need; the product proposes an allocation (allocation.rules.ts) beside equal shares and need only; the ministry
 * adjusts amounts and approves once, which writes a special-purpose grant per funded city into the ledger.
 *
 * Criteria are read when the round is made and kept with it, so what is approved is what was shown:
 *  - eligible: cities that are learning cities now (designated, re-designated, deferred or excellent) with a score;
 *  - evaluation: the city's last finalised re-designation total up to the round's year, else the composite index of
 *    the last finished year (both 0–100);
 *  - need: from 2SFCA access over the last finished year (1.5 km catchment, every resident), least access 100.
 */
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { InvestmentRound, InvestmentRoundBody, InvestmentRoundList, RoundAmountsBody, RoundCities } from '../../../shared/contracts/grants.ts';
import type { EvaluationScoreSource } from '../../../shared/vocabulary/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { accessModule } from '../access/index.ts';
import { evaluation } from '../evaluation/index.ts';
import { identity } from '../identity/index.ts';
import { indicatorsModule } from '../indicators/index.ts';
import { notifications } from '../notifications/index.ts';
import { allocate, checkAdjustment, needScores, planWeights, rankCities } from './allocation.rules.ts';
import * as queries from './grants.queries.ts';
import { won } from './grants.service.ts';

interface Scored {
  cityCode: string;
  evaluation: number;
  evaluationSource: EvaluationScoreSource;
}

/** Each designated city's evaluation score for a round of `year`: its last final total, else its index score. */
async function evaluationScores(db: AppDb, year: number, cityCodes: readonly string[]): Promise<Scored[]> {
  const [finals, index] = await Promise.all([evaluation.finalTotals(db), indicatorsModule.indexScoresOfYear(db, undefined, year - 1)]);
  const finalOf = new Map<string, number>();
  for (const row of finals) if (row.year <= year) finalOf.set(row.cityCode, row.total); // ordered by year: the last stays
  const indexOf = new Map((index?.scores ?? []).flatMap((s) => (s.score === null ? [] : [[s.cityCode, s.score] as const])));
  return cityCodes.flatMap((cityCode): Scored[] => {
    const final = finalOf.get(cityCode);
    if (final !== undefined) return [{ cityCode, evaluation: final, evaluationSource: 'redesignation' }];
    const score = indexOf.get(cityCode);
    return score === undefined ? [] : [{ cityCode, evaluation: score, evaluationSource: 'index' }];
  });
}

export async function createRound(db: AppDb, actor: Actor, body: InvestmentRoundBody): Promise<InvestmentRound> {
  if (body.weightEvaluation + body.weightNeed !== 100) {
    throw badRequest({ ko: '평가와 필요도 가중치의 합이 100%여야 합니다.', en: 'The weights of evaluation and need must add up to 100%.' }, 'weightNeed');
  }
  if (body.cityCap > body.budget) {
    throw badRequest({ ko: '도시별 상한은 총예산보다 클 수 없습니다.', en: 'The cap per city cannot exceed the total budget.' }, 'cityCap');
  }
  const designated = (await queries.designatedCities(db)).map((c) => c.code);
  const [scored, access] = await Promise.all([
    evaluationScores(db, body.year, designated),
    accessModule.accessOfCities(db, accessModule.parametersOf({ year: body.year - 1 })),
  ]);
  const eligible = scored.filter((c) => access.has(c.cityCode));
  if (eligible.length === 0) {
    throw badRequest({ ko: '평가 점수와 접근성이 있는 지정 도시가 없습니다.', en: 'No designated city has both an evaluation score and access figures.' }, 'year');
  }
  const accessOf = new Map(eligible.map((c) => [c.cityCode, access.get(c.cityCode)!]));
  const needOf = needScores(accessOf);
  const sourceOf = new Map(eligible.map((c) => [c.cityCode, c.evaluationSource]));
  const ranked = rankCities(eligible.map((c) => ({ cityCode: c.cityCode, evaluation: c.evaluation, need: needOf.get(c.cityCode)! })),
    { evaluation: body.weightEvaluation, need: body.weightNeed });
  const weights = planWeights(ranked);
  const [proposed, equal, needOnly] = [weights.proposed, weights.equal, weights.need_only].map((w) => allocate(w, body.budget, body.cityCap).amounts);
  const id = await db.transaction(async (tx) => {
    const roundId = await queries.insertRound(tx, { ...body, title: body.title.trim(), conditions: body.conditions.trim(), by: actor.personId });
    await queries.insertRoundCities(tx, roundId, ranked.map((c, i) => ({
      cityCode: c.cityCode, evaluation: c.evaluation, evaluationSource: sourceOf.get(c.cityCode)!, access: accessOf.get(c.cityCode)!, need: c.need,
      priority: c.priority, rank: c.rank, proposed: proposed![i]!, equal: equal![i]!, needOnly: needOnly![i]!,
    })));
    return roundId;
  });
  return roundPage(db, id);
}

export const listRounds = (db: Executor, page: PageRequest): Promise<InvestmentRoundList> => queries.listRounds(db, page);

export async function roundPage(db: Executor, id: number): Promise<InvestmentRound> {
  const round = await queries.findRound(db, id);
  if (!round) throw notFound('The round', 'id');
  return round;
}

export async function roundCities(db: Executor, id: number, page: PageRequest): Promise<RoundCities> {
  await roundPage(db, id);
  return queries.roundCities(db, id, page);
}

async function lockedDraft(tx: Executor, id: number) {
  const round = await queries.findRound(tx, id, true);
  if (!round) throw notFound('The round', 'id');
  if (round.status !== 'draft') {
    throw conflict({ ko: '이미 확정한 우선 투자입니다. 바꿀 수 없습니다.', en: 'This round has been approved; it can no longer change.' }, 'id');
  }
  return round;
}

/** The ministry's amounts for some cities: each within the cap, the round's total within the budget. */
export async function setAmounts(db: AppDb, id: number, body: RoundAmountsBody): Promise<InvestmentRound> {
  await db.transaction(async (tx) => {
    const round = await lockedDraft(tx, id);
    const current = new Map((await queries.roundAmounts(tx, id)).map((c) => [c.cityCode, c.amount]));
    const problem = checkAdjustment(body.amounts, current, round.cityCap, round.budget);
    if (problem?.kind === 'unknown_city') {
      throw badRequest({ ko: '이 우선 투자 대상이 아닌 시·군·구입니다.', en: 'That city is not part of this round.' }, `amounts.${problem.index}.cityCode`);
    }
    if (problem?.kind === 'repeated_city') {
      throw badRequest({ ko: '같은 시·군·구가 두 번 있습니다.', en: 'The same city appears twice.' }, `amounts.${problem.index}.cityCode`);
    }
    if (problem?.kind === 'above_cap') {
      throw badRequest({ ko: `도시별 상한 ${won(round.cityCap).ko}을(를) 넘을 수 없습니다.`, en: `It cannot exceed the cap of ${won(round.cityCap).en} per city.` },
        `amounts.${problem.index}.amount`);
    }
    if (problem?.kind === 'above_budget') {
      throw badRequest({
        ko: `배정액 합계 ${won(problem.total).ko}이(가) 총예산 ${won(round.budget).ko}을(를) 넘습니다.`,
        en: `The amounts add up to ${won(problem.total).en}, more than the ${won(round.budget).en} budget.`,
      }, 'amounts');
    }
    await queries.setRoundAmounts(tx, id, body.amounts);
  });
  return roundPage(db, id);
}

/**
 * Approval writes one special-purpose grant per funded city, with its award in the ledger, in the transaction that
 * marks the round approved. The round's row lock lets one approval in; a second finds it approved (409); and the
 * unique (round, city) index on grants would refuse a second grant even so.
 */
export async function approve(db: AppDb, actor: Actor, id: number): Promise<InvestmentRound> {
  await db.transaction(async (tx) => {
    const round = await lockedDraft(tx, id);
    await queries.awardRound(tx, id, actor.personId);
    await queries.markApproved(tx, id, actor.personId);
    // One message for every funded city's officers: each finds its own amount in the console's grants tab.
    const funded = (await queries.roundAmounts(tx, id)).filter((c) => c.amount > 0).map((c) => c.cityCode);
    await notifications.notify(tx, await identity.holdersOf(tx, 'city_officer', { cityCodes: funded }), {
      kind: 'grants.round_approved',
      title: { ko: `우선 투자 ‘${round.title}’에 따라 특성화 지원금이 교부되었습니다`, en: `Special-purpose grant awarded under the priority investment “${round.title}”` },
      body: { ko: '도시 콘솔의 보조금 탭에서 금액과 조건을 확인하세요.', en: "See its amount and conditions in the city console's Grants tab." },
    });
  });
  return roundPage(db, id);
}
