/**
 * `dyad visits` on a store: the visits of a country and date range, read with the range pushed into
 * SQL. Reports of one visit are linked by dates that meet (link.ts), so a visit in the range may have
 * reports just outside it: the store is read over the range widened by a margin, and when a visit
 * shown has a report within two days of the margin's edge (it may link further out), over a wider one.
 * The result is that of building every visit of the store and filtering (filterVisits).
 */
import type { Store } from '../store/store.js';
import { buildVisits, type VisitSource } from './build.js';
import { isVisitCode } from './draft.js';
import { filterVisits, type VisitFilter } from './filter.js';
import { storeVisitSources, type FactsReader } from './sources.js';
import type { Visit } from './visit.js';

const DAY = 86_400_000;
/** Days read beyond each end of the range asked for, at first (a month-precise report spans 31). */
const FIRST_MARGIN = 32;
/** Past this, the whole store is read. */
const MAX_MARGIN = 4 * 366;

const shift = (day: string, days: number): string => new Date(Date.parse(day) + days * DAY).toISOString().slice(0, 10);

interface Range {
  readonly from: string | null;
  readonly to: string | null;
}

/** Every 042 report of each visit lies two days or more inside the range read: nothing outside could link to it. */
function wellInside(visits: readonly Visit[], sources: readonly VisitSource[], read: Range): boolean {
  const dates = new Map<string, { start: string; end: string }>();
  for (const src of sources) for (const e of src.events) if (e.date && isVisitCode(e.cameo)) dates.set(e.id, e.date);
  const low = read.from ? shift(read.from, 2) : null;
  const high = read.to ? shift(read.to, -2) : null;
  return visits.every((v) => v.evidence.events.every((id) => {
    const d = dates.get(id);
    return !d || ((!low || d.start >= low) && (!high || d.end <= high));
  }));
}

/** The visits of a store that the filter shows, in order of their start date (as buildVisits). */
export async function listStoreVisits(store: Store, readFacts: FactsReader, filter: VisitFilter = {}): Promise<Visit[]> {
  const country = filter.country ?? null;
  if (!filter.from && !filter.to) return filterVisits(buildVisits(await storeVisitSources(store, readFacts, { country })), filter);
  for (let margin = FIRST_MARGIN; ; margin *= 4) {
    const whole = margin > MAX_MARGIN;
    const read: Range = whole ? { from: null, to: null }
      : { from: filter.from ? shift(filter.from, -margin) : null, to: filter.to ? shift(filter.to, margin) : null };
    const sources = await storeVisitSources(store, readFacts, { country, ...read });
    const visits = filterVisits(buildVisits(sources), filter);
    if (whole || wellInside(visits, sources, read)) return visits;
  }
}
