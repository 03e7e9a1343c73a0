/**
 * Loads Korea's administrative tree into the database on first start, from the compact table
 * committed in ./data (derived once from KOSTAT's 2018 boundaries by scripts/derive-geography.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppDb } from '../../platform/database/database.ts';
import { dongs, municipalities, provinces } from './geography.schema.ts';
import { countDongs, insertInBatches } from './geography.queries.ts';

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

function readTable(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path.join(dataDir, file), 'utf8').trimEnd().split('\n');
  const columns = header!.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((value, i) => [columns[i]!, value])));
}

const orNull = (value: string | undefined) => (value ? value : null);

export function geographyTables() {
  return {
    provinces: readTable('provinces.tsv').map((r) => ({
      code: r.code!, nameKo: r.name_ko!, nameEn: r.name_en!, shortKo: r.short_ko!, shortEn: r.short_en!,
    })),
    municipalities: readTable('municipalities.tsv').map((r) => ({
      code: r.code!, provinceCode: r.province_code!, kind: r.kind!, nameKo: r.name_ko!, nameEn: r.name_en!,
      lat: Number(r.lat), lon: Number(r.lon),
    })),
    dongs: readTable('dongs.tsv').map((r) => ({
      code: r.code!, municipalityCode: r.municipality_code!, districtCode: orNull(r.district_code),
      districtNameKo: orNull(r.district_name_ko), districtNameEn: orNull(r.district_name_en), kind: r.kind!,
      nameKo: r.name_ko!, nameEn: r.name_en!, lat: Number(r.lat), lon: Number(r.lon), radiusM: Number(r.radius_m),
      population: Number(r.population), population65Plus: Number(r.population_65_plus),
    })),
  };
}

/** Loads the tree unless it is already there; all or nothing. Returns whether it loaded. */
export async function ensureGeography(db: AppDb): Promise<boolean> {
  if ((await countDongs(db)) > 0) return false;
  const tables = geographyTables();
  await db.transaction(async (tx) => {
    await insertInBatches(tx, provinces, tables.provinces);
    await insertInBatches(tx, municipalities, tables.municipalities);
    await insertInBatches(tx, dongs, tables.dongs);
  });
  return true;
}
