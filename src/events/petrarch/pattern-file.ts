/**
 * Converted PETRARCH patterns as a dyad data file (`kind: petrarch-patterns`), so a verbs dictionary
 * converted once by a script (scripts/import-cameo-verbs.ts) loads, validated, without being read again.
 * Each entry is one compiled pattern (../patterns.ts) with its origin (`file:line` of the verbs file):
 *
 *   { set: h1, words: [words] }   the forms of a block's verbs, named once (many patterns share them)
 *   { id, cameo, head: h1, after: [elements], before: [elements], target, inverse, needsTarget,
 *     reverse?, silent?, compound?, otherwise?, skip?, origin }
 *   an element: { w: [words], x?: true } a word (x: as written), { p: [[words], ...] } adjacent words,
 *   { s: 6 } up to six other words
 */
import { z } from 'zod';
import { KnowledgeError, type KnowledgeIssue } from '../../core/errors.js';
import { loadDataFile } from '../../knowledge/data-file.js';
import type { KnowledgeSource } from '../../knowledge/knowledge.js';
import type { Element, Pattern } from '../patterns.js';
import { ANY_TARGET } from './verbs-convert.js';

const word = z.string().min(1).regex(/^[a-z0-9'.&/-]+$/, 'a lower-case word');
const elementSchema = z.union([
  z.object({ w: z.array(word).min(1), x: z.literal(true).optional() }).strict(),
  z.object({ p: z.array(z.array(word).min(1)).min(1) }).strict(),
  z.object({ s: z.number().int().min(1).max(12) }).strict(),
]);
type ElementEntry = z.infer<typeof elementSchema>;
const code = z.string().regex(/^[0-9A-Za-z+]{1,6}$/);

export const petrarchPatternSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  /** "---" for a silent pattern. */
  cameo: z.union([code, z.literal('---')]),
  /** The name of a `set` entry before it. */
  head: z.string().regex(/^h\d+$/),
  after: z.array(elementSchema).default([]),
  before: z.array(elementSchema).default([]),
  /** "any": the first actor after the phrase, bare or behind any preposition (ANY_TARGET). */
  target: z.union([z.literal('any'), z.array(z.string()).min(1)]),
  inverse: z.boolean().default(false),
  needsTarget: z.boolean().default(false),
  reverse: code.optional(),
  silent: z.literal(true).optional(),
  compound: z.literal(true).optional(),
  otherwise: code.optional(),
  skip: z.number().int().min(1).optional(),
  origin: z.string().regex(/^.+:\d+$/, 'file:line of the verbs dictionary'),
}).strict();
export type PetrarchPatternEntry = z.infer<typeof petrarchPatternSchema>;
const headSetSchema = z.object({ set: z.string().regex(/^h\d+$/), words: z.array(word).min(1) }).strict();
export const petrarchFileEntrySchema = z.union([headSetSchema, petrarchPatternSchema]);
export type PetrarchFileEntry = z.infer<typeof petrarchFileEntrySchema>;

function toEntry(el: Element): ElementEntry {
  if (el.kind === 'word') return { w: [...el.words].sort(), ...(el.exact ? { x: true as const } : {}) };
  if (el.kind === 'phrases') return { p: el.options.map((o) => [...o]) };
  if (el.kind === 'span') return { s: el.max };
  throw new Error('a PETRARCH pattern has no dyad gap (*) element');
}

function fromEntry(e: ElementEntry): Element {
  if ('w' in e) return { kind: 'word', words: new Set(e.w), optional: false, ...(e.x ? { exact: true } : {}) };
  if ('p' in e) return { kind: 'phrases', options: e.p };
  return { kind: 'span', max: e.s };
}

/** Converted patterns as file entries: each distinct head set once, before the first pattern using it. */
export function fileEntries(patterns: readonly Pattern[]): PetrarchFileEntry[] {
  const sets = new Map<string, string>();
  const out: PetrarchFileEntry[] = [];
  for (const p of patterns) {
    const [head, ...after] = p.elements;
    if (head?.kind !== 'word') throw new Error(`pattern ${p.id} has no head word`);
    const words = [...head.words].sort();
    const key = words.join(' ');
    let set = sets.get(key);
    if (set === undefined) {
      set = `h${sets.size + 1}`;
      sets.set(key, set);
      out.push({ set, words });
    }
    out.push({
      id: p.id, cameo: p.cameo, head: set,
      after: after.map(toEntry), before: (p.before ?? []).map(toEntry),
      target: p.target.join(' ') === ANY_TARGET.join(' ') ? 'any' as const : [...p.target], inverse: p.inverse, needsTarget: p.needsTarget,
      ...(p.reverse ? { reverse: p.reverse } : {}), ...(p.silent ? { silent: true as const } : {}),
      ...(p.compound ? { compound: true as const } : {}), ...(p.otherwise ? { otherwise: p.otherwise } : {}),
      ...(p.skip ? { skip: p.skip } : {}), origin: `${p.file}:${p.line}`,
    });
  }
  return out;
}

/** A file entry as a compiled pattern; `rule` (its id) and file:line name where it came from. */
export function patternOfEntry(e: PetrarchPatternEntry, head: ReadonlySet<string>): Pattern {
  const [file, line] = [e.origin.replace(/:\d+$/, ''), Number(/:(\d+)$/.exec(e.origin)?.[1])];
  return {
    id: e.id, cameo: e.cameo, phrase: '', nominal: false, target: e.target === 'any' ? [...ANY_TARGET] : e.target, source: ['by', 'of'], symmetric: false, inverse: e.inverse,
    needsTarget: e.needsTarget, activeOnly: false, unless: [], confidence: 0.8, file, line, literal: true, generated: true,
    elements: [{ kind: 'word', words: head, optional: false }, ...e.after.map(fromEntry)],
    ...(e.before.length ? { before: e.before.map(fromEntry) } : {}),
    ...(e.reverse ? { reverse: e.reverse } : {}), ...(e.silent ? { silent: true } : {}), ...(e.compound ? { compound: true } : {}),
    ...(e.otherwise ? { otherwise: e.otherwise } : {}), ...(e.skip ? { skip: e.skip } : {}),
  };
}

/** Loads a generated file of converted patterns, validated; codes must have a CAMEO code or ancestor. */
export function loadPetrarchPatterns(file: string, codeKnown: (code: string) => boolean): { patterns: Pattern[]; source: KnowledgeSource } {
  const data = loadDataFile(file, 'petrarch-patterns', petrarchFileEntrySchema);
  const issues: KnowledgeIssue[] = [];
  const sets = new Map<string, ReadonlySet<string>>();
  const patterns: Pattern[] = [];
  for (const { value, line } of data.entries) {
    if ('set' in value) {
      sets.set(value.set, new Set(value.words));
      continue;
    }
    const head = sets.get(value.head);
    const bad = [value.cameo, value.reverse, value.otherwise].find((c) => c !== undefined && c !== '---' && !codeKnown(c));
    if (!head) issues.push({ file: data.file, line, entry: value.id, message: `head set ${value.head} is not defined before it` });
    else if (bad) issues.push({ file: data.file, line, entry: value.id, message: `the code ${bad} has no CAMEO code or ancestor` });
    else patterns.push(patternOfEntry(value, head));
  }
  if (issues.length) throw new KnowledgeError(issues);
  return { patterns, source: { file: data.file, version: data.version } };
}
