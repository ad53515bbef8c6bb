/** `dyad series` output: an aligned table, JSON, JSON Lines or CSV, one row per period. */
import { csvLine } from '../output/csv.js';
import type { Cell } from './export.js';
import { renderTable, type QueryFormat } from './format.js';
import type { SeriesPoint } from './series.js';

export const SERIES_COLUMNS: readonly string[] = ['period', 'start', 'end', 'events', 'q1', 'q2', 'q3', 'q4', 'goldstein', 'reports', 'index'];

export function seriesCells(p: SeriesPoint): Cell[] {
  return [p.label, p.start, p.end, p.events, ...p.quad, p.goldsteinMean, p.reports, p.index];
}

export function formatSeries(format: QueryFormat, points: readonly SeriesPoint[]): string {
  switch (format) {
    case 'table':
      return points.length ? renderTable(SERIES_COLUMNS, points.map(seriesCells)) : '';
    case 'json':
      return `${JSON.stringify(points, null, 2)}\n`;
    case 'jsonl':
      return points.map((p) => `${JSON.stringify(p)}\n`).join('');
    case 'csv':
      return csvLine(SERIES_COLUMNS) + points.map((p) => csvLine(seriesCells(p))).join('');
  }
}
