/**
 * State-changing requests are accepted only from our own pages. SameSite=Lax cookies already keep a
 * foreign site's POST from carrying the session in current browsers; this is the second lock, for
 * older browsers, same-site subdomains and cookie-less actions (a body-less POST from anywhere).
 * Browsers say where a request comes from (Sec-Fetch-Site, else Origin); clients that say neither
 * (curl, scripts, server to server) carry no ambient cookie a foreign page could borrow, so they pass.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { preferredLocale } from '../../../shared/vocabulary/index.ts';
import { HttpError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSameOriginRequest(request: FastifyRequest, publicOrigin: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return origin === publicOrigin || origin === `${request.protocol}://${request.host}`;
}

const crossSite = new HttpError(403, 'cross_site_request', {
  ko: '다른 사이트에서 보낸 요청은 받지 않습니다. 이 사이트의 화면에서 다시 해 주세요.',
  en: 'Requests sent from another site are refused. Please do this again from this site’s pages.',
});

export function registerSameOriginCheck(app: FastifyInstance, publicUrl: string): void {
  const publicOrigin = new URL(publicUrl).origin;
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method) || isSameOriginRequest(request, publicOrigin)) return;
    return reply.status(403).send(crossSite.toBody(preferredLocale(request.headers['accept-language'])));
  });
}
