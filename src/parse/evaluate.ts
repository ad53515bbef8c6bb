/**
 * Attachment scores on a treebank with gold tokenisation: UAS (head right) and LAS (head and
 * relation right) over all words, punctuation included (as in the CoNLL 2018 shared task).
 */
import { uposIndex } from './atoms.js';
import type { TreebankSentence } from './conllu.js';
import type { Parser } from './parser.js';

export interface ParseScores {
  readonly words: number;
  readonly uas: number;
  readonly las: number;
  /** UPOS accuracy of the tags the parser ran on. */
  readonly tagAccuracy: number;
}

/** Scores `parser`; `tags` chooses its tags: its own tagger ('own'), the gold ones, or given ones. */
export function evaluateParser(parser: Parser, sents: readonly TreebankSentence[], tags: 'own' | 'gold' | readonly Int32Array[] = 'own'): ParseScores {
  let words = 0;
  let heads = 0;
  let labelled = 0;
  let tagged = 0;
  sents.forEach((s, si) => {
    const forms = s.words.map((w) => w.form);
    const gold = Int32Array.from(s.words, (w) => uposIndex(w.upos));
    const p = tags === 'own' ? parser.parse(forms) : parser.parse(forms, tags === 'gold' ? gold : tags[si]);
    const given = Int32Array.from(p.tags, uposIndex);
    s.words.forEach((w, i) => {
      words++;
      if (given[i] === gold[i]) tagged++;
      if (p.heads[i] + 1 === w.head) {
        heads++;
        if (p.rels[i] === w.rel) labelled++;
      }
    });
  });
  const d = Math.max(1, words);
  return { words, uas: heads / d, las: labelled / d, tagAccuracy: tagged / d };
}
