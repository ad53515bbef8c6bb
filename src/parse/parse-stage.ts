/**
 * parse: a dependency tree for every sentence (Universal Dependencies relations), from dyad's own
 * tagger and transition parser (data/parse/en_ewt.dyadparse, trained on UD English-EWT). The stage
 * parses a sentence when its parse is first read (./lazy-deps.ts): the coder reads few sentences' parses.
 * The parser reads the pipeline's own tokens (wink's); see ./tokens.ts for how their forms are
 * put into the shape UD tokenisation has.
 */
import { fileURLToPath } from 'node:url';
import { layer, type Dependency, type Doc, type Pos, type Sentence, type Token } from '../core/doc.js';
import type { Stage } from '../core/stage.js';
import { lazyDependencies } from './lazy-deps.js';
import { readCompiledModel } from './model-file.js';
import { Parser, type SentenceParse } from './parser.js';
import { leadWords, parserWords } from './tokens.js';

export const MODEL_FILE = fileURLToPath(new URL('../../data/parse/en_ewt.dyadparse', import.meta.url));

let shared: Parser | null = null;

/** One parser per process; the model loads on first use. */
export function parser(): Parser {
  shared ??= new Parser(readCompiledModel(MODEL_FILE));
  return shared;
}

/**
 * Parses by a sentence's word forms (a parse depends on the forms alone). Short sentences recur from
 * one document to the next (datelines, bylines, "Advertisement", runs of punctuation), where a
 * sentence's fixed cost in the parser is most of its time: they are kept for the process, in a bounded
 * memo emptied when full. Any sentence that recurs within a document (a page's repeated boilerplate,
 * a run of markup or of one word cut into sentences of MAX_SENTENCE_TOKENS) is parsed once for it.
 */
export const MEMO_MAX_WORDS = 8;
const MEMO_MAX_ENTRIES = 16384;
const memo = new Map<string, SentenceParse>();
let memoParser: Parser | null = null;

/** `p.parse(forms)`, from the process's memo (short sentences) or the document's (`seen`) when parsed before. */
function parseForms(p: Parser, forms: readonly string[], seen: Map<string, SentenceParse>): SentenceParse {
  const key = forms.join('\u0000');
  const short = forms.length <= MEMO_MAX_WORDS;
  if (short && memoParser !== p) {
    memo.clear();
    memoParser = p;
  }
  const kept = short ? memo : seen;
  const known = kept.get(key);
  if (known !== undefined) return known;
  if (short && memo.size >= MEMO_MAX_ENTRIES) memo.clear();
  const parse = p.parse(forms);
  kept.set(key, parse);
  return parse;
}

/** Writes sentence `s`'s dependencies into `out`, at the indices of its tokens. */
function parseSentence(p: Parser, tokens: readonly Token[], s: Sentence, seen: Map<string, SentenceParse>, out: Dependency[]): void {
  const words = parserWords(tokens, s.tokenStart, s.tokenEnd);
  const parse = parseForms(p, words.forms, seen);
  const lead = leadWords(words, parse.heads);
  for (let k = 0; k < lead.length; k++) {
    const w = lead[k];
    const h = parse.heads[w];
    out[s.tokenStart + k] = {
      head: h < 0 ? -1 : s.tokenStart + words.tokenOf[h],
      rel: parse.rels[w],
      upos: parse.tags[w] as Pos,
    };
  }
}

/** The dependency layer of a Doc that has sentences and tokens, every sentence parsed now. */
export function parseDoc(doc: Doc, p: Parser = parser()): Dependency[] {
  const tokens = layer(doc, 'tokens');
  const out: Dependency[] = new Array<Dependency>(tokens.length);
  const seen = new Map<string, SentenceParse>();
  for (const s of layer(doc, 'sentences')) parseSentence(p, tokens, s, seen, out);
  return out;
}

/** The same layer, each sentence parsed when one of its tokens' dependencies is first read (./lazy-deps.ts). */
export function lazyParseDoc(doc: Doc, p: Parser = parser()): Dependency[] {
  const tokens = layer(doc, 'tokens');
  const seen = new Map<string, SentenceParse>();
  return lazyDependencies(tokens, layer(doc, 'sentences'), (s, out) => parseSentence(p, tokens, s, seen, out));
}

export class ParseStage implements Stage {
  readonly name = 'parse';
  readonly requires = ['sentences', 'tokens'] as const;
  readonly provides = ['deps'] as const;

  warm(): void {
    parser();
  }

  run(doc: Doc): Doc {
    return { ...doc, deps: lazyParseDoc(doc) };
  }
}
