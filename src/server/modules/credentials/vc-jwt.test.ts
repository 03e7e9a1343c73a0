import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSigningKey, signJwt, signingKeyFrom, verifyJwt } from './vc-jwt.ts';

describe('signed credentials (VC-JWT, Ed25519)', () => {
  const key = signingKeyFrom(newSigningKey().privatePem);
  const keys = (kid: string) => (kid === key.kid ? key.publicKey : undefined);
  const jwt = signJwt({ vc: { name: '수료증: 스마트폰 활용 교실' } }, key);

  it('verifies what it signed, Korean text included', () => {
    const check = verifyJwt(jwt, keys);
    expect(check.valid).toBe(true);
    expect(check.payload).toEqual({ vc: { name: '수료증: 스마트폰 활용 교실' } });
  });

  it('finds a tampered payload invalid', () => {
    const [header, , signature] = jwt.split('.');
    const forged = Buffer.from(JSON.stringify({ vc: { name: '수료증: 바리스타 2급' } })).toString('base64url');
    expect(verifyJwt(`${header}.${forged}.${signature}`, keys)).toMatchObject({ valid: false, reason: 'bad_signature' });
  });

  it('does not trust a key it does not know, or a broken token', () => {
    const other = signingKeyFrom(newSigningKey().privatePem);
    expect(verifyJwt(signJwt({ a: 1 }, other), keys)).toMatchObject({ valid: false, reason: 'unknown_key' });
    expect(verifyJwt('not.a-jwt', keys)).toMatchObject({ valid: false, reason: 'malformed' });
    expect(verifyJwt('a.b.c', keys)).toMatchObject({ valid: false, reason: 'malformed' });
  });

  it('names keys by their public key', () => {
    const pem = newSigningKey();
    expect(signingKeyFrom(pem.privatePem).kid).toBe(signingKeyFrom(pem.privatePem).kid);
    expect(createPublicKey(pem.publicPem).asymmetricKeyType).toBe('ed25519');
  });
});
