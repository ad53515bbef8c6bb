/**
 * The `news` gold format (../shared/eval/news-dev.jsonl; rules in ../shared/eval/README.md):
 * real news ledes coded by hand at document level. Each event gives the quote that tells it (an
 * exact substring of the text), its trigger, one CAMEO code, source and target (country, sector,
 * name, or null), modality, date and whether it is required.
 */
import { z } from 'zod';
import type { ModalityValue, Span } from '../core/doc.js';
import { DyadError } from '../core/errors.js';
import { parseJsonLines } from './jsonl.js';
import { normaliseCountry, normaliseSector } from './plover-gold.js';

const modalities = ['occurred', 'planned', 'expected', 'hypothetical', 'negated', 'claimed'] as const satisfies readonly ModalityValue[];
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');

const actorSpec = z.looseObject({
  country: z.string().min(1).nullable(),
  sector: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
});

const eventSpec = z.looseObject({
  quote: z.string().min(1),
  trigger: z.string().min(1),
  cameo: z.string().regex(/^\d{2,4}$/, 'expected a CAMEO code string such as "042"'),
  source: actorSpec.nullable(),
  target: actorSpec.nullable(),
  modality: z.enum(modalities),
  date: z.looseObject({ start: isoDay, end: isoDay }).nullable(),
  required: z.boolean(),
  note: z.string().optional(),
});

const newsRecord = z.looseObject({
  id: z.string().min(1),
  text: z.string().min(1),
  date: isoDay.nullable().optional(),
  events: z.array(eventSpec),
});

/** A gold actor of the news set: its country (null when the text gives no way to tell). */
export interface NewsActor {
  /** Alternatives joined by `|` in the file, normalised; empty: no country. */
  readonly countries: readonly string[];
  readonly sector: string | null;
  readonly name: string | null;
}

export interface NewsEvent {
  /** `<record id>#<n>`, n counting the record's events from 1. */
  readonly id: string;
  readonly quote: string;
  /** Every place of the quote in the text (normally one). */
  readonly spans: readonly Span[];
  readonly trigger: string;
  readonly cameo: string;
  readonly root: string;
  readonly source: NewsActor | null;
  readonly target: NewsActor | null;
  /** Root 04 (consultations): source and target may be swapped. */
  readonly symmetric: boolean;
  readonly modality: ModalityValue;
  readonly date: { readonly start: string; readonly end: string } | null;
  readonly required: boolean;
  readonly note: string | null;
}

export interface NewsItem {
  readonly id: string;
  readonly text: string;
  /** Publication date, or null (BBC records have none). */
  readonly date: string | null;
  readonly events: readonly NewsEvent[];
}

/** The root whose events are symmetric under the scoring rules (consultations). */
const SYMMETRIC_ROOTS = new Set(['04']);

function toActor(spec: z.infer<typeof actorSpec> | null): NewsActor | null {
  if (spec === null) return null;
  const countries = (spec.country ?? '').split('|').map((c) => c.trim()).filter((c) => c !== '').map(normaliseCountry);
  return { countries, sector: normaliseSector(spec.sector), name: spec.name ?? null };
}

function spansOf(text: string, quote: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) spans.push({ start: at, end: at + quote.length });
  return spans;
}

/** Parses news gold JSON Lines; a quote that is not in its text is an error naming file:line. */
export function parseNewsGold(source: string, file: string): NewsItem[] {
  const records = parseJsonLines(source, file, newsRecord);
  return records.map((r, line) => ({
    id: r.id,
    text: r.text,
    date: r.date ?? null,
    events: r.events.map((e, i): NewsEvent => {
      const spans = spansOf(r.text, e.quote);
      if (spans.length === 0) throw new DyadError('INPUT_JSONL', `events.${i}.quote is not a substring of text`, `${file} (record ${line + 1}, ${r.id})`);
      const root = e.cameo.slice(0, 2);
      return {
        id: `${r.id}#${i + 1}`, quote: e.quote, spans, trigger: e.trigger, cameo: e.cameo, root,
        source: toActor(e.source), target: toActor(e.target), symmetric: SYMMETRIC_ROOTS.has(root),
        modality: e.modality, date: e.date ? { start: e.date.start, end: e.date.end } : null,
        required: e.required, note: e.note ?? null,
      };
    }),
  }));
}
