/**
 * The embedded store: one SQLite file (./dyad.db by default) through better-sqlite3, in WAL mode so
 * that readers (another connection, another process) see committed documents while an ingest writes.
 *
 *   const store = openSqliteStore({ file: 'dyad.db' });
 *   await store.migrate();
 *   await store.saveCoded({ text, published }, coder.code({ text, published }));
 */
import Database from 'better-sqlite3';
import type { CodingResult } from '../core/event.js';
import { DyadError } from '../core/errors.js';
import { MIGRATIONS, MIGRATIONS_TABLE } from './schema.js';
import { createWriter, type SqliteWriter } from './sqlite-write.js';
import { STORY_DEFAULTS } from './stories.js';
import { toStoredDocument, toStoredEvent, toStoredMention, toStoredStory } from './rows.js';
import type {
  CodingFacts, FeedState, RowArrays,
  DocumentFilter, EventFilter, MentionFilter, ReplaceOutcome, SaveOutcome, Store, StoreStats,
  StoreOpenOptions, StoredDocument, StoredDocumentInput, StoredEvent, StoredMention, StoredStory,
} from './store.js';

export const DEFAULT_DB_FILE = './dyad.db';

export interface SqliteStoreOptions extends StoreOpenOptions {
  /** Database file; ':memory:' for a throwaway store. Default ./dyad.db. */
  readonly file?: string;
  /** How long a write waits for another writer's transaction, in ms. Default 10 s. */
  readonly busyTimeoutMs?: number;
}

type RowObject = Record<string, unknown>;

/** Opens (and creates) a SQLite store. Call migrate() before the first save. */
export function openSqliteStore(options: SqliteStoreOptions = {}): SqliteStore {
  const file = options.file ?? DEFAULT_DB_FILE;
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, timeout: options.busyTimeoutMs ?? 10_000 });
  } catch (err) {
    throw new DyadError('INPUT_UNREADABLE', `cannot open the store: ${(err as Error).message}`, file);
  }
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  return new SqliteStore(db, options);
}

export class SqliteStore implements Store {
  readonly db: Database.Database;
  private readonly options: SqliteStoreOptions;
  private writer: SqliteWriter | null = null;
  private readonly statements = new Map<string, Database.Statement>();
  /** Statements of queryRows (raw: rows as arrays), apart from those returning objects. */
  private readonly rawStatements = new Map<string, Database.Statement>();

  constructor(db: Database.Database, options: SqliteStoreOptions) {
    this.db = db;
    this.options = options;
  }

  async migrate(): Promise<readonly number[]> {
    const migrations = this.options.migrations ?? MIGRATIONS;
    const apply = this.db.transaction((): number[] => {
      this.db.exec(MIGRATIONS_TABLE);
      const done = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version));
      const applied: number[] = [];
      for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(m.version)) continue;
        for (const sql of m.statements) this.db.exec(sql);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, this.now());
        applied.push(m.version);
      }
      return applied;
    });
    return apply.immediate();
  }

  async hasDocument(hash: string, canonicalUrl?: string | null): Promise<boolean> {
    const row = canonicalUrl
      ? this.sql('SELECT 1 FROM documents WHERE id = ? OR canonical_url = ?').get(hash, canonicalUrl)
      : this.sql('SELECT 1 FROM documents WHERE id = ?').get(hash);
    return row !== undefined;
  }

  async saveCoded(input: StoredDocumentInput, result: CodingResult): Promise<SaveOutcome> {
    return this.write().save(input, result);
  }

  async replaceEvents(documentId: string, result: CodingResult, knowledgeVersion?: string, facts?: CodingFacts): Promise<ReplaceOutcome> {
    const outcome = this.write().replace(documentId, result, knowledgeVersion, facts);
    if (!outcome) throw new DyadError('USAGE', 'no such document in the store', documentId);
    return outcome;
  }

  async document(id: string): Promise<StoredDocument | null> {
    const row = this.sql('SELECT * FROM documents WHERE id = ?').get(id) as RowObject | undefined;
    return row ? toStoredDocument(row) : null;
  }

  async documents(filter: DocumentFilter = {}): Promise<readonly StoredDocument[]> {
    const where = filter.storyId ? 'WHERE story_id = @storyId' : '';
    const sql = `SELECT * FROM documents ${where} ORDER BY seq LIMIT @limit`;
    const rows = this.sql(sql).all({ storyId: filter.storyId, limit: filter.limit ?? -1 }) as RowObject[];
    return rows.map(toStoredDocument);
  }

  async events(filter: EventFilter = {}): Promise<readonly StoredEvent[]> {
    const where: string[] = [];
    if (filter.storyId) where.push('story_id = @storyId');
    if (filter.cameo) where.push('cameo = @cameo');
    if (filter.documentId) where.push('id IN (SELECT event_id FROM event_mentions WHERE document_id = @documentId)');
    const sql = `SELECT * FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY story_id, id LIMIT @limit`;
    const params = { storyId: filter.storyId, cameo: filter.cameo, documentId: filter.documentId, limit: filter.limit ?? -1 };
    return (this.sql(sql).all(params) as RowObject[]).map(toStoredEvent);
  }

  async mentions(filter: MentionFilter = {}): Promise<readonly StoredMention[]> {
    const where: string[] = [];
    if (filter.eventId) where.push('event_id = @eventId');
    if (filter.documentId) where.push('document_id = @documentId');
    const sql = `SELECT * FROM event_mentions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY event_id, document_id, sentence, trigger_start`;
    return (this.sql(sql).all({ eventId: filter.eventId, documentId: filter.documentId }) as RowObject[]).map(toStoredMention);
  }

  async stories(): Promise<readonly StoredStory[]> {
    return (this.sql('SELECT * FROM stories ORDER BY id').all() as RowObject[]).map(toStoredStory);
  }

  async stats(): Promise<StoreStats> {
    const count = (table: string): number => Number((this.sql(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
    const reasons = this.sql('SELECT reason, n FROM ingest_counts').all() as Array<{ reason: string; n: number }>;
    const byReason = { new: 0, 'known-hash': 0, 'known-url': 0 };
    for (const r of reasons) if (r.reason in byReason) byReason[r.reason as keyof typeof byReason] = Number(r.n);
    return {
      documents: count('documents'), events: count('events'), mentions: count('event_mentions'),
      stories: count('stories'), actors: count('actors'), byReason,
    };
  }

  async recodeCandidates(knowledgeVersion: string): Promise<readonly string[]> {
    const rows = this.sql('SELECT id FROM documents WHERE knowledge_version <> ? ORDER BY seq').all(knowledgeVersion) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.sql(sql).all(...params) as T[];
  }

  async queryRows(sql: string, params: readonly unknown[] = []): Promise<RowArrays> {
    let st = this.rawStatements.get(sql);
    if (!st) {
      st = this.db.prepare(sql).raw(true);
      this.rawStatements.set(sql, st);
    }
    return { columns: st.columns().map((c) => c.name), rows: st.all(...params) as unknown[][] };
  }

  async feedState(url: string): Promise<FeedState | null> {
    const row = this.sql('SELECT url, etag, last_modified, checked_at FROM feeds WHERE url = ?').get(url) as
      { url: string; etag: string | null; last_modified: string | null; checked_at: string } | undefined;
    return row ? { url: row.url, etag: row.etag, lastModified: row.last_modified, checkedAt: row.checked_at } : null;
  }

  async saveFeedState(state: FeedState): Promise<void> {
    this.sql(`INSERT INTO feeds (url, etag, last_modified, checked_at) VALUES (@url, @etag, @lastModified, @checkedAt)
      ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at`)
      .run({ url: state.url, etag: state.etag, lastModified: state.lastModified, checkedAt: state.checkedAt });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** A prepared statement, prepared once per connection. */
  private sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  private now(): string {
    return this.options.now ? this.options.now() : new Date().toISOString();
  }

  private write(): SqliteWriter {
    this.writer ??= createWriter(this.db, this.options.stories ?? STORY_DEFAULTS, () => this.now());
    return this.writer;
  }
}
