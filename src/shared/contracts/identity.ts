import Type, { type Static } from 'typebox';
import { grantableRoles, locales, PASSWORD_MIN_LENGTH, roles } from '../vocabulary/index.ts';
import { MOBILE_PHONE_PATTERN } from '../lib/phone.ts';
import { CityCode, Code, DongCode, Id, Nullable } from './common.ts';

/** A Korean mobile number as people type it (010-1234-5678, 01012345678…); kept as 010-1234-5678. */
export const MobilePhone = Type.String({ pattern: MOBILE_PHONE_PATTERN, maxLength: 20, description: 'A Korean mobile number (010), with or without hyphens' });

export const SignUpBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200 }),
    displayName: Type.String({ minLength: 1, maxLength: 60 }),
    birthYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2030 })),
    homeDongCode: Type.Optional(DongCode),
    locale: Type.Optional(Code(locales)),
    /** Optional: for the text messages some courses promise. */
    phone: Type.Optional(MobilePhone),
  },
  { additionalProperties: false },
);
export type SignUpBody = Static<typeof SignUpBody>;

export const LogInBody = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type LogInBody = Static<typeof LogInBody>;

/** A password being chosen, with what a guesser would know of its owner (both optional while the form is filled in). */
export const PasswordStrengthBody = Type.Object(
  {
    password: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    displayName: Type.Optional(Type.String({ maxLength: 60 })),
  },
  { additionalProperties: false },
);
export type PasswordStrengthBody = Static<typeof PasswordStrengthBody>;

/** How strong a password is, judged as sign-up judges it: `acceptable` false means sign-up would refuse it. */
export const PasswordStrength = Type.Object({
  /** zxcvbn's 0 (guessed at once) … 4 (very hard); sign-up needs 3. */
  score: Type.Integer({ minimum: 0, maximum: 4 }),
  acceptable: Type.Boolean(),
  /** What makes it weak (too_short, personal, common, keyboard, repeat, sequence, dates, short); null when acceptable. */
  reason: Nullable(Type.String()),
  /** What is wrong and what to do, in the caller's language; null when acceptable. */
  message: Nullable(Type.String()),
});
export type PasswordStrength = Static<typeof PasswordStrength>;

/**
 * Told once, in the answer to the login that found it: attempts with this email that failed since the
 * owner's previous login, and the last lock they caused (when there was one).
 */
export const SecurityNotice = Type.Object({
  failedAttempts: Type.Integer(),
  locks: Type.Integer(),
  lockedAt: Nullable(Type.String({ format: 'date-time' })),
  lockedUntil: Nullable(Type.String({ format: 'date-time' })),
});
export type SecurityNotice = Static<typeof SecurityNotice>;

export const GrantView = Type.Object({
  role: Code(roles.codes),
  cityCode: Nullable(Type.String()),
  institutionId: Nullable(Type.Integer()),
  institutionCityCode: Nullable(Type.String()),
  provinceCode: Nullable(Type.String()),
  /** Display name of the scope (city, institution or province), for menus. */
  scopeName: Nullable(Type.String()),
  /** The same in English (an institution without an English name keeps its own). */
  scopeNameEn: Nullable(Type.String()),
});
export type GrantView = Static<typeof GrantView>;

export const Me = Type.Object({
  personId: Type.Integer(),
  displayName: Type.String(),
  email: Type.String(),
  locale: Code(locales),
  homeCityCode: Nullable(Type.String()),
  /** One's own mobile number (010-1234-5678), or null: told to no one but its owner and the rosters of courses that text. */
  phone: Nullable(Type.String()),
  grants: Type.Array(GrantView),
  /** Only in the answer to a login after failed attempts with this email. */
  securityNotice: Type.Optional(SecurityNotice),
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
    provinceCode: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'KOSTAT code of a 시·도 (2 digits), for province officers' })),
  },
  { additionalProperties: false },
);
export type GrantRoleBody = Static<typeof GrantRoleBody>;

/** Asks for a password-reset link by email. */
export const PasswordResetRequestBody = Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) }, { additionalProperties: false });
export type PasswordResetRequestBody = Static<typeof PasswordResetRequestBody>;

/** The same answer whether or not the email has an account. */
export const PasswordResetRequested = Type.Object({ message: Type.String() });
export type PasswordResetRequested = Static<typeof PasswordResetRequested>;

/** The secret of a reset link (after '#' in its address). */
export const PasswordResetToken = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export type PasswordResetToken = Static<typeof PasswordResetToken>;

/** What a reset link is for, shown before the new password is chosen. */
export const PasswordResetPreview = Type.Object({ email: Type.String(), expiresAt: Type.String({ format: 'date-time' }) });
export type PasswordResetPreview = Static<typeof PasswordResetPreview>;

export const PasswordResetBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200 }) },
  { additionalProperties: false },
);
export type PasswordResetBody = Static<typeof PasswordResetBody>;

/** One's own mobile number, or null to remove it. */
export const PhoneBody = Type.Object({ phone: Nullable(MobilePhone) }, { additionalProperties: false });
export type PhoneBody = Static<typeof PhoneBody>;
