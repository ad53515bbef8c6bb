/**
 * Reading merged event rows through `Store.query`: a page for `dyad query`, every matching row in
 * id order (keyset pages) for `dyad export`, and the primary evidence of each event.
 */
import type { Store } from '../store/store.js';
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

function actor(row: RawRow, p: string): QueryActor | null {
  const code = str(row[`${p}_code`]);
  if (code === null) return null;
  return { code, country: str(row[`${p}_country`]), sector: str(row[`${p}_sector`]), name: str(row[`${p}_name`]), role: str(row[`${p}_role`]) };
}

/** A row of EVENT_SELECT as a QueryEvent (PostgreSQL may return numbers as strings: all are converted). */
export function toQueryEvent(row: RawRow): QueryEvent {
  const start = str(row.date_start);
  const placeName = str(row.place_name);
  const placeCountry = str(row.place_country);
  return {
    id: String(row.id), storyId: String(row.story_id), cameo: String(row.cameo), root: String(row.root),
    quadClass: Number(row.quad_class), goldstein: Number(row.goldstein),
    plover: { type: String(row.plover_type), mode: str(row.plover_mode), contexts: list(row.plover_contexts) },
    topics: list(row.topics), modality: String(row.modality),
    date: start === null ? null : { start, end: str(row.date_end), precision: str(row.date_precision), basis: str(row.date_basis) },
    place: placeName === null && placeCountry === null ? null
      : { name: placeName, country: placeCountry, lat: num(row.place_lat), lon: num(row.place_lon) },
    source: actor(row, 'source'), target: actor(row, 'target'), attribution: str(row.attribution_code),
    firstDocument: { id: String(row.first_document_id), url: str(row.document_url), published: str(row.document_published) },
    confidence: Number(row.confidence), rule: String(row.rule), knowledge: String(row.knowledge_version),
    numMentions: Number(row.num_mentions), numArticles: Number(row.num_articles), numSources: Number(row.num_sources),
  };
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
