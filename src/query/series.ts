/**
 * A dyad's time series (`dyad series A B --by month`): per period, the dyad's events by quad class,
 * their mean Goldstein score, and a coverage-normalised index.
 *
 * Definitions (documented in `dyad series --help`):
 * - An event belongs to the period that contains its start date (`date_start`); undated events are
 *   left out. A and B are country codes (RUS) or full actor codes (RUSGOV); the dyad's events are
 *   A→B and B→A (undirected, the default) or A→B only (`directed`).
 * - documents = the number of distinct documents that report (have a mention of) any event dated in
 *   the period with A or B on either side, whoever the other side is: how much the two were covered.
 * - index = (sum of the Goldstein scores of the dyad's events in the period) / documents; null when
 *   documents is 0. Positive is net cooperation, negative net conflict, scaled by the news volume, so
 *   that a busy news month does not look more cooperative or hostile for its volume alone.
 * - Periods run from `from` (else the first dyad event) to `to` (else the last), with no gaps:
 *   periods without events have zero counts and a null mean.
 */
import type { Store } from '../store/store.js';
import { checkDay, dyadIs, involves, join, type SqlPart } from './filter.js';
import { periodOf, periodsBetween, type Granularity, type Period } from './periods.js';

export interface SeriesOptions {
  readonly a: string;
  readonly b: string;
  readonly by: Granularity;
  readonly directed?: boolean;
  readonly from?: string;
  readonly to?: string;
}

export interface SeriesPoint extends Period {
  readonly events: number;
  /** Events of quad classes 1-4 (verbal cooperation, material cooperation, verbal conflict, material conflict). */
  readonly quad: readonly [number, number, number, number];
  readonly goldsteinSum: number;
  readonly goldsteinMean: number | null;
  readonly documents: number;
  readonly index: number | null;
}

interface DayRow {
  readonly day: unknown;
  readonly quad: unknown;
  readonly n: unknown;
  readonly g: unknown;
}

function dateRange(from: string | undefined, to: string | undefined, alias: string): SqlPart {
  const parts: SqlPart[] = [{ sql: `${alias}date_start IS NOT NULL`, params: [] }];
  if (from) parts.push({ sql: `${alias}date_start >= ?`, params: [checkDay(from, '--from')] });
  if (to) parts.push({ sql: `${alias}date_start <= ?`, params: [checkDay(to, '--to')] });
  return join(parts, 'AND');
}

/** The SQL expression for the label of the period an event starts in ('e.date_start' based). */
function periodExpression(by: Granularity, periods: readonly Period[]): SqlPart {
  if (by === 'day') return { sql: 'SUBSTR(e.date_start, 1, 10)', params: [] };
  if (by === 'month') return { sql: 'SUBSTR(e.date_start, 1, 7)', params: [] };
  const whens = periods.map(() => 'WHEN e.date_start <= ? THEN ?').join(' ');
  return { sql: `CASE ${whens} END`, params: periods.flatMap((p) => [p.end, p.label]) };
}

/** Distinct documents per period reporting events with A or B on either side. */
async function coverage(store: Store, o: SeriesOptions, periods: readonly Period[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (periods.length === 0) return out;
  const label = periodExpression(o.by, periods);
  const where = join([involves([o.a, o.b], 'e.'), dateRange(periods[0].start, periods[periods.length - 1].end, 'e.')], 'AND');
  const sql = `SELECT ${label.sql} AS period, COUNT(DISTINCT m.document_id) AS n
    FROM events e JOIN event_mentions m ON m.event_id = e.id WHERE ${where.sql} GROUP BY 1`;
  for (const r of await store.query<{ period: unknown; n: unknown }>(sql, [...label.params, ...where.params])) {
    if (r.period !== null) out.set(String(r.period), Number(r.n));
  }
  return out;
}

/** The dyad's series, one point per period (see the module comment for the definitions). */
export async function dyadSeries(store: Store, o: SeriesOptions): Promise<SeriesPoint[]> {
  const where = join([dyadIs(o.a, o.b, '', o.directed !== true), dateRange(o.from, o.to, '')], 'AND');
  const sql = `SELECT SUBSTR(date_start, 1, 10) AS day, quad_class AS quad, COUNT(*) AS n, SUM(goldstein) AS g
    FROM events WHERE ${where.sql} GROUP BY SUBSTR(date_start, 1, 10), quad_class`;
  const rows = (await store.query<DayRow>(sql, where.params)).map((r) => ({ day: String(r.day), quad: Number(r.quad), n: Number(r.n), g: Number(r.g) }));
  const days = rows.map((r) => r.day).sort();
  const first = o.from ?? days[0];
  const last = o.to ?? days[days.length - 1];
  if (first === undefined || last === undefined) return [];
  const periods = periodsBetween(first, last, o.by);
  const docs = await coverage(store, o, periods);
  const acc = new Map(periods.map((p) => [p.label, { quad: [0, 0, 0, 0] as [number, number, number, number], events: 0, g: 0 }]));
  for (const r of rows) {
    const a = acc.get(periodOf(r.day, o.by).label);
    if (!a) continue;
    a.events += r.n;
    a.g += r.g;
    if (r.quad >= 1 && r.quad <= 4) a.quad[r.quad - 1] += r.n;
  }
  return periods.map((p): SeriesPoint => {
    const a = acc.get(p.label) ?? { quad: [0, 0, 0, 0] as [number, number, number, number], events: 0, g: 0 };
    const documents = docs.get(p.label) ?? 0;
    return {
      ...p, events: a.events, quad: a.quad, goldsteinSum: round(a.g),
      goldsteinMean: a.events ? round(a.g / a.events) : null,
      documents, index: documents ? round(a.g / documents) : null,
    };
  });
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
