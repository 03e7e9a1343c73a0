/**
 * The ministry appoints reviewers and consultants from registered people: a record of the appointment with
 * where they work (for conflicts of interest) and the role that lets them act on what they are assigned.
 */
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { AppointBody, Appointment } from '../../../shared/contracts/designation-calls.ts';
import { expertKinds, type ExpertKind } from '../../../shared/vocabulary/index.ts';
import type { Executor } from '../../platform/database/database.ts';
import { badRequest, HttpError } from '../../platform/http/errors.ts';
import { geography } from '../geography/index.ts';
import { identity } from '../identity/index.ts';
import { notifications } from '../notifications/index.ts';
import type { Acting } from './calls.service.ts';
import * as queries from './experts.queries.ts';
import { appendLog } from './log.queries.ts';

export function listExperts(db: Executor, filter: { kind?: ExpertKind; q?: string }, page: PageRequest) {
  return queries.listExperts(db, filter, page);
}

/** Appoints a registered person (found by the email they signed up with); appointing them again updates the details. */
export async function appointExpert(db: Executor, actor: Acting, body: AppointBody, now: Date): Promise<Appointment> {
  if (body.worksInProvinceCode !== null && !(await geography.findProvince(db, body.worksInProvinceCode))) {
    throw badRequest({ ko: '없는 시·도입니다.', en: 'There is no such province.' }, 'worksInProvinceCode');
  }
  return db.transaction(async (tx) => {
    const person = await queries.personByEmail(tx, body.email);
    if (!person) {
      throw new HttpError(404, 'not_found', {
        ko: '이 이메일로 가입한 사람이 없습니다. 먼저 가입해 달라고 요청해 주세요.',
        en: 'No one has registered with this email. Ask them to sign up first.',
      }, 'email');
    }
    const before = await queries.findExpert(tx, person.id, body.kind);
    await queries.saveExpert(tx, { personId: person.id, kind: body.kind, affiliation: body.affiliation, worksInProvinceCode: body.worksInProvinceCode, appointedBy: actor.personId });
    await identity.insertRoleGrant(tx, { personId: person.id, role: body.kind, grantedBy: actor.personId });
    const terms = { personId: person.id, kind: body.kind, affiliation: body.affiliation, worksInProvinceCode: body.worksInProvinceCode };
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'expert_appointed',
      before: before ? { personId: before.personId, kind: before.kind, affiliation: before.affiliation, worksInProvinceCode: before.worksInProvinceCode } : null,
      after: terms,
    });
    if (!before) {
      const kind = expertKinds.get(body.kind);
      await notifications.notify(tx, await identity.recipientsByIds(tx, [person.id]), {
        kind: 'designation.expert_appointed',
        title: { ko: `평생학습도시 지정 ${kind.ko}(으)로 위촉되었습니다`, en: `You have been appointed a learning city ${kind.en.toLowerCase()}` },
        body: {
          ko: '배정된 일이 생기면 알려 드립니다.',
          en: 'You will be told when something is assigned to you.',
        },
        link: body.kind === 'reviewer' ? '/designation/reviews' : '/designation/consulting',
      });
    }
    return { created: !before, expert: (await queries.findExpert(tx, person.id, body.kind))! };
  });
}
