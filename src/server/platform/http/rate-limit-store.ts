/**
 * Rate limits count every request of a client (an address, an account) however many server processes there
 * are. With WORKERS > 1 the primary process keeps the counts and the workers ask it over the cluster's IPC
 * channel (a round trip of well under a millisecond); a single process counts in its own memory.
 */
import cluster, { type Worker } from 'node:cluster';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';

interface Count {
  current: number;
  /** When the window of this count ends (ms since the epoch). */
  endsAt: number;
}
interface CountRequest {
  type: 'rate-limit';
  id: number;
  key: string;
  timeWindow: number;
}
interface CountReply {
  type: 'rate-limit';
  id: number;
  current: number;
  ttl: number;
}

const isCountRequest = (message: unknown): message is CountRequest => (message as CountRequest | null)?.type === 'rate-limit';

/** The primary's side: one fixed window per key, as @fastify/rate-limit's own store counts. */
export class RateLimitCounts {
  private readonly counts = new Map<string, Count>();
  private readonly sweeper = setInterval(() => this.sweep(), 60_000).unref();

  count(key: string, timeWindow: number, now = Date.now()): { current: number; ttl: number } {
    let count = this.counts.get(key);
    if (!count || count.endsAt <= now) {
      count = { current: 0, endsAt: now + timeWindow };
      this.counts.set(key, count);
    }
    count.current++;
    return { current: count.current, ttl: count.endsAt - now };
  }

  /** Answers a worker's questions. */
  serve(worker: Worker): void {
    worker.on('message', (message: unknown) => {
      if (!isCountRequest(message) || !worker.isConnected()) return;
      const reply: CountReply = { type: 'rate-limit', id: message.id, ...this.count(message.key, message.timeWindow) };
      worker.send(reply);
    });
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, count] of this.counts) if (count.endsAt <= now) this.counts.delete(key);
  }

  stop(): void {
    clearInterval(this.sweeper);
  }
}

/** How long a worker waits for the primary before letting the request through (a limit is never worth an outage). */
const PRIMARY_TIMEOUT_MS = 1000;
const waiting = new Map<number, (reply: CountReply) => void>();
let nextId = 0;
let listening = false;

function askPrimary(key: string, timeWindow: number): Promise<CountReply | null> {
  if (!listening) {
    listening = true;
    process.on('message', (message: unknown) => {
      if (!isCountRequest(message)) return;
      waiting.get(message.id)?.(message as unknown as CountReply);
      waiting.delete(message.id);
    });
  }
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      resolve(null);
    }, PRIMARY_TIMEOUT_MS);
    waiting.set(id, (reply) => {
      clearTimeout(timer);
      resolve(reply);
    });
    const request: CountRequest = { type: 'rate-limit', id, key, timeWindow };
    process.send!(request);
  });
}

/** A worker's store for @fastify/rate-limit: every count is the primary's. Each route with its own limit counts apart. */
export class PrimaryCountedStore implements FastifyRateLimitStore {
  constructor(_options?: unknown, private readonly namespace = '') {}

  incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
    void askPrimary(`${this.namespace}|${key}`, timeWindow).then((reply) => callback(null, reply ?? { current: 1, ttl: timeWindow }));
  }

  child(routeOptions: { method?: unknown; url?: unknown; routeInfo?: { method?: unknown; url?: unknown } }): FastifyRateLimitStore {
    const route = routeOptions.routeInfo ?? routeOptions;
    return new PrimaryCountedStore(null, `${String(route.method)} ${String(route.url)}`);
  }
}

/** The store to give @fastify/rate-limit: the primary's counts in a cluster worker, else its own (in memory). */
export const sharedRateLimitStore = () => (cluster.isWorker ? { store: PrimaryCountedStore } : {});
