import Type, { type Static } from 'typebox';
import { designationStates, municipalityKinds } from '../vocabulary/index.ts';
import { CityCode, Code, Nullable } from './common.ts';

export const LearningCitySummary = Type.Object({
  code: Type.String(),
  nameKo: Type.String(),
  nameEn: Type.String(),
  provinceShortKo: Type.String(),
  provinceShortEn: Type.String(),
  kind: Code(municipalityKinds.codes),
  lat: Type.Number(),
  lon: Type.Number(),
  state: Nullable(Code(designationStates.codes)),
  /** The year it was first designated a learning city, if ever. */
  designatedYear: Nullable(Type.Integer()),
  population: Type.Integer(),
});
export type LearningCitySummary = Static<typeof LearningCitySummary>;

export const DesignationTransition = Type.Object({
  id: Type.Integer(),
  state: Code(designationStates.codes),
  year: Type.Integer(),
  occurredOn: Type.String({ format: 'date' }),
  reason: Type.String(),
  evidence: Type.String(),
});
export type DesignationTransition = Static<typeof DesignationTransition>;

export const CityProfile = Type.Object({
  department: Type.String(),
  vision: Type.String(),
  homepageUrl: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export type CityProfile = Static<typeof CityProfile>;

export const CityDetail = Type.Object({
  ...LearningCitySummary.properties,
  profile: CityProfile,
  designations: Type.Array(DesignationTransition),
  institutionCount: Type.Integer(),
  programCount: Type.Integer(),
});
export type CityDetail = Static<typeof CityDetail>;

export const UpdateCityProfileBody = Type.Object(
  {
    department: Type.Optional(Type.String({ maxLength: 100 })),
    vision: Type.Optional(Type.String({ maxLength: 2000 })),
    homepageUrl: Type.Optional(Nullable(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 300 }))),
    phone: Type.Optional(Nullable(Type.String({ pattern: '^[0-9+() -]{6,20}$' }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCityProfileBody = Static<typeof UpdateCityProfileBody>;

export const RecordDesignationBody = Type.Object(
  {
    state: Code(designationStates.codes),
    year: Type.Integer({ minimum: 2001, maximum: 2100 }),
    occurredOn: Type.String({ format: 'date' }),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    evidence: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type RecordDesignationBody = Static<typeof RecordDesignationBody>;

export const DesignationYear = Type.Object({
  year: Type.Integer(),
  newlyDesignated: Type.Integer(),
  cumulative: Type.Integer(),
});
export type DesignationYear = Static<typeof DesignationYear>;

export const CityParams = Type.Object({ code: CityCode });
