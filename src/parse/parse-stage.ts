/**
 * parse: a dependency tree for every sentence (Universal Dependencies relations), from dyad's own
 * tagger and transition parser (data/parse/en_ewt.dyadparse, trained on UD English-EWT).
 * The parser reads the pipeline's own tokens (wink's); see ./tokens.ts for how their forms are
 * put into the shape UD tokenisation has.
 */
import { fileURLToPath } from 'node:url';
import { layer, type Dependency, type Doc, type Pos } from '../core/doc.js';
import type { Stage } from '../core/stage.js';
import { readCompiledModel } from './model-file.js';
import { Parser } from './parser.js';
import { leadWords, parserWords } from './tokens.js';

export const MODEL_FILE = fileURLToPath(new URL('../../data/parse/en_ewt.dyadparse', import.meta.url));

let shared: Parser | null = null;

/** One parser per process; the model loads on first use. */
export function parser(): Parser {
  shared ??= new Parser(readCompiledModel(MODEL_FILE));
  return shared;
}

/** The dependency layer of a Doc that has sentences and tokens. */
export function parseDoc(doc: Doc, p: Parser = parser()): Dependency[] {
  const tokens = layer(doc, 'tokens');
  const out: Dependency[] = new Array<Dependency>(tokens.length);
  for (const s of layer(doc, 'sentences')) {
    const words = parserWords(tokens, s.tokenStart, s.tokenEnd);
    const parse = p.parse(words.forms);
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
  return out;
}

export class ParseStage implements Stage {
  readonly name = 'parse';
  readonly requires = ['sentences', 'tokens'] as const;
  readonly provides = ['deps'] as const;

  warm(): void {
    parser();
  }

  run(doc: Doc): Doc {
    return { ...doc, deps: parseDoc(doc) };
  }
}
