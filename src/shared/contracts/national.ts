/**
 * The national picture (issue 12, item 6): learning cities by year, the cohorts due, the index by kind of city and
 * the cities at risk. Designation histories are public (every city's page shows its own); who may see named index
 * scores and the at-risk list is the matrix's `national.private.view`.
 */
import Type, { type Static } from 'typebox';
import { atRiskReasons, cohortGroups, designationStates, municipalityKinds, roundStatuses } from '../vocabulary/index.ts';
import { Code, Nullable, Page, pageQuery } from './common.ts';

const Year = Type.Integer({ minimum: 2001, maximum: 2100 });
const Count = Type.Integer({ minimum: 0 });

/** One year of the timeline: every city's state as of 31 December. */
export const NationalYear = Type.Object({
  year: Type.Integer(),
  /** Learning cities at the end of the year: designated, re-designated, excellent or deferred. */
  learning: Count,
  newlyDesignated: Count,
  revoked: Count,
  states: Type.Record(Type.String(), Count, { description: 'Cities in each designation state on 31 December' }),
});
export type NationalYear = Static<typeof NationalYear>;

export const NationalTimeline = Type.Object({ years: Type.Array(NationalYear) });
export type NationalTimeline = Static<typeof NationalTimeline>;

export const NationalMapQuery = Type.Object({ year: Year, ...pageQuery(300, 300) }, { additionalProperties: false });
export type NationalMapQuery = Static<typeof NationalMapQuery>;

export const MapCity = Type.Object({
  code: Type.String(),
  nameKo: Type.String(),
  nameEn: Type.String(),
  provinceShortKo: Type.String(),
  provinceShortEn: Type.String(),
  kind: Code(municipalityKinds.codes),
  group: Code(cohortGroups.codes),
  lat: Type.Number(),
  lon: Type.Number(),
  /** Its state on 31 December of the year. */
  state: Code(designationStates.codes),
  /** When it reached that state. */
  since: Type.String(),
  firstDesignatedYear: Nullable(Type.Integer()),
});
export type MapCity = Static<typeof MapCity>;

/** Every city with a designation history by the end of the year (at most the 229 municipalities: one page by default). */
export const NationalMap = Type.Object({ ...Page(MapCity).properties, year: Type.Integer() });
export type NationalMap = Static<typeof NationalMap>;

const GroupCounts = Type.Object({ total: Count, metropolitan: Count, province_city: Count, province_county: Count });

export const CohortsDue = Type.Object({
  years: Type.Array(Type.Object({ year: Type.Integer(), roundStatus: Nullable(Code(roundStatuses.codes)), counts: GroupCounts })),
});
export type CohortsDue = Static<typeof CohortsDue>;

export const IndexDistributionQuery = Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false });
export type IndexDistributionQuery = Static<typeof IndexDistributionQuery>;

const Score = Nullable(Type.Number());
export const IndexDistribution = Type.Object({
  /** The indicators' year (the latest computed unless asked), and the years there are. */
  year: Nullable(Type.Integer()),
  years: Type.Array(Type.Integer()),
  groups: Type.Array(Type.Object({
    group: Code(cohortGroups.codes),
    n: Count,
    min: Score, p25: Score, median: Score, p75: Score, max: Score,
    /** Each learning city's score, named: the ministry's version only (absent in the public one). */
    cities: Type.Optional(Type.Array(Type.Object({ code: Type.String(), nameKo: Type.String(), nameEn: Type.String(), score: Type.Number() }))),
  })),
});
export type IndexDistribution = Static<typeof IndexDistribution>;

export const AtRiskCity = Type.Object({
  code: Type.String(),
  nameKo: Type.String(),
  nameEn: Type.String(),
  provinceShortKo: Type.String(),
  provinceShortEn: Type.String(),
  group: Code(cohortGroups.codes),
  state: Code(designationStates.codes),
  reasons: Type.Array(Code(atRiskReasons.codes)),
  /** The last two finalised rounds' totals, when it has them (oldest first). */
  totals: Type.Array(Type.Object({ year: Type.Integer(), total: Type.Number() })),
  index: Score,
  /** The bottom quarter's line of its group (the 25th percentile of the index). */
  groupP25: Score,
  /** The round whose outcome deferred it, while it is deferred (what an improvement consulting is tied to). */
  deferredInRound: Nullable(Type.Integer()),
  /** Its latest improvement consulting: open or closed, and the next round's change of total once evaluated. */
  consulting: Nullable(Type.Object({
    id: Type.Integer(), roundYear: Type.Integer(), closed: Type.Boolean(), nextRoundYear: Nullable(Type.Integer()), change: Nullable(Type.Number()),
  })),
});
export type AtRiskCity = Static<typeof AtRiskCity>;

export const AtRiskQuery = Type.Object({ reason: Type.Optional(Code(atRiskReasons.codes)), ...pageQuery() }, { additionalProperties: false });
export type AtRiskQuery = Static<typeof AtRiskQuery>;

export const AtRiskList = Type.Object({
  ...Page(AtRiskCity).properties,
  indexYear: Nullable(Type.Integer()),
  /** Cities at risk for any reason, and for each reason (a city may have several). */
  counts: Type.Object({ total: Count, deferred: Count, score_fell: Count, below_peers: Count }),
});
export type AtRiskList = Static<typeof AtRiskList>;
