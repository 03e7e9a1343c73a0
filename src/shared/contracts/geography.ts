import Type, { type Static } from 'typebox';
import { dongKinds, municipalityKinds } from '../vocabulary/index.ts';
import { Code, Nullable } from './common.ts';

export const Province = Type.Object({
  code: Type.String(),
  nameKo: Type.String(),
  nameEn: Type.String(),
  shortKo: Type.String(),
  shortEn: Type.String(),
});
export type Province = Static<typeof Province>;

export const Municipality = Type.Object({
  code: Type.String(),
  provinceCode: Type.String(),
  provinceShortKo: Type.String(),
  provinceShortEn: Type.String(),
  kind: Code(municipalityKinds.codes),
  nameKo: Type.String(),
  nameEn: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
  population: Type.Integer({ description: 'Sum of its dongs (synthetic figures, see README)' }),
  dongCount: Type.Integer(),
});
export type Municipality = Static<typeof Municipality>;

export const Dong = Type.Object({
  code: Type.String(),
  municipalityCode: Type.String(),
  districtNameKo: Nullable(Type.String()),
  districtNameEn: Nullable(Type.String()),
  kind: Code(dongKinds.codes),
  nameKo: Type.String(),
  nameEn: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
  radiusM: Type.Integer(),
  population: Type.Integer(),
  population65Plus: Type.Integer(),
});
export type Dong = Static<typeof Dong>;

export const boundaryLevels = ['provinces', 'municipalities', 'dongs'] as const;
export type BoundaryLevel = (typeof boundaryLevels)[number];
