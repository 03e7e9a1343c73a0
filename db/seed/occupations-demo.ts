/**
 * Learning to jobs as `npm start` shows it (issue 13, item 7): the seeded vocational programs whose title names a
 * trade or certificate are tagged with the KSCO groups they prepare for and the certificate they lead to, as their
 * institutions would tag them; the rest (start-up, CV writing and the like) stay untagged, as many would in practice.
 */
import { sql } from 'drizzle-orm';
import { currentKscoVersion } from '../../src/shared/vocabulary/index.ts';
import type { AppDb } from '../../src/server/platform/database/database.ts';

/** A title stem of db/seed/catalogue.ts, the sub-major groups it prepares for, and the certificate it leads to. */
const tagged: readonly { stem: string; codes: string[]; certificate?: string }[] = [
  { stem: '바리스타', codes: ['44'], certificate: '바리스타 2급' },
  { stem: '제과제빵기능사', codes: ['71'], certificate: '제빵기능사' },
  { stem: '한식조리기능사', codes: ['44'], certificate: '한식조리기능사' },
  { stem: '요양보호사', codes: ['42'], certificate: '요양보호사' },
  { stem: '컴퓨터활용능력', codes: ['31', '39'], certificate: '컴퓨터활용능력 2급' },
  { stem: 'ITQ 엑셀', codes: ['31'], certificate: 'ITQ 엑셀' },
  { stem: '전산회계', codes: ['31'], certificate: '전산회계 2급' },
  { stem: '방과후 지도사', codes: ['25'], certificate: '방과후지도사' },
  { stem: '미용사(네일)', codes: ['42'], certificate: '미용사(네일)' },
  { stem: 'GTQ 포토샵', codes: ['28'], certificate: 'GTQ 포토샵' },
  { stem: '지게차 운전기능사', codes: ['87'], certificate: '지게차운전기능사' },
  { stem: '엑셀 실무', codes: ['31'] },
  { stem: 'SNS 마케팅', codes: ['27', '51'] },
  { stem: '유튜브 영상 편집', codes: ['28'] },
];

export async function seedOccupationsDemo(db: AppDb) {
  for (const { stem, codes, certificate } of tagged) {
    const titled = sql`SELECT id FROM programs WHERE area = 'vocational' AND position(${stem} IN title) > 0`;
    for (const code of codes) {
      await db.execute(sql`INSERT INTO program_occupations (program_id, ksco_version, code)
        SELECT id, ${currentKscoVersion}, ${code} FROM (${titled}) p ON CONFLICT DO NOTHING`);
    }
    if (certificate) {
      await db.execute(sql`INSERT INTO program_certificates (program_id, position, name)
        SELECT id, 0, ${certificate} FROM (${titled}) p ON CONFLICT DO NOTHING`);
    }
  }
}
