/**
 * The SQLite store's writes: one document with its story, events, mentions and actors, in one
 * IMMEDIATE transaction (so a concurrent writer waits on the busy timeout instead of failing).
 */
import type { Database, Statement } from 'better-sqlite3';
import type { CodedEvent, CodingResult } from '../core/event.js';
import { actorRows, EVENT_FIELD_NAMES, eventFields, eventRowId, mentionRows } from './rows.js';
import { BANDS, decodeSignature, encodeSignature } from './minhash.js';
import { chooseStory, fingerprint, type StoryCandidate, type StoryOptions } from './stories.js';
import {
  documentHash, normaliseText, publisherOf,
  type ReplaceOutcome, type SaveOutcome, type SaveReason, type StoredDocumentInput,
} from './store.js';

type Params = Record<string, unknown>;

const fieldList = EVENT_FIELD_NAMES.join(', ');
const fieldParams = EVENT_FIELD_NAMES.map((f) => `@${f}`).join(', ');
const fieldSets = EVENT_FIELD_NAMES.map((f) => `${f} = @${f}`).join(', ');

const SQL = {
  docById: 'SELECT id, story_id FROM documents WHERE id = ?',
  docByUrl: 'SELECT id, story_id FROM documents WHERE canonical_url = ?',
  candidates: `SELECT DISTINCT d.id, d.story_id, d.published, d.minhash FROM document_bands b
    JOIN documents d ON d.id = b.document_id WHERE b.band_key IN (${Array(BANDS).fill('?').join(', ')})`,
  insertStory: `INSERT INTO stories (id, representative_document_id, minhash, first_published, last_published, created_at)
    VALUES (@id, @representative_document_id, @minhash, @published, @published, @now)`,
  insertDoc: `INSERT INTO documents (id, seq, external_id, canonical_url, url, title, source, publisher, published, language,
    text, sentences, characters, coded_at, knowledge_version, story_id, minhash)
    VALUES (@id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM documents), @external_id, @canonical_url, @url, @title, @source, @publisher, @published, @language,
    @text, @sentences, @characters, @coded_at, @knowledge_version, @story_id, @minhash)`,
  insertBand: 'INSERT INTO document_bands (band_key, document_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
  eventExists: 'SELECT 1 FROM events WHERE id = ?',
  insertEvent: `INSERT INTO events (id, story_id, first_document_id, ${fieldList})
    VALUES (@id, @story_id, @first_document_id, ${fieldParams})`,
  refreshEvent: `UPDATE events SET ${fieldSets} WHERE id = @id`,
  insertMention: `INSERT INTO event_mentions (event_id, document_id, coded_event_id, sentence, trigger_text, trigger_start,
    trigger_end, source_text, source_start, source_end, target_text, target_start, target_end, cue_text, cue_start, cue_end,
    modality, rule, confidence, knowledge_version)
    VALUES (@event_id, @document_id, @coded_event_id, @sentence, @trigger_text, @trigger_start, @trigger_end,
    @source_text, @source_start, @source_end, @target_text, @target_start, @target_end, @cue_text, @cue_start, @cue_end,
    @modality, @rule, @confidence, @knowledge_version) ON CONFLICT DO NOTHING`,
  upsertActor: `INSERT INTO actors (code, name, country, sector, role, first_document_id, num_mentions)
    VALUES (@code, @name, @country, @sector, @role, @first_document_id, 1)
    ON CONFLICT (code, name) DO UPDATE SET num_mentions = actors.num_mentions + 1, role = COALESCE(excluded.role, actors.role)`,
  recountEvent: `UPDATE events SET
    num_mentions = (SELECT COUNT(*) FROM event_mentions m WHERE m.event_id = events.id),
    num_articles = (SELECT COUNT(DISTINCT m.document_id) FROM event_mentions m WHERE m.event_id = events.id),
    num_sources = (SELECT COUNT(DISTINCT COALESCE(d.publisher, '')) FROM event_mentions m
      JOIN documents d ON d.id = m.document_id WHERE m.event_id = events.id),
    first_document_id = COALESCE((SELECT m.document_id FROM event_mentions m JOIN documents d ON d.id = m.document_id
      WHERE m.event_id = events.id ORDER BY d.seq LIMIT 1), first_document_id)
    WHERE id = ?`,
  recountStory: `UPDATE stories SET
    num_articles = (SELECT COUNT(*) FROM documents d WHERE d.story_id = stories.id),
    num_sources = (SELECT COUNT(DISTINCT COALESCE(d.publisher, '')) FROM documents d WHERE d.story_id = stories.id),
    first_published = (SELECT MIN(d.published) FROM documents d WHERE d.story_id = stories.id),
    last_published = (SELECT MAX(d.published) FROM documents d WHERE d.story_id = stories.id)
    WHERE id = ?`,
  countReason: `INSERT INTO ingest_counts (reason, n) VALUES (?, 1)
    ON CONFLICT (reason) DO UPDATE SET n = ingest_counts.n + 1`,
  eventsOfDoc: 'SELECT DISTINCT event_id FROM event_mentions WHERE document_id = ?',
  deleteMentionsOfDoc: 'DELETE FROM event_mentions WHERE document_id = ?',
  deleteEventIfEmpty: 'DELETE FROM events WHERE id = ? AND NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = events.id)',
  setDocKnowledge: 'UPDATE documents SET knowledge_version = ?, coded_at = ? WHERE id = ?',
} as const;

type Statements = { readonly [K in keyof typeof SQL]: Statement };

interface EventTally {
  readonly inserted: Set<string>;
  merged: number;
}

export interface SqliteWriter {
  save(input: StoredDocumentInput, result: CodingResult): SaveOutcome;
  replace(documentId: string, result: CodingResult, knowledgeVersion?: string): ReplaceOutcome | null;
}

export function createWriter(db: Database, stories: StoryOptions, now: () => string): SqliteWriter {
  const st = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, db.prepare(sql)])) as Statements;

  function known(id: string, canonicalUrl: string | null): { id: string; storyId: string; reason: SaveReason } | null {
    const byId = st.docById.get(id) as { id: string; story_id: string } | undefined;
    if (byId) return { id: byId.id, storyId: byId.story_id, reason: 'known-hash' };
    const byUrl = canonicalUrl ? (st.docByUrl.get(canonicalUrl) as { id: string; story_id: string } | undefined) : undefined;
    return byUrl ? { id: byUrl.id, storyId: byUrl.story_id, reason: 'known-url' } : null;
  }

  function assignStory(docId: string, text: string, published: string | null): { storyId: string; minhash: string | null; bands: readonly number[] } {
    const fp = fingerprint(text, stories);
    const minhash = fp.signature ? encodeSignature(fp.signature) : null;
    const rows = fp.bandKeys.length ? (st.candidates.all(...fp.bandKeys) as Array<Record<string, string | null>>) : [];
    const candidates: StoryCandidate[] = rows.map((r) => ({
      documentId: String(r.id), storyId: String(r.story_id), published: r.published,
      signature: r.minhash ? decodeSignature(r.minhash) : null,
    }));
    const choice = chooseStory(fp, published, candidates, stories);
    if (choice) return { storyId: choice.storyId, minhash, bands: fp.bandKeys };
    st.insertStory.run({ id: docId, representative_document_id: docId, minhash, published, now: now() });
    return { storyId: docId, minhash, bands: fp.bandKeys };
  }

  function addEvents(docId: string, storyId: string, events: readonly CodedEvent[], refresh: boolean): EventTally {
    const tally: EventTally = { inserted: new Set(), merged: 0 };
    const touched = new Set<string>();
    for (const e of events) {
      const id = eventRowId(storyId, e);
      if (st.eventExists.get(id)) {
        tally.merged++;
        if (refresh && !touched.has(id)) st.refreshEvent.run({ id, ...eventFields(e) } as Params);
      } else {
        st.insertEvent.run({ id, story_id: storyId, first_document_id: docId, ...eventFields(e) } as Params);
        tally.inserted.add(id);
      }
      touched.add(id);
      for (const m of mentionRows(id, docId, e)) st.insertMention.run(m as Params);
      for (const a of actorRows(e, docId)) st.upsertActor.run(a as Params);
    }
    for (const id of touched) st.recountEvent.run(id);
    return tally;
  }

  const saveTx = db.transaction((input: StoredDocumentInput, result: CodingResult): SaveOutcome => {
    const text = normaliseText(input.text);
    const id = documentHash(input.text);
    const canonicalUrl = input.canonicalUrl ?? null;
    const existing = known(id, canonicalUrl);
    if (existing) {
      st.countReason.run(existing.reason);
      return { status: 'known', reason: existing.reason, documentId: existing.id, storyId: existing.storyId, eventsAdded: 0, eventsMerged: 0 };
    }
    const published = input.published ?? result.document.published ?? null;
    const story = assignStory(id, text, published);
    st.insertDoc.run({
      id, external_id: input.externalId ?? result.document.id ?? null, canonical_url: canonicalUrl,
      url: input.url ?? result.document.url ?? null, title: input.title ?? result.document.title ?? null,
      source: input.source ?? result.document.source ?? null, publisher: publisherOf(input), published,
      language: input.language ?? result.document.language ?? null, text: input.text,
      sentences: result.document.sentences, characters: result.document.characters, coded_at: now(),
      knowledge_version: input.knowledgeVersion ?? result.events[0]?.knowledge ?? 'unknown',
      story_id: story.storyId, minhash: story.minhash,
    });
    for (const key of story.bands) st.insertBand.run(key, id);
    const tally = addEvents(id, story.storyId, result.events, false);
    st.recountStory.run(story.storyId);
    st.countReason.run('new');
    return { status: 'new', reason: 'new', documentId: id, storyId: story.storyId, eventsAdded: tally.inserted.size, eventsMerged: tally.merged };
  });

  const replaceTx = db.transaction((documentId: string, result: CodingResult, version?: string): ReplaceOutcome | null => {
    const doc = st.docById.get(documentId) as { id: string; story_id: string } | undefined;
    if (!doc) return null;
    const before = (st.eventsOfDoc.all(documentId) as Array<{ event_id: string }>).map((r) => r.event_id);
    st.deleteMentionsOfDoc.run(documentId);
    for (const id of before) {
      st.deleteEventIfEmpty.run(id);
      st.recountEvent.run(id);
    }
    const tally = addEvents(documentId, doc.story_id, result.events, true);
    st.setDocKnowledge.run(version ?? result.events[0]?.knowledge ?? 'unknown', now(), documentId);
    const had = new Set(before);
    return {
      documentId,
      eventsAdded: [...tally.inserted].filter((id) => !had.has(id)).length,
      eventsMerged: tally.merged,
      eventsRemoved: before.filter((id) => !st.eventExists.get(id)).length,
    };
  });

  return {
    save: (input, result) => saveTx.immediate(input, result),
    replace: (documentId, result, version) => replaceTx.immediate(documentId, result, version),
  };
}
