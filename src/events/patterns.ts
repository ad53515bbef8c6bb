/**
 * Verb and noun patterns (data/patterns/*.yaml) and their compiled index.
 *
 * A pattern's `phrase` is a space-separated list of elements matched against token lemmas or
 * lower-cased text:
 *   visit            one word (lemma or form)
 *   talk|discussion  alternatives
 *   *                a gap of up to three words (determiners, adjectives, adverbs, nouns, "and"/"or"; no verbs;
 *                    a hyphenated compound such as "day-old" is one word)
 *   ?official        an optional word
 * `|` binds tighter than a space: an alternative is one word ("a|b c" is (a or b) then c); an
 * alternative of several words is a pattern of its own. phrase.ts checks the grammar when loaded.
 * The first element is the trigger's head. Source and target come from the clause (see clause.ts);
 * `target` lists the prepositions that introduce the target ("meet with", "a visit to"); "object" means
 * the first actor after the phrase.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Token } from '../core/doc.js';
import { KnowledgeError, type KnowledgeIssue } from '../core/errors.js';
import { loadDataFile } from '../knowledge/data-file.js';
import type { KnowledgeSource } from '../knowledge/knowledge.js';
import { WEEKDAYS, wordsOf } from '../syntax/english.js';
import { phraseField } from './phrase.js';

export const patternSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  cameo: z.string().regex(/^\d{2,4}$/, 'a CAMEO code as a quoted string, e.g. "042"'),
  /** Space-separated elements; the grammar and its checks are in phrase.ts. */
  phrase: phraseField(true),
  /** A noun event ("a visit to") rather than a verb ("visited"). */
  nominal: z.boolean().default(false),
  target: z.array(z.string()).default(['object']),
  /** Prepositions that introduce the source of a noun event ("an attack by", "the visit of"). */
  source: z.array(z.string()).default(['by', 'of']),
  /** Compound subjects pair up ("X and Y met"); swapping source and target keeps the meaning. */
  symmetric: z.boolean().default(false),
  /** The actor after the phrase is the source ("received a visit from X", "was attacked by" is automatic). */
  inverse: z.boolean().default(false),
  /** Drop the event when no target is found (an invitation, a criticism of nobody, is no event). */
  needsTarget: z.boolean().default(false),
  /** The pattern tells what its subject does by itself: in the passive ("was flown to France") someone else acted on it, and the pattern does not fire. */
  activeOnly: z.boolean().default(false),
  /**
   * The code when every source is one person ("Mr Cable attacked Labour's taxes", "the two leaders
   * clashed"): people attack and clash in words; force is done by armies, police, groups and states.
   */
  byPerson: z.string().regex(/^\d{2,4}$/, 'a CAMEO code as a quoted string, e.g. "111"').optional(),
  /**
   * The code when every source is of one of `sectors` ("rioters attacked police": civilians do not wage
   * war; CAMEO's 19 is conventional military force, their violence is 18).
   */
  bySector: z.object({ sectors: z.array(z.string().regex(/^[A-Z]{3}$/)).min(1), cameo: z.string().regex(/^\d{2,4}$/) }).strict().optional(),
  /** Words that, anywhere in the sentence, veto this pattern (metaphors, sport, business senses). */
  unless: z.array(z.string()).default([]),
  confidence: z.number().min(0).max(1).default(0.8),
  note: z.string().optional(),
}).strict();
export type PatternEntry = z.infer<typeof patternSchema>;

export type Element =
  /** `exact`: the word as written, not its lemma (PETRARCH pattern words; their synsets list the plurals). */
  | { readonly kind: 'word'; readonly words: ReadonlySet<string>; readonly optional: boolean; readonly exact?: boolean }
  | { readonly kind: 'gap' }
  /** Alternatives of adjacent words (a PETRARCH synset: "swiss francs", "yen"). */
  | { readonly kind: 'phrases'; readonly options: readonly (readonly string[])[] }
  /** Up to `max` words of any kind, within the clause (a PETRARCH blank: other words may come between). */
  | { readonly kind: 'span'; readonly max: number };

export interface Pattern extends PatternEntry {
  readonly elements: readonly Element[];
  /** Elements that end right before the head ("did not" before "clash"), from PETRARCH patterns. */
  readonly before?: readonly Element[];
  /** The code of a second event from target to source (PETRARCH's pair code [032:033]). */
  readonly reverse?: string;
  /** Matches, wins over shorter patterns, and codes nothing (PETRARCH's [---]). */
  readonly silent?: boolean;
  /** PETRARCH's `%` before the verb: the members of a compound subject act on each other. */
  readonly compound?: boolean;
  /** The code when a `compound` pattern's subject is not compound (the verb's own); none: no event. */
  readonly otherwise?: string;
  /**
   * From a PETRARCH dictionary, whose verb blocks list word forms: a block that lists the token's own form
   * ("LEFT") beats one reached through the lemma ("LEAVE").
   */
  readonly literal?: boolean;
  /** Converted by a script from an open dictionary (data/patterns/optional): dyad's hand-kept patterns win over it. */
  readonly generated?: boolean;
  /** PETRARCH's `^ +`: the actor after the phrase is passed over; the next one is the target (the source when inverse). */
  readonly skip?: number;
  /** Where it came from, for "why was this coded?". */
  readonly file: string;
  readonly line: number;
}

export interface PatternMatch {
  readonly pattern: Pattern;
  /** Matched token indices (gaps excluded), head first. */
  readonly tokens: readonly number[];
}

/** Compiles a phrase string (shared by event patterns and modality cues). */
export function compilePhrase(phrase: string): Element[] {
  return phrase.split(/\s+/).map((e) => e === '*'
    ? { kind: 'gap' as const }
    : { kind: 'word' as const, optional: e.startsWith('?'), words: new Set(e.replace(/^\?/, '').split('|')) });
}

const GAP_POS = new Set(['DET', 'ADJ', 'ADV', 'NUM', 'PROPN', 'NOUN', 'PART', 'PRON', 'PUNCT']);

/**
 * Verb stems of a past form that wink tagged as a noun and left unlemmatised ("militiamen abducted",
 * lemma "abducted"): "abduct", "abducte", and with a doubled consonant undone ("kidnapped" -> "kidnap").
 */
const NO_STEMS: readonly string[] = [];

export function pastStems(token: Token): readonly string[] {
  if ((token.pos !== 'NOUN' && token.pos !== 'ADJ') || token.lemma !== token.normal || !/[a-z]{3}ed$/.test(token.normal)) return NO_STEMS;
  const bare = token.normal.slice(0, -2);
  const stems = [bare, token.normal.slice(0, -1)];
  if (/([bdgklmnprt])\1$/.test(bare)) stems.push(bare.slice(0, -1));
  return stems;
}

function fits(token: Token | undefined, words: ReadonlySet<string>): boolean {
  return token !== undefined && (words.has(token.lemma) || words.has(token.normal) || pastStems(token).some((w) => words.has(w)));
}

const singletons = new Map<string, ReadonlySet<string>>();

/** The set of one word of a pattern, made once. */
function only(word: string): ReadonlySet<string> {
  let set = singletons.get(word);
  if (set === undefined) {
    set = new Set([word]);
    singletons.set(word, set);
  }
  return set;
}

/** A word as written; the pieces of a contraction ("ca" "n't") by their full words ("can" "not"). */
function asWritten(tokens: readonly Token[], i: number, words: ReadonlySet<string>): boolean {
  const t = tokens[i];
  if (words.has(t.normal)) return true;
  const contraction = t.text.includes("'") || t.text.includes('\u2019') || /^n['\u2019]t$/i.test(tokens[i + 1]?.text ?? '');
  return contraction && words.has(t.lemma);
}

/**
 * Words of a part or a quantity, whose "of" may stand in a gap: "part of a military aid program",
 * "moved thousands of troops", "sent dozens of tanks" (the phrase's noun is what is counted).
 */
const PART_WORDS = new Set([...wordsOf('noun.part'), ...wordsOf('noun.quantity')]);

/** Punctuation a PETRARCH blank does not reach across: the clause ends there. */
const SPAN_STOPS = new Set([',', ';', ':', '.', '!', '?', '(', ')', '"', '\u201c', '\u201d']);

/** Matches elements[k..] from token i; returns matched token indices or null (`exact`: the match must end at that token). */
function matchFrom(elements: readonly Element[], k: number, tokens: readonly Token[], i: number, end: number, acc: number[], exact?: number): number[] | null {
  if (k === elements.length) return exact === undefined || i === exact ? acc : null;
  const el = elements[k];
  if (el.kind === 'gap') return matchGap(elements, k, tokens, i, end, acc, exact);
  if (el.kind === 'span') {
    for (let g = 0; g <= el.max && i + g <= end; g++) {
      if (g > 0 && SPAN_STOPS.has(tokens[i + g - 1].text)) break;
      const hit = matchFrom(elements, k + 1, tokens, i + g, end, acc, exact);
      if (hit) return hit;
    }
    return null;
  }
  if (el.kind === 'phrases') {
    for (const option of el.options) {
      if (i + option.length > end || !option.every((w, j) => asWritten(tokens, i + j, only(w)))) continue;
      const hit = matchFrom(elements, k + 1, tokens, i + option.length, end, [...acc, ...option.map((_, j) => i + j)], exact);
      if (hit) return hit;
    }
    return null;
  }
  if (i < end && (el.exact ? asWritten(tokens, i, el.words) : fits(tokens[i], el.words))) {
    const hit = matchFrom(elements, k + 1, tokens, i + 1, end, [...acc, i], exact);
    if (hit) return hit;
  }
  return el.optional ? matchFrom(elements, k + 1, tokens, i, end, acc, exact) : null;
}

function matchGap(elements: readonly Element[], k: number, tokens: readonly Token[], i: number, end: number, acc: number[], exact?: number): number[] | null {
  let words = 0;
  for (let g = 0; words <= 3 && g <= 6 && i + g <= end; g++) {
    const t = tokens[i + g - 1];
    // "chemical and biological weapons", "economic or military aid": a coordinated modifier fills a gap.
    // "bowed on Tuesday to demands": a weekday with its "on" is a time adjunct, no word of the phrase.
    const weekday = g > 0 && (WEEKDAYS.has(t.normal) || (t.normal === 'on' && WEEKDAYS.has(tokens[i + g]?.normal ?? '')));
    const prev = tokens[i + g - 2];
    // "suspended part of a military aid program", "moved thousands of troops": a part's or a quantity's "of" stands in a gap.
    const partOf = g > 1 && t.normal === 'of' && prev !== undefined && PART_WORDS.has(prev.normal);
    if (g > 0 && !weekday && !partOf && ((!GAP_POS.has(t.pos) && t.normal !== 'and' && t.normal !== 'or') || t.text === ';')) break;
    // One word each: a hyphenated compound ("a day-old blockade"), a name of several tokens ("the Ivory
    // Coast"), a number of several tokens ("5.1 million").
    const continues = g > 1 && prev !== undefined && ((t.pos === 'PROPN' && prev.pos === 'PROPN') || (t.pos === 'NUM' && prev.pos === 'NUM'));
    // Quotation marks and the possessive "'s" are no words: "attacked the government's \"failure\"".
    const mark = t.normal === "'s" || t.text === '"' || t.text === '“' || t.text === '”' || t.text === "'";
    if (g > 0 && !weekday && !partOf && !continues && !mark && t.text !== '-' && prev?.text !== '-') words++;
    if (words > 3) break;
    const hit = matchFrom(elements, k + 1, tokens, i + g, end, acc, exact);
    if (hit) return hit;
  }
  return null;
}

/** How far before its head a pattern's `before` elements may start. */
const BEFORE_REACH = 12;

/** Token indices of `before` ending right before token `head` (nearest start first), or null. */
export function matchBefore(before: readonly Element[], tokens: readonly Token[], head: number): number[] | null {
  for (let s = head - 1; s >= 0 && s >= head - BEFORE_REACH; s--) {
    if (SPAN_STOPS.has(tokens[s].text) && tokens[s].text !== ',') break;
    const hit = matchFrom(before, 0, tokens, s, head, [], head);
    if (hit) return hit;
  }
  return null;
}

/** Token indices matched by a compiled phrase starting at token i, or null. */
export function matchElements(elements: readonly Element[], tokens: readonly Token[], i: number, end: number): number[] | null {
  return matchFrom(elements, 0, tokens, i, end, []);
}

function headHas(p: Pattern, word: string): boolean {
  const head = p.elements[0];
  return head.kind === 'word' && head.words.has(word);
}

export class PatternSet {
  private readonly byHead = new Map<string, Pattern[]>();
  readonly all: readonly Pattern[];
  readonly sources: readonly KnowledgeSource[];

  /** Nouns for the means of an attack ("bomb", "explosion"): data/patterns/lexicon/means.yaml. */
  readonly means: ReadonlySet<string>;

  constructor(patterns: readonly Pattern[], sources: readonly KnowledgeSource[], means: ReadonlySet<string> = new Set()) {
    this.all = patterns;
    this.sources = sources;
    this.means = means;
    for (const p of patterns) {
      const head = p.elements[0];
      if (head.kind !== 'word') continue;
      for (const w of head.words) {
        const list = this.byHead.get(w) ?? [];
        list.push(p);
        this.byHead.set(w, list);
      }
    }
    // Longer phrases first, so "pay a visit to" wins over "visit"; then words required before the head,
    // then a compound-subject pattern over its plain twin.
    const weight = (p: Pattern): number => p.elements.length + (p.before?.length ?? 0) + (p.compound ? 0.5 : 0);
    for (const list of this.byHead.values()) list.sort((a, b) => weight(b) - weight(a));
  }

  /** Every pattern whose phrase matches starting at token i (within [i, end)). */
  matchAt(tokens: readonly Token[], i: number, end: number): PatternMatch[] {
    const t = tokens[i];
    const byLemma = this.byHead.get(t.lemma);
    const byNormal = this.byHead.get(t.normal);
    const stems = pastStems(t);
    // Most words head no pattern.
    if (byLemma === undefined && byNormal === undefined && stems.length === 0) return [];
    const candidates = new Set([...(byLemma ?? []), ...(byNormal ?? [])]);
    // A past form read as a noun heads verb patterns only: "abducted" is no "abduction".
    for (const stem of stems) for (const p of this.byHead.get(stem) ?? []) if (!p.nominal) candidates.add(p);
    const out: PatternMatch[] = [];
    // Hand-kept patterns win: where one of dyad's own patterns matches at this head, a generated one does
    // not compete (a user's dictionary does: it is the user's choice).
    if ([...candidates].some((p) => p.generated)) {
      const own = [...candidates].filter((p) => !p.generated && !p.literal && matchFrom(p.elements, 0, tokens, i, end, []) !== null);
      if (own.length) for (const p of candidates) if (p.generated) candidates.delete(p);
    }
    if ([...candidates].some((p) => p.literal && headHas(p, t.normal))) {
      for (const p of candidates) if (p.literal && !headHas(p, t.normal)) candidates.delete(p);
    }
    for (const pattern of candidates) {
      const hit = matchFrom(pattern.elements, 0, tokens, i, end, []);
      if (!hit) continue;
      const before = pattern.before?.length ? matchBefore(pattern.before, tokens, i) : [];
      if (before) out.push({ pattern, tokens: [...hit, ...before] });
    }
    return out;
  }
}

const meansSchema = z.object({ id: z.string().regex(/^[a-z]+$/, 'a lower-case noun') }).strict();

function loadMeans(file: string, sources: KnowledgeSource[], issues: KnowledgeIssue[]): ReadonlySet<string> {
  try {
    const data = loadDataFile(file, 'means', meansSchema);
    sources.push({ file: data.file, version: data.version });
    return new Set(data.entries.map((e) => e.value.id));
  } catch (err) {
    if (err instanceof KnowledgeError) issues.push(...err.issues);
    else throw err;
    return new Set();
  }
}

export function loadPatterns(dir: string, validCodes: ReadonlySet<string>): PatternSet {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f));
  const patterns: Pattern[] = [];
  const sources: KnowledgeSource[] = [];
  const issues: KnowledgeIssue[] = [];
  const seen = new Map<string, string>();
  const known = patternSchema.superRefine((p, ctx) => {
    if (!validCodes.has(p.cameo)) ctx.addIssue({ code: 'custom', message: `unknown CAMEO code "${p.cameo}"`, path: ['cameo'] });
  });
  for (const file of files) {
    try {
      const data = loadDataFile(file, 'patterns', known);
      sources.push({ file: data.file, version: data.version });
      for (const { value, line } of data.entries) {
        const where = `${data.file}:${line}`;
        const prev = seen.get(value.id);
        if (prev) issues.push({ file: data.file, line, entry: value.id, message: `duplicate pattern id (first at ${prev})` });
        seen.set(value.id, where);
        patterns.push({ ...value, elements: compilePhrase(value.phrase), file: data.file, line });
      }
    } catch (err) {
      if (err instanceof KnowledgeError) issues.push(...err.issues);
      else throw err;
    }
  }
  const means = loadMeans(join(dir, 'lexicon', 'means.yaml'), sources, issues);
  if (issues.length) throw new KnowledgeError(issues);
  return new PatternSet(patterns, sources, means);
}
