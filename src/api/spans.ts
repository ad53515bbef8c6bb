/**
 * The evidence as spans over a document's text: the stored mentions of its events (trigger, source,
 * target, modality cue) and the spans the coder read the document with (src/store/spans.ts): every
 * actor, date and place, and each event's date and place evidence.
 */
import type { Span } from '../core/doc.js';
import { decodeDocumentSpans, documentSpans, type DocumentSpans, type LabelledSpan } from '../store/spans.js';
import type { StoredDocument, StoredMention } from '../store/store.js';
import type { ApiContext } from './context.js';

export interface Annotation {
  readonly kind: 'trigger' | 'source' | 'target' | 'cue' | 'actor' | 'date' | 'place';
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly label: string;
  readonly eventId: string | null;
}

const EXCERPT_CONTEXT = 400;

/** The part of the document around an event's mentions, cut at paragraph or sentence ends where it can be. */
export function excerptOf(doc: StoredDocument, mentions: readonly StoredMention[]): { documentId: string; title: string | null; text: string; offset: number } {
  const starts = mentions.flatMap((m) => [m.trigger.start, m.source?.start ?? Infinity, m.target?.start ?? Infinity]);
  const ends = mentions.flatMap((m) => [m.trigger.end, m.source?.end ?? -1, m.target?.end ?? -1, m.modalityCue?.end ?? -1]);
  const lo = starts.length ? Math.min(...starts) : 0;
  const hi = ends.length ? Math.max(...ends) : 0;
  let from = Math.max(0, lo - EXCERPT_CONTEXT);
  let to = Math.min(doc.text.length, hi + EXCERPT_CONTEXT);
  const para = doc.text.lastIndexOf('\n', lo);
  if (para >= from) from = para + 1;
  const paraEnd = doc.text.indexOf('\n', hi);
  if (paraEnd !== -1 && paraEnd <= to) to = paraEnd;
  return { documentId: doc.id, title: doc.title, text: doc.text.slice(from, to), offset: from };
}

function stored(mentions: readonly StoredMention[]): Annotation[] {
  const out: Annotation[] = [];
  for (const m of mentions) {
    out.push({ kind: 'trigger', ...m.trigger, label: `rule ${m.rule}`, eventId: m.eventId });
    if (m.source) out.push({ kind: 'source', ...m.source, label: 'source', eventId: m.eventId });
    if (m.target) out.push({ kind: 'target', ...m.target, label: 'target', eventId: m.eventId });
    if (m.modalityCue) out.push({ kind: 'cue', ...m.modalityCue, label: 'modality cue', eventId: m.eventId });
  }
  return out;
}

/** One kind of labelled spans as annotations of no event. */
function unlinked(text: string, kind: 'actor' | 'date' | 'place', list: readonly LabelledSpan[]): Annotation[] {
  return list.map((a) => ({ kind, start: a.start, end: a.end, text: text.slice(a.start, a.end), label: a.label, eventId: null }));
}

/** The date and place evidence of each stored event of the document, linked to the event. */
function eventEvidence(text: string, spans: DocumentSpans, mentions: readonly StoredMention[]): Annotation[] {
  const out: Annotation[] = [];
  const done = new Set<string>();
  const labelOf = (list: readonly LabelledSpan[], s: Span, fallback: string): string => list.find((x) => x.start === s.start && x.end === s.end)?.label ?? fallback;
  for (const m of mentions) {
    const e = spans.events[m.codedEventId];
    if (!e || done.has(m.eventId)) continue;
    done.add(m.eventId);
    if (e.date) out.push({ kind: 'date', ...e.date, text: text.slice(e.date.start, e.date.end), label: `the event's date: ${labelOf(spans.dates, e.date, 'date')}`, eventId: m.eventId });
    if (e.place) out.push({ kind: 'place', ...e.place, text: text.slice(e.place.start, e.place.end), label: `the event's place: ${labelOf(spans.places, e.place, 'place')}`, eventId: m.eventId });
  }
  return out;
}

export interface DocumentSpanView {
  /** Every span of the document, in text order. */
  readonly annotations: Annotation[];
  /** 'stored': the spans the coder used when it coded the document; 'recomputed': read again now (stored before they were kept). */
  readonly spans: 'stored' | 'recomputed';
}

/**
 * Every span of the document, in text order: the stored evidence of its events, then the actors, dates
 * and places the coder read when it coded the document, each event's date and place evidence linked to
 * it. A document stored before its spans were kept (migration 6) is read again with the current
 * knowledge, and the view says so.
 */
export async function documentAnnotations(ctx: ApiContext, doc: StoredDocument, mentions: readonly StoredMention[]): Promise<DocumentSpanView> {
  let spans = decodeDocumentSpans(doc.spans);
  const from = spans ? 'stored' : 'recomputed';
  if (!spans) {
    const coder = await ctx.coder();
    spans = documentSpans(coder.annotate({ id: doc.id, text: doc.text, title: doc.title, url: doc.url, source: doc.source, published: doc.published?.slice(0, 10) ?? null }), []);
  }
  const annotations = [
    ...stored(mentions), ...eventEvidence(doc.text, spans, mentions),
    ...unlinked(doc.text, 'actor', spans.actors), ...unlinked(doc.text, 'date', spans.dates), ...unlinked(doc.text, 'place', spans.places),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  return { annotations, spans: from };
}
