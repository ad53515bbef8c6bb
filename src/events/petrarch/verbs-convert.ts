/**
 * PETRARCH verb blocks and patterns (./verbs-file.ts) -> dyad's compiled patterns (../patterns.ts).
 *
 *   the verb alone, with its code          a pattern whose head is every form of the verb
 *   words after `*`                        the phrase after the head; a blank is a span of other words,
 *                                          `_` keeps words adjacent
 *   words before `*`                       `before`: they end right before the verb ("did not" *)
 *   `+`/`$` after `*` behind a preposition the target (or, for `$`, the source: `inverse`) is the actor behind
 *                                          that preposition (which the phrase still requires)
 *   `+`/`$` after `*` otherwise            the first actor after the phrase, bare or behind a preposition
 *   `+` before `*`, `$` after              `inverse`: the subject is the target
 *   `%` before `*`                         `compound`: the members of a compound subject act on each other
 *                                          (else the verb's own code holds: `otherwise`)
 *   `^`                                    a span (a noun phrase the pattern skips); right before the
 *                                          actor's slot, `skip`: that actor is the next one after it
 *   `[---]`                                `silent`: the pattern wins over shorter ones and codes nothing
 *   `[032:033]`                            `reverse`: a second event from target to source
 *
 * What it cannot express (a code with no CAMEO ancestor, a pattern with a source and a target both after
 * the verb) is reported with file:line and left out.
 */
import type { KnowledgeIssue } from '../../core/errors.js';
import { PREPOSITIONS } from '../clause.js';
import type { Element, Pattern } from '../patterns.js';
import type { ParsedVerbs, PatternItem, PetrarchPattern, PetrarchVerb } from './verbs-file.js';

export interface ConvertOptions {
  readonly file: string;
  /** Prefix of the rule ids: "user.petr-validate-verbs". */
  readonly idPrefix: string;
  /** Is there a CAMEO code to take root, Goldstein and PLOVER type from (the code or an ancestor)? */
  readonly codeKnown: (code: string) => boolean;
}

export interface ConvertedVerbs {
  readonly patterns: readonly Pattern[];
  /** What was left out or read only in part, with file:line. */
  readonly skipped: readonly KnowledgeIssue[];
}

/** How many words a PETRARCH blank may stand for. */
const SPAN = 6;
export const ANY_TARGET: readonly string[] = ['object', ...PREPOSITIONS];

/** Regular English forms of a verb: "abandon" -> abandons, abandoned, abandoning; "arrive" -> arrived, arriving. */
export function verbForms(verb: string): string[] {
  const forms = [verb];
  if (!/^[a-z]+$/.test(verb) || verb.length < 2) return forms;
  const stem = verb.endsWith('e') && !verb.endsWith('ee') ? verb.slice(0, -1) : verb;
  const third = /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : /(s|x|z|ch|sh|o)$/.test(verb) ? `${verb}es` : `${verb}s`;
  const past = /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ied` : verb.endsWith('e') ? `${verb}d` : `${verb}ed`;
  forms.push(third, past, `${stem}ing`);
  return forms;
}

const word = (words: Iterable<string>): Element => ({ kind: 'word', words: new Set(words), optional: false });
/** A pattern's word as written: PETRARCH matches "RESOLUTION" and not "resolutions" (synsets list their plurals). */
const literal = (words: Iterable<string>): Element => ({ kind: 'word', words: new Set(words), optional: false, exact: true });
const span: Element = { kind: 'span', max: SPAN };

function itemElement(item: PatternItem): Element | null {
  if (item.kind !== 'words') return null;
  if (item.alternatives.every((a) => a.length === 1)) return literal(item.alternatives.map((a) => a[0]));
  return { kind: 'phrases', options: item.alternatives };
}

/** Elements for a run of items, with spans where the items are not joined; slots become spans. */
function elementsOf(items: readonly PatternItem[], joined: readonly boolean[], from: number, to: number): Element[] {
  const out: Element[] = [];
  for (let k = from; k < to; k++) {
    const el = itemElement(items[k]);
    if (el) out.push(el);
    else if (out[out.length - 1] !== span && k > from) out.push(span);
    if (k + 1 < to && !joined[k] && el && out[out.length - 1] !== span) out.push(span);
  }
  // A slot right next to the verb stands for the actor; no element at the edge.
  while (out[0] === span) out.shift();
  while (out[out.length - 1] === span) out.pop();
  return out;
}

interface Roles {
  readonly target: readonly string[];
  readonly inverse: boolean;
  readonly compound: boolean;
  readonly needsTarget: boolean;
  /** Noun phrases (`^`) right before the actor's slot: that many actors after the phrase are passed over. */
  readonly skip: number;
}

function singleWord(item: PatternItem | undefined): string | null {
  return item?.kind === 'words' && item.alternatives.length === 1 && item.alternatives[0].length === 1 ? item.alternatives[0][0] : null;
}

/** Who is source and target, from the slots' places; a string says why it cannot be expressed. */
function rolesOf(items: readonly PatternItem[], verb: number): Roles | string {
  const slots = items.map((i, k) => ({ i, k })).filter((x): x is { i: Extract<PatternItem, { kind: 'slot' }>; k: number } => x.i.kind === 'slot' && x.i.slot !== '^');
  const after = slots.filter((s) => s.k > verb);
  const before = slots.filter((s) => s.k < verb);
  if (after.length > 1) return 'source and target both after the verb';
  const compound = before.some((s) => s.i.slot === '%');
  const inverse = before.some((s) => s.i.slot === '+') || after.some((s) => s.i.slot === '$');
  if (!after.length) return { target: ANY_TARGET, inverse, compound, needsTarget: false, skip: 0 };
  const slot = after[0];
  let skip = 0;
  while (items[slot.k - 1 - skip]?.kind === 'slot') skip++;
  const prep = singleWord(items[slot.k - 1]);
  // The preposition stays in the phrase, so the first actor after the phrase is the one it governs.
  if (slot.k - 1 > verb && prep !== null && PREPOSITIONS.has(prep)) {
    return { target: [prep, 'object'], inverse, compound, needsTarget: true, skip: 0 };
  }
  return { target: ANY_TARGET, inverse, compound, needsTarget: true, skip };
}

interface Form {
  readonly before: readonly string[];
  readonly head: ReadonlySet<string>;
  readonly after: readonly string[];
}

/**
 * The forms of a block's verbs that share a code, grouped: the one-word forms share one head (so a
 * pattern is one dyad pattern for all of them); a form of several words keeps its words around the head.
 */
function formsOf(verbs: readonly PetrarchVerb[]): Form[] {
  const single = new Set<string>();
  const multi: Form[] = [];
  for (const verb of verbs) {
    for (const f of verb.forms) {
      if (f.words.length === 1) verbForms(f.words[0]).forEach((w) => single.add(w));
      else {
        const head = f.words[f.head];
        multi.push({ before: f.words.slice(0, f.head), head: new Set(verb.forms.length === 1 ? verbForms(head) : [head]), after: f.words.slice(f.head + 1) });
      }
    }
  }
  return [...(single.size ? [{ before: [], head: single, after: [] }] : []), ...multi];
}

/** A block's verbs grouped by their code (the block's, or their own). */
function byCode(verbs: readonly PetrarchVerb[]): PetrarchVerb[][] {
  const groups = new Map<string, PetrarchVerb[]>();
  for (const v of verbs) {
    const key = `${v.code}:${v.reverse}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  return [...groups.values()];
}

function base(opts: ConvertOptions, line: number, code: string | null, reverse: string | null): Omit<Pattern, 'elements' | 'target' | 'inverse' | 'symmetric' | 'needsTarget'> {
  return {
    id: `${opts.idPrefix}.l${line}`, cameo: code ?? '---', phrase: '', nominal: false, source: ['by', 'of'], activeOnly: false, unless: [], confidence: 0.8,
    file: opts.file, line, literal: true, ...(reverse ? { reverse } : {}),
    ...(code === null ? { silent: true } : {}),
  };
}

function verbAlone(verb: PetrarchVerb, form: Form, opts: ConvertOptions): Pattern {
  const elements = [word(form.head), ...form.after.map((w) => word([w]))];
  const before = form.before.map((w) => word([w]));
  return {
    ...base(opts, verb.line, verb.code, verb.reverse),
    elements, ...(before.length ? { before } : {}), target: [...ANY_TARGET], inverse: false, symmetric: false, needsTarget: false,
  };
}

function patternFor(p: PetrarchPattern, form: Form, verb0: PetrarchVerb, opts: ConvertOptions): Pattern | string {
  const verb = p.items.findIndex((i) => i.kind === 'verb');
  const roles = rolesOf(p.items, verb);
  if (typeof roles === 'string') return roles;
  const items = p.items;
  const after = elementsOf(items, p.joined, verb + 1, items.length);
  const pre = elementsOf(items, p.joined, 0, verb);
  const afterJoined = p.joined[verb] ?? false;
  const elements = [word(form.head), ...form.after.map((w) => word([w])), ...(after.length && !afterJoined ? [span] : []), ...after];
  const beforeJoined = p.joined[verb - 1] ?? false;
  const before = [...pre, ...(pre.length && !beforeJoined ? [span] : []), ...form.before.map((w) => word([w]))];
  return {
    ...base(opts, p.line, p.code, p.reverse),
    elements, ...(before.length ? { before } : {}),
    target: [...roles.target], inverse: roles.inverse, symmetric: false, needsTarget: roles.needsTarget,
    ...(roles.skip ? { skip: roles.skip } : {}),
    ...(roles.compound ? { compound: true, ...(verb0.code !== null ? { otherwise: verb0.code } : {}) } : {}),
  };
}

/** Every verb and pattern of the file as dyad patterns, and what could not be expressed. */
export function convertVerbs(parsed: ParsedVerbs, opts: ConvertOptions): ConvertedVerbs {
  const patterns: Pattern[] = [];
  const skipped: KnowledgeIssue[] = [];
  const skip = (line: number, message: string): void => {
    skipped.push({ file: opts.file, line, entry: null, message });
  };
  const codeOk = (line: number, code: string | null, reverse: string | null): boolean => {
    const bad = [code, reverse].find((c) => c !== null && !opts.codeKnown(c));
    if (bad) skip(line, `the code ${bad} has no CAMEO code or ancestor to take its root and type from; left out`);
    return bad === undefined;
  };
  for (const block of parsed.blocks) {
    const usable = block.patterns.filter((p) => codeOk(p.line, p.code, p.reverse));
    const reported = new Set<number>();
    for (const group of byCode(block.verbs)) {
      const verb = group[0];
      const forms = formsOf(group);
      if (verb.code !== null && codeOk(verb.line, verb.code, verb.reverse)) forms.forEach((f) => patterns.push(verbAlone(verb, f, opts)));
      for (const p of usable) {
        for (const f of forms) {
          const made = patternFor(p, f, verb, opts);
          if (typeof made !== 'string') patterns.push(made);
          else if (!reported.has(p.line)) {
            reported.add(p.line);
            skip(p.line, `${made}: "${p.text}" left out`);
          }
        }
      }
    }
  }
  return { patterns: dedupeIds(patterns), skipped: skipped.sort((a, b) => a.line - b.line) };
}

/** Several verbs share a block's patterns: each copy gets an id of its own. */
function dedupeIds(patterns: readonly Pattern[]): Pattern[] {
  const seen = new Map<string, number>();
  return patterns.map((p) => {
    const n = seen.get(p.id) ?? 0;
    seen.set(p.id, n + 1);
    return n ? { ...p, id: `${p.id}.${n}` } : p;
  });
}
