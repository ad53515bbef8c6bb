/**
 * The PostgreSQL store's writes: the same steps and SQL (writes.ts) as the SQLite writer, awaited
 * one by one inside a transaction that holds the store's write lock (postgres.ts), so that two
 * writers never interleave their story choice, seq or event merge.
 */
import type { CodedEvent, CodingResult } from '../core/event.js';
import { encodeSignature } from './minhash.js';
import { actorRows, eventFields, eventRowId, mentionRows } from './rows.js';
import { chooseStory, fingerprint, type StoryOptions } from './stories.js';
import {
  type CodingFacts,
  documentHash, normaliseText,
  type ReplaceOutcome, type SaveOutcome, type SaveReason, type StoredDocumentInput,
} from './store.js';
import { documentRow, recodeVersion, toCandidates, WRITE_SQL, type WriteStatement } from './writes.js';
import type { SqlParams } from './postgres-sql.js';

type RowObject = Record<string, unknown>;

/** Runs the shared write statements on one connection, inside its transaction. */
export interface PgWriteExec {
  rows(statement: WriteStatement, params: SqlParams): Promise<RowObject[]>;
}

export interface PgWriteContext {
  readonly stories: StoryOptions;
  readonly now: () => string;
}

interface EventTally {
  readonly inserted: Set<string>;
  merged: number;
}

async function known(x: PgWriteExec, id: string, canonicalUrl: string | null): Promise<{ id: string; storyId: string; reason: SaveReason } | null> {
  const [byId] = await x.rows('docById', [id]);
  if (byId) return { id: String(byId.id), storyId: String(byId.story_id), reason: 'known-hash' };
  const [byUrl] = canonicalUrl ? await x.rows('docByUrl', [canonicalUrl]) : [];
  return byUrl ? { id: String(byUrl.id), storyId: String(byUrl.story_id), reason: 'known-url' } : null;
}

/** The story a new document joins (or starts), with its MinHash and band keys. */
export async function assignStory(
  x: PgWriteExec, ctx: PgWriteContext, docId: string, text: string, published: string | null,
): Promise<{ storyId: string; minhash: string | null; bands: readonly number[] }> {
  const fp = fingerprint(text, ctx.stories);
  const minhash = fp.signature ? encodeSignature(fp.signature) : null;
  const rows = fp.bandKeys.length ? await x.rows('candidates', fp.bandKeys) : [];
  const choice = chooseStory(fp, published, toCandidates(rows), ctx.stories);
  if (choice) return { storyId: choice.storyId, minhash, bands: fp.bandKeys };
  await x.rows('insertStory', { id: docId, representative_document_id: docId, minhash, published, now: ctx.now() });
  return { storyId: docId, minhash, bands: fp.bandKeys };
}

async function addEvents(x: PgWriteExec, docId: string, storyId: string, events: readonly CodedEvent[], refresh: boolean): Promise<EventTally> {
  const tally: EventTally = { inserted: new Set(), merged: 0 };
  const touched = new Set<string>();
  for (const e of events) {
    const id = eventRowId(storyId, e);
    if ((await x.rows('eventExists', [id])).length) {
      tally.merged++;
      if (!touched.has(id)) await x.rows('reportEvent', { id, sign: -1 });
      if (refresh && !touched.has(id)) await x.rows('refreshEvent', { id, ...eventFields(e) });
    } else {
      await x.rows('insertEvent', { id, story_id: storyId, first_document_id: docId, ...eventFields(e) });
      tally.inserted.add(id);
    }
    touched.add(id);
    for (const m of mentionRows(id, docId, e)) await x.rows('insertMention', m);
    for (const a of actorRows(e, docId)) await x.rows('upsertActor', a);
  }
  for (const id of touched) {
    await x.rows('recountEvent', [id]);
    await x.rows('reportEvent', { id, sign: 1 });
  }
  return tally;
}

/** Saves one document; the caller holds the transaction and the write lock. */
export async function saveDocument(x: PgWriteExec, ctx: PgWriteContext, input: StoredDocumentInput, result: CodingResult): Promise<SaveOutcome> {
  const text = normaliseText(input.text);
  const id = documentHash(input.text);
  const existing = await known(x, id, input.canonicalUrl ?? null);
  if (existing) {
    await x.rows('countReason', [existing.reason]);
    return { status: 'known', reason: existing.reason, documentId: existing.id, storyId: existing.storyId, eventsAdded: 0, eventsMerged: 0 };
  }
  const published = input.published ?? result.document.published ?? null;
  const story = await assignStory(x, ctx, id, text, published);
  await x.rows('insertDoc', documentRow(input, result, { id, published, storyId: story.storyId, minhash: story.minhash, codedAt: ctx.now() }));
  for (const key of story.bands) await x.rows('insertBand', [key, id]);
  const tally = await addEvents(x, id, story.storyId, result.events, false);
  await x.rows('recountStory', [story.storyId]);
  await x.rows('countReason', ['new']);
  return { status: 'new', reason: 'new', documentId: id, storyId: story.storyId, eventsAdded: tally.inserted.size, eventsMerged: tally.merged };
}

/** Replaces a stored document's events (dyad recode); null when no such document is stored. */
export async function replaceDocumentEvents(
  x: PgWriteExec, ctx: PgWriteContext, documentId: string, result: CodingResult, version?: string, facts?: CodingFacts,
): Promise<ReplaceOutcome | null> {
  const [doc] = await x.rows('docById', [documentId]);
  if (!doc) return null;
  const before = (await x.rows('eventsOfDoc', [documentId])).map((r) => String(r.event_id));
  await x.rows('deleteMentionsOfDoc', [documentId]);
  for (const id of before) {
    await x.rows('reportEvent', { id, sign: -1 });
    await x.rows('deleteEventIfEmpty', [id]);
    await x.rows('recountEvent', [id]);
    await x.rows('reportEvent', { id, sign: 1 });
  }
  const tally = await addEvents(x, documentId, String(doc.story_id), result.events, true);
  await x.rows('setDocKnowledge', [recodeVersion(result, version), ctx.now(), facts?.visitFacts ?? null, facts?.spans ?? null, documentId]);
  const had = new Set(before);
  let removed = 0;
  for (const id of before) if (!(await x.rows('eventExists', [id])).length) removed++;
  return {
    documentId,
    eventsAdded: [...tally.inserted].filter((id) => !had.has(id)).length,
    eventsMerged: tally.merged,
    eventsRemoved: removed,
  };
}
