/**
 * Secrets handed to one person (a session cookie, an invitation link): 32 random bytes, URL-safe. The server
 * keeps only their SHA-256, so its database alone never lets anyone in.
 */
import { createHash, randomBytes } from 'node:crypto';

/** The length of a token as sent (32 bytes in base64url). */
export const SECRET_TOKEN_LENGTH = 43;

export function newSecretToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
