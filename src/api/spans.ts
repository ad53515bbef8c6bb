/**
 * The evidence as spans over a document's text: the stored mentions of its events (trigger, source,
 * target, modality cue) and, from the coder's annotation of the text, every actor, date and place.
 */
import type { Doc } from '../core/doc.js';
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

function annotated(doc: Doc): Annotation[] {
  const text = (s: { start: number; end: number }): string => doc.text.slice(s.start, s.end);
  const out: Annotation[] = [];
  for (const m of doc.mentions ?? []) {
    const a = m.actors[0];
    out.push({ kind: 'actor', start: m.start, end: m.end, text: text(m), label: a ? `${a.code}${a.name ? ` ${a.name}` : ''}` : m.kind, eventId: null });
  }
  for (const d of doc.dates ?? []) {
    const r = d.range;
    out.push({ kind: 'date', start: d.start, end: d.end, text: text(d), label: r.start === r.end ? r.start : `${r.start}..${r.end}`, eventId: null });
  }
  const seen = new Set<string>();
  for (const p of doc.places ?? []) {
    if (!p?.evidence || seen.has(`${p.evidence.start}`)) continue;
    seen.add(`${p.evidence.start}`);
    out.push({ kind: 'place', start: p.evidence.start, end: p.evidence.end, text: text(p.evidence), label: `${p.name}${p.country ? ` (${p.country})` : ''}`, eventId: null });
  }
  return out;
}

/** Every span of the document, in text order: the stored evidence, then actors, dates and places as the loaded knowledge reads the text. */
export async function documentAnnotations(ctx: ApiContext, doc: StoredDocument, mentions: readonly StoredMention[]): Promise<Annotation[]> {
  const coder = await ctx.coder();
  const fresh = coder.annotate({ id: doc.id, text: doc.text, title: doc.title, url: doc.url, source: doc.source, published: doc.published?.slice(0, 10) ?? null });
  return [...stored(mentions), ...annotated(fresh)].sort((a, b) => a.start - b.start || b.end - a.end);
}
