/** POST /code (nothing stored) and POST /documents (writes: bearer token, rate limit). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ApiContext } from './context.js';
import { bearerCheck } from './auth.js';
import { ingestBodies, ingestUrl, toInput, type IngestReport } from './ingest.js';
import { CodeResult, DocumentBody, ErrorSchema, IngestBody, IngestResult } from './schemas.js';

export interface WriteOptions {
  readonly token: string | null;
  /** Writes per client and minute. */
  readonly writesPerMinute: number;
  /** `{fetch: URL}` may reach loopback, private and link-local addresses. */
  readonly allowPrivateFetch: boolean;
  /** Called after documents were stored (the read cache forgets its answers). */
  readonly written: () => void;
}

async function ingest(ctx: ApiContext, body: z.output<typeof IngestBody>, allowPrivate: boolean): Promise<IngestReport> {
  if ('fetch' in body) return ingestUrl(ctx.store, ctx.coder, { url: body.fetch, follow: body.follow === true, allowPrivate });
  const bodies = 'documents' in body ? body.documents : [body];
  // A single document's bad input is the request's error; in a batch it is reported and skipped.
  if (bodies.length === 1) toInput(bodies[0]);
  return ingestBodies(ctx.store, await ctx.coder(), bodies);
}

export function registerWriteRoutes(app: FastifyInstance, ctx: ApiContext, o: WriteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const check = bearerCheck(o.token);
  const errors = { 400: ErrorSchema, 413: ErrorSchema, 415: ErrorSchema, 429: ErrorSchema, 500: ErrorSchema };

  r.post('/code', {
    schema: { tags: ['code'], summary: 'code one document and return the `dyad code` record; nothing is stored', body: DocumentBody, response: { 200: CodeResult, ...errors } },
    config: { rateLimit: { max: o.writesPerMinute * 4, timeWindow: 60_000 }, queued: true },
  }, async (req) => {
    const { input } = toInput(req.body);
    const result = (await ctx.coder()).code(input);
    return JSON.parse(JSON.stringify(result)) as { document: Record<string, unknown>; events: Record<string, unknown>[] };
  });

  r.post('/documents', {
    schema: {
      tags: ['write'],
      summary: 'store documents: one (as /code), {documents: [...]}, a JSON Lines body (application/x-ndjson), or {fetch: URL} of a page or feed',
      security: [{ bearer: [] }],
      body: IngestBody,
      response: { 200: IngestResult, 401: ErrorSchema, 403: ErrorSchema, ...errors },
    },
    config: { rateLimit: { max: o.writesPerMinute, timeWindow: 60_000 }, queued: true },
    onRequest: async (req) => check(req.headers.authorization),
  }, async (req) => {
    const report = await ingest(ctx, req.body, o.allowPrivateFetch);
    if (report.added > 0) o.written();
    return report;
  });
}
