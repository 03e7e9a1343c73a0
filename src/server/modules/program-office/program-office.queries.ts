/** The SQL of the institutions' API keys. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { Executor } from '../../platform/database/database.ts';
import { people } from '../identity/identity.schema.ts';
import { institutionApiKeys } from './program-office.schema.ts';

const keyView = {
  id: institutionApiKeys.id, name: institutionApiKeys.name, prefix: institutionApiKeys.prefix,
  createdAt: sql<string>`${institutionApiKeys.createdAt}::text`, createdBy: people.displayName,
  lastUsedAt: sql<string | null>`${institutionApiKeys.lastUsedAt}::text`, revokedAt: sql<string | null>`${institutionApiKeys.revokedAt}::text`,
};

export async function insertApiKey(db: Executor, key: typeof institutionApiKeys.$inferInsert): Promise<number> {
  const [row] = await db.insert(institutionApiKeys).values(key).returning({ id: institutionApiKeys.id });
  return row!.id;
}

export async function apiKeys(db: Executor, institutionId: number, page: PageRequest) {
  const where = eq(institutionApiKeys.institutionId, institutionId);
  const [items, [counted]] = await Promise.all([
    db.select(keyView).from(institutionApiKeys).innerJoin(people, eq(people.id, institutionApiKeys.createdBy)).where(where)
      .orderBy(desc(institutionApiKeys.createdAt), desc(institutionApiKeys.id)).limit(page.pageSize).offset((page.page - 1) * page.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(institutionApiKeys).where(where),
  ]);
  return { items, total: counted!.n };
}

export async function apiKey(db: Executor, institutionId: number, id: number) {
  const [row] = await db.select(keyView).from(institutionApiKeys).innerJoin(people, eq(people.id, institutionApiKeys.createdBy))
    .where(and(eq(institutionApiKeys.id, id), eq(institutionApiKeys.institutionId, institutionId)));
  return row;
}

/** Revokes a key of the institution (once); whether there was one to revoke. */
export async function revokeApiKey(db: Executor, institutionId: number, id: number, personId: number): Promise<boolean> {
  const revoked = await db.update(institutionApiKeys).set({ revokedAt: sql`now()`, revokedBy: personId })
    .where(and(eq(institutionApiKeys.id, id), eq(institutionApiKeys.institutionId, institutionId), isNull(institutionApiKeys.revokedAt)))
    .returning({ id: institutionApiKeys.id });
  return revoked.length > 0;
}

/** The live key with this hash, marked as used now; with its institution's city. */
export async function useApiKey(db: Executor, tokenHash: string) {
  const [row] = await db.update(institutionApiKeys).set({ lastUsedAt: sql`now()` })
    .where(and(eq(institutionApiKeys.tokenHash, tokenHash), isNull(institutionApiKeys.revokedAt)))
    .returning({ id: institutionApiKeys.id, institutionId: institutionApiKeys.institutionId, prefix: institutionApiKeys.prefix, createdBy: institutionApiKeys.createdBy });
  return row;
}
