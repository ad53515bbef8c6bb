/**
 * A short-lived cache of read answers (GET routes with `config: { cache: true }`), keyed by the
 * request's URL. Under load most requests ask what another asked a moment before (the dashboard's
 * first page of events, the stats): those are answered from memory instead of reading the store and
 * writing the same JSON again. An answer lives `ttlMs` (default 1 s); a write through this server
 * empties the cache at once, so its client reads its own write; a write by another process (an
 * ingest, a queue worker) shows within `ttlMs`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface ReadCacheOptions {
  /** How long an answer is reused, in ms; 0 turns the cache off. */
  readonly ttlMs: number;
  /** Characters of JSON kept at most, all answers together (default 32 M); the oldest go first. */
  readonly maxChars?: number;
  /** Answers larger than this (characters of JSON) are not kept (default 1 M). */
  readonly maxAnswerChars?: number;
}

interface Entry {
  readonly body: string;
  readonly expires: number;
}

export interface ReadCache {
  /** Forgets every answer (after a write). */
  clear(): void;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answers of this GET route may be reused for a short while (read-cache.ts). */
    cache?: boolean;
  }
}

const SERVED = Symbol('served from the read cache');
const GENERATION = Symbol('cache generation at the request');

type Tagged = FastifyRequest & { [SERVED]?: true; [GENERATION]?: number };

const cacheable = (req: FastifyRequest): boolean => req.method === 'GET' && req.routeOptions.config.cache === true;

/** Adds the cache's hooks to `app` (the API's plugin); returns the handle that clears it. */
export function registerReadCache(app: FastifyInstance, o: ReadCacheOptions): ReadCache {
  const entries = new Map<string, Entry>();
  const maxChars = o.maxChars ?? 32 * 1024 * 1024;
  const maxAnswer = Math.min(o.maxAnswerChars ?? 1024 * 1024, maxChars);
  let generation = 0;
  let chars = 0;
  const forget = (key: string): void => {
    chars -= entries.get(key)?.body.length ?? 0;
    entries.delete(key);
  };
  const clear = (): void => {
    generation++;
    entries.clear();
    chars = 0;
  };
  if (o.ttlMs <= 0) return { clear };

  app.addHook('onRequest', async (req: Tagged, reply: FastifyReply) => {
    if (!cacheable(req)) return;
    const hit = entries.get(req.url);
    if (hit && hit.expires > Date.now()) {
      req[SERVED] = true;
      return reply.header('x-dyad-cache', 'hit').type('application/json; charset=utf-8').send(hit.body);
    }
    if (hit) forget(req.url);
    req[GENERATION] = generation;
  });

  app.addHook('onSend', async (req: Tagged, reply: FastifyReply, payload: unknown) => {
    // Kept only when no write came between the request and its answer.
    if (!cacheable(req) || req[SERVED] || reply.statusCode !== 200 || typeof payload !== 'string' || req[GENERATION] !== generation) return payload;
    if (payload.length > maxAnswer) return payload;
    forget(req.url);
    for (const oldest of entries.keys()) {
      if (chars + payload.length <= maxChars) break;
      forget(oldest);
    }
    entries.set(req.url, { body: payload, expires: Date.now() + o.ttlMs });
    chars += payload.length;
    return payload;
  });

  return { clear };
}
