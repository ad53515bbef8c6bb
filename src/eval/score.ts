/**
 * The scorer behind `dyad eval`: gold items against coded events, precision/recall/F1 at three
 * levels (see match.ts), overall and per type, with the misses and false positives listed.
 *
 * Per item and level: expected events that no coded event could tell apart at that level are
 * merged (for typeOnly: one per type, so a type counts once per sentence); a maximum matching
 * pairs expected and coded events, each used at most once. Unmatched coded events that match
 * an `acceptable` entry are neither credited nor penalised; nor are repeats absorbed by a
 * merged expected event (as many as it merged; at typeOnly, any repeat of a type found); every
 * other unmatched coded event is a false positive. Coded events without a type in the item's scheme (PLOVER type NONE) are not scored.
 */
import type { CodedEvent } from '../core/event.js';
import { describeCoded, describeGold, sentenceAround, whyFalse, whyMissed } from './explain.js';
import {
  codedType, eventMatches, goldCategory, goldKey, levels, maxMatching, type Level, type MatchOptions,
} from './match.js';
import type { GoldEvent, GoldItem, GoldScheme } from './types.js';

export interface Counts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Miss {
  readonly itemId: string;
  readonly goldId: string;
  readonly category: string;
  readonly expected: string;
  readonly text: string;
  readonly why: string;
}

export interface FalsePositive {
  readonly itemId: string;
  readonly eventId: string;
  readonly category: string;
  readonly coded: string;
  readonly trigger: string;
  readonly text: string;
  readonly why: string;
}

export interface LevelReport {
  readonly level: Level;
  readonly overall: Counts;
  /** By expected type (tp, fn) and coded type (fp): PLOVER type, or CAMEO root(s). */
  readonly byType: Readonly<Record<string, Counts>>;
  readonly misses: readonly Miss[];
  readonly falsePositives: readonly FalsePositive[];
  /** Coded events excused by an `acceptable` entry. */
  readonly acceptable: number;
  /**
   * Coded events absorbed by a matched expected event that stands for several the level cannot
   * tell apart (at typeOnly: any repeat of a type found in the item).
   */
  readonly repeats: number;
}

export interface ForbiddenViolation {
  readonly itemId: string;
  readonly eventId: string;
  readonly rule: 'modality' | 'cameoRoot';
  /** The required event the coded one matches, for a modality violation. */
  readonly goldId: string | null;
  readonly coded: string;
  readonly text: string;
  readonly why: string;
}

export interface EvalReport {
  readonly items: number;
  /** Expected (required) events, compound records expanded. */
  readonly goldEvents: number;
  /** Coded events of the gold items. */
  readonly codedEvents: number;
  /** Coded events with no type in their item's scheme (PLOVER type NONE), not scored. */
  readonly unscored: number;
  /** Gold items with no entry in the coded map (scored as coding nothing). */
  readonly missingItems: readonly string[];
  readonly levels: Readonly<Record<Level, LevelReport>>;
  readonly forbidden: readonly ForbiddenViolation[];
}

export interface ScoreOptions extends MatchOptions {
  /** Score every item in this scheme instead of its own (e.g. the seed by PLOVER type). */
  readonly scheme?: GoldScheme;
  /** The sentence of a coded event, for the listings; by default found in the item's text. */
  readonly sentenceText?: (itemId: string, event: CodedEvent) => string | null;
}

interface Tally { tp: number; fp: number; fn: number }

export function counts(t: Tally): Counts {
  const precision = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 0;
  const recall = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp: t.tp, fp: t.fp, fn: t.fn, precision, recall, f1 };
}

class LevelAccumulator {
  readonly total: Tally = { tp: 0, fp: 0, fn: 0 };
  readonly byType = new Map<string, Tally>();
  readonly misses: Miss[] = [];
  readonly falsePositives: FalsePositive[] = [];
  acceptable = 0;
  repeats = 0;

  constructor(readonly level: Level) {}

  add(category: string, kind: keyof Tally): void {
    this.total[kind]++;
    const t = this.byType.get(category) ?? { tp: 0, fp: 0, fn: 0 };
    t[kind]++;
    this.byType.set(category, t);
  }

  report(): LevelReport {
    const byType = Object.fromEntries([...this.byType.keys()].sort().map((k) => [k, counts(this.byType.get(k) as Tally)]));
    return {
      level: this.level, overall: counts(this.total), byType, misses: this.misses,
      falsePositives: this.falsePositives, acceptable: this.acceptable, repeats: this.repeats,
    };
  }
}

interface Merged { readonly event: GoldEvent; size: number }

/** Expected events a level cannot tell apart, merged; `size` counts how many each stands for. */
function collapse(events: readonly GoldEvent[], scheme: GoldScheme, level: Level): Merged[] {
  const byKey = new Map<string, Merged>();
  for (const g of events) {
    const key = goldKey(g, scheme, level);
    const seen = byKey.get(key);
    if (seen) seen.size++;
    else byKey.set(key, { event: g, size: 1 });
  }
  return [...byKey.values()];
}

function codedText(item: GoldItem, ev: CodedEvent, opts: ScoreOptions): string {
  const given = opts.sentenceText?.(item.id, ev);
  if (given) return given;
  const t = ev.trigger;
  const aligned = item.text.slice(t.start, t.end) === t.text;
  return sentenceAround(item.text, aligned ? t : null);
}

function scoreItemAtLevel(item: GoldItem, events: readonly CodedEvent[], acc: LevelAccumulator, opts: ScoreOptions): void {
  const scheme = opts.scheme ?? item.scheme;
  const level = acc.level;
  const merged = collapse(item.required, scheme, level);
  const golds = merged.map((m) => m.event);
  // Extra coded events a merged expected event may absorb: as many as it merged (any at typeOnly).
  const spare = merged.map((m) => (level === 'typeOnly' ? Infinity : m.size - 1));
  const scored = events.filter((ev) => codedType(ev, scheme, level, opts) !== null);
  const goldTo = maxMatching(golds.length, scored.length, (g, c) => eventMatches(golds[g], scored[c], scheme, level, opts));
  const used = new Set(goldTo.filter((c) => c >= 0));
  const matched = new Set(golds.map((_, g) => g).filter((g) => goldTo[g] >= 0));
  golds.forEach((g, i) => {
    const category = goldCategory(g, scheme);
    if (goldTo[i] >= 0) return acc.add(category, 'tp');
    acc.add(category, 'fn');
    acc.misses.push({
      itemId: item.id, goldId: g.id, category, expected: describeGold(g, scheme),
      text: g.cue ?? sentenceAround(item.text, null), why: whyMissed(g, scored, used, scheme, level, opts),
    });
  });
  scored.forEach((ev, c) => {
    if (used.has(c)) return;
    if (item.acceptable.some((a) => eventMatches(a, ev, scheme, level, opts))) { acc.acceptable++; return; }
    const absorb = golds.findIndex((g, i) => spare[i] > 0 && matched.has(i) && eventMatches(g, ev, scheme, level, opts));
    if (absorb >= 0) { spare[absorb]--; acc.repeats++; return; }
    const category = codedType(ev, scheme, 'lenient', opts) ?? '(none)';
    acc.add(category, 'fp');
    acc.falsePositives.push({
      itemId: item.id, eventId: ev.id, category, coded: describeCoded(ev), trigger: ev.trigger.text,
      text: codedText(item, ev, opts), why: whyFalse(ev, golds, matched, scheme, level, opts),
    });
  });
}

function forbiddenIn(item: GoldItem, events: readonly CodedEvent[], opts: ScoreOptions): ForbiddenViolation[] {
  const rules = item.forbidden;
  if (!rules) return [];
  const scheme = opts.scheme ?? item.scheme;
  const out: ForbiddenViolation[] = [];
  for (const ev of events) {
    const base = { itemId: item.id, eventId: ev.id, coded: describeCoded(ev), text: codedText(item, ev, opts) };
    const root = ev.root !== '' ? ev.root : ev.cameo.slice(0, 2);
    if (rules.cameoRoots.includes(root)) {
      out.push({ ...base, rule: 'cameoRoot', goldId: null, why: `CAMEO root ${root} is forbidden in this item` });
    }
    if (rules.modality.includes(ev.modality)) {
      const g = item.required.find((r) => eventMatches(r, ev, scheme, 'lenient', opts));
      if (g) out.push({ ...base, rule: 'modality', goldId: g.id, why: `modality ${ev.modality} is wrong for ${g.id}` });
    }
  }
  return out;
}

/** Scores coded events (keyed by gold item id) against gold items. Pure: nothing is printed. */
export function score(
  items: readonly GoldItem[], coded: ReadonlyMap<string, readonly CodedEvent[]>, opts: ScoreOptions = {},
): EvalReport {
  const accs = levels.map((level) => new LevelAccumulator(level));
  const forbidden: ForbiddenViolation[] = [];
  const missingItems: string[] = [];
  let codedEvents = 0;
  let unscored = 0;
  for (const item of items) {
    const events = coded.get(item.id);
    if (events === undefined) missingItems.push(item.id);
    const list = events ?? [];
    codedEvents += list.length;
    unscored += list.filter((ev) => codedType(ev, opts.scheme ?? item.scheme, 'lenient', opts) === null).length;
    for (const acc of accs) scoreItemAtLevel(item, list, acc, opts);
    forbidden.push(...forbiddenIn(item, list, opts));
  }
  const [typeOnly, lenient, strict] = accs.map((a) => a.report());
  return {
    items: items.length,
    goldEvents: items.reduce((n, i) => n + i.required.length, 0),
    codedEvents,
    unscored,
    missingItems,
    levels: { typeOnly, lenient, strict },
    forbidden,
  };
}
