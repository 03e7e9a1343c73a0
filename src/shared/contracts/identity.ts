import Type, { type Static } from 'typebox';
import { grantableRoles, locales, PASSWORD_MIN_LENGTH, roles } from '../vocabulary/index.ts';
import { CityCode, Code, DongCode, Id, Nullable } from './common.ts';

export const SignUpBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200 }),
    displayName: Type.String({ minLength: 1, maxLength: 60 }),
    birthYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2030 })),
    homeDongCode: Type.Optional(DongCode),
    locale: Type.Optional(Code(locales)),
  },
  { additionalProperties: false },
);
export type SignUpBody = Static<typeof SignUpBody>;

export const LogInBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type LogInBody = Static<typeof LogInBody>;

export const GrantView = Type.Object({
  role: Code(roles.codes),
  cityCode: Nullable(Type.String()),
  institutionId: Nullable(Type.Integer()),
  institutionCityCode: Nullable(Type.String()),
  /** Display name of the scope (city or institution), for menus. */
  scopeName: Nullable(Type.String()),
});
export type GrantView = Static<typeof GrantView>;

export const Me = Type.Object({
  personId: Type.Integer(),
  displayName: Type.String(),
  email: Type.String(),
  locale: Code(locales),
  homeCityCode: Nullable(Type.String()),
  grants: Type.Array(GrantView),
});
export type Me = Static<typeof Me>;

export const PersonSummary = Type.Object({
  id: Type.Integer(),
  displayName: Type.String(),
  email: Type.String(),
  homeCityCode: Nullable(Type.String()),
  roles: Type.Array(Type.String()),
  createdAt: Type.String(),
});
export type PersonSummary = Static<typeof PersonSummary>;

export const GrantRoleBody = Type.Object(
  {
    role: Code(grantableRoles),
    cityCode: Type.Optional(CityCode),
    institutionId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type GrantRoleBody = Static<typeof GrantRoleBody>;
