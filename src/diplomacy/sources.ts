/**
 * Where visit sources come from: fresh coding of a text, or a store (events from `store.query`, the
 * facts from the documents' stored visit facts, else from the coder's annotation of the stored text).
 */
import { assemble } from '../assemble/assemble.js';
import type { DocInput } from '../core/doc.js';
import type { Coder } from '../index.js';
import type { Store } from '../store/store.js';
import type { VisitSource } from './build.js';
import { documentFacts, type DocumentFacts } from './facts.js';
import { codedByDocument, eventRows, namesFromText, type EventRow } from './stored-events.js';
import { decodeVisitFacts, type FactsDocument } from './stored-facts.js';
import { cameoCategories, withCameoKnowledge, type CameoCategory } from '../knowledge/cameo-categories.js';

/** Codes one document and reads its facts, with one run of the pipeline. */
export function codeForVisits(coder: Coder, input: DocInput): VisitSource {
  return withCameoKnowledge(coder.knowledge.cameo, () => {
    const doc = coder.annotate(input);
    const result = assemble(doc, coder.knowledge);
    return { facts: documentFacts(doc, coder.knowledge, result.document.id), events: result.events };
  });
}

/** Reads the facts of a stored document (its text annotated again) under the store's document id. */
export type FactsReader = (doc: FactsDocument) => DocumentFacts;

export function coderFacts(coder: Coder): FactsReader {
  return (d) => documentFacts(coder.annotate({ id: d.id, text: d.text, published: d.published?.slice(0, 10) ?? null }), coder.knowledge, d.id);
}

/** A reader that makes its coder on first use: a store whose documents all carry facts never loads one. */
export function lazyCoderFacts(makeCoder: () => Coder): FactsReader {
  let reader: FactsReader | null = null;
  return (d) => (reader ??= coderFacts(makeCoder()))(d);
}

export interface StoreVisitFilter {
  /** Visits whose guest or host is this country (ISO alpha-3). */
  readonly country?: string | null;
  /**
   * YYYY-MM-DD: read only the 042 events dated on or after this day (`to`: on or before), with every
   * 042 event of the documents that tell them, and the related events dated in the range or undated.
   * Visits linked across reports outside the range may then be incomplete: `listStoreVisits` widens
   * the range around the one asked for until no visit it shows reaches the edge.
   */
  readonly from?: string | null;
  readonly to?: string | null;
}

const CHUNK = 400;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

interface Condition {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** The codes of a CAMEO category (data/cameo/categories.yaml) as ranges on a cameo column (codes are digits only). */
function cameoIn(column: string, category: CameoCategory): string {
  const parts = cameoCategories().ranges(category).map(([from, to]) => `${column} >= '${from}' AND ${column} < '${to}'`);
  return parts.length === 1 ? parts[0] : `(${parts.map((p) => `(${p})`).join(' OR ')})`;
}

/** Visit events (of a country), under an alias; ranges on cameo use the (cameo, date_start) index. */
function visitEvents(alias: string, country: string | null): Condition {
  const sql = cameoIn(`${alias}.cameo`, 'visit');
  if (!country) return { sql, params: [] };
  return { sql: `${sql} AND (${alias}.source_country = ? OR ${alias}.target_country = ? OR ${alias}.place_country = ?)`, params: [country, country, country] };
}

/** The event's dates meet [from, to] (either end open). */
function datedIn(alias: string, f: StoreVisitFilter): Condition {
  const parts: string[] = [];
  const params: string[] = [];
  if (f.to) {
    parts.push(`${alias}.date_start <= ?`);
    params.push(f.to);
  }
  if (f.from) {
    parts.push(`${alias}.date_end >= ?`);
    params.push(f.from);
  }
  return { sql: parts.join(' AND '), params };
}

/** The 042 rows: of the country, and with a range, all of those in the documents that tell one in range. */
async function visitRowsOf(store: Store, f: StoreVisitFilter): Promise<EventRow[]> {
  const own = visitEvents('e', f.country ?? null);
  if (!f.from && !f.to) return eventRows(store, own.sql, own.params);
  const inner = visitEvents('e2', f.country ?? null);
  const dated = datedIn('e2', f);
  return eventRows(store,
    `${own.sql} AND m.document_id IN (SELECT m2.document_id FROM events e2 JOIN event_mentions m2 ON m2.event_id = e2.id
      WHERE ${inner.sql} AND ${dated.sql})`,
    [...own.params, ...inner.params, ...dated.params]);
}

/** The events a visit is built from, but visits. */
const relatedEvents = (): string => `${cameoIn('e.cameo', 'visit-context')} AND NOT (${cameoIn('e.cameo', 'visit')})`;

/** Past this many guest-host pairs, related events are read by country on each side instead. */
const MAX_PAIRS = 500;

/**
 * Which related events can be a meeting or an outcome of the 042 rows' visits: one side the host,
 * the other the guest. By (guest, host) pairs both ways when every visit's guest has a country (as
 * the builder's event index matches them), else by the countries on each side.
 */
function relatedSides(visitRows: readonly EventRow[]): Condition | null {
  const countries = new Set<string>();
  const pairs = new Map<string, readonly [string, string]>();
  let unmatched = false;
  for (const r of visitRows) {
    const guest = r.source_country === null ? null : String(r.source_country);
    for (const c of [r.source_country, r.target_country, r.place_country]) if (c !== null) countries.add(String(c));
    const host = r.target_country ?? r.place_country;
    if (r.source_code !== null && guest === null) unmatched = true;
    if (guest === null || host === null || String(host) === guest) continue;
    for (const [a, b] of [[guest, String(host)], [String(host), guest]] as const) pairs.set(`${a}|${b}`, [a, b]);
  }
  if (countries.size === 0) return null;
  if (unmatched || pairs.size > MAX_PAIRS) {
    // Country codes are a few hundred at most: one IN list on each side.
    const list = [...countries];
    return { sql: `e.source_country IN (${marks(list.length)}) AND e.target_country IN (${marks(list.length)})`, params: [...list, ...list] };
  }
  if (pairs.size === 0) return null;
  const values = [...pairs.values()];
  return { sql: `(e.source_country, e.target_country) IN (VALUES ${values.map(() => '(?, ?)').join(', ')})`, params: values.flat() };
}

/**
 * The 03x/04x/05x events between the visits' guests and hosts: dated (in the range, when one is given),
 * and undated ones only in the documents of the 042 rows, the only ones the builder lets an undated event count in.
 */
async function relatedRowsOf(store: Store, f: StoreVisitFilter, visitRows: readonly EventRow[]): Promise<EventRow[]> {
  const sides = relatedSides(visitRows);
  if (!sides) return [];
  const visitDocs = new Set(visitRows.map((r) => String(r.document_id)));
  const pair = `${relatedEvents()} AND ${sides.sql}`;
  if (!f.from && !f.to) {
    const rows = await eventRows(store, pair, sides.params);
    return rows.filter((r) => r.date_start !== null || visitDocs.has(String(r.document_id)));
  }
  const dated = datedIn('e', f);
  const inRange = await eventRows(store, `${pair} AND ${dated.sql}`, [...sides.params, ...dated.params]);
  const undated = (await eventRows(store, `${pair} AND e.date_start IS NULL`, sides.params)).filter((r) => visitDocs.has(String(r.document_id)));
  return [...inRange, ...undated].sort(bySaveOrder);
}

function bySaveOrder(a: EventRow, b: EventRow): number {
  return Number(a.seq) - Number(b.seq) || Number(a.sentence) - Number(b.sentence) || Number(a.trigger_start) - Number(b.trigger_start);
}

/** The facts of documents, in save order: stored ones, else read by `readFacts` (stores from before migration 5). */
async function factsOf(store: Store, ids: readonly string[], readFacts: FactsReader): Promise<DocumentFacts[]> {
  const out: DocumentFacts[] = [];
  for (const part of chunks(ids)) {
    const docs = await store.query<FactsDocument & { visit_facts: string | null }>(
      `SELECT id, text, published, visit_facts FROM documents WHERE id IN (${marks(part.length)}) ORDER BY seq`, part);
    for (const d of docs) out.push(decodeVisitFacts(d.visit_facts, d) ?? readFacts(d));
  }
  return out;
}

/**
 * The sources for visits in a store: documents with a 042 event (of this country, when given), and
 * the 03x/04x/05x events between the guests and hosts of those visits, from any document.
 */
export async function storeVisitSources(store: Store, readFacts: FactsReader, filter: StoreVisitFilter = {}): Promise<VisitSource[]> {
  const visitRows = await visitRowsOf(store, filter);
  const related = await relatedRowsOf(store, filter, visitRows);
  const rows = [...visitRows, ...related];
  const byDoc = codedByDocument(rows);
  const order = [...new Map([...rows].sort((a, b) => Number(a.seq) - Number(b.seq)).map((r) => [String(r.document_id), true])).keys()];
  const facts = await factsOf(store, order, readFacts);
  return facts.map((f) => ({ facts: f, events: (byDoc.get(f.id) ?? []).map((e) => namesFromText(e, f)) }));
}
