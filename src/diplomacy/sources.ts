/**
 * Where visit sources come from: fresh coding of a text, or a store (events from `store.query`, the
 * facts from the coder's annotation of the stored text).
 */
import { assemble } from '../assemble/assemble.js';
import type { DocInput } from '../core/doc.js';
import type { Coder } from '../index.js';
import type { Store } from '../store/store.js';
import type { VisitSource } from './build.js';
import { documentFacts, type DocumentFacts } from './facts.js';
import { codedByDocument, eventRows, namesFromText } from './stored-events.js';

/** Codes one document and reads its facts, with one run of the pipeline. */
export function codeForVisits(coder: Coder, input: DocInput): VisitSource {
  const doc = coder.annotate(input);
  const result = assemble(doc, coder.knowledge);
  return { facts: documentFacts(doc, coder.knowledge, result.document.id), events: result.events };
}

/** Reads the facts of a stored document (its text annotated again) under the store's document id. */
export type FactsReader = (doc: { readonly id: string; readonly text: string; readonly published: string | null }) => DocumentFacts;

export function coderFacts(coder: Coder): FactsReader {
  return (d) => documentFacts(coder.annotate({ id: d.id, text: d.text, published: d.published?.slice(0, 10) ?? null }), coder.knowledge, d.id);
}

export interface StoreVisitFilter {
  /** Visits whose guest or host is this country (ISO alpha-3). */
  readonly country?: string | null;
}

const CHUNK = 400;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/**
 * The sources for visits in a store: documents with a 042 event (of this country, when given), and
 * the 03x/04x/05x events between the countries of those visits, from any document.
 */
export async function storeVisitSources(store: Store, readFacts: FactsReader, filter: StoreVisitFilter = {}): Promise<VisitSource[]> {
  const c = filter.country ?? null;
  const visitRows = await eventRows(store,
    `e.cameo LIKE '042%'${c ? ' AND (e.source_country = ? OR e.target_country = ? OR e.place_country = ?)' : ''}`,
    c ? [c, c, c] : []);
  const countries = [...new Set(visitRows.flatMap((r) => [r.source_country, r.target_country, r.place_country]).filter((x): x is string => typeof x === 'string'))];
  // Country codes are a few hundred at most: one IN list on each side.
  const related = countries.length === 0 ? [] : await eventRows(store,
    `(e.cameo LIKE '03%' OR e.cameo LIKE '04%' OR e.cameo LIKE '05%') AND e.cameo NOT LIKE '042%'
     AND e.source_country IN (${marks(countries.length)}) AND e.target_country IN (${marks(countries.length)})`,
    [...countries, ...countries]);
  const byDoc = codedByDocument([...visitRows, ...related]);
  const order = [...new Map([...visitRows, ...related].sort((a, b) => Number(a.seq) - Number(b.seq)).map((r) => [String(r.document_id), true])).keys()];
  const sources: VisitSource[] = [];
  for (const part of chunks(order)) {
    const docs = await store.query<{ id: string; text: string; published: string | null }>(
      `SELECT id, text, published FROM documents WHERE id IN (${marks(part.length)}) ORDER BY seq`, part);
    for (const d of docs) {
      const facts = readFacts(d);
      sources.push({ facts, events: (byDoc.get(d.id) ?? []).map((e) => namesFromText(e, facts)) });
    }
  }
  return sources;
}
