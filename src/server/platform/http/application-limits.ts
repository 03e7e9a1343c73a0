/**
 * Limits on the requests that ask for a place (enrol, apply for a draw), on top of the API's limit per address. Per
 * account they are tight: a person clicks a few times a minute, a script thousands. Per address they are generous and
 * count only what each account's own limit let through, so one address allows about (its limit ÷ an account's) busy
 * accounts at once: a burst from one account, refused by its own limit, never uses up the address that the other
 * residents at a community centre's shared PC come from, while many accounts run by one machine are held together.
 * Counted where the API's limits are (the cluster primary with WORKERS > 1).
 */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Api } from './api.ts';
import { tooManyRequests } from './errors.ts';

type Limit = ReturnType<Api['createRateLimit']>;
const made = new WeakMap<Api, (request: FastifyRequest) => Promise<void>>();

/** The preHandler that applies both limits; one per API instance, so every route it guards counts together. */
export function applicationLimits(api: Api, config: Config): (request: FastifyRequest) => Promise<void> {
  const existing = made.get(api);
  if (existing) return existing;
  const perAccount: Limit = api.createRateLimit({
    max: config.applicationsPerAccountPerMinute, timeWindow: 60_000, keyGenerator: (request) => `applications|account|${request.actor?.personId}`,
  });
  const perAddress: Limit = api.createRateLimit({
    max: config.applicationsPerAddressPerMinute, timeWindow: 60_000, keyGenerator: (request) => `applications|address|${request.ip}`,
  });
  const hook = async (request: FastifyRequest) => {
    // Whoever is not logged in is refused by the route (401) and counted by the API's own limit.
    if (!request.actor) return;
    for (const limit of [perAccount, perAddress]) {
      const outcome = await limit(request);
      if (!outcome.isAllowed && outcome.isExceeded) throw tooManyRequests(outcome.ttlInSeconds);
    }
  };
  made.set(api, hook);
  return hook;
}
