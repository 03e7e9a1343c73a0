/** Named sizes of generated data. `demo` is what `npm start` loads; `national` is for benchmarks on PostgreSQL. */
import type { SeedSize } from '../../src/server/config.ts';

export interface SizeSpec {
  /** Cities with institutions and programs; above the demo list's length, every municipality takes part. */
  cities: number;
  institutions: number;
  programs: number;
  residents: number;
  enrolments: number;
}

export const sizeSpecs: Record<SeedSize, SizeSpec> = {
  tiny: { cities: 31, institutions: 124, programs: 1_500, residents: 1_500, enrolments: 6_000 },
  small: { cities: 31, institutions: 300, programs: 3_000, residents: 6_000, enrolments: 25_000 },
  // Every municipality, so the national map's history reaches today's ~200 learning cities (issue 12, item 6);
  // institutions and programs rise so each city gets its floor, residents and enrolments stay as they were.
  demo: { cities: 229, institutions: 1_200, programs: 12_000, residents: 20_000, enrolments: 100_000 },
  large: { cities: 229, institutions: 5_000, programs: 100_000, residents: 200_000, enrolments: 1_000_000 },
  national: { cities: 229, institutions: 50_000, programs: 1_000_000, residents: 5_000_000, enrolments: 20_000_000 },
};
