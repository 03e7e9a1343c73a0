import Type, { type Static } from 'typebox';
import { indicatorGroups, indicators, municipalityKinds, peerGroups, populationBands } from '../vocabulary/index.ts';
import { Code, Nullable } from './common.ts';

const NullableNumber = Nullable(Type.Number());
const IndicatorCode = Code(indicators.codes);

export const IndicatorDefinitionView = Type.Object({
  id: IndicatorCode,
  ko: Type.String(),
  en: Type.String(),
  group: Code(indicatorGroups.codes),
  unit: Type.Object({ ko: Type.String(), en: Type.String() }),
  direction: Type.Union([Type.Literal(1), Type.Literal(-1)]),
  perCapita: Type.Boolean(),
  formula: Type.Object({ ko: Type.String(), en: Type.String() }),
  sources: Type.Array(Type.String()),
  paper: Type.Boolean({ description: 'One of the measures the seed paper names for its area' }),
  decimals: Type.Integer(),
});
export type IndicatorDefinitionView = Static<typeof IndicatorDefinitionView>;

export const RankInterval = Type.Object({
  median: Type.Number(),
  p5: Type.Number({ description: '5th percentile of the rank over the Monte Carlo runs' }),
  p95: Type.Number({ description: '95th percentile of the rank' }),
});

const GroupScores = Type.Record(Type.String(), NullableNumber);

/** Where a city stands in a composite index among its peers (other cities only as a distribution of scores). */
export const IndexStanding = Type.Object({
  score: NullableNumber,
  groups: GroupScores,
  groupMedians: Type.Record(Type.String(), NullableNumber, { description: "The peers' median score in each area" }),
  rank: Type.Integer(),
  rankInterval: RankInterval,
  peers: Type.Integer(),
  sensitivity: Type.Object({
    normalisation: Type.Number({ description: 'Mean absolute rank change with z-scores instead of min–max' }),
    aggregation: Type.Number({ description: 'Mean absolute rank change with geometric instead of linear aggregation' }),
    weights: Type.Number({ description: 'Mean absolute rank change when weights vary ±50%' }),
  }),
  peerScores: Type.Array(Type.Number(), { description: "Every peer's score, sorted, without names" }),
});
export type IndexStanding = Static<typeof IndexStanding>;

export const IndicatorComparison = Type.Object({
  indicatorId: IndicatorCode,
  series: Type.Array(Type.Object({ year: Type.Integer(), value: NullableNumber })),
  value: NullableNumber,
  peers: Type.Object({
    n: Type.Integer(), min: NullableNumber, p25: NullableNumber, median: NullableNumber, p75: NullableNumber, max: NullableNumber,
  }),
  rank: Nullable(Type.Integer({ description: '1 = best among peers, taking the direction into account' })),
});
export type IndicatorComparison = Static<typeof IndicatorComparison>;

export const CityIndicators = Type.Object({
  cityCode: Type.String(),
  year: Type.Integer(),
  years: Type.Array(Type.Integer()),
  peers: Code(peerGroups.codes),
  peerCount: Type.Integer(),
  computedAt: Nullable(Type.String()),
  stale: Type.Boolean({ description: 'Data changed since; the values are being recomputed' }),
  weightsId: Type.Integer(),
  indicators: Type.Array(IndicatorComparison),
  performanceIndex: IndexStanding,
  infrastructureIndex: IndexStanding,
  history: Type.Array(Type.Object({
    year: Type.Integer(),
    performance: Type.Object({ score: NullableNumber, groups: GroupScores }),
    infrastructure: Type.Object({ score: NullableNumber, groups: GroupScores }),
  }), { description: 'Index scores year by year among the same peers (nominal method)' }),
});
export type CityIndicators = Static<typeof CityIndicators>;

export const CityIndicatorsQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  peers: Type.Optional(Code(peerGroups.codes, 'all cities, the same kind (시·군·구), or a similar population')),
}, { additionalProperties: false });

const NationalStanding = Type.Object({ score: NullableNumber, groups: GroupScores, rank: Type.Integer(), rankInterval: RankInterval });

export const NationalIndex = Type.Object({
  year: Type.Integer(),
  years: Type.Array(Type.Integer()),
  weightsId: Type.Integer(),
  cities: Type.Array(Type.Object({
    cityCode: Type.String(),
    nameKo: Type.String(),
    nameEn: Type.String(),
    kind: Code(municipalityKinds.codes),
    population: Type.Integer(),
    populationBand: Code(populationBands.codes),
    performance: NationalStanding,
    infrastructure: NationalStanding,
    values: Type.Record(Type.String(), NullableNumber),
  })),
});
export type NationalIndex = Static<typeof NationalIndex>;

export const WeightSet = Type.Object({
  id: Type.Integer({ description: 'Version; 0 is the built-in equal weighting' }),
  createdAt: Type.String(),
  createdByName: Nullable(Type.String()),
  note: Type.String(),
  groupWeights: Type.Record(Type.String(), Type.Number()),
  indicatorWeights: Type.Record(Type.String(), Type.Number()),
});
export type WeightSet = Static<typeof WeightSet>;

const Weight = Type.Number({ minimum: 0, maximum: 100 });
export const WeightsBody = Type.Object({
  groupWeights: Type.Record(Type.String({ pattern: '^[a-z_]+$' }), Weight),
  indicatorWeights: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z0-9_]+$' }), Weight)),
  note: Type.String({ minLength: 1, maxLength: 500 }),
}, { additionalProperties: false });
export type WeightsBody = Static<typeof WeightsBody>;

export const RecomputeResult = Type.Object({ jobId: Type.String() });
