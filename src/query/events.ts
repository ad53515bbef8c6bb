/**
 * Reading merged event rows through `Store.query`: a page for `dyad query`, every matching row in
 * id order (keyset pages) for `dyad export`, and the primary evidence of each event.
 */
import type { RowArrays, Store } from '../store/store.js';
import { join, whereClause, type EventQuery } from './filter.js';

/** One merged event as the query layer returns it (JSON and JSON Lines of `dyad query`). */
export interface QueryActor {
  readonly code: string;
  readonly country: string | null;
  readonly sector: string | null;
  readonly name: string | null;
  readonly role: string | null;
}

export interface QueryEvent {
  readonly id: string;
  readonly storyId: string;
  readonly cameo: string;
  readonly root: string;
  readonly quadClass: number;
  readonly goldstein: number;
  readonly plover: { readonly type: string; readonly mode: string | null; readonly contexts: readonly string[] };
  readonly topics: readonly string[];
  readonly modality: string;
  readonly date: { readonly start: string; readonly end: string | null; readonly precision: string | null; readonly basis: string | null } | null;
  readonly place: { readonly name: string | null; readonly country: string | null; readonly lat: number | null; readonly lon: number | null } | null;
  readonly source: QueryActor | null;
  readonly target: QueryActor | null;
  readonly attribution: string | null;
  readonly firstDocument: { readonly id: string; readonly url: string | null; readonly published: string | null };
  readonly confidence: number;
  readonly rule: string;
  readonly knowledge: string;
  readonly numMentions: number;
  readonly numArticles: number;
  readonly numSources: number;
}

/** What the query layer selects: every events column plus the first document's URL and date. */
export const EVENT_SELECT = `SELECT e.*, d.url AS document_url, d.published AS document_published
  FROM events e JOIN documents d ON d.id = e.first_document_id`;

type RawRow = Readonly<Record<string, unknown>>;
/** One value of a row, by column name. */
type Column = (column: string) => unknown;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function list(v: unknown): readonly string[] {
  try {
    const parsed: unknown = JSON.parse(String(v ?? '[]'));
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

function actor(v: Column, p: string): QueryActor | null {
  const code = str(v(`${p}_code`));
  if (code === null) return null;
  return { code, country: str(v(`${p}_country`)), sector: str(v(`${p}_sector`)), name: str(v(`${p}_name`)), role: str(v(`${p}_role`)) };
}

/** A row of EVENT_SELECT, read column by column, as a QueryEvent (PostgreSQL may return numbers as strings: all are converted). */
export function readQueryEvent(v: Column): QueryEvent {
  const start = str(v('date_start'));
  const placeName = str(v('place_name'));
  const placeCountry = str(v('place_country'));
  return {
    id: String(v('id')), storyId: String(v('story_id')), cameo: String(v('cameo')), root: String(v('root')),
    quadClass: Number(v('quad_class')), goldstein: Number(v('goldstein')),
    plover: { type: String(v('plover_type')), mode: str(v('plover_mode')), contexts: list(v('plover_contexts')) },
    topics: list(v('topics')), modality: String(v('modality')),
    date: start === null ? null : { start, end: str(v('date_end')), precision: str(v('date_precision')), basis: str(v('date_basis')) },
    place: placeName === null && placeCountry === null ? null
      : { name: placeName, country: placeCountry, lat: num(v('place_lat')), lon: num(v('place_lon')) },
    source: actor(v, 'source'), target: actor(v, 'target'), attribution: str(v('attribution_code')),
    firstDocument: { id: String(v('first_document_id')), url: str(v('document_url')), published: str(v('document_published')) },
    confidence: Number(v('confidence')), rule: String(v('rule')), knowledge: String(v('knowledge_version')),
    numMentions: Number(v('num_mentions')), numArticles: Number(v('num_articles')), numSources: Number(v('num_sources')),
  };
}

/** A row object of EVENT_SELECT as a QueryEvent. */
export function toQueryEvent(row: RawRow): QueryEvent {
  return readQueryEvent((column) => row[column]);
}

/** Rows of EVENT_SELECT as arrays (Store.queryRows) as QueryEvents: no object is made per row. */
export function toQueryEvents(result: RowArrays): QueryEvent[] {
  const at = new Map(result.columns.map((c, i) => [c, i]));
  return result.rows.map((values) => readQueryEvent((column) => values[at.get(column) ?? -1]));
}

export interface PageOptions {
  /** At most this many events (default 100). */
  readonly limit?: number;
  readonly offset?: number;
}

/**
 * The matching events, newest first (undated last), then by id. SQLite sorts NULLs last in DESC by
 * default; PostgreSQL is told so.
 */
export async function queryEvents(store: Store, q: EventQuery, page: PageOptions = {}): Promise<QueryEvent[]> {
  const where = whereClause(q, 'e.');
  const sql = `${EVENT_SELECT} WHERE ${where.sql} ORDER BY e.date_start DESC NULLS LAST, e.id LIMIT ? OFFSET ?`;
  const rows = await store.query<RawRow>(sql, [...where.params, page.limit ?? 100, page.offset ?? 0]);
  return rows.map(toQueryEvent);
}

/** How many events match. */
export async function countEvents(store: Store, q: EventQuery): Promise<number> {
  const where = whereClause(q);
  const rows = await store.query<{ n: unknown }>(`SELECT COUNT(*) AS n FROM events WHERE ${where.sql}`, where.params);
  return Number(rows[0]?.n ?? 0);
}

/** Every matching event, in pages of `pageSize`, in id order (keyset pagination: each page is an index range). */
export async function* allEvents(store: Store, q: EventQuery, pageSize = 5000): AsyncGenerator<QueryEvent[]> {
  const base = whereClause(q, 'e.');
  let after: string | null = null;
  for (;;) {
    const where = after === null ? base : join([base, { sql: 'e.id > ?', params: [after] }], 'AND');
    const rows: RawRow[] = await store.query<RawRow>(`${EVENT_SELECT} WHERE ${where.sql} ORDER BY e.id LIMIT ?`, [...where.params, pageSize]);
    if (rows.length === 0) return;
    yield rows.map(toQueryEvent);
    if (rows.length < pageSize) return;
    after = String(rows[rows.length - 1].id);
  }
}

/** The words that tell an event in its first document: its earliest mention there. */
export interface PrimaryMention {
  readonly documentId: string;
  readonly sentence: number;
  readonly trigger: { readonly text: string; readonly start: number; readonly end: number };
  readonly sourceText: string | null;
  readonly targetText: string | null;
  readonly cueText: string | null;
}

/** The primary mention of each event (in its first document, earliest sentence and offset), by event id. */
export async function primaryMentions(store: Store, events: readonly QueryEvent[]): Promise<Map<string, PrimaryMention>> {
  const out = new Map<string, PrimaryMention>();
  for (let i = 0; i < events.length; i += 500) {
    const chunk = events.slice(i, i + 500);
    const sql = `SELECT event_id, document_id, sentence, trigger_text, trigger_start, trigger_end, source_text, target_text, cue_text
      FROM event_mentions WHERE event_id IN (${chunk.map(() => '?').join(', ')})
      ORDER BY event_id, sentence, trigger_start`;
    const first = new Map(chunk.map((e) => [e.id, e.firstDocument.id]));
    for (const r of await store.query<RawRow>(sql, chunk.map((e) => e.id))) {
      const id = String(r.event_id);
      if (out.has(id) || first.get(id) !== String(r.document_id)) continue;
      out.set(id, {
        documentId: String(r.document_id), sentence: Number(r.sentence),
        trigger: { text: String(r.trigger_text ?? ''), start: Number(r.trigger_start), end: Number(r.trigger_end) },
        sourceText: str(r.source_text), targetText: str(r.target_text), cueText: str(r.cue_text),
      });
    }
  }
  return out;
}
