/**
 * dyad's HTTP API (under /api/v1) and the dashboard's files, on Fastify. Every error leaves through
 * one handler as `{error: {code, message}}`; the OpenAPI 3.1 document comes from the zod schemas.
 *
 *   const app = await buildApp({ store, coder: () => createCoder(), token: process.env.DYAD_TOKEN });
 *   await app.listen({ host: '127.0.0.1', port: 8080 });
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler, type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Coder } from '../index.js';
import type { Store } from '../store/store.js';
import { apiContext } from './context.js';
import { ApiError, toErrorBody } from './errors.js';
import { parseJsonLines } from './ingest.js';
import { registerReadCache } from './read-cache.js';
import { registerReadRoutes } from './routes-read.js';
import { registerWriteRoutes } from './routes-write.js';
import { registerTurns } from './turns.js';
import { HealthResult } from './schemas.js';

export const API_PREFIX = '/api/v1';

export interface ApiOptions {
  readonly store: Store;
  /** Makes the coder; called once, on the first request that codes (or by `warm`). */
  readonly coder: () => Promise<Coder> | Coder;
  /** Bearer token for writes (DYAD_TOKEN); without one, writes are refused. */
  readonly token?: string | null;
  /** Origins allowed to call the API from a browser; none (the default) means no CORS headers. */
  readonly corsOrigins?: readonly string[];
  /** Folder of the built dashboard (dist/web); null serves a page that says how to build it. */
  readonly webRoot?: string | null;
  /** Largest request body in bytes (default 6 MB: a 5 MB document and its JSON). */
  readonly bodyLimit?: number;
  /** Milliseconds a request may take before the server answers 408 (default 30 s). */
  readonly requestTimeout?: number;
  /** Writes (POST /documents) per client and minute (default 60). */
  readonly writesPerMinute?: number;
  /**
   * Let `POST /documents {fetch}` reach loopback, private, link-local and unspecified addresses
   * (`dyad serve --allow-private-fetch`). Off by default: a token holder cannot make the server read
   * its own network.
   */
  readonly allowPrivateFetch?: boolean;
  /**
   * How long a read answer (events, documents, series, network, places, visits, stats) is reused for
   * the same URL, in ms (default 1000; 0: never). A write through this server clears it at once.
   */
  readonly readCacheMs?: number;
  readonly logger?: boolean;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

const NO_DASHBOARD = `<!doctype html><meta charset="utf-8"><title>dyad</title>
<p>The dashboard is not built. Run <code>npm run build:web</code> and reload. The API is at <a href="/api/v1/stats">/api/v1</a>, its documentation at <a href="/docs">/docs</a>.</p>`;

async function registerDocs(app: FastifyInstance, ver: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'dyad API', version: ver, description: 'Political events coded from news, with their evidence. Errors are {error: {code, message}}.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // Swagger UI's own files, served from the package: nothing is loaded from elsewhere (the CSP says so).
  await app.register(swaggerUi, {
    routePrefix: '/docs', uiConfig: { validatorUrl: null, deepLinking: false }, logLevel: 'warn', staticCSP: true,
    transformStaticCSP: (h) => h.replace(/ https:/g, '').replace(' validator.swagger.io', '').replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(' upgrade-insecure-requests;', ''),
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

function registerErrors(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toErrorBody(err);
    if (status >= 500) req.log.error({ err }, 'request failed');
    void reply.status(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    const { status, body } = toErrorBody(new ApiError(404, 'NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0].slice(0, 200)}`));
    void reply.status(status).send(body);
  });
}

/** A route as registered: its method(s) and full URL. */
export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  /** Hidden from the OpenAPI document (the documentation pages, static files). */
  readonly hidden: boolean;
}

const ROUTES = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every route of an app built by buildApp, for the contract test and the start-up message. */
export function apiRoutes(app: FastifyInstance): readonly RouteEntry[] {
  return ROUTES.get(app) ?? [];
}

export async function buildApp(o: ApiOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: o.logger ?? false,
    bodyLimit: o.bodyLimit ?? 6 * 1024 * 1024,
    requestTimeout: o.requestTimeout ?? 30_000,
    connectionTimeout: 60_000,
    return503OnClosing: true,
    // Errors the router meets before any route (a bad URL, a path parameter too long) take the same shape.
    frameworkErrors: (err, _req, reply) => {
      const { status, body } = toErrorBody(err);
      void (reply as FastifyReply).status(status).type('application/json; charset=utf-8').send(body);
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  const routes: RouteEntry[] = [];
  ROUTES.set(app, routes);
  app.addHook('onRoute', (r) => {
    const hidden = (r.schema as { hide?: boolean } | undefined)?.hide === true || !r.url.startsWith(API_PREFIX);
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url, hidden });
  });
  app.setValidatorCompiler(validatorCompiler);
  // Responses are written with JSON.stringify, not checked against their zod schemas on every request
  // (that tripled the cost of a page of events); the schemas document them in the OpenAPI document, and
  // the API and contract tests check real responses against them.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  registerErrors(app);
  app.addHook('onSend', async (_req, reply) => {
    void reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
  });
  // Bodies are JSON (or JSON Lines for a batch); anything else is 415.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(['application/x-ndjson', 'application/jsonl'], { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, { documents: parseJsonLines(String(body)) });
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  if (o.corsOrigins?.length) await app.register(cors, { origin: [...o.corsOrigins], methods: ['GET', 'POST'] });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new ApiError(429, 'RATE_LIMITED', `too many requests: at most ${ctx.max} a minute; retry in ${Math.ceil(ctx.ttl / 1000)} s`),
  });
  const ver = version();
  await registerDocs(app, ver);
  const ctx = apiContext(o.store, o.coder);
  await app.register(async (api) => {
    const cache = registerReadCache(api, { ttlMs: o.readCacheMs ?? 1000 });
    registerTurns(api);
    api.withTypeProvider<ZodTypeProvider>().get('/healthz', { schema: { tags: ['read'], summary: 'the server is up', response: { 200: HealthResult } } }, async () => ({ status: 'ok' as const, version: ver }));
    registerReadRoutes(api, ctx);
    registerWriteRoutes(api, ctx, { token: o.token ?? null, writesPerMinute: o.writesPerMinute ?? 60, allowPrivateFetch: o.allowPrivateFetch === true, written: cache.clear });
  }, { prefix: API_PREFIX });
  const root = o.webRoot ?? null;
  if (root && existsSync(join(root, 'index.html'))) {
    await app.register(fastifyStatic, { root, prefix: '/', index: ['index.html'], wildcard: true, dotfiles: 'deny', cacheControl: true, maxAge: '1h' });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html; charset=utf-8').send(NO_DASHBOARD));
  }
  return app;
}

/** The built dashboard of this package (dist/web), or null when it is not built. */
export function defaultWebRoot(): string | null {
  const dir = new URL('../../dist/web/', import.meta.url).pathname;
  return existsSync(join(dir, 'index.html')) ? dir : null;
}
