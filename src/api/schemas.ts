/**
 * The API's request and response schemas (zod). The same objects validate requests, shape responses
 * and become the OpenAPI 3.1 document (@fastify/swagger through fastify-type-provider-zod).
 */
import { z } from 'zod';
import { GRANULARITIES } from '../query/index.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(v)), 'not a calendar date');
/** Arrays in responses are readonly, as the query layer's types. */
const list = <T extends z.ZodType>(t: T) => z.array(t).readonly();
const word = (max: number) => z.string().min(1).max(max);

export const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
}).meta({ id: 'Error' });

export const ActorSchema = z.object({
  code: z.string(), country: z.string().nullable(), sector: z.string().nullable(), name: z.string().nullable(), role: z.string().nullable(),
}).meta({ id: 'Actor' });

const span = z.object({ text: z.string(), start: z.number().int(), end: z.number().int() });
export const SpanSchema = span.meta({ id: 'Span' });

export const EventSchema = z.object({
  id: z.string(), storyId: z.string(), cameo: z.string(), root: z.string(), quadClass: z.number().int(), goldstein: z.number(),
  plover: z.object({ type: z.string(), mode: z.string().nullable(), contexts: list(z.string()) }),
  topics: list(z.string()), modality: z.string(),
  date: z.object({ start: z.string(), end: z.string().nullable(), precision: z.string().nullable(), basis: z.string().nullable() }).nullable(),
  place: z.object({ name: z.string().nullable(), country: z.string().nullable(), lat: z.number().nullable(), lon: z.number().nullable() }).nullable(),
  source: ActorSchema.nullable(), target: ActorSchema.nullable(), attribution: z.string().nullable(),
  firstDocument: z.object({ id: z.string(), url: z.string().nullable(), published: z.string().nullable() }),
  confidence: z.number(), rule: z.string(), knowledge: z.string(),
  numMentions: z.number().int(), numArticles: z.number().int(), numSources: z.number().int(),
}).meta({ id: 'Event' });

/** Every `dyad query` filter, as query parameters. */
export const FilterQuery = z.object({
  actor: word(200).optional().describe('actor on either side: country (RUS), actor code (RUSGOV) or name (Putin)'),
  dyad: z.string().regex(/^[^,]{1,64},[^,]{1,64}$/, 'expected SOURCE,TARGET (e.g. RUS,CHN)').optional().describe('source,target'),
  undirected: z.stringbool().optional().describe('with dyad: either way round'),
  cameo: z.string().regex(/^\d{1,4}(,\d{1,4}){0,19}$/, 'expected CAMEO codes of 1-4 digits, comma-separated').optional(),
  root: z.string().regex(/^(0?[1-9]|1\d|20)$/, 'expected a CAMEO root 01-20').optional(),
  quad: z.coerce.number().int().min(1).max(4).optional(),
  plover: z.string().regex(/^[A-Za-z_]{2,20}$/, 'expected a PLOVER type (CONSULT, AGREE, ...)').optional(),
  modality: z.enum(['occurred', 'planned', 'expected', 'hypothetical', 'negated', 'claimed']).optional(),
  from: day.optional(),
  to: day.optional(),
  place: word(200).optional().describe('place country code (CHN) or name'),
  topic: word(100).optional(),
  story: word(100).optional(),
});

export const MAX_PAGE = 500;

export const EventsQuery = FilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50).describe(`page size, at most ${MAX_PAGE}`),
  cursor: z.string().max(400).optional().describe('the `next` of the previous page'),
});

export const EventsPage = z.object({ events: list(EventSchema), next: z.string().nullable(), total: z.number().int().nullable() }).meta({ id: 'EventPage' });

export const MentionSchema = z.object({
  documentId: z.string(), sentence: z.number().int(), trigger: SpanSchema, source: SpanSchema.nullable(), target: SpanSchema.nullable(),
  modalityCue: SpanSchema.nullable(), rule: z.string(), knowledgeVersion: z.string(),
}).meta({ id: 'Mention' });

export const EventDetail = z.object({
  event: EventSchema,
  mentions: list(MentionSchema),
  excerpt: z.object({ documentId: z.string(), title: z.string().nullable(), text: z.string(), offset: z.number().int() }).nullable(),
}).meta({ id: 'EventDetail' });

export const IdParam = z.object({ id: z.string().min(1).max(200) });

export const AnnotationSchema = z.object({
  kind: z.enum(['trigger', 'source', 'target', 'cue', 'actor', 'date', 'place']),
  start: z.number().int(), end: z.number().int(), text: z.string(), label: z.string(), eventId: z.string().nullable(),
}).meta({ id: 'Annotation' });

export const DocumentDetail = z.object({
  document: z.object({
    id: z.string(), externalId: z.string().nullable(), url: z.string().nullable(), title: z.string().nullable(),
    source: z.string().nullable(), published: z.string().nullable(), language: z.string().nullable(), text: z.string(),
    codedAt: z.string(), knowledgeVersion: z.string(), storyId: z.string(),
  }),
  events: list(EventSchema),
  annotations: list(AnnotationSchema),
  spans: z.enum(['stored', 'recomputed']).describe("stored: the actor, date and place spans the coder used when it coded the document; recomputed: read again with the current knowledge (documents stored before dyad kept them)"),
}).meta({ id: 'DocumentDetail' });

/** The body of POST /code and POST /documents: text, or an HTML page to reduce to its article text. */
export const DocumentBody = z.object({
  text: z.string().min(1).max(5_000_000).optional(),
  html: z.string().min(1).max(5_000_000).optional(),
  date: day.optional().describe('publication date, for resolving "this week", "on Tuesday"'),
  title: z.string().max(1000).optional(),
  url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  source: z.string().max(200).optional(),
  id: z.string().max(200).optional(),
}).strict().refine((b) => (b.text === undefined) !== (b.html === undefined), { message: 'give exactly one of text or html' })
  .meta({ id: 'DocumentIn' });

/** POST /documents: one document, several, or a URL (page or feed) to fetch and ingest. */
export const IngestBody = z.union([
  DocumentBody,
  z.object({ documents: z.array(DocumentBody).min(1).max(1000) }).strict(),
  z.object({ fetch: z.url({ protocol: /^https?$/ }).max(2000), follow: z.boolean().optional() }).strict(),
]);

export const IngestResult = z.object({
  added: z.number().int(), known: z.number().int(), failed: z.number().int(), skipped: z.number().int(), events: z.number().int(),
  documents: list(z.object({ id: z.string(), status: z.enum(['new', 'known']) })),
  errors: list(z.object({ code: z.string(), message: z.string() })),
}).meta({ id: 'IngestResult' });

export const CodeResult = z.object({ document: z.record(z.string(), z.unknown()), events: list(z.record(z.string(), z.unknown())) })
  .meta({ id: 'CodeResult', description: 'the `dyad code` record: {document, events} (see the README for the event fields)' });

export const SeriesParams = z.object({ a: z.string().regex(/^[A-Z0-9]{3,12}$/, 'expected a country (RUS) or actor code (RUSGOV)'), b: z.string().regex(/^[A-Z0-9]{3,12}$/, 'expected a country (CHN) or actor code') });
export const SeriesQuery = z.object({
  by: z.enum(GRANULARITIES).default('month'), directed: z.stringbool().optional(), from: day.optional(), to: day.optional(),
});
export const SeriesResult = z.object({
  points: list(z.object({
    label: z.string(), start: z.string(), end: z.string(), events: z.number().int(), quad: z.array(z.number().int()).length(4).readonly(),
    goldsteinSum: z.number(), goldsteinMean: z.number().nullable(), reports: z.number(), index: z.number().nullable(),
  })),
}).meta({ id: 'Series' });

export const NetworkResult = z.object({
  edges: list(z.object({ source: z.string(), target: z.string(), events: z.number().int(), goldstein: z.number() })),
}).meta({ id: 'Network' });

export const PlacesResult = z.object({
  places: list(z.object({ name: z.string().nullable(), country: z.string().nullable(), lat: z.number(), lon: z.number(), events: z.number().int(), goldstein: z.number() })),
}).meta({ id: 'Places' });

export const VisitsQuery = z.object({ country: z.string().regex(/^[A-Za-z]{3}$/, 'expected an ISO-3166 alpha-3 code (CHN)').optional(), from: day.optional(), to: day.optional() });
const person = z.object({ name: z.string().nullable(), country: z.string().nullable(), role: z.string().nullable() });
export const VisitsResult = z.object({
  visits: list(z.object({
    id: z.string(), guest: person, host: z.object({ country: z.string() }), invitedBy: person.nullable(), kind: z.string(),
    start: z.string().nullable(), end: z.string().nullable(), status: z.string(),
    meetings: list(z.object({ with: z.string(), country: z.string().nullable(), topics: list(z.string()) })),
    outcomes: list(z.object({ kind: z.string(), status: z.string() })),
    evidence: z.object({ events: list(z.string()), documents: list(z.string()) }),
  })),
}).meta({ id: 'Visits' });

export const ActorsQuery = z.object({ q: z.string().min(1).max(100), date: day.optional().describe('roles held on this day (default: today)'), limit: z.coerce.number().int().min(1).max(100).default(20) });
export const ActorsResult = z.object({
  actors: list(z.object({
    kind: z.string(), id: z.string(), name: z.string(), names: list(z.string()), code: z.string(), country: z.string().nullable(),
    role: z.string().nullable(), roles: list(z.object({ role: z.string(), office: z.string(), country: z.string(), sector: z.string().nullable(), start: z.string().nullable(), end: z.string().nullable() })),
  })),
}).meta({ id: 'Actors' });

export const StatsResult = z.object({
  documents: z.number().int(), events: z.number().int(), mentions: z.number().int(), stories: z.number().int(), actors: z.number().int(),
  firstDate: z.string().nullable(), lastDate: z.string().nullable(), knowledge: list(z.string()), ploverTypes: list(z.string()),
}).meta({ id: 'Stats' });

export const HealthResult = z.object({ status: z.literal('ok'), version: z.string() });
