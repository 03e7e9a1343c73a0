/** Moves a city along its designation life cycle: the one place a transition is written, under the rules. */
import { designationStates, type DesignationState } from '../../../shared/vocabulary/index.ts';
import type { Executor } from '../../platform/database/database.ts';
import { badRequest, conflict } from '../../platform/http/errors.ts';
import { allowedNextStates, canMoveTo } from './designation.rules.ts';
import * as queries from './transitions.queries.ts';

export interface Transition {
  state: DesignationState;
  year: number;
  occurredOn: string;
  reason: string;
  evidence?: string;
}

/** Records the transition if the life cycle allows it from the city's current state; call inside a transaction. */
export async function recordTransition(tx: Executor, cityCode: string, transition: Transition, recordedBy: number | null): Promise<number> {
  const latest = await queries.latestTransitionForUpdate(tx, cityCode);
  const current = latest?.state ?? null;
  if (!canMoveTo(current, transition.state)) {
    const name = (state: DesignationState | null, locale: 'ko' | 'en') =>
      state ? designationStates.get(state)[locale] : locale === 'ko' ? '아직 신청하지 않은' : 'not yet in the programme';
    const allowed = (locale: 'ko' | 'en') => allowedNextStates(current).map((s) => designationStates.get(s)[locale]).join(', ');
    throw conflict({
      ko: `지금 '${name(current, 'ko')}' 상태인 도시는 '${name(transition.state, 'ko')}'(으)로 바뀔 수 없습니다. 다음은 ${allowed('ko')} 중 하나입니다.`,
      en: `A city that is ${name(current, 'en').toLowerCase()} cannot become ${name(transition.state, 'en').toLowerCase()}; next may be: ${allowed('en')}.`,
    }, 'state');
  }
  if (latest && transition.occurredOn < latest.occurredOn) {
    throw badRequest({
      ko: `결정일은 이전 결정일(${latest.occurredOn})보다 앞설 수 없습니다.`,
      en: `The decision date must not be before the previous one (${latest.occurredOn}).`,
    }, 'occurredOn');
  }
  return queries.insertTransition(tx, { cityCode, ...transition, evidence: transition.evidence ?? '', recordedBy });
}
