/**
 * Reading the store for the HTTP API and the dashboard: event pages by keyset cursor (stable under
 * inserts, constant cost per page), the actor network and event places, all through `whereClause`
 * and `Store.query` with `?` placeholders, so SQLite and PostgreSQL run the same SQL.
 */
import type { Store } from '../store/store.js';
import { EVENT_SELECT, toQueryEvent, toQueryEvents, type QueryEvent } from './events.js';
import { join, whereClause, type EventQuery, type SqlPart } from './filter.js';

/** Where a page ended: the last event's start date (null for undated) and id, in list order. */
export interface EventCursor {
  readonly date: string | null;
  readonly id: string;
}

/** Events after `cursor` in the listing order of queryEvents: newest first, undated last, then id. */
function after(cursor: EventCursor): SqlPart {
  if (cursor.date === null) return { sql: '(e.date_start IS NULL AND e.id > ?)', params: [cursor.id] };
  return {
    sql: '(e.date_start < ? OR (e.date_start = ? AND e.id > ?) OR e.date_start IS NULL)',
    params: [cursor.date, cursor.date, cursor.id],
  };
}

export interface EventPage {
  readonly events: readonly QueryEvent[];
  /** Where the next page starts, null on the last page. */
  readonly next: EventCursor | null;
}

/**
 * One page of matching events (at most `limit`), after `cursor`. The page's ids are found first, from
 * the events table alone (the sort reads every event of the dates it cuts through), then only those
 * rows are read with their document: half the work of sorting joined rows.
 */
export async function eventPage(store: Store, q: EventQuery, limit: number, cursor: EventCursor | null): Promise<EventPage> {
  const base = whereClause(q, 'e.');
  const where = cursor ? join([base, after(cursor)], 'AND') : base;
  const ids = await store.query<{ id: unknown }>(`SELECT e.id FROM events e WHERE ${where.sql} ORDER BY e.date_start DESC NULLS LAST, e.id LIMIT ?`, [...where.params, limit + 1]);
  const pageIds = ids.slice(0, limit).map((r) => String(r.id));
  // Rows as arrays: making one object of ~40 columns per row was half the cost of reading a page.
  const rows = pageIds.length === 0 ? []
    : toQueryEvents(await store.queryRows(`${EVENT_SELECT} WHERE e.id IN (${pageIds.map(() => '?').join(', ')})`, pageIds));
  const byId = new Map(rows.map((e) => [e.id, e]));
  const events = pageIds.flatMap((id) => byId.get(id) ?? []);
  const last = events[events.length - 1];
  return { events, next: ids.length > limit && last ? { date: last.date?.start ?? null, id: last.id } : null };
}

/** One event by its id. */
export async function eventById(store: Store, id: string): Promise<QueryEvent | null> {
  const rows = await store.query<Record<string, unknown>>(`${EVENT_SELECT} WHERE e.id = ?`, [id]);
  return rows[0] ? toQueryEvent(rows[0]) : null;
}

/** The events with a mention in one document, in the listing order. */
export async function documentEvents(store: Store, documentId: string): Promise<QueryEvent[]> {
  const sql = `${EVENT_SELECT} WHERE e.id IN (SELECT event_id FROM event_mentions WHERE document_id = ?)
    ORDER BY e.date_start DESC NULLS LAST, e.id`;
  return (await store.query<Record<string, unknown>>(sql, [documentId])).map(toQueryEvent);
}

export interface NetworkEdge {
  /** Source and target country (or actor code when the actor has no country). */
  readonly source: string;
  readonly target: string;
  readonly events: number;
  /** Mean Goldstein score of the edge's events. */
  readonly goldstein: number;
}

/** Who acts on whom: matching events with both sides, by source and target country (else actor code), the `limit` busiest edges. */
export async function actorNetwork(store: Store, q: EventQuery, limit: number): Promise<NetworkEdge[]> {
  const where = join([whereClause(q), { sql: "source_code IS NOT NULL AND target_code IS NOT NULL AND source_code <> '' AND target_code <> ''", params: [] }], 'AND');
  const s = "COALESCE(NULLIF(source_country, ''), source_code)";
  const t = "COALESCE(NULLIF(target_country, ''), target_code)";
  const sql = `SELECT ${s} AS s, ${t} AS t, COUNT(*) AS n, AVG(goldstein) AS g
    FROM events WHERE ${where.sql}
    GROUP BY ${s}, ${t}
    ORDER BY n DESC, s, t LIMIT ?`;
  const rows = await store.query<Record<string, unknown>>(sql, [...where.params, limit]);
  return rows.map((r) => ({ source: String(r.s), target: String(r.t), events: Number(r.n), goldstein: Number(r.g) }));
}

export interface EventPlace {
  readonly name: string | null;
  readonly country: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly events: number;
  readonly goldstein: number;
}

/** Where matching events happened: one point per place with coordinates, the `limit` busiest. */
export async function eventPlaces(store: Store, q: EventQuery, limit: number): Promise<EventPlace[]> {
  const where = join([whereClause(q), { sql: 'place_lat IS NOT NULL AND place_lon IS NOT NULL', params: [] }], 'AND');
  const sql = `SELECT place_name AS name, place_country AS country, place_lat AS lat, place_lon AS lon, COUNT(*) AS n, AVG(goldstein) AS g
    FROM events WHERE ${where.sql}
    GROUP BY place_name, place_country, place_lat, place_lon
    ORDER BY n DESC, name LIMIT ?`;
  const rows = await store.query<Record<string, unknown>>(sql, [...where.params, limit]);
  return rows.map((r) => ({
    name: r.name === null ? null : String(r.name), country: r.country === null ? null : String(r.country),
    lat: Number(r.lat), lon: Number(r.lon), events: Number(r.n), goldstein: Number(r.g),
  }));
}

/** The first and last event dates, the knowledge versions that coded the store and the PLOVER types in it. */
export async function storeSpan(store: Store): Promise<{ firstDate: string | null; lastDate: string | null; knowledge: string[]; ploverTypes: string[] }> {
  const [span] = await store.query<Record<string, unknown>>('SELECT MIN(date_start) AS a, MAX(date_start) AS b FROM events');
  const types = await store.query<Record<string, unknown>>('SELECT DISTINCT plover_type AS t FROM events ORDER BY t LIMIT 50');
  const versions = await store.query<Record<string, unknown>>('SELECT DISTINCT knowledge_version AS v FROM documents ORDER BY v LIMIT 20');
  return {
    firstDate: span?.a == null ? null : String(span.a),
    lastDate: span?.b == null ? null : String(span.b),
    knowledge: versions.map((r) => String(r.v)),
    ploverTypes: types.map((r) => String(r.t)),
  };
}
