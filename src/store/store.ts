/**
 * The store contract: where coded documents, events and their evidence are kept.
 *
 * Every method is async so that a PostgreSQL implementation fits the same interface; the SQLite
 * implementation (sqlite.ts) runs synchronously underneath. One document is one transaction: a
 * crash loses at most the document being saved, and never leaves half of one.
 */
import { createHash } from 'node:crypto';
import type { CodingResult } from '../core/event.js';
import type { Migration } from './schema.js';
import type { StoryOptions } from './stories.js';

/** What the reader knows about a document, apart from its coded events. */
export interface StoredDocumentInput {
  readonly text: string;
  /** The input item's own id (a feed GUID, a corpus record id), kept for reference. */
  readonly externalId?: string | null;
  readonly title?: string | null;
  readonly url?: string | null;
  /** The page's canonical URL (link rel=canonical, og:url); a second key besides the content hash. */
  readonly canonicalUrl?: string | null;
  /** Publisher name ("Reuters"); the URL's host stands in when absent. */
  readonly source?: string | null;
  /** YYYY-MM-DD or an ISO date-time. */
  readonly published?: string | null;
  readonly language?: string | null;
  /** The coder's knowledge version (`coder.knowledge.version`); else taken from the first event. */
  readonly knowledgeVersion?: string | null;
  /**
   * The document's visit facts as JSON (`encodeVisitFacts` in src/diplomacy), kept for `dyad visits`;
   * null or absent when the document has no visit-relevant events.
   */
  readonly visitFacts?: string | null;
  /**
   * The spans the coder read the document with (`encodeDocumentSpans` in src/store/spans.ts): every
   * actor, date and place mention, and the date and place evidence of each coded event, so that the
   * document view shows what coded its events, not a new reading with today's knowledge.
   */
  readonly spans?: string | null;
}

/** What a coding of a document brings besides its events (as StoredDocumentInput); null or absent clears each. */
export interface CodingFacts {
  readonly visitFacts?: string | null;
  readonly spans?: string | null;
}

export type SaveStatus = 'new' | 'known';

/** Why a document was new or known: 'hash' (same normalised text) or 'url' (same canonical URL). */
export type SaveReason = 'new' | 'known-hash' | 'known-url';

export interface SaveOutcome {
  readonly status: SaveStatus;
  readonly reason: SaveReason;
  readonly documentId: string;
  readonly storyId: string;
  /** New event rows. */
  readonly eventsAdded: number;
  /** Coded events that became mentions of an event row already in the story. */
  readonly eventsMerged: number;
}

export interface ReplaceOutcome {
  readonly documentId: string;
  readonly eventsAdded: number;
  readonly eventsMerged: number;
  /** Event rows deleted because this document was their only support. */
  readonly eventsRemoved: number;
}

export interface StoredDocument {
  readonly id: string;
  readonly externalId: string | null;
  readonly url: string | null;
  readonly canonicalUrl: string | null;
  readonly title: string | null;
  readonly source: string | null;
  /** source, else the URL's host: what num_sources counts. */
  readonly publisher: string | null;
  readonly published: string | null;
  readonly language: string | null;
  readonly text: string;
  readonly codedAt: string;
  readonly knowledgeVersion: string;
  readonly storyId: string;
  /** The spans it was coded with (JSON, StoredDocumentInput.spans); null when stored before migration 6. */
  readonly spans: string | null;
}

export interface StoredActor {
  readonly code: string;
  readonly country: string | null;
  readonly sector: string | null;
  readonly name: string | null;
  readonly role: string | null;
}

/** One merged event: every article of a story that tells it adds mentions, not rows. */
export interface StoredEvent {
  readonly id: string;
  readonly storyId: string;
  readonly cameo: string;
  readonly root: string;
  readonly quadClass: number;
  readonly goldstein: number;
  readonly ploverType: string;
  readonly ploverMode: string | null;
  readonly ploverContexts: readonly string[];
  readonly modality: string;
  readonly dateStart: string | null;
  readonly dateEnd: string | null;
  readonly datePrecision: string | null;
  readonly placeName: string | null;
  readonly placeCountry: string | null;
  readonly placeLat: number | null;
  readonly placeLon: number | null;
  readonly source: StoredActor | null;
  readonly target: StoredActor | null;
  readonly firstDocumentId: string;
  readonly confidence: number;
  readonly rule: string;
  readonly knowledgeVersion: string;
  readonly numMentions: number;
  readonly numArticles: number;
  readonly numSources: number;
}

export interface StoredSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The evidence: one place in one document that tells an event. */
/** Rows as arrays of values, and the name of each column. */
export interface RowArrays {
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<readonly unknown[]>;
}

export interface StoredMention {
  readonly eventId: string;
  readonly documentId: string;
  /** The id the coder gave the event in this document (CodedEvent.id; the key of its stored spans). */
  readonly codedEventId: string;
  readonly sentence: number;
  readonly trigger: StoredSpan;
  readonly source: StoredSpan | null;
  readonly target: StoredSpan | null;
  readonly modalityCue: StoredSpan | null;
  readonly rule: string;
  readonly knowledgeVersion: string;
}

export interface StoredStory {
  readonly id: string;
  readonly representativeDocumentId: string;
  readonly firstPublished: string | null;
  readonly lastPublished: string | null;
  readonly numArticles: number;
  readonly numSources: number;
}

export interface DocumentFilter {
  readonly storyId?: string;
  readonly limit?: number;
}

export interface EventFilter {
  readonly storyId?: string;
  /** Events with at least one mention in this document. */
  readonly documentId?: string;
  readonly cameo?: string;
  readonly limit?: number;
}

export interface MentionFilter {
  readonly eventId?: string;
  readonly documentId?: string;
}

export interface StoreStats {
  readonly documents: number;
  readonly events: number;
  readonly mentions: number;
  readonly stories: number;
  readonly actors: number;
  /** How many saveCoded calls ended new or known, and by which key, over the store's life. */
  readonly byReason: Readonly<Record<SaveReason, number>>;
}

export interface Store {
  /** Applies the migrations not yet applied, in order; returns the versions it applied. */
  migrate(): Promise<readonly number[]>;
  /** True when a document with this content hash, or this canonical URL, is stored. */
  hasDocument(hash: string, canonicalUrl?: string | null): Promise<boolean>;
  /** Saves a document with its events, actors, evidence and story, in one transaction. */
  saveCoded(input: StoredDocumentInput, result: CodingResult): Promise<SaveOutcome>;
  document(id: string): Promise<StoredDocument | null>;
  documents(filter?: DocumentFilter): Promise<readonly StoredDocument[]>;
  events(filter?: EventFilter): Promise<readonly StoredEvent[]>;
  mentions(filter?: MentionFilter): Promise<readonly StoredMention[]>;
  stories(): Promise<readonly StoredStory[]>;
  stats(): Promise<StoreStats>;
  /** Ids of documents coded by another knowledge version than this one. */
  recodeCandidates(knowledgeVersion: string): Promise<readonly string[]>;
  /**
   * Replaces a stored document's events with a new coding of it (dyad recode), and its visit facts
   * and spans with those of `facts` (as StoredDocumentInput's; null or absent clears them).
   */
  replaceEvents(documentId: string, result: CodingResult, knowledgeVersion?: string, facts?: CodingFacts): Promise<ReplaceOutcome>;
  /**
   * Read-only SQL for the query layer (src/query), shared by every store: standard SQL that SQLite and
   * PostgreSQL both run, with `?` placeholders (a PostgreSQL store rewrites them to $1, $2, ...).
   */
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** As `query`, each row an array of values in the order of `columns`: no object per row (cheaper for wide rows). */
  queryRows(sql: string, params?: readonly unknown[]): Promise<RowArrays>;
  /** What `dyad watch` last saw of a feed: its validators for a conditional request. */
  feedState(url: string): Promise<FeedState | null>;
  saveFeedState(state: FeedState): Promise<void>;
  close(): Promise<void>;
}

/** A polled feed's HTTP validators (ETag, Last-Modified) and when it was last checked. */
export interface FeedState {
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly checkedAt: string;
}

/** Unicode NFC, line ends folded, runs of spaces and tabs to one, blank lines kept as paragraph breaks. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A document's id: the SHA-256 of its normalised text (32 hex digits). */
export function documentHash(text: string): string {
  return createHash('sha256').update(normaliseText(text)).digest('hex').slice(0, 32);
}

/** The publisher that num_sources counts: the source name, else the URL's host without "www.". */
export function publisherOf(input: StoredDocumentInput): string | null {
  const source = input.source?.trim();
  if (source) return source;
  const url = input.canonicalUrl ?? input.url;
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** Options every store takes when opened (SQLite and PostgreSQL add their own). */
export interface StoreOpenOptions {
  /** Open without writing: no migrations, no saves. */
  readonly readonly?: boolean;
  readonly stories?: StoryOptions;
  /** Clock for coded_at and created_at (tests). */
  readonly now?: () => string;
  /** Migrations to apply; defaults to the project's list (tests pass their own). */
  readonly migrations?: readonly Migration[];
}
