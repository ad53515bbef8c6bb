/**
 * The writes both stores make, in SQL that SQLite and PostgreSQL both run (`?` and `@name`
 * parameters; the PostgreSQL store rewrites them to $1..$n), and the dialect-free pieces of a save:
 * the document row and the story candidates read back from band matches.
 */
import type { CodingResult } from '../core/event.js';
import { BANDS, decodeSignature } from './minhash.js';
import { EVENT_FIELD_NAMES, type Row } from './rows.js';
import type { StoryCandidate } from './stories.js';
import { publisherOf, type StoredDocumentInput } from './store.js';

const fieldList = EVENT_FIELD_NAMES.join(', ');
const fieldParams = EVENT_FIELD_NAMES.map((f) => `@${f}`).join(', ');
const fieldSets = EVENT_FIELD_NAMES.map((f) => `${f} = @${f}`).join(', ');

export const WRITE_SQL = {
  docById: 'SELECT id, story_id FROM documents WHERE id = ?',
  docByUrl: 'SELECT id, story_id FROM documents WHERE canonical_url = ?',
  candidates: `SELECT DISTINCT d.id, d.story_id, d.published, d.minhash FROM document_bands b
    JOIN documents d ON d.id = b.document_id WHERE b.band_key IN (${Array(BANDS).fill('?').join(', ')})`,
  insertStory: `INSERT INTO stories (id, representative_document_id, minhash, first_published, last_published, created_at)
    VALUES (@id, @representative_document_id, @minhash, @published, @published, @now)`,
  insertDoc: `INSERT INTO documents (id, seq, external_id, canonical_url, url, title, source, publisher, published, language,
    text, sentences, characters, coded_at, knowledge_version, story_id, minhash, visit_facts, spans)
    VALUES (@id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM documents), @external_id, @canonical_url, @url, @title, @source, @publisher, @published, @language,
    @text, @sentences, @characters, @coded_at, @knowledge_version, @story_id, @minhash, @visit_facts, @spans)`,
  insertBand: 'INSERT INTO document_bands (band_key, document_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
  eventExists: 'SELECT 1 FROM events WHERE id = ?',
  /** Adds (@sign 1) or takes away (@sign -1) one event row's articles in country_reports. */
  reportEvent: `INSERT INTO country_reports (country, day, reports)
    SELECT country, day, n * @sign FROM (
      SELECT source_country AS country, SUBSTR(date_start, 1, 10) AS day, num_articles AS n
        FROM events WHERE id = @id AND source_country IS NOT NULL AND date_start IS NOT NULL
      UNION ALL
      SELECT target_country, SUBSTR(date_start, 1, 10), num_articles
        FROM events WHERE id = @id AND target_country IS NOT NULL AND date_start IS NOT NULL
        AND (source_country IS NULL OR target_country <> source_country)
    ) t WHERE n <> 0
    ON CONFLICT (country, day) DO UPDATE SET reports = country_reports.reports + excluded.reports`,
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
  /** A recode's version, time, visit facts and spans (stale ones never outlive the events they were read with). */
  setDocKnowledge: 'UPDATE documents SET knowledge_version = ?, coded_at = ?, visit_facts = ?, spans = ? WHERE id = ?',
} as const;

export type WriteStatement = keyof typeof WRITE_SQL;

/** The documents row of a new document (seq is given by the INSERT itself). */
export function documentRow(
  input: StoredDocumentInput, result: CodingResult,
  doc: { readonly id: string; readonly published: string | null; readonly storyId: string; readonly minhash: string | null; readonly codedAt: string },
): Row {
  return {
    id: doc.id, external_id: input.externalId ?? result.document.id ?? null, canonical_url: input.canonicalUrl ?? null,
    url: input.url ?? result.document.url ?? null, title: input.title ?? result.document.title ?? null,
    source: input.source ?? result.document.source ?? null, publisher: publisherOf(input), published: doc.published,
    language: input.language ?? result.document.language ?? null, text: input.text,
    sentences: result.document.sentences, characters: result.document.characters, coded_at: doc.codedAt,
    knowledge_version: input.knowledgeVersion ?? result.events[0]?.knowledge ?? 'unknown',
    story_id: doc.storyId, minhash: doc.minhash, visit_facts: input.visitFacts ?? null, spans: input.spans ?? null,
  };
}

/** Story candidates from the rows of WRITE_SQL.candidates. */
export function toCandidates(rows: readonly Record<string, unknown>[]): StoryCandidate[] {
  return rows.map((r) => ({
    documentId: String(r.id), storyId: String(r.story_id), published: r.published === null ? null : String(r.published),
    signature: r.minhash ? decodeSignature(String(r.minhash)) : null,
  }));
}

/** The knowledge version a recode records. */
export function recodeVersion(result: CodingResult, version?: string): string {
  return version ?? result.events[0]?.knowledge ?? 'unknown';
}
