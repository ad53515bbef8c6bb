/**
 * A greedy left-to-right UPOS tagger: averaged perceptron over hashed features of the word,
 * its neighbours, affixes, shape and the two tags already assigned to its left.
 */
import { type Atoms, UPOS } from './atoms.js';
import { h1, h2, h3, score, type WeightTable } from './perceptron.js';

export const TAGGER_FEATURES = 22;
const NONE = 0x5bd1e995;

/** Fills `out` with the features of word i; `tags` holds the tags predicted so far. */
export function taggerFeatures(a: Atoms, i: number, tags: Int32Array, out: Uint32Array): number {
  const w = (k: number): number => (k >= 0 && k < a.n ? a.word[k] : NONE + k - i);
  const t1 = i > 0 ? tags[i - 1] : -1;
  const t2 = i > 1 ? tags[i - 2] : -1;
  let n = 0;
  out[n++] = h1(1, 0);
  out[n++] = h1(2, a.word[i]);
  out[n++] = h1(3, a.suf3[i]);
  out[n++] = h1(4, a.suf2[i]);
  out[n++] = h1(5, a.pre1[i]);
  out[n++] = h1(6, a.shape[i]);
  out[n++] = h1(7, w(i - 1));
  out[n++] = h1(8, w(i + 1));
  out[n++] = h1(9, w(i - 2));
  out[n++] = h1(10, w(i + 2));
  out[n++] = h1(11, t1);
  out[n++] = h2(12, t1, t2);
  out[n++] = h2(13, t1, a.word[i]);
  out[n++] = h2(14, w(i - 1), a.word[i]);
  out[n++] = h2(15, a.word[i], w(i + 1));
  out[n++] = h1(16, i + 1 < a.n ? a.suf3[i + 1] : NONE);
  out[n++] = h1(17, i > 0 ? a.suf3[i - 1] : NONE);
  out[n++] = h2(18, a.shape[i], i === 0 ? 1 : 0);
  out[n++] = h1(19, i + 1 < a.n ? a.shape[i + 1] : NONE);
  out[n++] = h2(20, t1, a.suf3[i]);
  out[n++] = h3(21, t1, a.word[i], w(i + 1));
  out[n++] = h2(22, a.word[i], i + 2 < a.n ? a.word[i + 2] : NONE);
  return n;
}

/** Tags a sentence; returns indices into UPOS. */
export function tagAtoms(table: WeightTable, a: Atoms): Int32Array {
  const tags = new Int32Array(a.n);
  const feats = new Uint32Array(TAGGER_FEATURES);
  const scores = new Float64Array(UPOS.length);
  for (let i = 0; i < a.n; i++) {
    const n = taggerFeatures(a, i, tags, feats);
    score(table, feats, n, scores);
    let best = 0;
    for (let c = 1; c < UPOS.length; c++) if (scores[c] > scores[best]) best = c;
    tags[i] = best;
  }
  return tags;
}
