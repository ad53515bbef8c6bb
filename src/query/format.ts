/**
 * Text for `dyad query`, `dyad export` and `dyad series`: aligned tables for people, JSON, JSON Lines,
 * CSV (RFC 4180, via src/output/csv.ts), GDELT TSV and PLOVER JSON Lines for programs.
 */
import { csvLine } from '../output/csv.js';
import { GDELT_COLUMNS, tsvLine } from '../output/gdelt.js';
import type { Store } from '../store/store.js';
import { primaryMentions, type QueryActor, type QueryEvent } from './events.js';
import { EVENT_CSV_COLUMNS, eventCsvCells, eventGdeltCells, storedPloverRecord, type Cell } from './export.js';

export const QUERY_FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
export type QueryFormat = (typeof QUERY_FORMATS)[number];

export const EXPORT_FORMATS = ['csv', 'gdelt', 'plover'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Columns padded to their widest cell; numbers right-aligned; null shown as "-". */
export function renderTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((r) => r.map((c) => (c === null ? '-' : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => r[i].length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number'));
  const line = (cells: readonly string[]): string =>
    `${cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd()}\n`;
  return line(headers) + line(widths.map((w) => '-'.repeat(w))) + text.map(line).join('');
}

const who = (a: QueryActor | null): string | null => (a ? (a.name ? `${a.code} (${a.name})` : a.code) : null);

const TABLE_COLUMNS = ['date', 'source', 'target', 'cameo', 'quad', 'goldstein', 'plover', 'modality', 'place', 'articles', 'id'];

export function eventTable(events: readonly QueryEvent[]): string {
  const rows = events.map((e): Cell[] => [
    e.date ? (e.date.end && e.date.end !== e.date.start ? `${e.date.start}..${e.date.end}` : e.date.start) : null,
    who(e.source), who(e.target), e.cameo, e.quadClass, e.goldstein,
    e.plover.mode ? `${e.plover.type}/${e.plover.mode}` : e.plover.type, e.modality,
    e.place ? (e.place.name ?? e.place.country) : null, e.numArticles, e.id,
  ]);
  return renderTable(TABLE_COLUMNS, rows);
}

/** One page of events in a `dyad query` format. */
export function formatEvents(format: QueryFormat, events: readonly QueryEvent[]): string {
  switch (format) {
    case 'table':
      return events.length ? eventTable(events) : '';
    case 'json':
      return `${JSON.stringify(events, null, 2)}\n`;
    case 'jsonl':
      return events.map((e) => `${JSON.stringify(e)}\n`).join('');
    case 'csv':
      return csvLine(EVENT_CSV_COLUMNS) + events.map((e) => csvLine(eventCsvCells(e))).join('');
  }
}

/** Writes every page in an export format through `write`; returns the number of events written. */
export interface ExportOptions {
  /** GDELT's DATEADDED (default now). */
  readonly added?: Date;
  /** A header row for gdelt too; GDELT's own files have none, so it is off by default. */
  readonly gdeltHeader?: boolean;
}

export async function writeExport(
  store: Store, format: ExportFormat, pages: AsyncIterable<readonly QueryEvent[]>,
  write: (text: string) => Promise<void>, options: ExportOptions = {},
): Promise<number> {
  const added = options.added ?? new Date();
  let n = 0;
  if (format === 'csv') await write(csvLine(EVENT_CSV_COLUMNS));
  if (format === 'gdelt' && options.gdeltHeader) await write(tsvLine(GDELT_COLUMNS));
  for await (const page of pages) {
    n += page.length;
    if (format === 'csv') {
      await write(page.map((e) => csvLine(eventCsvCells(e))).join(''));
      continue;
    }
    const mentions = await primaryMentions(store, page);
    if (format === 'gdelt') await write(page.map((e) => tsvLine(eventGdeltCells(e, added, mentions.get(e.id)))).join(''));
    else await write(page.map((e) => `${JSON.stringify(storedPloverRecord(e, mentions.get(e.id)))}\n`).join(''));
  }
  return n;
}
