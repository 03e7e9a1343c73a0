/**
 * Access to in-person learning: two-step floating catchment accessibility of every dong of a city, the
 * share of residents beyond walking distance, and how evenly access is spread across the city's dongs.
 */
import Type, { type Static } from 'typebox';
import { accessLimits, accessPopulations } from '../vocabulary/access.ts';
import { Code, Nullable, pageQuery } from './common.ts';

export const AccessQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: 'Places offered in programs running in this year (default: this year)' })),
  catchmentKm: Type.Optional(Type.Number({
    minimum: accessLimits.catchmentKm.min, maximum: accessLimits.catchmentKm.max, default: accessLimits.catchmentKm.default,
    description: 'How far residents go to learn: venues within this distance of a dong count for it (km)',
  })),
  walkKm: Type.Optional(Type.Number({
    minimum: accessLimits.walkKm.min, maximum: accessLimits.walkKm.max, default: accessLimits.walkKm.default,
    description: 'Walking distance (km; 0.8 km ≈ a 10-minute walk)',
  })),
  population: Type.Optional(Code(accessPopulations.codes, 'all: every resident and every in-person place; older: residents aged 65+ and places in programs for older adults')),
  ...pageQuery(100, 100),
}, { additionalProperties: false });
export type AccessQuery = Static<typeof AccessQuery>;

export const AccessDong = Type.Object({
  code: Type.String(),
  nameKo: Type.String(),
  nameEn: Type.String(),
  districtNameKo: Nullable(Type.String()),
  districtNameEn: Nullable(Type.String()),
  lat: Type.Number(),
  lon: Type.Number(),
  population: Type.Integer({ description: 'Residents counted (all, or aged 65+)' }),
  access: Type.Number({ description: 'Places within reach per 1,000 residents (2SFCA)' }),
  nearestKm: Nullable(Type.Number({ description: 'From the dong’s anchor point to the nearest venue with places; null when none within searchLimitKm' })),
  beyondWalk: Type.Boolean({ description: 'The dong’s anchor point is farther than walking distance from every venue' }),
  beyondWalkShare: Type.Number({ description: 'Share of the dong’s residents (spread over its area) beyond walking distance' }),
  rank: Type.Integer({ description: '1 = the worst served dong of the city' }),
});
export type AccessDong = Static<typeof AccessDong>;

export const AccessSummary = Type.Object({
  population: Type.Integer(),
  dongs: Type.Integer(),
  meanAccess: Type.Number({ description: 'Population-weighted mean of the dongs’ access (places per 1,000 residents)' }),
  gini: Type.Number({ description: 'Population-weighted Gini coefficient of access across the city’s dongs (0 = equal)' }),
  theil: Type.Number({ description: 'Population-weighted Theil T index of access across the city’s dongs (0 = equal)' }),
  shareBeyondWalk: Type.Number({ description: 'Share of residents beyond walking distance of every venue' }),
  residentsBeyondWalk: Type.Integer(),
  shareWithoutAccess: Type.Number({ description: 'Share of residents in dongs with no venue within the catchment' }),
  venuesInReach: Type.Integer({ description: 'Venues with places within the catchment of at least one of the city’s dongs' }),
  placesInReach: Type.Integer(),
  venuesInReachElsewhere: Type.Integer({ description: 'Of those, venues in neighbouring cities' }),
  placesInReachElsewhere: Type.Integer(),
});
export type AccessSummary = Static<typeof AccessSummary>;

export const AccessReport = Type.Object({
  cityCode: Type.String(),
  year: Type.Integer(),
  catchmentKm: Type.Number(),
  walkKm: Type.Number(),
  population: Code(accessPopulations.codes),
  searchLimitKm: Type.Number({ description: 'Nearest venues are looked for up to this far' }),
  summary: AccessSummary,
  items: Type.Array(AccessDong, { description: 'The city’s dongs, the worst served first' }),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type AccessReport = Static<typeof AccessReport>;
