/** The API's read routes over the store: events, documents, series, network, places, visits, actors, stats. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { lazyCoderFacts, listStoreVisits, type Visit } from '../diplomacy/index.js';
import {
  actorNetwork, documentEvents, dyadSeries, eventById, eventPage, eventPlaces, storeSpan, type EventCursor, type EventQuery,
} from '../query/index.js';
import { ApiError } from './errors.js';
import type { ApiContext } from './context.js';
import {
  ActorsQuery, ActorsResult, DocumentDetail, ErrorSchema, EventDetail, EventsPage, EventsQuery, FilterQuery, IdParam,
  NetworkResult, PlacesResult, SeriesParams, SeriesQuery, SeriesResult, StatsResult, VisitsQuery, VisitsResult,
} from './schemas.js';
import { documentAnnotations, excerptOf } from './spans.js';

const errors = { 400: ErrorSchema, 404: ErrorSchema, 500: ErrorSchema };

export function toEventQuery(q: z.output<typeof FilterQuery>): EventQuery {
  const dyad = q.dyad?.split(',').map((s) => s.trim()) as [string, string] | undefined;
  return {
    actor: q.actor, dyad, undirected: q.undirected === true, cameo: q.cameo?.split(','), root: q.root, quad: q.quad,
    plover: q.plover, modality: q.modality, from: q.from, to: q.to, place: q.place, topic: q.topic, story: q.story,
  };
}

export function encodeCursor(c: EventCursor): string {
  return Buffer.from(JSON.stringify([c.date, c.id]), 'utf8').toString('base64url');
}

export function decodeCursor(s: string): EventCursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && (v[0] === null || typeof v[0] === 'string') && typeof v[1] === 'string') return { date: v[0], id: v[1] };
  } catch {
    // falls through to the error
  }
  throw new ApiError(400, 'USAGE', 'cursor: not a cursor from a previous page (use its `next`)');
}

class NeedsCoder extends Error {}

/**
 * The visits of the store. The coder is needed only for documents stored before their visit facts
 * were kept (schema version 5): it is loaded then, and only then.
 */
async function listVisits(ctx: ApiContext, filter: { country: string | null; from: string | null; to: string | null }): Promise<Visit[]> {
  const loaded = ctx.loadedCoder();
  try {
    return await listStoreVisits(ctx.store, lazyCoderFacts(() => {
      if (!loaded) throw new NeedsCoder();
      return loaded;
    }), filter);
  } catch (err) {
    if (!(err instanceof NeedsCoder)) throw err;
    const coder = await ctx.coder();
    return listStoreVisits(ctx.store, lazyCoderFacts(() => coder), filter);
  }
}

const notFound = (what: string, id: string): ApiError => new ApiError(404, 'NOT_FOUND', `no ${what} with id "${id}"`);

export function registerReadRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['read'];
  // Answers that depend only on the URL and the store: reused for a moment under load (read-cache.ts);
  // read from the store synchronously (SQLite), so one request a turn of the event loop (turns.ts).
  const config = { cache: true, queued: true };

  r.get('/events', { schema: { tags, summary: 'events matching the filters of `dyad query`, newest first, by cursor', querystring: EventsQuery, response: { 200: EventsPage, ...errors } }, config }, async (req) => {
    const q = toEventQuery(req.query);
    const page = await eventPage(ctx.store, q, req.query.limit, req.query.cursor ? decodeCursor(req.query.cursor) : null);
    return { events: [...page.events], next: page.next ? encodeCursor(page.next) : null, total: null };
  });

  r.get('/events/:id', { schema: { tags, summary: 'one event with its mentions (the evidence spans) and the excerpt of its first document', params: IdParam, response: { 200: EventDetail, ...errors } }, config }, async (req) => {
    const event = await eventById(ctx.store, req.params.id);
    if (!event) throw notFound('event', req.params.id);
    const mentions = await ctx.store.mentions({ eventId: event.id });
    const doc = await ctx.store.document(event.firstDocument.id);
    return {
      event,
      mentions: mentions.map((m) => ({ documentId: m.documentId, sentence: m.sentence, trigger: m.trigger, source: m.source, target: m.target, modalityCue: m.modalityCue, rule: m.rule, knowledgeVersion: m.knowledgeVersion })),
      excerpt: doc ? excerptOf(doc, mentions.filter((m) => m.documentId === doc.id)) : null,
    };
  });

  r.get('/documents/:id', { schema: { tags, summary: 'a stored document: text, metadata, events and the spans of every annotation', params: IdParam, response: { 200: DocumentDetail, ...errors } }, config }, async (req) => {
    const doc = await ctx.store.document(req.params.id);
    if (!doc) throw notFound('document', req.params.id);
    const [events, mentions] = await Promise.all([documentEvents(ctx.store, doc.id), ctx.store.mentions({ documentId: doc.id })]);
    const { storyId, codedAt, knowledgeVersion, id, externalId, url, title, source, published, language, text } = doc;
    const { annotations, spans } = await documentAnnotations(ctx, doc, mentions);
    return { document: { id, externalId, url, title, source, published, language, text, codedAt, knowledgeVersion, storyId }, events, annotations, spans };
  });

  r.get('/dyads/:a/:b/series', { schema: { tags, summary: "the dyad's events per day, week or month (as `dyad series`)", params: SeriesParams, querystring: SeriesQuery, response: { 200: SeriesResult, ...errors } }, config }, async (req) => {
    const points = await dyadSeries(ctx.store, { a: req.params.a, b: req.params.b, by: req.query.by, directed: req.query.directed === true, from: req.query.from, to: req.query.to });
    return { points: points.map((p) => ({ ...p, quad: [...p.quad] })) };
  });

  r.get('/network', { schema: { tags, summary: 'who acts on whom: event counts and mean Goldstein by source and target country', querystring: FilterQuery, response: { 200: NetworkResult, ...errors } }, config }, async (req) => ({
    edges: await actorNetwork(ctx.store, toEventQuery(req.query), 300),
  }));

  r.get('/places', { schema: { tags, summary: 'where matching events happened, one point per place', querystring: FilterQuery, response: { 200: PlacesResult, ...errors } }, config }, async (req) => ({
    places: await eventPlaces(ctx.store, toEventQuery(req.query), 2000),
  }));

  r.get('/visits', { schema: { tags, summary: 'visits with meetings and outcomes (as `dyad visits`)', querystring: VisitsQuery, response: { 200: VisitsResult, ...errors } }, config }, async (req) => {
    const filter = { country: req.query.country?.toUpperCase() ?? null, from: req.query.from ?? null, to: req.query.to ?? null };
    const visits = await listVisits(ctx, filter);
    return { visits };
  });

  r.get('/actors', { schema: { tags, summary: 'search the actor knowledge: names, codes, roles at a date', querystring: ActorsQuery, response: { 200: ActorsResult, ...errors } }, config: { queued: true } }, async (req) => ({
    actors: ctx.actors().search(req.query.q, req.query.date ?? new Date().toISOString().slice(0, 10), req.query.limit),
  }));

  r.get('/stats', { schema: { tags, summary: 'what the store holds', response: { 200: StatsResult, ...errors } }, config }, async () => {
    const s = await ctx.store.stats();
    return { documents: s.documents, events: s.events, mentions: s.mentions, stories: s.stories, actors: s.actors, ...(await storeSpan(ctx.store)) };
  });
}
