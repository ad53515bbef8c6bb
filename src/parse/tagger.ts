/**
 * A greedy left-to-right UPOS tagger: averaged perceptron over hashed features of the word,
 * its neighbours, affixes, shape and the two tags already assigned to its left.
 */
import { type Atoms, UPOS } from './atoms.js';
import { hashStaged, scoreSparse, sparseTable, type RuntimeTable, type SparseTable } from './perceptron.js';

export const TAGGER_FEATURES = 36;
const NONE = 0x5bd1e995;

/** The templates' atoms, staged for `hashStaged` (see features.ts). */
const TAGGER_ARITY = Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 2, 1, 2, 3, 2, 1, 1, 1, 2, 2, 1, 2, 2, 1, 1, 1, 1, 1, 2]);
const TAGGER_ATOMS = new Int32Array(TAGGER_FEATURES * 4);

/** Fills `out` with the features of word i; `tags` holds the tags predicted so far. */
function wordAt(a: Atoms, k: number, i: number): number {
  return k >= 0 && k < a.n ? a.word[k] : NONE + k - i;
}

export function taggerFeatures(a: Atoms, i: number, tags: Int32Array, out: Uint32Array, count = TAGGER_FEATURES): number {
  const t1 = i > 0 ? tags[i - 1] : -1;
  const t2 = i > 1 ? tags[i - 2] : -1;
  const v = TAGGER_ATOMS;
  v[0] = 0; v[4] = a.word[i]; v[8] = a.suf3[i]; v[12] = a.suf2[i];
  v[16] = a.pre1[i]; v[20] = a.shape[i]; v[24] = wordAt(a, i - 1, i);
  v[28] = wordAt(a, i + 1, i); v[32] = wordAt(a, i - 2, i); v[36] = wordAt(a, i + 2, i);
  v[40] = t1; v[44] = t1; v[45] = t2; v[48] = t1; v[49] = a.word[i];
  v[52] = wordAt(a, i - 1, i); v[53] = a.word[i];
  v[56] = a.word[i]; v[57] = wordAt(a, i + 1, i); v[60] = i + 1 < a.n ? a.suf3[i + 1] : NONE;
  v[64] = i > 0 ? a.suf3[i - 1] : NONE; v[68] = a.shape[i]; v[69] = i === 0 ? 1 : 0;
  v[72] = i + 1 < a.n ? a.shape[i + 1] : NONE; v[76] = t1; v[77] = a.suf3[i];
  v[80] = t1; v[81] = a.word[i]; v[82] = wordAt(a, i + 1, i);
  v[84] = a.word[i]; v[85] = i + 2 < a.n ? a.word[i + 2] : NONE; v[88] = a.raw[i];
  v[92] = a.suf4[i]; v[96] = a.pre3[i]; v[100] = t1; v[101] = wordAt(a, i + 1, i);
  v[104] = wordAt(a, i - 1, i); v[105] = a.suf3[i]; v[108] = i > 0 ? a.shape[i - 1] : NONE;
  v[112] = a.raw[i]; v[113] = i === 0 ? 1 : 0;
  v[116] = a.suf3[i]; v[117] = i + 1 < a.n ? a.suf3[i + 1] : NONE;
  v[120] = a.cf[i]; v[124] = a.c6[i]; v[128] = a.c4[i];
  v[132] = i > 0 ? a.cf[i - 1] : NONE; v[136] = i + 1 < a.n ? a.cf[i + 1] : NONE;
  v[140] = t1; v[141] = a.cf[i];
  return hashStaged(TAGGER_ATOMS, TAGGER_ARITY, 1, out, count);
}

const compiled = new WeakMap<RuntimeTable, SparseTable>();

/** A tagged sentence: the best tag of each word, and its runner-up where the tagger was unsure (else the same tag). */
export interface Tagged {
  readonly tags: Int32Array;
  readonly alt: Int32Array;
}

/** Tags a sentence; returns indices into UPOS. */
export function tagAtoms(table: RuntimeTable | SparseTable, a: Atoms, count = TAGGER_FEATURES): Int32Array {
  return tagAtomsAlt(table, a, count).tags;
}

/** `tagAtoms` with the runner-up tags. */
export function tagAtomsAlt(table: RuntimeTable | SparseTable, a: Atoms, count = TAGGER_FEATURES): Tagged {
  let t: SparseTable | undefined;
  if ('data' in table) t = table;
  else {
    t = compiled.get(table);
    if (!t) compiled.set(table, (t = sparseTable(table)));
  }
  const alt = new Int32Array(a.n);
  const tags = tagSparse(t, a, new Int32Array(a.n), new Uint32Array(TAGGER_FEATURES), new Int32Array(UPOS.length), alt, count);
  return { tags, alt };
}

/**
 * Tags a sentence into `tags` with the caller's buffers (`feats`: TAGGER_FEATURES, `scores`: UPOS.length);
 * the first `count` templates; `alt`, when given, gets each word's second-best tag where its margin is small (ALT_MARGIN), else its tag.
 */
export function tagSparse(t: SparseTable, a: Atoms, tags: Int32Array, feats: Uint32Array, scores: Int32Array, alt?: Int32Array, count = TAGGER_FEATURES): Int32Array {
  for (let i = 0; i < a.n; i++) {
    const n = taggerFeatures(a, i, tags, feats, count);
    scoreSparse(t, feats, n, scores);
    let best = 0;
    let second = -1;
    for (let c = 1; c < UPOS.length; c++) {
      if (scores[c] > scores[best]) {
        second = best;
        best = c;
      } else if (second < 0 || scores[c] > scores[second]) second = c;
    }
    tags[i] = best;
    if (alt) alt[i] = (scores[best] - scores[second]) * ALT_MARGIN < Math.abs(scores[best]) + Math.abs(scores[second]) ? second : best;
  }
  return tags;
}

/** A runner-up tag counts when the margin is under 1/ALT_MARGIN of the two scores' magnitudes. */
const ALT_MARGIN = 4;
