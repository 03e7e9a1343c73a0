/**
 * Issuing and verifying certificates. The platform signs with one Ed25519 key: CREDENTIAL_SIGNING_KEY
 * when set, else a key generated on first use and kept in the database. Every public key that ever
 * signed stays listed, so old certificates keep verifying after a key change.
 */
import { createPublicKey, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import type { CertificateView, Issuer, Verification } from '../../../shared/contracts/credentials.ts';
import type { Executor } from '../../platform/database/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import * as queries from './credentials.queries.ts';
import { ISSUER_NAME, issuerId, openBadgeCredential } from './open-badge.ts';
import { newSigningKey, signJwt, signingKeyFrom, verifyJwt, type SigningKey } from './vc-jwt.ts';

export interface CredentialSettings {
  publicUrl: string;
  signingKeyPem: string | null;
}

async function signingKey(db: Executor, configuredPem: string | null): Promise<SigningKey> {
  if (configuredPem) {
    const key = signingKeyFrom(configuredPem);
    await queries.insertSigningKey(db, { kid: key.kid, publicKeyPem: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKeyPem: null });
    return key;
  }
  const stored = (await queries.allSigningKeys(db)).find((k) => k.privateKeyPem);
  if (stored) return signingKeyFrom(stored.privateKeyPem!);
  const fresh = newSigningKey();
  const key = signingKeyFrom(fresh.privatePem);
  await queries.insertSigningKey(db, { kid: key.kid, publicKeyPem: fresh.publicPem, privateKeyPem: fresh.privatePem });
  return key;
}

async function publicKeys(db: Executor): Promise<Map<string, KeyObject>> {
  return new Map((await queries.allSigningKeys(db)).map((k) => [k.kid, createPublicKey(k.publicKeyPem)]));
}

/** Issues a certificate for each completed enrolment that has none; returns how many were issued. */
export async function issueCertificates(db: Executor, enrolmentIds: readonly number[], settings: CredentialSettings): Promise<number> {
  const facts = await queries.completionFacts(db, enrolmentIds);
  if (facts.length === 0) return 0;
  const key = await signingKey(db, settings.signingKeyPem);
  for (const f of facts) {
    const id = randomUUID();
    const issuedAt = new Date();
    const payload = openBadgeCredential({
      certificateId: id, issuedAt, person: { displayName: f.displayName, email: f.email },
      program: {
        id: f.programId, title: f.title, description: f.description, area: f.area, totalHours: f.totalHours, credits: f.credits,
        startsOn: f.startsOn, endsOn: f.endsOn, completionRate: f.completionRate, sessionCount: f.sessionCount,
      },
      institution: { id: f.institutionId, name: f.institutionName, cityName: f.cityName },
      attended: f.attended,
    }, settings.publicUrl, randomBytes(8).toString('hex'));
    await queries.insertCertificate(db, {
      id, enrolmentId: f.enrolmentId, personId: f.personId, programId: f.programId, cityCode: f.cityCode, issuedAt, jwt: signJwt(payload, key),
    });
  }
  return facts.length;
}

const certificateIdOf = (payload: Record<string, unknown> | undefined) =>
  typeof payload?.jti === 'string' ? payload.jti.replace(/^urn:uuid:/, '') : null;

/** Checks a credential: the signature with our keys, then that we issued it and have not revoked it. */
/** A certificate number as people type it from paper: any case, hyphens optional, spaces around. */
function certificateNumber(text: string): string | null {
  const hex = text.trim().toLowerCase().replace(/-/g, '');
  return /^[0-9a-f]{32}$/.test(hex) ? `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` : null;
}

/** Checks a credential someone shows, or the certificate under the number printed on a certificate (and its QR code). */
export async function verifyCredential(db: Executor, shown: string): Promise<Verification> {
  const number = certificateNumber(shown);
  if (number) {
    const certificate = await queries.findCertificate(db, number);
    return certificate ? verifyCredential(db, certificate.jwt) : { valid: false, reason: 'unknown_certificate', certificateId: number, credential: null };
  }
  const jwt = shown.trim();
  const keys = await publicKeys(db);
  const check = verifyJwt(jwt, (kid) => keys.get(kid));
  const certificateId = certificateIdOf(check.payload);
  const credential = (check.payload?.vc as Record<string, unknown> | undefined) ?? null;
  if (!check.valid) return { valid: false, reason: check.reason, certificateId, credential };
  const certificate = certificateId && /^[0-9a-f-]{36}$/.test(certificateId) ? await queries.findCertificate(db, certificateId) : undefined;
  if (!certificate) return { valid: false, reason: 'unknown_certificate', certificateId, credential };
  if (certificate.revokedAt) return { valid: false, reason: 'revoked', certificateId, credential };
  return { valid: true, reason: null, certificateId, credential };
}

export async function certificateView(db: Executor, id: string): Promise<CertificateView> {
  const certificate = await queries.findCertificate(db, id);
  if (!certificate) throw notFound('The certificate', 'id');
  return {
    id: certificate.id,
    issuedAt: certificate.issuedAt.toISOString(),
    revoked: certificate.revokedAt !== null,
    jwt: certificate.jwt,
    verification: await verifyCredential(db, certificate.jwt),
  };
}

export async function issuerProfile(db: Executor, publicUrl: string): Promise<Issuer> {
  const keys = await queries.allSigningKeys(db);
  return {
    id: issuerId(publicUrl),
    type: ['Profile'],
    name: ISSUER_NAME,
    url: publicUrl,
    publicKeys: keys.map((k) => ({ kid: k.kid, jwk: createPublicKey(k.publicKeyPem).export({ format: 'jwk' }) as Record<string, unknown> })),
  };
}
