/**
 * The PostgreSQL store's writes for the job queue (src/queue): `dyad ingest --queue` stores a
 * document without coding it, and `dyad worker` writes its coding later, in one transaction keyed
 * by the document's content hash, so that a job run twice changes nothing.
 *
 * A queued document is a documents row whose knowledge_version is QUEUED_VERSION. Its story, bands
 * and seq are settled at ingest, in input order, exactly as a plain ingest would settle them; so the
 * order in which workers finish never changes which story a document joins. The one other
 * order-dependent choice, which document's coding gives a merged event row its fields, is made by
 * seq: the row takes the fields of the earliest document (lowest seq) that tells it, which is what a
 * single-process ingest gives.
 */
import type { CodedEvent, CodingResult } from '../core/event.js';
import { DyadError } from '../core/errors.js';
import { actorRows, eventFields, eventRowId, mentionRows, type Row } from './rows.js';
import { assignStory, replaceDocumentEvents, type PgWriteContext, type PgWriteExec } from './postgres-write.js';
import type { SqlParams } from './postgres-sql.js';
import { documentHash, normaliseText, publisherOf, type CodingFacts, type ReplaceOutcome, type SaveReason, type StoredDocumentInput } from './store.js';

/** knowledge_version of a document stored by `ingest --queue` and not yet coded. */
export const QUEUED_VERSION = 'queued';

type RowObject = Record<string, unknown>;

/** Runs any SQL (`?` / `@name` placeholders) on the transaction's connection. */
export interface PgSqlExec extends PgWriteExec {
  sql(text: string, params: SqlParams): Promise<RowObject[]>;
}

export const QUEUE_SQL = {
  docState: 'SELECT knowledge_version, seq, story_id FROM documents WHERE id = ?',
  /** WRITE_SQL.insertBand for all of a document's bands in one statement (PostgreSQL arrays). */
  insertBands: 'INSERT INTO document_bands (band_key, document_id) SELECT UNNEST(?::bigint[]), ? ON CONFLICT DO NOTHING',
  firstSeq: 'SELECT d.seq FROM events e JOIN documents d ON d.id = e.first_document_id WHERE e.id = ?',
  /** Like WRITE_SQL.upsertActor, but the actor's first document is the earliest by seq, whoever writes first. */
  upsertActor: `INSERT INTO actors (code, name, country, sector, role, first_document_id, num_mentions)
    VALUES (@code, @name, @country, @sector, @role, @first_document_id, 1)
    ON CONFLICT (code, name) DO UPDATE SET num_mentions = actors.num_mentions + 1, role = COALESCE(excluded.role, actors.role),
    first_document_id = CASE WHEN (SELECT seq FROM documents WHERE id = excluded.first_document_id)
      < (SELECT seq FROM documents WHERE id = actors.first_document_id) THEN excluded.first_document_id ELSE actors.first_document_id END`,
  /** The coding's own document fields; external_id and language as a plain ingest would have stored them. */
  setCoded: `UPDATE documents SET sentences = @sentences, characters = @characters, knowledge_version = @knowledge_version,
    coded_at = @coded_at, visit_facts = @visit_facts, spans = @spans, external_id = COALESCE(external_id, @external_id),
    language = COALESCE(language, @language) WHERE id = @id`,
} as const;

export interface QueuedOutcome {
  readonly status: 'new' | 'known';
  readonly reason: SaveReason;
  readonly documentId: string;
  readonly storyId: string;
}

/** Stores a document to be coded later (its story settled now); the caller holds the transaction and write lock. */
export async function saveQueuedDocument(x: PgSqlExec, ctx: PgWriteContext, input: StoredDocumentInput): Promise<QueuedOutcome> {
  const text = normaliseText(input.text);
  const id = documentHash(input.text);
  const [byId] = await x.rows('docById', [id]);
  const [byUrl] = !byId && input.canonicalUrl ? await x.rows('docByUrl', [input.canonicalUrl]) : [];
  const existing = byId ?? byUrl;
  if (existing) {
    const reason: SaveReason = byId ? 'known-hash' : 'known-url';
    await x.rows('countReason', [reason]);
    return { status: 'known', reason, documentId: String(existing.id), storyId: String(existing.story_id) };
  }
  const published = input.published ?? null;
  const story = await assignStory(x, ctx, id, text, published);
  await x.rows('insertDoc', queuedRow(input, { id, published, storyId: story.storyId, minhash: story.minhash, codedAt: ctx.now() }));
  if (story.bands.length) await x.sql(QUEUE_SQL.insertBands, [story.bands.map(String), id]);
  await x.rows('recountStory', [story.storyId]);
  await x.rows('countReason', ['new']);
  return { status: 'new', reason: 'new', documentId: id, storyId: story.storyId };
}

function queuedRow(input: StoredDocumentInput, doc: { id: string; published: string | null; storyId: string; minhash: string | null; codedAt: string }): Row {
  return {
    id: doc.id, external_id: input.externalId ?? null, canonical_url: input.canonicalUrl ?? null, url: input.url ?? null,
    title: input.title ?? null, source: input.source ?? null, publisher: publisherOf(input), published: doc.published,
    language: input.language ?? null, text: input.text, sentences: null, characters: null, coded_at: doc.codedAt,
    knowledge_version: QUEUED_VERSION, story_id: doc.storyId, minhash: doc.minhash, visit_facts: null, spans: null,
  };
}

export type CodeStoredStatus = 'coded' | 'recoded' | 'unchanged';

export interface CodeStoredOutcome {
  readonly status: CodeStoredStatus;
  readonly documentId: string;
  readonly eventsAdded: number;
  readonly eventsMerged: number;
  readonly eventsRemoved: number;
}

/**
 * Writes a stored document's coding by `version`; the caller holds the transaction and write lock.
 * Already coded by `version`: nothing changes ('unchanged'). Queued: its events are added ('coded').
 * Coded by another version: its events are replaced, as `dyad recode` does ('recoded').
 */
export async function writeStoredCoding(
  x: PgSqlExec, ctx: PgWriteContext, documentId: string, result: CodingResult, version: string, facts: CodingFacts,
): Promise<CodeStoredOutcome> {
  const [doc] = await x.sql(QUEUE_SQL.docState, [documentId]);
  if (!doc) throw new DyadError('INPUT_UNREADABLE', 'no such document in the store (was it deleted after it was queued?)', documentId);
  const none = { documentId, eventsAdded: 0, eventsMerged: 0, eventsRemoved: 0 };
  if (doc.knowledge_version === version) return { status: 'unchanged', ...none };
  if (doc.knowledge_version !== QUEUED_VERSION) {
    const replaced = await replaceDocumentEvents(x, ctx, documentId, result, version, facts) as ReplaceOutcome;
    return { status: 'recoded', ...replaced };
  }
  const tally = await addEventsBySeq(x, documentId, Number(doc.seq), String(doc.story_id), result.events);
  await x.sql(QUEUE_SQL.setCoded, {
    id: documentId, sentences: result.document.sentences, characters: result.document.characters, knowledge_version: version,
    coded_at: ctx.now(), visit_facts: facts.visitFacts ?? null, spans: facts.spans ?? null, external_id: result.document.id, language: result.document.language,
  });
  return { status: 'coded', documentId, eventsAdded: tally.added, eventsMerged: tally.merged, eventsRemoved: 0 };
}

/** Adds a document's events; an event row already there takes this coding's fields when this document is earlier. */
async function addEventsBySeq(x: PgSqlExec, docId: string, seq: number, storyId: string, events: readonly CodedEvent[]): Promise<{ added: number; merged: number }> {
  let added = 0;
  let merged = 0;
  const touched = new Set<string>();
  for (const e of events) {
    const id = eventRowId(storyId, e);
    const [first] = touched.has(id) ? [] : await x.sql(QUEUE_SQL.firstSeq, [id]);
    if (touched.has(id)) merged++;
    else if (first) {
      merged++;
      await x.rows('reportEvent', { id, sign: -1 });
      if (seq < Number(first.seq)) await x.rows('refreshEvent', { id, ...eventFields(e) });
    } else {
      await x.rows('insertEvent', { id, story_id: storyId, first_document_id: docId, ...eventFields(e) });
      added++;
    }
    touched.add(id);
    for (const m of mentionRows(id, docId, e)) await x.rows('insertMention', m);
    for (const a of actorRows(e, docId)) await x.sql(QUEUE_SQL.upsertActor, a);
  }
  for (const id of touched) {
    await x.rows('recountEvent', [id]);
    await x.rows('reportEvent', { id, sign: 1 });
  }
  return { added, merged };
}
