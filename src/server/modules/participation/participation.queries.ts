/** Every SQL statement of the participation module. */
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { LearningWish } from '../../../shared/contracts/participation.ts';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import { firstRow, offsetOf, pageOf, type Executor } from '../../platform/database/database.ts';
import { learningWishes } from './participation.schema.ts';

const wishColumns = {
  id: learningWishes.id, cityCode: learningWishes.cityCode, dongCode: learningWishes.dongCode, area: learningWishes.area,
  subcategory: learningWishes.subcategory, targetGroup: learningWishes.targetGroup, note: learningWishes.note,
  createdAt: sql<string>`${learningWishes.createdAt}::text`,
};

export async function wishesOf(db: Executor, personId: number, page: PageRequest) {
  const where = eq(learningWishes.personId, personId);
  return pageOf(
    page,
    db.select(wishColumns).from(learningWishes).where(where).orderBy(desc(learningWishes.createdAt), desc(learningWishes.id))
      .limit(page.pageSize).offset(offsetOf(page)) as unknown as Promise<LearningWish[]>,
    db.select({ n: count() }).from(learningWishes).where(where),
  );
}

export async function insertWish(db: Executor, wish: Omit<LearningWish, 'id' | 'createdAt'> & { personId: number }) {
  const [row] = await db.insert(learningWishes).values(wish).returning(wishColumns);
  return row as LearningWish;
}

export async function deleteWish(db: Executor, personId: number, id: number): Promise<boolean> {
  const removed = await db.delete(learningWishes).where(and(eq(learningWishes.id, id), eq(learningWishes.personId, personId))).returning({ id: learningWishes.id });
  return removed.length > 0;
}

/** A person's home, where their wishes are counted unless they say otherwise. */
export async function homeOf(db: Executor, personId: number) {
  return firstRow<{ cityCode: string | null; dongCode: string | null }>(db, sql`
    SELECT home_city_code AS "cityCode", home_dong_code AS "dongCode" FROM people WHERE id = ${personId}`);
}
