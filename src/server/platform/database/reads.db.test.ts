import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testEngine } from '../../../../tests/support/database.ts';
import { firstRow, type Database, type Executor } from './database.ts';
import { parseLsn, primaryReads, readOnly, type Reader } from './reads.ts';

describe(`a reader on ${testEngine()}`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase('empty');
  });
  afterAll(() => database.close());

  it('reads, and cannot write: no write methods (a compile error), and its transactions are read-only', async () => {
    const reader: Reader = readOnly(database.db);
    expect(await firstRow(reader, sql`SELECT 1 + 1 AS two`)).toEqual({ two: 2 });
    // @ts-expect-error a reader has no insert
    expect(reader.insert).toBeUndefined();
    // @ts-expect-error nor update
    expect(reader.update).toBeUndefined();
    // @ts-expect-error nor delete
    expect(reader.delete).toBeUndefined();
    const writer = (_db: Executor) => undefined;
    // @ts-expect-error and a function that writes (takes an Executor) does not take one
    writer(reader);
    await expect(reader.transaction((tx) => tx.execute(sql`CREATE TABLE written_by_a_reader (id int)`)))
      .rejects.toMatchObject({ cause: { code: '25006' } });
    expect(await reader.transaction((tx) => firstRow(tx, sql`SELECT current_setting('transaction_read_only') AS ro`))).toEqual({ ro: 'on' });
  });

  it('without a replica, every request reads the one database and no write position is kept', async () => {
    const reads = primaryReads(database);
    expect(await firstRow(reads.readerFor('0/1'), sql`SELECT 'same' AS db`)).toEqual({ db: 'same' });
    expect(await reads.positionAfterWrite()).toBeNull();
    expect(reads.replica()).toBeNull();
  });
});

describe('WAL positions', () => {
  it('are read as numbers, and anything else is ignored', () => {
    expect(parseLsn('0/3000000')).toBe(0x3000000n);
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
    for (const bad of [undefined, '', '0/', 'x/1', '0/1; DROP', '123456789/0']) expect(parseLsn(bad)).toBeNull();
  });
});
