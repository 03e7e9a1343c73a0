/** Residents rate programs they completed; averages appear once enough have answered. */
import type { Rating, RatingBody, SatisfactionSummary } from '../../../shared/contracts/satisfaction.ts';
import { MIN_RATINGS_SHOWN } from '../../../shared/vocabulary/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/database.ts';
import { HttpError, notFound } from '../../platform/http/errors.ts';
import { enrolmentModule } from '../enrolment/index.ts';
import { programsModule } from '../programs/index.ts';
import * as queries from './satisfaction.queries.ts';

export async function rate(db: Executor, actor: Actor, programId: number, body: RatingBody): Promise<Rating> {
  const program = await programsModule.visibleProgram(db, actor, programId);
  const enrolment = await enrolmentModule.completedEnrolment(db, programId, actor.personId);
  if (!enrolment) throw new HttpError(403, 'not_completed', { ko: '수료한 프로그램만 평가할 수 있습니다.', en: 'You can rate a program once you have completed it.' });
  await queries.upsertRating(db, { ...body, enrolmentId: enrolment.id, programId, institutionId: program.institutionId, cityCode: program.cityCode });
  return (await queries.ratingOf(db, enrolment.id))!;
}

export async function myRating(db: Executor, actor: Actor, programId: number): Promise<Rating> {
  await programsModule.visibleProgram(db, actor, programId);
  const enrolment = await enrolmentModule.completedEnrolment(db, programId, actor.personId);
  const rating = enrolment && (await queries.ratingOf(db, enrolment.id));
  if (!rating) throw notFound('Your rating of this program');
  return rating;
}

/** A program's averages: of a program `viewer` may see (an unknown or unpublished one is not found). */
export async function programSummary(db: Executor, viewer: Actor | null, programId: number): Promise<SatisfactionSummary> {
  await programsModule.visibleProgram(db, viewer, programId);
  return summary(db, { programId });
}

export async function summary(db: Executor, where: { programId: number } | { institutionId: number }): Promise<SatisfactionSummary> {
  const row = (await queries.averagesWhere(db, where))!;
  const { responses, ...averages } = row;
  return { responses, averages: responses >= MIN_RATINGS_SHOWN ? averages : null, minimumShown: MIN_RATINGS_SHOWN };
}
