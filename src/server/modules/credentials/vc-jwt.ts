/**
 * Verifiable credentials as compact JWS (VC-JWT, the Open Badges 3.0 JWT proof format), signed with
 * Ed25519 (alg EdDSA) from node:crypto. Pure: keys in, strings out.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A key id that names the key itself: the start of the SHA-256 of its public key. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url').slice(0, 16);
}

export function newSigningKey(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function signingKeyFrom(privatePem: string): SigningKey {
  const privateKey = createPrivateKey(privatePem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The credential signing key must be an Ed25519 key.');
  const publicKey = createPublicKey(privateKey);
  return { kid: keyIdOf(publicKey), privateKey, publicKey };
}

export function signJwt(payload: object, key: SigningKey): string {
  const input = `${encode({ alg: 'EdDSA', typ: 'JWT', kid: key.kid })}.${encode(payload)}`;
  return `${input}.${sign(null, Buffer.from(input), key.privateKey).toString('base64url')}`;
}

export type JwtCheck =
  | { valid: true; kid: string; payload: Record<string, unknown> }
  | { valid: false; reason: 'malformed' | 'unknown_key' | 'bad_signature'; kid?: string; payload?: Record<string, unknown> };

/** Checks the signature with the key its header names; `publicKeyOf` finds public keys by id. */
export function verifyJwt(jwt: string, publicKeyOf: (kid: string) => KeyObject | undefined): JwtCheck {
  const parts = jwt.trim().split('.');
  if (parts.length !== 3) return { valid: false, reason: 'malformed' };
  let header: { alg?: string; kid?: string };
  let payload: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as typeof header;
    payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as typeof payload;
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  if (header.alg !== 'EdDSA' || !header.kid) return { valid: false, reason: 'malformed', payload };
  const publicKey = publicKeyOf(header.kid);
  if (!publicKey) return { valid: false, reason: 'unknown_key', kid: header.kid, payload };
  const ok = verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, Buffer.from(parts[2]!, 'base64url'));
  return ok ? { valid: true, kid: header.kid, payload } : { valid: false, reason: 'bad_signature', kid: header.kid, payload };
}
