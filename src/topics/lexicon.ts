/**
 * The topic lexicon: PLOVER contexts and the words and phrases that signal them, from
 * data/topics/contexts.yaml. Compiled into a map from a term's first word to the terms that
 * start with it, so matching a document costs one map lookup per token.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { Token } from '../core/doc.js';
import type { KnowledgeSource } from '../knowledge/knowledge.js';
import { loadDataFile } from '../knowledge/data-file.js';

export const TOPICS_KIND = 'topics';

export const contextEntrySchema = z.object({
  id: z.string().regex(/^[a-z][a-z_]*$/, 'expected a PLOVER context name in lower_snake_case'),
  theme: z.string().regex(/^[a-z][a-z_]*$/).optional(),
  terms: z.array(z.string().min(1).refine((t) => t === t.toLowerCase().trim(), 'terms must be lower case, without outer spaces')).min(1),
}).strict();

export type ContextEntry = z.infer<typeof contextEntrySchema>;

/** A term found in the tokens. */
export interface TopicHit {
  readonly context: string;
  readonly term: string;
  /** Token indices: first (inclusive) and last (exclusive). */
  readonly start: number;
  readonly end: number;
}

export interface TopicLexicon {
  readonly sources: readonly KnowledgeSource[];
  /** Every context id, in file order. */
  readonly contexts: readonly string[];
  /** The plain topic a context belongs to ("natural_resource" -> "energy"); the id when none is set. */
  themeOf(context: string): string;
  /** Terms found in tokens[from, to), in text order; at each token the longest term wins. */
  find(tokens: readonly Token[], from: number, to: number): TopicHit[];
}

interface CompiledTerm {
  readonly context: string;
  readonly term: string;
  readonly words: readonly string[];
}

const NOT_WORD = /[^\p{L}\p{N}]/u;

/** The leading run of letters and digits: the index key of a word or token. */
function head(word: string): string {
  const cut = word.search(NOT_WORD);
  return cut < 0 ? word : word.slice(0, cut);
}

/**
 * Matches one word of a term at token j: the token's lemma or text equals it, or adjacent tokens
 * (no space between) spell it ("covid" "-" "19" for "covid-19"). Returns the next token index.
 */
function matchWord(tokens: readonly Token[], j: number, to: number, word: string): number | null {
  const t = tokens[j];
  if (t.normal === word || t.lemma === word) return j + 1;
  let text = t.normal;
  for (let k = j + 1; k < to && word.startsWith(text) && text.length < word.length; k++) {
    if (tokens[k].start !== tokens[k - 1].end) return null;
    text += tokens[k].normal;
    if (text === word) return k + 1;
  }
  return null;
}

function matchTerm(tokens: readonly Token[], i: number, to: number, term: CompiledTerm): number | null {
  let j = i;
  for (const word of term.words) {
    if (j >= to) return null;
    const next = matchWord(tokens, j, to, word);
    if (next === null) return null;
    j = next;
  }
  return j;
}

export class CompiledLexicon implements TopicLexicon {
  readonly sources: readonly KnowledgeSource[];
  readonly contexts: readonly string[];
  private readonly themes: ReadonlyMap<string, string>;
  private readonly byHead = new Map<string, CompiledTerm[]>();

  constructor(entries: readonly ContextEntry[], sources: readonly KnowledgeSource[]) {
    this.sources = sources;
    this.contexts = entries.map((e) => e.id);
    this.themes = new Map(entries.map((e) => [e.id, e.theme ?? e.id]));
    for (const e of entries) {
      for (const term of e.terms) {
        const words = term.split(/\s+/);
        const key = head(words[0]);
        const list = this.byHead.get(key) ?? [];
        list.push({ context: e.id, term, words });
        this.byHead.set(key, list);
      }
    }
    for (const list of this.byHead.values()) list.sort((a, b) => b.words.length - a.words.length || b.term.length - a.term.length);
  }

  themeOf(context: string): string {
    return this.themes.get(context) ?? context;
  }

  find(tokens: readonly Token[], from: number, to: number): TopicHit[] {
    const hits: TopicHit[] = [];
    for (let i = from; i < to; i++) {
      const t = tokens[i];
      const candidates = this.candidates(t);
      for (const term of candidates) {
        const end = matchTerm(tokens, i, to, term);
        if (end === null) continue;
        hits.push({ context: term.context, term: term.term, start: i, end });
        break;
      }
    }
    return hits;
  }

  private candidates(t: Token): readonly CompiledTerm[] {
    const normalHead = head(t.normal);
    const a = this.byHead.get(normalHead) ?? [];
    const lemmaHead = t.lemma === t.normal ? normalHead : head(t.lemma);
    if (lemmaHead === normalHead) return a;
    const b = this.byHead.get(lemmaHead) ?? [];
    return a.length === 0 ? b : b.length === 0 ? a : [...a, ...b].sort((x, y) => y.words.length - x.words.length);
  }
}

/** Loads data/topics/contexts.yaml from `dataDir` (the data/ folder). */
export function loadTopicLexicon(dataDir: string): TopicLexicon {
  const file = loadDataFile(join(dataDir, 'topics', 'contexts.yaml'), TOPICS_KIND, contextEntrySchema);
  return new CompiledLexicon(file.entries.map((e) => e.value), [{ file: file.file, version: file.version }]);
}
