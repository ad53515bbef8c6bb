/**
 * The spans a document was coded with, kept in `documents.spans` (migration 6): every actor, date and
 * place mention the pipeline read in it, and for each coded event the date and place evidence that
 * gave the event its date and place. Written at ingest and recode from the same annotated Doc as the
 * events, so the document view shows what coded them, even after the knowledge has changed.
 *
 *   const spans = encodeDocumentSpans(documentSpans(doc, result.events));   // stored with the document
 *   const read = decodeDocumentSpans(stored.spans);                         // null: none kept (or unreadable)
 */
import type { Doc, Span } from '../core/doc.js';
import type { CodedEvent } from '../core/event.js';

/** A span of the text and what the coder read there ("RUSGOV Vladimir Putin", "2024-05-16..2024-05-17"). */
export interface LabelledSpan extends Span {
  readonly label: string;
}

/** The spans that dated and placed one coded event (null: the publication date, or no place). */
export interface EventSpans {
  readonly date: Span | null;
  readonly place: Span | null;
}

export interface DocumentSpans {
  readonly v: 1;
  readonly actors: readonly LabelledSpan[];
  readonly dates: readonly LabelledSpan[];
  readonly places: readonly LabelledSpan[];
  /** By coded event id (CodedEvent.id, stored as event_mentions.coded_event_id). */
  readonly events: Readonly<Record<string, EventSpans>>;
}

const span = (s: Span): Span => ({ start: s.start, end: s.end });

/**
 * The date and place evidence of a coded event: of its mentions (the pipeline's events, matched by
 * sentence and trigger), the first one with a date and the first one with a place, as assembly chose.
 */
function eventSpans(doc: Doc, e: CodedEvent): EventSpans {
  const mentions = e.mentions.length ? e.mentions : [{ sentence: e.sentence, trigger: e.trigger }];
  const indices = mentions.flatMap((m) => {
    const i = (doc.events ?? []).findIndex((x) => x.sentence === m.sentence && x.trigger.start === m.trigger.start);
    return i < 0 ? [] : [i];
  });
  const date = indices.map((i) => doc.eventDates?.[i]).find((d) => d) ?? null;
  const place = indices.map((i) => doc.places?.[i]).find((p) => p) ?? null;
  return { date: date?.evidence ? span(date.evidence) : null, place: place?.evidence ? span(place.evidence) : null };
}

/** The spans of an annotated Doc and of the events coded from it. */
export function documentSpans(doc: Doc, events: readonly CodedEvent[]): DocumentSpans {
  const actors = (doc.mentions ?? []).map((m) => {
    const a = m.actors[0];
    return { ...span(m), label: a ? `${a.code}${a.name ? ` ${a.name}` : ''}` : m.kind };
  });
  const dates = (doc.dates ?? []).map((d) => ({ ...span(d), label: d.range.start === d.range.end ? d.range.start : `${d.range.start}..${d.range.end}` }));
  const seen = new Set<number>();
  const places: LabelledSpan[] = [];
  for (const p of doc.places ?? []) {
    if (!p?.evidence || seen.has(p.evidence.start)) continue;
    seen.add(p.evidence.start);
    places.push({ ...span(p.evidence), label: `${p.name}${p.country ? ` (${p.country})` : ''}` });
  }
  return { v: 1, actors, dates, places, events: Object.fromEntries(events.map((e) => [e.id, eventSpans(doc, e)])) };
}

export function encodeDocumentSpans(spans: DocumentSpans): string {
  return JSON.stringify(spans);
}

const isSpan = (v: unknown): v is Span =>
  typeof v === 'object' && v !== null && Number.isInteger((v as Span).start) && Number.isInteger((v as Span).end);
const isLabelled = (v: unknown): v is LabelledSpan => isSpan(v) && typeof (v as LabelledSpan).label === 'string';
const labelled = (v: unknown): v is readonly LabelledSpan[] => Array.isArray(v) && v.every(isLabelled);
const spanOrNull = (v: unknown): v is Span | null => v === null || isSpan(v);

/** The stored spans, or null when the document has none (stored before migration 6) or they are not readable. */
export function decodeDocumentSpans(json: string | null): DocumentSpans | null {
  if (json === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Partial<Record<keyof DocumentSpans, unknown>>;
  if (o.v !== 1 || !labelled(o.actors) || !labelled(o.dates) || !labelled(o.places) || typeof o.events !== 'object' || o.events === null) return null;
  const events = Object.entries(o.events as Record<string, unknown>);
  if (!events.every(([, e]) => typeof e === 'object' && e !== null && spanOrNull((e as EventSpans).date) && spanOrNull((e as EventSpans).place))) return null;
  return { v: 1, actors: o.actors, dates: o.dates, places: o.places, events: Object.fromEntries(events) as Record<string, EventSpans> };
}
