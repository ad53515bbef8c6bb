/**
 * A dyad's time series (`dyad series A B --by month`): per period, the dyad's events by quad class,
 * their mean Goldstein score, and a coverage-normalised index.
 *
 * Definitions (documented in `dyad series --help`):
 * - An event belongs to the period that contains its start date (`date_start`); undated events are
 *   left out. A and B are country codes (RUS) or full actor codes (RUSGOV); the dyad's events are
 *   A→B and B→A (undirected, the default) or A→B only (`directed`).
 * - reports (for two countries read from the daily rollup `country_reports`, which gives the same sums)
 *   = how much A and B were covered in the period: over every event dated in the period with A
 *   or B on either side (whoever the other side is), the number of articles that report it
 *   (`num_articles` of the merged event), summed. An article telling three such events counts three
 *   times: it is a count of (article, event) reports, read from the events table alone so that it
 *   runs on covering indexes (counting distinct documents through event_mentions took over a second
 *   for RUS/CHN on a million events).
 * - index = (sum of the Goldstein scores of the dyad's events in the period) / reports; null when
 *   reports is 0. Positive is net cooperation, negative net conflict, per report about A or B, so
 *   that a busy news month does not look more cooperative or hostile for its volume alone.
 * - Periods run from `from` (else the first dyad event) to `to` (else the last), with no gaps:
 *   periods without events have zero counts and a null mean.
 */
import type { Store } from '../store/store.js';
import { checkDay, dyadIs, join, sideIn, sideNotIn, type SqlPart } from './filter.js';
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
  /** Reports about A or B in the period (see the module comment). */
  readonly reports: number;
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

/**
 * Reports per period about A or B: events with A or B as source, plus events with A or B as target
 * and not as source, each weighted by num_articles (two index scans, summed here).
 */
async function coverage(store: Store, o: SeriesOptions, periods: readonly Period[]): Promise<Map<string, number>> {
  if (periods.length && COUNTRY.test(o.a) && COUNTRY.test(o.b)) return coverageFromRollup(store, o, periods);
  return coverageFromEvents(store, o, periods);
}

const COUNTRY = /^[A-Z]{3}$/;

/**
 * The same reports for two countries, from the daily rollup the writes keep (country_reports): R(A) +
 * R(B), less the events that have both A and B on their sides, which both terms count.
 */
async function coverageFromRollup(store: Store, o: SeriesOptions, periods: readonly Period[]): Promise<Map<string, number>> {
  const first = periods[0].start;
  const last = periods[periods.length - 1].end;
  const out = new Map<string, number>();
  const add = (day: unknown, n: unknown, sign: number): void => {
    const label = periodOf(String(day), o.by).label;
    out.set(label, (out.get(label) ?? 0) + sign * Number(n));
  };
  const countries = o.a === o.b ? [o.a] : [o.a, o.b];
  const byDay = `SELECT day, SUM(reports) AS n FROM country_reports WHERE country IN (${countries.map(() => '?').join(', ')})
    AND day >= ? AND day <= ? GROUP BY day`;
  for (const r of await store.query<{ day: unknown; n: unknown }>(byDay, [...countries, first, last])) add(r.day, r.n, 1);
  if (o.a !== o.b) {
    const both = `SELECT SUBSTR(date_start, 1, 10) AS day, SUM(num_articles) AS n FROM events
      WHERE ((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))
      AND date_start >= ? AND date_start <= ? GROUP BY SUBSTR(date_start, 1, 10)`;
    for (const r of await store.query<{ day: unknown; n: unknown }>(both, [o.a, o.b, o.b, o.a, first, `${last}~`])) add(r.day, r.n, -1);
  }
  return out;
}

async function coverageFromEvents(store: Store, o: SeriesOptions, periods: readonly Period[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (periods.length === 0) return out;
  const label = periodExpression(o.by, periods);
  const range = dateRange(periods[0].start, periods[periods.length - 1].end, 'e.');
  const codes = [o.a, o.b];
  const sides = [sideIn('source', codes, 'e.'), join([sideIn('target', codes, 'e.'), sideNotIn('source', codes, 'e.')], 'AND')];
  for (const side of sides) {
    const where = join([side, range], 'AND');
    const sql = `SELECT ${label.sql} AS period, SUM(e.num_articles) AS n FROM events e WHERE ${where.sql} GROUP BY 1`;
    for (const r of await store.query<{ period: unknown; n: unknown }>(sql, [...label.params, ...where.params])) {
      if (r.period !== null) out.set(String(r.period), (out.get(String(r.period)) ?? 0) + Number(r.n));
    }
  }
  return out;
}

/** The dyad's series, one point per period (see the module comment for the definitions). */
export async function dyadSeries(store: Store, o: SeriesOptions): Promise<SeriesPoint[]> {
  const directions: Array<[string, string]> = o.directed === true || o.a === o.b ? [[o.a, o.b]] : [[o.a, o.b], [o.b, o.a]];
  const rows: Array<{ day: string; quad: number; n: number; g: number }> = [];
  for (const [s, t] of directions) {
    // One query per direction: each is one range of an index that holds every column it needs.
    const where = join([dyadIs(s, t), dateRange(o.from, o.to, '')], 'AND');
    const sql = `SELECT date_start AS day, quad_class AS quad, COUNT(*) AS n, SUM(goldstein) AS g
      FROM events WHERE ${where.sql} GROUP BY date_start, quad_class`;
    for (const r of await store.query<DayRow>(sql, where.params)) rows.push({ day: String(r.day), quad: Number(r.quad), n: Number(r.n), g: Number(r.g) });
  }
  const days = rows.map((r) => r.day).sort();
  const first = o.from ?? days[0];
  const last = o.to ?? days[days.length - 1];
  if (first === undefined || last === undefined) return [];
  const periods = periodsBetween(first, last, o.by);
  const reports = await coverage(store, o, periods);
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
    const n = reports.get(p.label) ?? 0;
    return {
      ...p, events: a.events, quad: a.quad, goldsteinSum: round(a.g),
      goldsteinMean: a.events ? round(a.g / a.events) : null,
      reports: n, index: n ? round(a.g / n) : null,
    };
  });
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
