/**
 * A greedy left-to-right UPOS tagger: averaged perceptron over hashed features of the word,
 * its neighbours, affixes, shape and the two tags already assigned to its left.
 */
import { type Atoms, UPOS } from './atoms.js';
import { h1, h2, h3, scoreSparse, sparseTable, type RuntimeTable, type SparseTable } from './perceptron.js';

export const TAGGER_FEATURES = 30;
const NONE = 0x5bd1e995;

/** Fills `out` with the features of word i; `tags` holds the tags predicted so far. */
function wordAt(a: Atoms, k: number, i: number): number {
  return k >= 0 && k < a.n ? a.word[k] : NONE + k - i;
}

export function taggerFeatures(a: Atoms, i: number, tags: Int32Array, out: Uint32Array): number {
  const t1 = i > 0 ? tags[i - 1] : -1;
  const t2 = i > 1 ? tags[i - 2] : -1;
  let n = 0;
  out[n++] = h1(1, 0);
  out[n++] = h1(2, a.word[i]);
  out[n++] = h1(3, a.suf3[i]);
  out[n++] = h1(4, a.suf2[i]);
  out[n++] = h1(5, a.pre1[i]);
  out[n++] = h1(6, a.shape[i]);
  out[n++] = h1(7, wordAt(a, i - 1, i));
  out[n++] = h1(8, wordAt(a, i + 1, i));
  out[n++] = h1(9, wordAt(a, i - 2, i));
  out[n++] = h1(10, wordAt(a, i + 2, i));
  out[n++] = h1(11, t1);
  out[n++] = h2(12, t1, t2);
  out[n++] = h2(13, t1, a.word[i]);
  out[n++] = h2(14, wordAt(a, i - 1, i), a.word[i]);
  out[n++] = h2(15, a.word[i], wordAt(a, i + 1, i));
  out[n++] = h1(16, i + 1 < a.n ? a.suf3[i + 1] : NONE);
  out[n++] = h1(17, i > 0 ? a.suf3[i - 1] : NONE);
  out[n++] = h2(18, a.shape[i], i === 0 ? 1 : 0);
  out[n++] = h1(19, i + 1 < a.n ? a.shape[i + 1] : NONE);
  out[n++] = h2(20, t1, a.suf3[i]);
  out[n++] = h3(21, t1, a.word[i], wordAt(a, i + 1, i));
  out[n++] = h2(22, a.word[i], i + 2 < a.n ? a.word[i + 2] : NONE);
  out[n++] = h1(23, a.raw[i]);
  out[n++] = h1(24, a.suf4[i]);
  out[n++] = h1(25, a.pre3[i]);
  out[n++] = h2(26, t1, wordAt(a, i + 1, i));
  out[n++] = h2(27, wordAt(a, i - 1, i), a.suf3[i]);
  out[n++] = h1(28, i > 0 ? a.shape[i - 1] : NONE);
  out[n++] = h2(29, a.raw[i], i === 0 ? 1 : 0);
  out[n++] = h2(30, a.suf3[i], i + 1 < a.n ? a.suf3[i + 1] : NONE);
  return n;
}

const compiled = new WeakMap<RuntimeTable, SparseTable>();

/** Tags a sentence; returns indices into UPOS. */
export function tagAtoms(table: RuntimeTable | SparseTable, a: Atoms): Int32Array {
  let t: SparseTable | undefined;
  if ('data' in table) t = table;
  else {
    t = compiled.get(table);
    if (!t) compiled.set(table, (t = sparseTable(table)));
  }
  return tagSparse(t, a, new Int32Array(a.n), new Uint32Array(TAGGER_FEATURES), new Int32Array(UPOS.length));
}

/** Tags a sentence into `tags` with the caller's buffers (`feats`: TAGGER_FEATURES, `scores`: UPOS.length). */
export function tagSparse(t: SparseTable, a: Atoms, tags: Int32Array, feats: Uint32Array, scores: Int32Array): Int32Array {
  for (let i = 0; i < a.n; i++) {
    const n = taggerFeatures(a, i, tags, feats);
    scoreSparse(t, feats, n, scores);
    let best = 0;
    for (let c = 1; c < UPOS.length; c++) if (scores[c] > scores[best]) best = c;
    tags[i] = best;
  }
  return tags;
}
