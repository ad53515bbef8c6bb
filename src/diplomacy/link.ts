/**
 * Linking: reports of one visit (the announcement, the arrival, a later summary) become one record.
 * Two drafts are the same visit when the guest (the same person, or the same country when a name is
 * missing) goes to the same host country on overlapping or adjacent dates, or, undated, in the same
 * document. The linked record keeps the evidence of all and the furthest status (occurred > cancelled >
 * planned).
 */
import type { DateSpan, VisitDraft } from './draft.js';
import { strongerStatus, type VisitPerson } from './visit.js';

const DAY = 86_400_000;

function sameGuest(a: VisitPerson, b: VisitPerson): boolean {
  if (a.name && b.name) return a.name === b.name;
  return a.country !== null && a.country === b.country;
}

const parsed = new Map<string, number>();

/** Date.parse of a date, remembered (visits compare the same few hundred days many times). */
export function dayMs(date: string): number {
  let ms = parsed.get(date);
  if (ms === undefined) {
    ms = Date.parse(date);
    if (parsed.size > 100_000) parsed.clear();
    parsed.set(date, ms);
  }
  return ms;
}

/** Overlapping, or one day apart ("16-17 May" and "arrived on 18 May" count as one). */
export function datesMeet(a: DateSpan, b: DateSpan): boolean {
  return dayMs(a.start) <= dayMs(b.end) + DAY && dayMs(b.start) <= dayMs(a.end) + DAY;
}

/** The dates the visit spans: day-precise ranges when there are any, else all of them. */
export function windowOf(dates: readonly DateSpan[]): DateSpan | null {
  if (dates.length === 0) return null;
  const days = dates.filter((d) => d.precision === 'day');
  const use = days.length ? days : dates;
  const start = use.map((d) => d.start).sort()[0];
  const end = use.map((d) => d.end).sort().at(-1) ?? start;
  return { start, end, precision: use.every((d) => d.precision === 'day') ? 'day' : use[0].precision };
}

/** Windows of the drafts being linked, each computed once (drafts are immutable). */
const windows = new WeakMap<VisitDraft, DateSpan | null>();

function windowOfDraft(d: VisitDraft): DateSpan | null {
  if (!windows.has(d)) windows.set(d, windowOf(d.dates));
  return windows.get(d) ?? null;
}

function sameVisit(a: VisitDraft, b: VisitDraft): boolean {
  if (a.host !== b.host || !sameGuest(a.guest, b.guest)) return false;
  const wa = windowOfDraft(a);
  const wb = windowOfDraft(b);
  if (wa && wb) return datesMeet(wa, wb);
  return a.documents.some((d) => b.documents.includes(d));
}

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

function merge(a: VisitDraft, b: VisitDraft): VisitDraft {
  return {
    guest: {
      name: a.guest.name ?? b.guest.name,
      country: a.guest.country ?? b.guest.country,
      role: a.guest.role ?? b.guest.role,
    },
    host: a.host,
    invitedBy: a.invitedBy ?? b.invitedBy,
    kind: a.kind !== 'visit' ? a.kind : b.kind,
    dates: [...a.dates, ...b.dates],
    status: strongerStatus(a.status, b.status),
    events: union(a.events, b.events),
    documents: union(a.documents, b.documents),
  };
}

/**
 * Merges the drafts that tell the same visit, keeping the order in which visits first appear. Drafts
 * of different hosts never link, so each host's records are kept apart; a record's place in the
 * result is when it was last pushed, as if all were one list.
 */
export function linkDrafts(drafts: readonly VisitDraft[]): VisitDraft[] {
  const byHost = new Map<string, { draft: VisitDraft; pushed: number }[]>();
  let pushes = 0;
  for (const d of drafts) {
    const out = byHost.get(d.host) ?? [];
    byHost.set(d.host, out);
    let merged = d;
    // A draft may bridge two records read earlier (an undated arrival between two dated reports).
    for (let i = out.length - 1; i >= 0; i--) {
      if (!sameVisit(out[i].draft, merged)) continue;
      merged = merge(out[i].draft, merged);
      out.splice(i, 1);
    }
    out.push({ draft: merged, pushed: pushes++ });
  }
  return [...byHost.values()].flat().sort((a, b) => a.pushed - b.pushed).map((r) => r.draft);
}
