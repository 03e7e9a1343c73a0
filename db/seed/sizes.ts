/** Named sizes of generated data. `demo` is what `npm start` loads; `national` is for benchmarks on PostgreSQL. */
import type { SeedSize } from '../../src/server/config.ts';

export interface Amounts {
  institutions: number;
  programs: number;
  residents: number;
  enrolments: number;
}

export interface SizeSpec extends Amounts {
  /** Cities with institutions and programs; above the demo list's length, every municipality takes part. */
  cities: number;
  /**
   * When set, the amounts above go to the demo list's cities only (as when they were the whole demo, so their
   * stories keep their data) and the other municipalities share these.
   */
  others?: Amounts;
}

export const sizeSpecs: Record<SeedSize, SizeSpec> = {
  tiny: { cities: 31, institutions: 124, programs: 1_500, residents: 1_500, enrolments: 6_000 },
  small: { cities: 31, institutions: 300, programs: 3_000, residents: 6_000, enrolments: 25_000 },
  // Every municipality, so the national map's history reaches today's ~200 learning cities (issue 12, item 6): the
  // paper's and stories' 31 cities keep the data they had, the other 198 get a thinner share (each about its floor: 4 institutions, 20 programs, 30 residents).
  demo: {
    cities: 229, institutions: 600, programs: 10_000, residents: 20_000, enrolments: 100_000,
    others: { institutions: 800, programs: 4_400, residents: 6_400, enrolments: 18_000 },
  },
  large: { cities: 229, institutions: 5_000, programs: 100_000, residents: 200_000, enrolments: 1_000_000 },
  national: { cities: 229, institutions: 50_000, programs: 1_000_000, residents: 5_000_000, enrolments: 20_000_000 },
};
