/**
 * Gives every API request its `reader` (see database/reads.ts) and, after a successful write, the cookie that keeps
 * the writer's own reads on the primary until the replica has caught up with what they wrote.
 */
import type { FastifyRequest } from 'fastify';
import type { ReadRouting, Reader } from '../database/reads.ts';
import type { Api } from './api.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Reads a route chooses to allow from a replica (public pages); everything else uses the primary. */
    reader: Reader;
  }
}

export const WRITTEN_COOKIE = 'lc_written';
/**
 * Past the staleness bound (1 s) the replica holds the write anyway; the cookie outlives it by a margin for clocks
 * that disagree between machines.
 */
const WRITTEN_COOKIE_SECONDS = 60;

export function registerReadRouting(api: Api, reads: ReadRouting, options: { secure: boolean }): void {
  api.decorateRequest('reader', null as unknown as Reader);
  api.addHook('onRequest', async (request: FastifyRequest) => {
    request.reader = reads.readerFor(request.cookies[WRITTEN_COOKIE]);
  });
  api.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'GET' || request.method === 'HEAD' || reply.statusCode >= 400) return payload;
    const position = await reads.positionAfterWrite().catch((error: unknown) => {
      request.log.warn({ err: error }, 'could not read the primary’s WAL position after a write');
      return null;
    });
    if (position) {
      // Appended beside any other cookie this reply sets (Fastify keeps every set-cookie header).
      reply.header('set-cookie', api.serializeCookie(WRITTEN_COOKIE, position, {
        httpOnly: true, sameSite: 'lax', path: '/', maxAge: WRITTEN_COOKIE_SECONDS,
        secure: options.secure || request.protocol === 'https',
      }));
    }
    return payload;
  });
}
