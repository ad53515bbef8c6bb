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
  /** Answers kept at most (the oldest go first). */
  readonly maxEntries?: number;
  /** Answers larger than this (bytes of JSON) are not kept. */
  readonly maxBytes?: number;
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
  const maxEntries = o.maxEntries ?? 1000;
  const maxBytes = o.maxBytes ?? 1024 * 1024;
  let generation = 0;
  const clear = (): void => {
    generation++;
    entries.clear();
  };
  if (o.ttlMs <= 0) return { clear };

  app.addHook('onRequest', async (req: Tagged, reply: FastifyReply) => {
    if (!cacheable(req)) return;
    const hit = entries.get(req.url);
    if (hit && hit.expires > Date.now()) {
      req[SERVED] = true;
      return reply.header('x-dyad-cache', 'hit').type('application/json; charset=utf-8').send(hit.body);
    }
    if (hit) entries.delete(req.url);
    req[GENERATION] = generation;
  });

  app.addHook('onSend', async (req: Tagged, reply: FastifyReply, payload: unknown) => {
    // Kept only when no write came between the request and its answer.
    if (!cacheable(req) || req[SERVED] || reply.statusCode !== 200 || typeof payload !== 'string' || req[GENERATION] !== generation) return payload;
    if (payload.length > maxBytes) return payload;
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
    entries.set(req.url, { body: payload, expires: Date.now() + o.ttlMs });
    return payload;
  });

  return { clear };
}
