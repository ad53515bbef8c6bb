/**
 * Scoring coded events against the `news` gold set (../shared/eval/README.md, "news-dev.jsonl"):
 *  1. a gold and a coded event match when the coded trigger starts inside the gold quote, the
 *     CAMEO roots are equal, and source and target countries are equal (null equals null; root 04
 *     may be swapped; SUN, USR and RUS are one);
 *  2. greedy matching, required gold events first, each gold and coded event used at most once;
 *  3. required events count for recall; a coded event matching a non-required one is neither
 *     credited nor penalised; every other coded event is a false positive.
 * "event + root" is the same with the actors ignored. Over matched required events: the shares
 * with the right modality, date, no date where the gold has none, source sector and full code.
 */
import type { ActorOut, CodedEvent } from '../core/event.js';
import { sentenceAround } from './explain.js';
import type { NewsActor, NewsEvent, NewsItem } from './news-gold.js';
import { normaliseCountry } from './plover-gold.js';
import { counts, type Counts } from './score.js';

/** Codes that name the same country under the news scoring rules. */
const SAME_COUNTRY: Readonly<Record<string, string>> = { SUN: 'RUS', USR: 'RUS' };

export type NewsLevel = 'full' | 'eventRoot';

export interface NewsMiss {
  readonly itemId: string;
  readonly goldId: string;
  readonly root: string;
  readonly expected: string;
  readonly trigger: string;
  readonly text: string;
  readonly why: string;
}

export interface NewsFalsePositive {
  readonly itemId: string;
  readonly eventId: string;
  readonly root: string;
  readonly coded: string;
  readonly trigger: string;
  readonly text: string;
  readonly why: string;
}

/** A share: `right` of `of` matched required events. */
export interface Share {
  readonly right: number;
  readonly of: number;
  readonly share: number;
}

export interface NewsLevelReport {
  readonly overall: Counts;
  /** Per CAMEO root: tp and fn under the gold root, fp under the coded root. */
  readonly byRoot: Readonly<Record<string, Counts>>;
  /** Coded events matching a non-required gold event. */
  readonly optional: number;
  readonly misses: readonly NewsMiss[];
  readonly falsePositives: readonly NewsFalsePositive[];
}

export interface NewsAttributes {
  readonly modality: Share;
  /** Start and end equal, over matched events whose gold has a date. */
  readonly date: Share;
  /** No coded date, over matched events whose gold has none. */
  readonly noDate: Share;
  /** Over matched events with a gold source: the gold sector (or none) equals the coded one. */
  readonly sourceSector: Share;
  readonly fullCode: Share;
}

export interface NewsReport {
  readonly items: number;
  readonly requiredEvents: number;
  readonly optionalEvents: number;
  readonly codedEvents: number;
  readonly full: NewsLevelReport;
  readonly eventRoot: NewsLevelReport;
  /** Over the required events matched at the `full` level. */
  readonly attributes: NewsAttributes;
}

function country(code: string | null): string | null {
  if (code === null) return null;
  const c = normaliseCountry(code);
  return SAME_COUNTRY[c] ?? c;
}

function codedCountry(a: ActorOut | null): string | null {
  if (a === null) return null;
  if (a.country === 'IGO' || a.code.startsWith('IGO')) return 'IGO';
  if (a.country === 'NGO' || a.code.startsWith('NGO')) return 'NGO';
  return country(a.country);
}

/** Country equality: null (no actor, or no country) equals null; a `|` list means any. */
export function newsActorMatches(gold: NewsActor | null, coded: ActorOut | null): boolean {
  const want = gold === null ? [] : gold.countries.map(country);
  const got = codedCountry(coded);
  if (want.length === 0) return got === null;
  return got !== null && want.includes(got);
}

function triggerInside(g: NewsEvent, ev: CodedEvent): boolean {
  return g.spans.some((s) => ev.trigger.start >= s.start && ev.trigger.start < s.end);
}

function codedRoot(ev: CodedEvent): string {
  return ev.root !== '' ? ev.root : ev.cameo.slice(0, 2);
}

export function newsActorsMatch(g: NewsEvent, ev: CodedEvent): boolean {
  if (newsActorMatches(g.source, ev.source) && newsActorMatches(g.target, ev.target)) return true;
  return g.symmetric && newsActorMatches(g.source, ev.target) && newsActorMatches(g.target, ev.source);
}

export function newsMatches(g: NewsEvent, ev: CodedEvent, level: NewsLevel): boolean {
  return triggerInside(g, ev) && codedRoot(ev) === g.root && (level === 'eventRoot' || newsActorsMatch(g, ev));
}

/** Greedy: gold events in order (required first), each takes the first unused coded event that matches. */
export function greedyMatch(golds: readonly NewsEvent[], coded: readonly CodedEvent[], level: NewsLevel): Map<NewsEvent, number> {
  const ordered = [...golds.filter((g) => g.required), ...golds.filter((g) => !g.required)];
  const used = new Set<number>();
  const out = new Map<NewsEvent, number>();
  for (const g of ordered) {
    const c = coded.findIndex((ev, i) => !used.has(i) && newsMatches(g, ev, level));
    if (c < 0) continue;
    used.add(c);
    out.set(g, c);
  }
  return out;
}

function label(a: NewsActor | null): string {
  if (a === null || a.countries.length === 0) return a?.sector ? `-/${a.sector}` : '-';
  return a.sector ? `${a.countries.join('|')}/${a.sector}` : a.countries.join('|');
}

function codedLabel(a: ActorOut | null): string {
  if (a === null) return '-';
  const c = codedCountry(a) ?? '-';
  return a.sector ? `${c}/${a.sector}` : c;
}

export function describeNewsGold(g: NewsEvent): string {
  return `${g.cameo} ${label(g.source)} ${g.symmetric ? '<->' : '->'} ${label(g.target)}, ${g.modality}`;
}

export function describeNewsCoded(ev: CodedEvent): string {
  return `${ev.cameo} ${codedLabel(ev.source)} -> ${codedLabel(ev.target)}, ${ev.modality}, rule ${ev.rule}`;
}

function whyMissed(g: NewsEvent, coded: readonly CodedEvent[]): string {
  const inside = coded.filter((ev) => triggerInside(g, ev));
  if (inside.length === 0) return 'nothing coded in the quote';
  const sameRoot = inside.filter((ev) => codedRoot(ev) === g.root);
  if (sameRoot.length === 0) return `coded in the quote: ${inside.map((ev) => `${ev.cameo} "${ev.trigger.text}"`).join(', ')}`;
  if (sameRoot.some((ev) => newsActorsMatch(g, ev))) return 'the coded event that fits was matched to another gold event';
  return `root right, actors ${sameRoot.map((ev) => `${codedLabel(ev.source)} -> ${codedLabel(ev.target)}`).join(', ')}`;
}

function whyFalse(ev: CodedEvent, golds: readonly NewsEvent[]): string {
  const around = golds.filter((g) => triggerInside(g, ev));
  if (around.length === 0) return 'no gold event in this place';
  const sameRoot = around.filter((g) => g.root === codedRoot(ev));
  if (sameRoot.length === 0) return `gold here: ${around.map((g) => `${g.cameo}${g.required ? '' : ' (optional)'}`).join(', ')}`;
  if (sameRoot.some((g) => newsActorsMatch(g, ev))) return 'duplicate of a matched gold event';
  return `gold ${sameRoot.map((g) => describeNewsGold(g)).join('; ')}`;
}

interface Tally { tp: number; fp: number; fn: number }

class LevelTally {
  readonly total: Tally = { tp: 0, fp: 0, fn: 0 };
  readonly byRoot = new Map<string, Tally>();
  readonly misses: NewsMiss[] = [];
  readonly falsePositives: NewsFalsePositive[] = [];
  optional = 0;

  add(root: string, kind: keyof Tally): void {
    this.total[kind]++;
    const t = this.byRoot.get(root) ?? { tp: 0, fp: 0, fn: 0 };
    t[kind]++;
    this.byRoot.set(root, t);
  }

  report(): NewsLevelReport {
    const byRoot = Object.fromEntries([...this.byRoot.keys()].sort().map((k) => [k, counts(this.byRoot.get(k) as Tally)]));
    return { overall: counts(this.total), byRoot, optional: this.optional, misses: this.misses, falsePositives: this.falsePositives };
  }
}

function scoreItem(item: NewsItem, coded: readonly CodedEvent[], level: NewsLevel, acc: LevelTally): Map<NewsEvent, number> {
  const matched = greedyMatch(item.events, coded, level);
  const taken = new Set(matched.values());
  for (const g of item.events) {
    if (!g.required) continue;
    if (matched.has(g)) { acc.add(g.root, 'tp'); continue; }
    acc.add(g.root, 'fn');
    acc.misses.push({
      itemId: item.id, goldId: g.id, root: g.root, expected: describeNewsGold(g), trigger: g.trigger,
      text: g.quote, why: whyMissed(g, coded),
    });
  }
  coded.forEach((ev, c) => {
    if (!taken.has(c)) {
      acc.add(codedRoot(ev), 'fp');
      const aligned = item.text.slice(ev.trigger.start, ev.trigger.end) === ev.trigger.text;
      acc.falsePositives.push({
        itemId: item.id, eventId: ev.id, root: codedRoot(ev), coded: describeNewsCoded(ev), trigger: ev.trigger.text,
        text: sentenceAround(item.text, aligned ? ev.trigger : null), why: whyFalse(ev, item.events),
      });
    }
  });
  acc.optional += [...matched.keys()].filter((g) => !g.required).length;
  return matched;
}

class ShareTally {
  right = 0;
  of = 0;
  add(ok: boolean): void { this.of++; if (ok) this.right++; }
  share(): Share { return { right: this.right, of: this.of, share: this.of ? this.right / this.of : 0 }; }
}

/** Scores coded events (keyed by item id) against news gold items. Pure: nothing is printed. */
export function scoreNews(items: readonly NewsItem[], coded: ReadonlyMap<string, readonly CodedEvent[]>): NewsReport {
  const full = new LevelTally();
  const eventRoot = new LevelTally();
  const shares = { modality: new ShareTally(), date: new ShareTally(), noDate: new ShareTally(), sourceSector: new ShareTally(), fullCode: new ShareTally() };
  let codedEvents = 0;
  for (const item of items) {
    const events = coded.get(item.id) ?? [];
    codedEvents += events.length;
    scoreItem(item, events, 'eventRoot', eventRoot);
    for (const [g, c] of scoreItem(item, events, 'full', full)) {
      if (!g.required) continue;
      const ev = events[c];
      shares.modality.add(ev.modality === g.modality);
      if (g.date) shares.date.add(ev.date !== null && ev.date.start === g.date.start && ev.date.end === g.date.end);
      else shares.noDate.add(ev.date === null);
      if (g.source) shares.sourceSector.add((g.source.sector ?? null) === (ev.source?.sector?.slice(0, 3).toUpperCase() ?? null));
      shares.fullCode.add(ev.cameo === g.cameo);
    }
  }
  const all = items.flatMap((i) => i.events);
  return {
    items: items.length,
    requiredEvents: all.filter((g) => g.required).length,
    optionalEvents: all.filter((g) => !g.required).length,
    codedEvents,
    full: full.report(),
    eventRoot: eventRoot.report(),
    attributes: {
      modality: shares.modality.share(), date: shares.date.share(), noDate: shares.noDate.share(),
      sourceSector: shares.sourceSector.share(), fullCode: shares.fullCode.share(),
    },
  };
}
