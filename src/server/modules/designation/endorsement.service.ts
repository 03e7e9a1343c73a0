/**
 * The province's part (시·도 추천): it sees its municipalities' submitted applications, endorses each or returns it
 * with a reason, and ranks the endorsed ones, until the call's endorsement deadline. Endorsement is final: the
 * city's designation state becomes `applied` (the application goes to the ministry's review), so an endorsed
 * application can no longer be returned or withdrawn.
 */
import type { ApplicationListQuery, ProvinceCall } from '../../../shared/contracts/designation-applications.ts';
import type { PageOf, PageRequest } from '../../../shared/contracts/common.ts';
import { koreanTime } from '../../../shared/messages/designation-application.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { todayInKorea } from '../../platform/clock.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { identity } from '../identity/index.ts';
import { notifications } from '../notifications/index.ts';
import { callView } from './applications.service.ts';
import * as queries from './applications.queries.ts';
import type { CallRow } from './calls.queries.ts';
import { callById } from './calls.service.ts';
import { appendLog } from './log.queries.ts';
import { recordTransition } from './transitions.service.ts';

function endorsementClosed(call: CallRow) {
  const deadline = koreanTime(call.endorsementDeadline);
  return conflict({
    ko: `${call.year}년 공모의 시·도 추천 마감(${deadline.ko})이 지나 추천·보완 요청·순위를 바꿀 수 없습니다.`,
    en: `The endorsement deadline of the ${call.year} call (${deadline.en}) has passed; endorsements, returns and ranks can no longer change.`,
  }, 'deadline');
}

const cityLink = (cityCode: string) => `/cities/${cityCode}/console/designation`;

/** Locks a submitted application and checks the province may still act on it at `now`. */
async function lockSubmitted(tx: Executor, id: number, now: Date) {
  const application = await queries.lockApplication(tx, id);
  if (!application) throw notFound('The application', 'id');
  const call = (await callById(tx, application.callId))!;
  if (now.getTime() >= Date.parse(call.endorsementDeadline)) throw endorsementClosed(call);
  if (application.status !== 'submitted') {
    throw conflict({
      ko: '시·도 검토를 기다리는 신청서만 추천하거나 보완을 요청할 수 있습니다.',
      en: 'Only an application waiting for the province can be endorsed or returned.',
    }, 'status');
  }
  return { application, call, row: (await queries.findApplication(tx, id))! };
}

export async function endorse(db: AppDb, id: number, note: string, actor: Actor, now: Date) {
  await db.transaction(async (tx) => {
    const { application, call, row } = await lockSubmitted(tx, id, now);
    // Ranks are unique per call and province: endorsements in one province take their turn.
    await queries.lockProvince(tx, application.provinceCode);
    const endorsed = await queries.lockEndorsed(tx, call.id, application.provinceCode);
    const rank = endorsed.length + 1;
    await queries.markEndorsed(tx, id, actor.personId, rank, now);
    await recordTransition(tx, application.cityCode, {
      state: 'applied', year: call.year, occurredOn: todayInKorea(now),
      reason: `${call.year}년 평생학습도시 공모 신청 (시·도 추천 ${rank}순위)`,
      evidence: `designation application ${id}`,
    }, actor.personId);
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'application_endorsed', callId: call.id, applicationId: id, cityCode: application.cityCode,
      before: { status: 'submitted' }, after: { status: 'endorsed', provinceRank: rank }, reason: note,
    });
    await notifications.notify(tx, await identity.holdersOf(tx, 'city_officer', { cityCode: application.cityCode }), {
      kind: 'designation.application_endorsed',
      title: { ko: `시·도가 ${call.year}년 평생학습도시 신청서를 추천했습니다`, en: `The province endorsed ${row.cityNameEn}'s application to the ${call.year} call` },
      body: note ? { ko: note, en: note } : undefined,
      link: cityLink(application.cityCode),
      cityCode: application.cityCode,
    });
  });
}

export async function returnApplication(db: AppDb, id: number, reason: string, actor: Actor, now: Date) {
  await db.transaction(async (tx) => {
    const { application, call, row } = await lockSubmitted(tx, id, now);
    await queries.markReturned(tx, id, reason, now);
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'application_returned', callId: call.id, applicationId: id, cityCode: application.cityCode,
      before: { status: 'submitted' }, after: { status: 'returned' }, reason,
    });
    const deadline = koreanTime(call.endorsementDeadline);
    await notifications.notify(tx, await identity.holdersOf(tx, 'city_officer', { cityCode: application.cityCode }), {
      kind: 'designation.application_returned',
      title: { ko: `시·도가 ${call.year}년 신청서의 보완을 요청했습니다`, en: `The province returned ${row.cityNameEn}'s application to the ${call.year} call for changes` },
      body: {
        ko: `${reason}\n\n고친 뒤 ${deadline.ko}까지 다시 제출해 주세요.`,
        en: `${reason}\n\nMake the changes and submit again before ${deadline.en}.`,
      },
      link: cityLink(application.cityCode),
      cityCode: application.cityCode,
    });
  });
}

/** Sets the order of every application the province endorsed to the call (all of them, each once). */
export async function rank(db: AppDb, provinceCode: string, callId: number, orderedIds: readonly number[], actor: Actor, now: Date) {
  await db.transaction(async (tx) => {
    const call = await callById(tx, callId);
    if (!call || call.status === 'draft') throw notFound('The call', 'callId');
    if (now.getTime() >= Date.parse(call.endorsementDeadline)) throw endorsementClosed(call);
    await queries.lockProvince(tx, provinceCode);
    const endorsed = await queries.lockEndorsed(tx, callId, provinceCode);
    const known = new Set(endorsed.map((a) => a.id));
    if (orderedIds.length !== known.size || orderedIds.some((id) => !known.has(id))) {
      throw badRequest({
        ko: `추천한 신청서 ${known.size}건을 모두 한 번씩 순서대로 보내 주세요.`,
        en: `Send each of the ${known.size} endorsed applications exactly once, in order.`,
      }, 'applicationIds');
    }
    await queries.setRanks(tx, callId, provinceCode, orderedIds);
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'applications_ranked', callId,
      before: endorsed.map((a) => ({ applicationId: a.id, cityCode: a.cityCode, provinceRank: a.provinceRank })),
      after: orderedIds.map((id, i) => ({ applicationId: id, cityCode: endorsed.find((a) => a.id === id)!.cityCode, provinceRank: i + 1 })),
    });
  });
}

export async function provinceCalls(db: Executor, provinceCode: string, page: PageRequest, now: Date): Promise<PageOf<ProvinceCall>> {
  const counts = await queries.provinceCallCounts(db, provinceCode, page);
  const items = await Promise.all(counts.items.map(async ({ callId, ...count }) => ({ ...callView((await callById(db, callId))!, now), ...count })));
  return { ...counts, items };
}

/** What the province sees: its cities' applications once submitted. */
export function provinceApplications(db: Executor, provinceCode: string, query: ApplicationListQuery, page: PageRequest) {
  return queries.listApplications(db, { provinceCode, callId: query.callId, status: query.status, submittedOnly: true }, page);
}
