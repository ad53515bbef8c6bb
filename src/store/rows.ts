/**
 * Rows for the store's tables, built from coding results, and records read back from rows.
 * Dialect-free: both the SQLite and a PostgreSQL store bind these by column name.
 */
import { createHash } from 'node:crypto';
import type { TextSpan } from '../core/doc.js';
import type { ActorOut, CodedEvent } from '../core/event.js';
import type { StoredActor, StoredDocument, StoredEvent, StoredMention, StoredSpan, StoredStory } from './store.js';

export type SqlValue = string | number | null;
export type Row = Readonly<Record<string, SqlValue>>;

/**
 * Events of one story with the same CAMEO code, source actor, target actor and date are one event:
 * a second article about the same visit adds a mention, not a visit.
 */
/**
 * One event row per story, code, actors and dates. Actors are their code and, for people, their name:
 * Putin meeting Xi and Putin meeting Li Qiang are two meetings though both are RUSGOV -> CHNGOV.
 */
export function eventKey(storyId: string, e: CodedEvent): string {
  const actor = (a: ActorOut | null): string => (a ? `${a.code}:${a.name ?? ''}` : '');
  return [storyId, e.cameo, actor(e.source), actor(e.target), e.date?.start ?? '', e.date?.end ?? ''].join('|');
}

export function eventRowId(storyId: string, e: CodedEvent): string {
  return createHash('sha256').update(eventKey(storyId, e)).digest('hex').slice(0, 24);
}

function actorFields(prefix: string, a: ActorOut | null): Record<string, SqlValue> {
  return {
    [`${prefix}_code`]: a?.code ?? null,
    [`${prefix}_country`]: a?.country ?? null,
    [`${prefix}_sector`]: a?.sector ?? null,
    [`${prefix}_name`]: a?.name ?? null,
    [`${prefix}_role`]: a?.role ?? null,
  };
}

/** The coded fields of an event row: everything but its id, story, first document and counts. */
export function eventFields(e: CodedEvent): Row {
  return {
    cameo: e.cameo,
    root: e.root,
    quad_class: e.quadClass,
    goldstein: e.goldstein,
    plover_type: e.plover.type,
    plover_mode: e.plover.mode,
    plover_contexts: JSON.stringify(e.plover.contexts),
    topics: JSON.stringify(e.topics),
    modality: e.modality,
    date_start: e.date?.start ?? null,
    date_end: e.date?.end ?? null,
    date_precision: e.date?.precision ?? null,
    date_basis: e.date?.basis ?? null,
    place_name: e.place?.name ?? null,
    place_country: e.place?.country ?? null,
    place_lat: e.place?.lat ?? null,
    place_lon: e.place?.lon ?? null,
    ...actorFields('source', e.source),
    ...actorFields('target', e.target),
    attribution_code: e.attribution?.code ?? null,
    confidence: e.confidence,
    rule: e.rule,
    knowledge_version: e.knowledge,
  };
}

/** The columns eventFields fills, in order. */
export const EVENT_FIELD_NAMES: readonly string[] = [
  'cameo', 'root', 'quad_class', 'goldstein', 'plover_type', 'plover_mode', 'plover_contexts', 'topics', 'modality',
  'date_start', 'date_end', 'date_precision', 'date_basis', 'place_name', 'place_country', 'place_lat', 'place_lon',
  ...['source', 'target'].flatMap((p) => ['code', 'country', 'sector', 'name', 'role'].map((f) => `${p}_${f}`)),
  'attribution_code', 'confidence', 'rule', 'knowledge_version',
];

function span(prefix: string, s: TextSpan | ActorOut | null): Record<string, SqlValue> {
  return { [`${prefix}_text`]: s?.text ?? null, [`${prefix}_start`]: s?.start ?? null, [`${prefix}_end`]: s?.end ?? null };
}

/** One row per place in the document that tells the event; the primary one carries the actor and cue spans. */
export function mentionRows(eventId: string, documentId: string, e: CodedEvent): Row[] {
  const places = e.mentions.length ? e.mentions : [{ sentence: e.sentence, trigger: e.trigger, rule: e.rule }];
  return places.map((m) => {
    const primary = m.sentence === e.sentence && m.trigger.start === e.trigger.start;
    return {
      event_id: eventId,
      document_id: documentId,
      coded_event_id: e.id,
      sentence: m.sentence,
      ...span('trigger', m.trigger),
      ...span('source', primary ? e.source : null),
      ...span('target', primary ? e.target : null),
      ...span('cue', primary ? e.modalityCue : null),
      modality: e.modality,
      rule: m.rule,
      confidence: e.confidence,
      knowledge_version: e.knowledge,
    };
  });
}

export function actorRows(e: CodedEvent, documentId: string): Row[] {
  return [e.source, e.target, e.attribution]
    .filter((a): a is ActorOut => a !== null)
    .map((a) => ({ code: a.code, name: a.name ?? '', country: a.country, sector: a.sector, role: a.role, first_document_id: documentId }));
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function storedActor(row: Record<string, unknown>, p: string): StoredActor | null {
  const code = str(row[`${p}_code`]);
  if (code === null) return null;
  return { code, country: str(row[`${p}_country`]), sector: str(row[`${p}_sector`]), name: str(row[`${p}_name`]), role: str(row[`${p}_role`]) };
}

function storedSpan(row: Record<string, unknown>, p: string): StoredSpan | null {
  const text = str(row[`${p}_text`]);
  return text === null ? null : { text, start: Number(row[`${p}_start`]), end: Number(row[`${p}_end`]) };
}

export function toStoredEvent(row: Record<string, unknown>): StoredEvent {
  return {
    id: String(row.id), storyId: String(row.story_id), cameo: String(row.cameo), root: String(row.root),
    quadClass: Number(row.quad_class), goldstein: Number(row.goldstein),
    ploverType: String(row.plover_type), ploverMode: str(row.plover_mode),
    ploverContexts: JSON.parse(String(row.plover_contexts)) as string[],
    modality: String(row.modality),
    dateStart: str(row.date_start), dateEnd: str(row.date_end), datePrecision: str(row.date_precision),
    placeName: str(row.place_name), placeCountry: str(row.place_country), placeLat: num(row.place_lat), placeLon: num(row.place_lon),
    source: storedActor(row, 'source'), target: storedActor(row, 'target'),
    firstDocumentId: String(row.first_document_id), confidence: Number(row.confidence), rule: String(row.rule),
    knowledgeVersion: String(row.knowledge_version),
    numMentions: Number(row.num_mentions), numArticles: Number(row.num_articles), numSources: Number(row.num_sources),
  };
}

export function toStoredMention(row: Record<string, unknown>): StoredMention {
  return {
    eventId: String(row.event_id), documentId: String(row.document_id), codedEventId: String(row.coded_event_id), sentence: Number(row.sentence),
    trigger: storedSpan(row, 'trigger') ?? { text: '', start: 0, end: 0 },
    source: storedSpan(row, 'source'), target: storedSpan(row, 'target'), modalityCue: storedSpan(row, 'cue'),
    rule: String(row.rule), knowledgeVersion: String(row.knowledge_version),
  };
}

export function toStoredDocument(row: Record<string, unknown>): StoredDocument {
  return {
    id: String(row.id), externalId: str(row.external_id), url: str(row.url), canonicalUrl: str(row.canonical_url),
    title: str(row.title), source: str(row.source), publisher: str(row.publisher), published: str(row.published),
    language: str(row.language), text: String(row.text), codedAt: String(row.coded_at),
    knowledgeVersion: String(row.knowledge_version), storyId: String(row.story_id), spans: str(row.spans),
  };
}

export function toStoredStory(row: Record<string, unknown>): StoredStory {
  return {
    id: String(row.id), representativeDocumentId: String(row.representative_document_id),
    firstPublished: str(row.first_published), lastPublished: str(row.last_published),
    numArticles: Number(row.num_articles), numSources: Number(row.num_sources),
  };
}
