/**
 * Which events of the sources may be a meeting or an outcome of a visit, found by key and date
 * instead of by scanning every event for every visit. Both need one side in the host country and the
 * other side the guest (the same person, or the guest's country), and a date that meets the visit's
 * window when both are dated: the index keys every event by each of its sides' country paired with
 * the other side's name and country, and keeps each key's dated events sorted by start.
 */
import type { CodedEvent } from '../core/event.js';
import type { VisitSource } from './build.js';
import type { DateSpan, VisitDraft } from './draft.js';
import { dayMs } from './link.js';

export interface SourceEvent {
  readonly src: VisitSource;
  readonly e: CodedEvent;
}

export interface EventIndex {
  /** The events that may concern the visit, in source order (a superset: the builder checks each). */
  candidates(d: VisitDraft, window: DateSpan | null): readonly SourceEvent[];
}

const DAY = 86_400_000;
const key = (host: string, guest: string): string => `${host}\u0000${guest}`;

/** One key's events: undated ones, and dated ones by start, with the longest span among them. */
class Bucket {
  readonly undated: number[] = [];
  dated: { i: number; start: number; end: number }[] = [];
  maxSpan = 0;
  private sorted = true;

  add(i: number, e: CodedEvent): void {
    if (!e.date) {
      if (this.undated.at(-1) !== i) this.undated.push(i);
      return;
    }
    if (this.dated.at(-1)?.i === i) return;
    const start = dayMs(e.date.start);
    const end = dayMs(e.date.end);
    this.maxSpan = Math.max(this.maxSpan, end - start);
    this.dated.push({ i, start, end });
    this.sorted = false;
  }

  /** Every event, or with a window the undated ones and the dated ones that meet it (a day apart counts). */
  near(window: DateSpan | null, own: boolean): number[] {
    if (!window) return own ? [...this.undated, ...this.dated.map((x) => x.i)] : [];
    if (!this.sorted) {
      this.dated.sort((a, b) => a.start - b.start);
      this.sorted = true;
    }
    const lo = dayMs(window.start) - DAY;
    const hi = dayMs(window.end) + DAY;
    let a = 0;
    let b = this.dated.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (this.dated[mid].start < lo - this.maxSpan) a = mid + 1;
      else b = mid;
    }
    const out = [...this.undated];
    for (let k = a; k < this.dated.length && this.dated[k].start <= hi; k++) if (this.dated[k].end >= lo) out.push(this.dated[k].i);
    return out;
  }
}

export function indexEvents(sources: readonly VisitSource[]): EventIndex {
  const all: SourceEvent[] = sources.flatMap((src) => src.events.map((e) => ({ src, e })));
  const byKey = new Map<string, Bucket>();
  const add = (k: string, i: number, e: CodedEvent): void => {
    const bucket = byKey.get(k) ?? new Bucket();
    byKey.set(k, bucket);
    bucket.add(i, e);
  };
  all.forEach(({ e }, i) => {
    for (const [h, g] of [[e.source, e.target], [e.target, e.source]] as const) {
      if (!h?.country || !g) continue;
      if (g.country) add(key(h.country, `c:${g.country}`), i, e);
      if (g.name) add(key(h.country, `n:${g.name}`), i, e);
    }
  });
  return {
    candidates(d, window) {
      // A guest without a country, or from the host country, is matched on other grounds: check all.
      if (!d.guest.country || d.guest.country === d.host) return all;
      // Undated visits count events only from their own documents, dated or not: take the key's all.
      const keys = [key(d.host, `c:${d.guest.country}`), ...(d.guest.name ? [key(d.host, `n:${d.guest.name}`)] : [])];
      const hits = keys.flatMap((k) => byKey.get(k)?.near(window, true) ?? []);
      return [...new Set(hits)].sort((a, b) => a - b).map((i) => all[i]);
    },
  };
}
