/**
 * Reader for PETRARCH/TABARI `.verbs` files (format: ../shared/reference/phoenix/dictionaries-format.rst).
 *
 *   &CURRENCY                 a synonym set: the `+` lines after it are its phrases ("+SWISS FRANCS");
 *   +DOLLARS                  a phrase may name another set (`+&TIETYPES`); a label ending in `_` gets no plurals
 *   --- ABANDON [345] ---     a verb block and the code of its verbs alone (`---`: no event)
 *   ABANDON                   a verb of the block; `{BROKE BROKEN}` lists irregular forms, `[002]` a code of its own
 *   +BREAK_DOWN {...}         a verb of several words: `+` marks the verb ("WIRE_+TAP")
 *   - * NEW_&TIETYPES_RELATIONS [903]    a pattern: `*` the verb, `$` the source, `+` the target,
 *                                        `%` a compound, `^` a noun phrase skipped, `_` joins words that
 *                                        must be adjacent, a blank lets other words come between;
 *                                        `{A B}` a noun phrase, `(P X)` a prepositional phrase
 *   [032:033]                 a pair of codes: source to target, and target to source
 *
 * This module reads the file into plain records and reports, with file:line, what it cannot read; the
 * conversion into dyad's patterns is ./verbs-convert.ts.
 */
import type { KnowledgeIssue } from '../../core/errors.js';

/** One item of a pattern, in order. */
export type PatternItem =
  | { readonly kind: 'verb' }
  | { readonly kind: 'slot'; readonly slot: '$' | '+' | '%' | '^' }
  /** Alternatives, each a run of adjacent lower-case words (a synset gives several). */
  | { readonly kind: 'words'; readonly alternatives: readonly (readonly string[])[] };

export interface PetrarchPattern {
  readonly line: number;
  readonly items: readonly PatternItem[];
  /** joined[k]: item k and item k + 1 are adjacent (written with `_`). */
  readonly joined: readonly boolean[];
  /** null for `---`: the pattern matches and codes nothing. */
  readonly code: string | null;
  /** The code of the event from target to source, for a pair `[032:033]`. */
  readonly reverse: string | null;
  readonly text: string;
}

export interface PetrarchVerb {
  readonly line: number;
  /** Each form as its words (lower case); `head` is the index of the verb word. */
  readonly forms: readonly { readonly words: readonly string[]; readonly head: number }[];
  /** Its own code, else the block's; null for no event. */
  readonly code: string | null;
  readonly reverse: string | null;
}

export interface PetrarchVerbBlock {
  readonly line: number;
  readonly name: string;
  readonly verbs: readonly PetrarchVerb[];
  readonly patterns: readonly PetrarchPattern[];
}

export interface ParsedVerbs {
  readonly blocks: readonly PetrarchVerbBlock[];
  readonly synsets: ReadonlyMap<string, readonly (readonly string[])[]>;
  readonly issues: readonly KnowledgeIssue[];
}

interface Code {
  readonly code: string | null;
  readonly reverse: string | null;
}

/** English regular plural of a phrase's last word, as PETRARCH makes it (S, IES after a consonant + Y, ES after S). */
function plural(words: readonly string[]): string[] {
  const last = words[words.length - 1];
  const p = /[^aeiou]y$/.test(last) ? `${last.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(last) ? `${last}es` : `${last}s`;
  return [...words.slice(0, -1), p];
}

/** "[032:033]", "[---]", "[174K]" -> the code and the reverse code; a string describes what is wrong. */
export function readCode(text: string): Code | string {
  const parts = text.trim().split(':').map((p) => p.trim());
  // "[:173]": no event from source to target, 173 from target to source.
  if (parts.length > 2 || parts.some((p, k) => !/^(---|[0-9A-Za-z+]{1,6})$/.test(p) && !(k === 0 && p === '' && parts.length === 2))) return `cannot read the code [${text}]`;
  const one = (p: string | undefined): string | null => (p === undefined || p === '---' || p === '' ? null : p);
  return { code: one(parts[0]), reverse: one(parts[1]) };
}

function stripComment(raw: string): string {
  return raw.replace(/<!--.*?(-->|$)/g, '').replace(/#.*$/, '').replace(/;.*$/, '').trimEnd();
}

/** Contractions as the tokeniser splits them: "DID N'T" and "CA N'T" are "did not", "can not". */
function normalWord(w: string): string {
  const lower = w.toLowerCase();
  if (lower === "n't") return 'not';
  return lower;
}

function fixContractions(words: string[]): string[] {
  return words.map((w, k) => {
    if (words[k + 1] !== 'not') return w;
    if (w === 'ca') return 'can';
    if (w === 'wo') return 'will';
    return w;
  });
}

const wordsOf = (phrase: string): string[] => fixContractions(phrase.split(/[_\s]+/).filter(Boolean).flatMap((w) => tokenWords(w)));

class Reader {
  readonly synsets = new Map<string, (readonly string[])[]>();
  readonly blocks: { line: number; name: string; code: Code; verbs: PetrarchVerb[]; patterns: PetrarchPattern[] }[] = [];
  readonly issues: KnowledgeIssue[] = [];
  private synset: { name: string; plurals: boolean } | null = null;

  constructor(private readonly file: string) {}

  problem(line: number, message: string): void {
    this.issues.push({ file: this.file, line, entry: null, message });
  }

  line(raw: string, line: number): void {
    const body = stripComment(raw);
    if (!body.trim()) return;
    const text = body.trim();
    const header = /^---\s*(.*?)\s*\[([^\]]*)\](?:\s*\[[^\]]*\])*\s*---$/.exec(text);
    if (header) {
      this.synset = null;
      const code = readCode(header[2]);
      if (typeof code === 'string') return this.problem(line, code);
      this.blocks.push({ line, name: header[1], code, verbs: [], patterns: [] });
      return;
    }
    if (text.startsWith('---')) return this.problem(line, `cannot read the verb block header "${text}" (expected --- NAME [CODE] ---)`);
    const set = /^&([A-Z0-9_]+)$/i.exec(text);
    if (set) {
      const name = set[1].toUpperCase();
      this.synset = { name: name.replace(/_$/, ''), plurals: !name.endsWith('_') };
      this.synsets.set(this.synset.name, []);
      return;
    }
    if (text.startsWith('+') && this.synset) return this.synsetItem(text.slice(1).trim(), line);
    this.synset = null;
    const block = this.blocks[this.blocks.length - 1];
    if (!block) return this.problem(line, `"${text}" comes before any verb block (--- NAME [CODE] ---)`);
    if (text.startsWith('-')) return this.pattern(block, text.slice(1).trim(), line);
    if (text.startsWith('~')) return this.problem(line, 'a transformation (~) is not read: dyad codes each verb by its own patterns');
    this.verb(block, text, line);
  }

  private synsetItem(text: string, line: number): void {
    const set = this.synsetOf(this.synset!.name);
    if (text.startsWith('&')) {
      const inner = this.synsets.get(text.slice(1).replace(/_$/, '').toUpperCase());
      if (!inner) return this.problem(line, `synset ${text} is used before it is defined`);
      set.push(...inner);
      return;
    }
    if (/[$%^*()[\]{}]/.test(text)) return this.problem(line, `a synset phrase holds words only: "${text}"`);
    const words = wordsOf(text);
    if (!words.length) return;
    set.push(words);
    if (this.synset!.plurals && !text.endsWith('_')) set.push(plural(words));
  }

  private synsetOf(name: string): (readonly string[])[] {
    const s = this.synsets.get(name);
    if (s) return s;
    const fresh: (readonly string[])[] = [];
    this.synsets.set(name, fresh);
    return fresh;
  }

  private verb(block: Reader['blocks'][number], text: string, line: number): void {
    const m = /^([^{[]+?)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?\s*$/.exec(text);
    if (!m) return this.problem(line, `cannot read the verb line "${text}" (expected VERB {forms} [CODE])`);
    let code: Code = block.code;
    if (m[3] !== undefined) {
      const own = readCode(m[3]);
      if (typeof own === 'string') return this.problem(line, own);
      code = own;
    }
    // "{+CRACKED_DOWN , +CRACKS_DOWN}": a comma between irregular forms separates them, as a blank does.
    const forms = [m[1], ...(m[2] ?? '').split(/[\s,]+/).filter(Boolean)].map((f) => verbForm(f.trim()));
    const bad = forms.flatMap((f) => f.words).find((w) => !/^[a-z0-9'.&/-]+$/.test(w));
    if (bad !== undefined) return this.problem(line, `cannot read the word "${bad}" in the verb line "${text}"`);
    block.verbs.push({ line, forms, code: code.code, reverse: code.reverse });
  }

  private pattern(block: Reader['blocks'][number], text: string, line: number): void {
    const m = /^(.*?)\s*\[([^\]]*)\]\s*$/.exec(text);
    if (!m) return this.problem(line, `the pattern "${text}" has no [CODE]`);
    const code = readCode(m[2]);
    if (typeof code === 'string') return this.problem(line, code);
    const read = readItems(m[1], this.synsets);
    if (typeof read === 'string') return this.problem(line, `${read} in the pattern "${text}"`);
    block.patterns.push({ line, ...read, code: code.code, reverse: code.reverse, text: m[1].trim() });
  }
}

/** "WIRE_+TAP" -> ["wire", "tap"] with head 1; "ABANDON" -> head 0; "LASH OUT" -> head 0. */
function verbForm(form: string): { words: string[]; head: number } {
  const raw = form.split(/[_\s]+/).filter(Boolean);
  const head = Math.max(0, raw.findIndex((w) => w.startsWith('+')));
  return { words: raw.map((w) => normalWord(w.replace(/^\+/, ''))), head };
}

/** A word as the tokeniser splits it: "ANTI-" is "anti" "-", "N'T" is "not". */
function tokenWords(word: string): string[] {
  return word.split(/(-)/).filter(Boolean).map(normalWord);
}

/** The items of a pattern's text, with adjacency; a string says what cannot be read. */
export function readItems(text: string, synsets: ReadonlyMap<string, readonly (readonly string[])[]>): { items: PatternItem[]; joined: boolean[] } | string {
  if (!balanced(text)) return 'unbalanced brackets';
  const items: PatternItem[] = [];
  const joined: boolean[] = [];
  // Braces and parentheses group words: {FINANCIAL AID} is one noun phrase, (FOR AID) a preposition and its noun.
  let glueNext = false;
  for (const chunk of text.replace(/[{}()]/g, ' ').split(/\s+/).filter(Boolean)) {
    const parts = chunk.split('_');
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k];
      if (part === '') continue;
      if (items.length) joined[items.length - 1] = k > 0 || glueNext;
      const item = readItem(part, synsets);
      if (typeof item === 'string') return item;
      items.push(item);
    }
    glueNext = parts.length > 1 && parts[parts.length - 1] === '';
  }
  joined[items.length - 1] = false;
  if (items.filter((i) => i.kind === 'verb').length !== 1) return 'a pattern needs exactly one * (the verb)';
  // Contractions split over two words ("WO N'T") become "will not".
  return { items: mergeContractions(items), joined };
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(' || c === '{') depth++;
    if (c === ')' || c === '}') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

function readItem(part: string, synsets: ReadonlyMap<string, readonly (readonly string[])[]>): PatternItem | string {
  if (part === '*') return { kind: 'verb' };
  if (part === '$' || part === '+' || part === '%' || part === '^') return { kind: 'slot', slot: part };
  if (part.startsWith('&')) {
    const set = synsets.get(part.slice(1).toUpperCase());
    return set ? { kind: 'words', alternatives: [...set] } : `the synset ${part} is not defined before it is used`;
  }
  if (!/^[A-Za-z0-9'.-]+$/.test(part)) return `cannot read the word "${part}"`;
  return { kind: 'words', alternatives: [tokenWords(part)] };
}

function mergeContractions(items: PatternItem[]): PatternItem[] {
  return items.map((a, k) => {
    const b = items[k + 1];
    if (a.kind !== 'words' || b?.kind !== 'words' || a.alternatives.length !== 1 || b.alternatives[0]?.[0] !== 'not') return a;
    return { kind: 'words', alternatives: [fixContractions([...a.alternatives[0], 'not']).slice(0, -1)] };
  });
}

export function parseVerbsFile(text: string, file: string): ParsedVerbs {
  const reader = new Reader(file);
  text.split(/\r?\n/).forEach((raw, k) => reader.line(raw, k + 1));
  const blocks: PetrarchVerbBlock[] = reader.blocks.map((b) => ({ line: b.line, name: b.name, verbs: b.verbs, patterns: b.patterns }));
  for (const b of reader.blocks) {
    if (!b.verbs.length && b.patterns.length) reader.problem(b.line, `the verb block "${b.name}" has patterns but no verb`);
  }
  return { blocks, synsets: reader.synsets, issues: reader.issues };
}
