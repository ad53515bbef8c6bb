/**
 * The SQLite store's writes: one document with its story, events, mentions and actors, in one
 * IMMEDIATE transaction (so a concurrent writer waits on the busy timeout instead of failing).
 */
import type { Database, Statement } from 'better-sqlite3';
import type { CodedEvent, CodingResult } from '../core/event.js';
import { actorRows, eventFields, eventRowId, mentionRows } from './rows.js';
import { encodeSignature } from './minhash.js';
import { chooseStory, fingerprint, type StoryOptions } from './stories.js';
import {
  documentHash, normaliseText,
  type CodingFacts, type ReplaceOutcome, type SaveOutcome, type SaveReason, type StoredDocumentInput,
} from './store.js';
import { documentRow, recodeVersion, toCandidates, WRITE_SQL, type WriteStatement } from './writes.js';

type Params = Record<string, unknown>;

type Statements = { readonly [K in WriteStatement]: Statement };

interface EventTally {
  readonly inserted: Set<string>;
  merged: number;
}

export interface SqliteWriter {
  save(input: StoredDocumentInput, result: CodingResult): SaveOutcome;
  replace(documentId: string, result: CodingResult, knowledgeVersion?: string, facts?: CodingFacts): ReplaceOutcome | null;
}

export function createWriter(db: Database, stories: StoryOptions, now: () => string): SqliteWriter {
  const st = Object.fromEntries(Object.entries(WRITE_SQL).map(([k, sql]) => [k, db.prepare(sql)])) as Statements;

  function known(id: string, canonicalUrl: string | null): { id: string; storyId: string; reason: SaveReason } | null {
    const byId = st.docById.get(id) as { id: string; story_id: string } | undefined;
    if (byId) return { id: byId.id, storyId: byId.story_id, reason: 'known-hash' };
    const byUrl = canonicalUrl ? (st.docByUrl.get(canonicalUrl) as { id: string; story_id: string } | undefined) : undefined;
    return byUrl ? { id: byUrl.id, storyId: byUrl.story_id, reason: 'known-url' } : null;
  }

  function assignStory(docId: string, text: string, published: string | null): { storyId: string; minhash: string | null; bands: readonly number[] } {
    const fp = fingerprint(text, stories);
    const minhash = fp.signature ? encodeSignature(fp.signature) : null;
    const rows = fp.bandKeys.length ? (st.candidates.all(...fp.bandKeys) as Array<Record<string, unknown>>) : [];
    const candidates = toCandidates(rows);
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
        if (!touched.has(id)) st.reportEvent.run({ id, sign: -1 });
        if (refresh && !touched.has(id)) st.refreshEvent.run({ id, ...eventFields(e) } as Params);
      } else {
        st.insertEvent.run({ id, story_id: storyId, first_document_id: docId, ...eventFields(e) } as Params);
        tally.inserted.add(id);
      }
      touched.add(id);
      for (const m of mentionRows(id, docId, e)) st.insertMention.run(m as Params);
      for (const a of actorRows(e, docId)) st.upsertActor.run(a as Params);
    }
    for (const id of touched) {
      st.recountEvent.run(id);
      st.reportEvent.run({ id, sign: 1 });
    }
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
    st.insertDoc.run(documentRow(input, result, { id, published, storyId: story.storyId, minhash: story.minhash, codedAt: now() }) as Params);
    for (const key of story.bands) st.insertBand.run(key, id);
    const tally = addEvents(id, story.storyId, result.events, false);
    st.recountStory.run(story.storyId);
    st.countReason.run('new');
    return { status: 'new', reason: 'new', documentId: id, storyId: story.storyId, eventsAdded: tally.inserted.size, eventsMerged: tally.merged };
  });

  const replaceTx = db.transaction((documentId: string, result: CodingResult, version?: string, facts?: CodingFacts): ReplaceOutcome | null => {
    const doc = st.docById.get(documentId) as { id: string; story_id: string } | undefined;
    if (!doc) return null;
    const before = (st.eventsOfDoc.all(documentId) as Array<{ event_id: string }>).map((r) => r.event_id);
    st.deleteMentionsOfDoc.run(documentId);
    for (const id of before) {
      st.reportEvent.run({ id, sign: -1 });
      st.deleteEventIfEmpty.run(id);
      st.recountEvent.run(id);
      st.reportEvent.run({ id, sign: 1 });
    }
    const tally = addEvents(documentId, doc.story_id, result.events, true);
    st.setDocKnowledge.run(recodeVersion(result, version), now(), facts?.visitFacts ?? null, facts?.spans ?? null, documentId);
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
    replace: (documentId, result, version, facts) => replaceTx.immediate(documentId, result, version, facts),
  };
}
