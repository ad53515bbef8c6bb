/**
 * The PostgreSQL store: the same schema (schema.ts), SQL (writes.ts) and behaviour as the SQLite
 * store, over a `pg` Pool, for several writers and readers on one server.
 *
 *   const store = openPostgresStore({ connectionString: 'postgres://dyad@127.0.0.1/dyad' });
 *   await store.migrate();
 *
 * Writers: each save, recode and migration is one transaction that first takes a transaction-level
 * advisory lock keyed by the schema (`pg_advisory_xact_lock`), so writes to one store take turns as
 * with SQLite's BEGIN IMMEDIATE: two processes saving the same document never store it twice, and
 * two near-duplicates never both start a story. Readers never wait for the lock.
 */
import pg from 'pg';
import type { CodingResult } from '../core/event.js';
import { DyadError } from '../core/errors.js';
import { MIGRATIONS, MIGRATIONS_TABLE } from './schema.js';
import { bindValues, PG_TYPES, statementName, toPositional, type PositionalSql, type SqlParams } from './postgres-sql.js';
import { replaceDocumentEvents, saveDocument, type PgWriteContext } from './postgres-write.js';
import { saveQueuedDocument, writeStoredCoding, type CodeStoredOutcome, type PgSqlExec, type QueuedOutcome } from './postgres-queue.js';
import { toStoredDocument, toStoredEvent, toStoredMention, toStoredStory } from './rows.js';
import { STORY_DEFAULTS } from './stories.js';
import type {
  CodingFacts, RowArrays,
  DocumentFilter, EventFilter, FeedState, MentionFilter, ReplaceOutcome, SaveOutcome, Store, StoreStats,
  StoreOpenOptions, StoredDocument, StoredDocumentInput, StoredEvent, StoredMention, StoredStory,
} from './store.js';
import { WRITE_SQL, type WriteStatement } from './writes.js';

export interface PostgresStoreOptions extends StoreOpenOptions {
  /** postgres://user:password@host:port/database (libpq-style parameters allowed). */
  readonly connectionString: string;
  /** Schema to keep the tables in (search_path); default: the server's (normally `public`). */
  readonly schema?: string;
  /** Connections in the pool. Default 4. With `readonly`, every transaction is read-only (default_transaction_read_only). */
  readonly maxConnections?: number;
}

type RowObject = Record<string, unknown>;
type Queryable = pg.Pool | pg.PoolClient;

const WRITE_LOCK = "SELECT pg_advisory_xact_lock(hashtext('dyad.store:' || COALESCE(current_schema(), '')))";
const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', '28P01', '28000', '3D000', '3F000']);

/** The URL without its password, for messages. */
export function redactUrl(spec: string): string {
  try {
    const url = new URL(spec);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return spec.replace(/:[^:@/]*@/, ':***@');
  }
}

/** Opens a PostgreSQL store (connections are made on first use). Call migrate() before the first save. */
export function openPostgresStore(options: PostgresStoreOptions): PostgresStore {
  if (options.schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.schema)) {
    throw new DyadError('USAGE', 'a schema name is letters, digits and underscores', options.schema);
  }
  const settings = [
    options.schema ? `-c search_path=${options.schema}` : '',
    options.readonly ? '-c default_transaction_read_only=on' : '',
  ].filter(Boolean).join(' ');
  const pool = new pg.Pool({
    connectionString: options.connectionString, max: options.maxConnections ?? 4, types: PG_TYPES,
    application_name: 'dyad', allowExitOnIdle: true, ...(settings ? { options: settings } : {}),
  });
  pool.on('error', () => undefined); // an idle connection that drops is replaced on next use
  return new PostgresStore(pool, options);
}

export class PostgresStore implements Store {
  readonly pool: pg.Pool;
  private readonly options: PostgresStoreOptions;
  private readonly compiled = new Map<string, PositionalSql>();
  private closed = false;

  constructor(pool: pg.Pool, options: PostgresStoreOptions) {
    this.pool = pool;
    this.options = options;
  }

  async migrate(): Promise<readonly number[]> {
    const migrations = [...(this.options.migrations ?? MIGRATIONS)].sort((a, b) => a.version - b.version);
    return this.transaction(async (client) => {
      await client.query(MIGRATIONS_TABLE);
      const done = new Set((await this.rows<{ version: number }>(client, 'SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
      const applied: number[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        for (const sql of m.statements) await client.query(sql);
        await this.rows(client, 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, this.now()]);
        applied.push(m.version);
      }
      return applied;
    });
  }

  async hasDocument(hash: string, canonicalUrl?: string | null): Promise<boolean> {
    const rows = canonicalUrl
      ? await this.run('SELECT 1 AS known FROM documents WHERE id = ? OR canonical_url = ? LIMIT 1', [hash, canonicalUrl])
      : await this.run('SELECT 1 AS known FROM documents WHERE id = ?', [hash]);
    return rows.length > 0;
  }

  async saveCoded(input: StoredDocumentInput, result: CodingResult): Promise<SaveOutcome> {
    return this.transaction((client) => saveDocument(this.writeExec(client), this.writeContext(), input, result));
  }

  async replaceEvents(documentId: string, result: CodingResult, knowledgeVersion?: string, facts?: CodingFacts): Promise<ReplaceOutcome> {
    const outcome = await this.transaction((client) =>
      replaceDocumentEvents(this.writeExec(client), this.writeContext(), documentId, result, knowledgeVersion, facts));
    if (!outcome) throw new DyadError('USAGE', 'no such document in the store', documentId);
    return outcome;
  }

  /**
   * Stores a document to be coded later by a worker (dyad ingest --queue); `then` runs in the same
   * transaction (the queue's insert), so a document is never stored without its job or queued twice.
   */
  async saveQueued(input: StoredDocumentInput, then?: (db: SqlClient, outcome: QueuedOutcome) => Promise<void>): Promise<QueuedOutcome> {
    return this.transaction(async (client) => {
      const outcome = await saveQueuedDocument(this.writeExec(client), this.writeContext(), input);
      if (then) await then(sqlClient(client), outcome);
      return outcome;
    });
  }

  /** Writes a worker's coding of a stored document, idempotently (see postgres-queue.ts). */
  async writeCoding(documentId: string, result: CodingResult, knowledgeVersion: string, facts: CodingFacts): Promise<CodeStoredOutcome> {
    return this.transaction((client) => writeStoredCoding(this.writeExec(client), this.writeContext(), documentId, result, knowledgeVersion, facts));
  }

  async document(id: string): Promise<StoredDocument | null> {
    const [row] = await this.run('SELECT * FROM documents WHERE id = ?', [id]);
    return row ? toStoredDocument(row) : null;
  }

  async documents(filter: DocumentFilter = {}): Promise<readonly StoredDocument[]> {
    const where = whereClause([['story_id = ?', filter.storyId]]);
    return (await this.run(`SELECT * FROM documents ${where.sql} ORDER BY seq LIMIT ?`, [...where.params, filter.limit ?? null])).map(toStoredDocument);
  }

  async events(filter: EventFilter = {}): Promise<readonly StoredEvent[]> {
    const where = whereClause([
      ['story_id = ?', filter.storyId], ['cameo = ?', filter.cameo],
      ['id IN (SELECT event_id FROM event_mentions WHERE document_id = ?)', filter.documentId],
    ]);
    const sql = `SELECT * FROM events ${where.sql} ORDER BY story_id, id LIMIT ?`;
    return (await this.run(sql, [...where.params, filter.limit ?? null])).map(toStoredEvent);
  }

  async mentions(filter: MentionFilter = {}): Promise<readonly StoredMention[]> {
    const where = whereClause([['event_id = ?', filter.eventId], ['document_id = ?', filter.documentId]]);
    const sql = `SELECT * FROM event_mentions ${where.sql} ORDER BY event_id, document_id, sentence, trigger_start`;
    return (await this.run(sql, where.params)).map(toStoredMention);
  }

  async stories(): Promise<readonly StoredStory[]> {
    return (await this.run('SELECT * FROM stories ORDER BY id')).map(toStoredStory);
  }

  async stats(): Promise<StoreStats> {
    const [counts] = await this.run(`SELECT (SELECT COUNT(*) FROM documents) AS documents, (SELECT COUNT(*) FROM events) AS events,
      (SELECT COUNT(*) FROM event_mentions) AS mentions, (SELECT COUNT(*) FROM stories) AS stories, (SELECT COUNT(*) FROM actors) AS actors`);
    const byReason = { new: 0, 'known-hash': 0, 'known-url': 0 };
    for (const r of await this.run('SELECT reason, n FROM ingest_counts')) {
      if (String(r.reason) in byReason) byReason[r.reason as keyof typeof byReason] = Number(r.n);
    }
    const n = (k: string): number => Number(counts?.[k] ?? 0);
    return { documents: n('documents'), events: n('events'), mentions: n('mentions'), stories: n('stories'), actors: n('actors'), byReason };
  }

  async recodeCandidates(knowledgeVersion: string): Promise<readonly string[]> {
    const rows = await this.run('SELECT id FROM documents WHERE knowledge_version <> ? ORDER BY seq', [knowledgeVersion]);
    return rows.map((r) => String(r.id));
  }

  /** Runs read-only SQL (a READ ONLY transaction) with `?` placeholders rewritten to $1..$n. */
  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return (await this.readOnly(sql, params, 'object')).rows as T[];
  }

  async queryRows(sql: string, params: readonly unknown[] = []): Promise<RowArrays> {
    const result = await this.readOnly(sql, params, 'array');
    return { columns: result.fields.map((f) => f.name), rows: result.rows as unknown[][] };
  }

  private async readOnly(sql: string, params: readonly unknown[], rowMode: 'array' | 'object'): Promise<pg.QueryResult> {
    const positional = toPositional(sql);
    return this.withClient(async (client) => {
      await client.query('BEGIN READ ONLY');
      try {
        const values = bindValues(positional, params);
        const result = rowMode === 'array' ? await client.query({ text: positional.text, values, rowMode }) : await client.query(positional.text, values);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  async feedState(url: string): Promise<FeedState | null> {
    const [row] = await this.run('SELECT url, etag, last_modified, checked_at FROM feeds WHERE url = ?', [url]);
    if (!row) return null;
    const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
    return { url: String(row.url), etag: str(row.etag), lastModified: str(row.last_modified), checkedAt: String(row.checked_at) };
  }

  async saveFeedState(state: FeedState): Promise<void> {
    await this.run(`INSERT INTO feeds (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at`,
    [state.url, state.etag, state.lastModified, state.checkedAt]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  /** One statement on any pooled connection (auto-commit). */
  private async run(sql: string, params: SqlParams = []): Promise<RowObject[]> {
    return this.withClient((client) => this.rows(client, sql, params));
  }

  /** Runs `sql` (with `?` or `@name` placeholders) as a prepared statement on `client`. */
  private async rows<T = RowObject>(client: Queryable, sql: string, params: SqlParams = []): Promise<T[]> {
    let positional = this.compiled.get(sql);
    if (!positional) {
      positional = toPositional(sql, true);
      this.compiled.set(sql, positional);
    }
    const result = await client.query({ name: statementName(positional.text), text: positional.text, values: bindValues(positional, params) });
    return result.rows as T[];
  }

  private writeExec(client: pg.PoolClient): PgSqlExec {
    return {
      rows: (statement: WriteStatement, params: SqlParams) => this.rows(client, WRITE_SQL[statement], params),
      sql: (text: string, params: SqlParams) => this.rows(client, text, params),
    };
  }

  private writeContext(): PgWriteContext {
    return { stories: this.options.stories ?? STORY_DEFAULTS, now: () => this.now() };
  }

  /** One transaction holding the store's write lock; rolled back when `fn` throws. */
  private async transaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.withClient(async (client) => {
      await client.query('BEGIN');
      try {
        await client.query(WRITE_LOCK);
        const out = await fn(client);
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  /** A pooled connection for `fn`; a server that cannot be reached is a DyadError. */
  private async withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new DyadError('USAGE', 'the store is closed', redactUrl(this.options.connectionString));
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw connectionError(err, this.options.connectionString);
    }
    let broken: Error | undefined;
    try {
      return await fn(client);
    } catch (err) {
      if (!(err instanceof pg.DatabaseError)) broken = err as Error;
      throw err;
    } finally {
      client.release(broken);
    }
  }

  private now(): string {
    return this.options.now ? this.options.now() : new Date().toISOString();
  }
}

/** A connection inside a store transaction, as pg-boss's `db` option takes it ($n placeholders). */
export interface SqlClient {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

function sqlClient(client: pg.PoolClient): SqlClient {
  return { executeSql: async (text, values) => ({ rows: (await client.query(text, values)).rows as unknown[] }) };
}

/** A WHERE clause of the conditions whose value is given (not undefined, null or ''), and their values. */
function whereClause(conditions: ReadonlyArray<readonly [string, unknown]>): { sql: string; params: unknown[] } {
  const used = conditions.filter(([, v]) => v !== undefined && v !== null && v !== '');
  return { sql: used.length ? `WHERE ${used.map(([c]) => c).join(' AND ')}` : '', params: used.map(([, v]) => v) };
}

function connectionError(err: unknown, spec: string): Error {
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof DyadError) return err;
  if (typeof code === 'string' && !CONNECTION_ERRORS.has(code)) return err as Error;
  return new DyadError('INPUT_UNREADABLE', `cannot open the store: ${message || String(code ?? 'connection failed')}`, redactUrl(spec));
}
