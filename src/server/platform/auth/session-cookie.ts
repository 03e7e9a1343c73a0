/**
 * Session cookies: a random token in an httpOnly, SameSite=Lax cookie (Secure over HTTPS); the server keeps only its
 * SHA-256. The lookup itself belongs to the identity module, which passes `resolve` in.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from './actor.ts';
import { hashSecretToken, newSecretToken } from './secret-token.ts';
import type {} from '@fastify/cookie';

export const SESSION_COOKIE = 'lc_session';

export const newSessionToken = newSecretToken;
export const hashSessionToken = hashSecretToken;

export interface SessionCookieOptions {
  secure: boolean;
  ttlHours: number;
  resolve(tokenHash: string): Promise<Actor | null>;
}

export function registerSessionCookie(app: FastifyInstance, options: SessionCookieOptions): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await options.resolve(hashSessionToken(token)) : null;
  });
}

/** `secure` forces the Secure flag; a request that came over HTTPS (directly or through a trusted proxy) gets it anyway. */
export function setSessionCookie(reply: FastifyReply, token: string, options: { secure: boolean; ttlHours: number }): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure || reply.request.protocol === 'https',
    path: '/',
    maxAge: options.ttlHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
