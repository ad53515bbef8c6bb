/**
 * Actor-level recall: of the gold events' sources, how many does the actor stage find at all?
 * A gold source counts as found when an actor mention inside the event's place (the news quote;
 * the whole text for sentence-level gold) stands for an actor of the source's country. It tells
 * apart "the coder never saw the actor" from "the coder saw it and did not tie it to the event".
 */
import type { ActorMention, Span } from '../core/doc.js';
import type { NewsItem } from './news-gold.js';
import { normaliseCountry } from './plover-gold.js';
import type { GoldItem } from './types.js';

/** One gold source to look for. */
export interface SourceProbe {
  readonly itemId: string;
  /** Where to look; null: the whole text of the item. */
  readonly spans: readonly Span[] | null;
  /** Any of these countries counts (normalised; IGO matches any intergovernmental code). */
  readonly countries: readonly string[];
  readonly label: string;
}

export interface ActorRecall {
  readonly found: number;
  readonly of: number;
  readonly recall: number;
  /** The sources not found, for the listing. */
  readonly missed: readonly SourceProbe[];
}

const SAME_COUNTRY: Readonly<Record<string, string>> = { SUN: 'RUS', USR: 'RUS' };
const one = (c: string): string => { const n = normaliseCountry(c); return SAME_COUNTRY[n] ?? n; };

/** Probes for sentence-level gold: one per item and distinct required source. */
export function probesOfGold(items: readonly GoldItem[]): SourceProbe[] {
  const out: SourceProbe[] = [];
  for (const item of items) {
    const seen = new Set<string>();
    for (const g of item.required) {
      const key = [...g.source.countries].sort().join('|');
      if (g.source.countries.length === 0 || seen.has(key)) continue;
      seen.add(key);
      out.push({ itemId: item.id, spans: null, countries: g.source.countries.map(one), label: `${g.id} ${key}` });
    }
  }
  return out;
}

/** Probes for news gold: one per required event whose source has a country, in its quote. */
export function probesOfNews(items: readonly NewsItem[]): SourceProbe[] {
  return items.flatMap((item) => item.events
    .filter((g) => g.required && g.source !== null && g.source.countries.length > 0)
    .map((g) => ({
      itemId: item.id, spans: g.spans, countries: (g.source?.countries ?? []).map(one),
      label: `${g.id} ${g.source?.countries.join('|')}${g.source?.name ? ` (${g.source.name})` : ''}`,
    })));
}

function mentionFits(m: ActorMention, probe: SourceProbe): boolean {
  if (probe.spans !== null && !probe.spans.some((s) => m.start >= s.start && m.start < s.end)) return false;
  return m.actors.some((a) => {
    if (probe.countries.includes('IGO') && (a.country === 'IGO' || a.code.startsWith('IGO'))) return true;
    return a.country !== null && probe.countries.includes(one(a.country));
  });
}

/** Share of probes found among the item's actor mentions. */
export function actorRecall(probes: readonly SourceProbe[], mentions: ReadonlyMap<string, readonly ActorMention[]>): ActorRecall {
  const missed = probes.filter((p) => !(mentions.get(p.itemId) ?? []).some((m) => mentionFits(m, p)));
  const found = probes.length - missed.length;
  return { found, of: probes.length, recall: probes.length ? found / probes.length : 0, missed };
}
