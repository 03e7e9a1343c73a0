import Type, { type Static } from 'typebox';
import { Code, Nullable } from './common.ts';

export const verificationReasons = ['malformed', 'unknown_key', 'bad_signature', 'revoked', 'unknown_certificate'] as const;

export const VerifyBody = Type.Object(
  { credential: Type.String({ minLength: 10, maxLength: 20_000, description: 'The credential as issued (a compact JWS, VC-JWT), or the certificate number printed on the certificate' }) },
  { additionalProperties: false },
);
export type VerifyBody = Static<typeof VerifyBody>;

export const Verification = Type.Object({
  valid: Type.Boolean(),
  /** Why it is not valid: not a credential, signed by an unknown key, altered after signing, or revoked. */
  reason: Nullable(Code(verificationReasons)),
  certificateId: Nullable(Type.String()),
  /** The Open Badges 3.0 credential inside, as it reads (even when invalid, so people see what was claimed). */
  credential: Nullable(Type.Object({}, { additionalProperties: true })),
});
export type Verification = Static<typeof Verification>;

export const CertificateView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  issuedAt: Type.String(),
  revoked: Type.Boolean(),
  jwt: Type.String(),
  verification: Verification,
});
export type CertificateView = Static<typeof CertificateView>;

export const Issuer = Type.Object({
  id: Type.String(),
  type: Type.Array(Type.String()),
  name: Type.String(),
  url: Type.String(),
  publicKeys: Type.Array(Type.Object({ kid: Type.String(), jwk: Type.Object({}, { additionalProperties: true }) })),
});
export type Issuer = Static<typeof Issuer>;
