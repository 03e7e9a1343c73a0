import Type, { type Static } from 'typebox';
import { institutionTypes } from '../vocabulary/index.ts';
import { Code, Nullable } from './common.ts';

export const InstitutionSummary = Type.Object({
  id: Type.Integer(),
  cityCode: Type.String(),
  cityNameKo: Type.String(),
  cityNameEn: Type.String(),
  dongCode: Type.String(),
  dongNameKo: Type.String(),
  dongNameEn: Type.String(),
  type: Code(institutionTypes.codes),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  lat: Type.Number(),
  lon: Type.Number(),
});
export type InstitutionSummary = Static<typeof InstitutionSummary>;

export const Venue = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  seats: Type.Integer(),
  stepFree: Type.Boolean(),
  lat: Type.Number(),
  lon: Type.Number(),
});
export type Venue = Static<typeof Venue>;

export const InstitutionDetail = Type.Object({
  ...InstitutionSummary.properties,
  description: Type.String(),
  address: Type.String(),
  phone: Nullable(Type.String()),
  website: Nullable(Type.String()),
  venues: Type.Array(Venue),
  programCount: Type.Integer(),
});
export type InstitutionDetail = Static<typeof InstitutionDetail>;

export const UpdateInstitutionBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 120 })),
    nameEn: Type.Optional(Nullable(Type.String({ maxLength: 160 }))),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    address: Type.Optional(Type.String({ maxLength: 300 })),
    phone: Type.Optional(Nullable(Type.String({ pattern: '^[0-9+() -]{6,20}$' }))),
    website: Type.Optional(Nullable(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 300 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateInstitutionBody = Static<typeof UpdateInstitutionBody>;
