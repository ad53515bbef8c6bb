/**
 * Integer "atoms" of a sentence's words, computed once per sentence and shared by the tagger's
 * and the parser's feature templates: word form, suffixes, prefix and shape, as 32-bit hashes.
 */
import { NO_CLUSTERS, UNKNOWN_CLUSTER, type WordClusters } from './clusters.js';
import { hashString } from './perceptron.js';

/** UPOS tags in a fixed order (the class numbers of the tagger). */
export const UPOS = [
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART',
  'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
] as const;
export type Upos = (typeof UPOS)[number];
const UPOS_INDEX = new Map<string, number>(UPOS.map((t, i) => [t, i]));

export function uposIndex(tag: string): number {
  return UPOS_INDEX.get(tag) ?? UPOS_INDEX.get('X')!;
}

export interface Atoms {
  readonly n: number;
  readonly word: Int32Array;
  readonly suf3: Int32Array;
  readonly suf2: Int32Array;
  readonly pre1: Int32Array;
  readonly shape: Int32Array;
  /** The form as written (case kept). */
  readonly raw: Int32Array;
  readonly suf4: Int32Array;
  readonly pre3: Int32Array;
  /** Word cluster atoms (see clusters.ts): 4-bit prefix, 6-bit prefix, full path. */
  readonly c4: Int32Array;
  readonly c6: Int32Array;
  readonly cf: Int32Array;
}

/** Folds a form for lookup: lower case, curly quotes straight, digits to 0. */
export function foldForm(form: string): string {
  let out = form.toLowerCase();
  if (/[\d\u2018\u2019\u201C\u201D]/.test(out)) {
    out = out.replace(/\d/g, '0').replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');
  }
  return out;
}

/** Word shape: runs of X, x, d and other characters collapsed, at most 4 runs kept. */
function shapeOf(form: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < form.length && out.length < 4; i++) {
    const ch = form[i];
    const c = ch >= 'A' && ch <= 'Z' ? 'X' : ch >= 'a' && ch <= 'z' ? 'x' : ch >= '0' && ch <= '9' ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

export function sentenceAtoms(forms: readonly string[], clusters: WordClusters = NO_CLUSTERS): Atoms {
  const n = forms.length;
  const word = new Int32Array(n);
  const suf3 = new Int32Array(n);
  const suf2 = new Int32Array(n);
  const pre1 = new Int32Array(n);
  const shape = new Int32Array(n);
  const raw = new Int32Array(n);
  const suf4 = new Int32Array(n);
  const pre3 = new Int32Array(n);
  const c4 = new Int32Array(n);
  const c6 = new Int32Array(n);
  const cf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const f = foldForm(forms[i]);
    word[i] = hashString(f);
    suf3[i] = hashString(f.slice(-3));
    suf2[i] = hashString(f.slice(-2));
    pre1[i] = hashString(f.slice(0, 1));
    shape[i] = hashString(shapeOf(forms[i]));
    raw[i] = hashString(forms[i]);
    suf4[i] = hashString(f.slice(-4));
    pre3[i] = hashString(f.slice(0, 3));
    const k = clusters.index.size > 0 ? clusters.index.get(f) : undefined;
    c4[i] = k === undefined ? UNKNOWN_CLUSTER[0] : clusters.atoms[k * 3];
    c6[i] = k === undefined ? UNKNOWN_CLUSTER[1] : clusters.atoms[k * 3 + 1];
    cf[i] = k === undefined ? UNKNOWN_CLUSTER[2] : clusters.atoms[k * 3 + 2];
  }
  return { n, word, suf3, suf2, pre1, shape, raw, suf4, pre3, c4, c6, cf };
}
