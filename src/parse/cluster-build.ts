/**
 * Distributional word clusters for the parser's features (after Koo et al. 2008, who used Brown
 * clusters): each frequent word of unlabeled text gets a vector of PPMI-weighted counts of the words
 * at positions -2, -1, +1, +2 around it, randomly projected to a few hundred dimensions; bisecting
 * 2-means then splits the words into a binary tree, and a word's cluster is its path in that tree
 * (a bit string, so prefixes are coarser clusters, as with Brown's). Deterministic: no randomness
 * beyond hashes of fixed inputs.
 */
import { foldForm } from './atoms.js';
import { fmix, hashString, mix } from './perceptron.js';

/** Splits text roughly as UD English does: punctuation, clitics ("n't", "'s") and hyphens apart. */
const TOKEN = /[A-Za-z]+(?=n't\b)|n't\b|'(?:s|re|ve|ll|d|m)\b|(?:[A-Za-z]\.){2,}|\d+(?:[.,:]\d+)*|[A-Za-z]+|[^\sA-Za-z\d]/g;

export function corpusTokens(text: string): string[] {
  return (text.match(TOKEN) ?? []).map(foldForm);
}

export interface ClusterOptions {
  readonly minCount: number;
  readonly maxWords: number;
  readonly contexts: number;
  readonly dims: number;
  readonly depth: number;
  readonly minLeaf: number;
  /** Context distribution smoothing exponent (Levy et al. 2015; 1: none, 0.75 is usual). */
  readonly alpha: number;
}

/** Word counts and the vocabulary (most frequent first, ties by form). */
export function vocabulary(sents: readonly string[][], o: ClusterOptions): { words: string[]; index: Map<string, number> } {
  const freq = new Map<string, number>();
  for (const s of sents) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  const words = [...freq.entries()].filter(([, c]) => c >= o.minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, o.maxWords).map(([w]) => w);
  return { words, index: new Map(words.map((w, i) => [w, i])) };
}

const OFFSETS = [-2, -1, 1, 2];

/** Co-occurrence pairs, sorted and counted: key = word * 8192 + context (offset slot * C + context word). */
function cooccurrence(sents: readonly string[][], index: Map<string, number>, c: number): { keys: Uint32Array; counts: Uint32Array } {
  let n = 0;
  for (const s of sents) n += s.length * OFFSETS.length;
  const all = new Uint32Array(n);
  let o = 0;
  for (const s of sents) {
    const ids = s.map((w) => index.get(w) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] < 0) continue;
      for (let slot = 0; slot < OFFSETS.length; slot++) {
        const j = i + OFFSETS[slot];
        const x = j < 0 ? c - 2 : j >= ids.length ? c - 1 : ids[j] >= 0 && ids[j] < c - 3 ? ids[j] : c - 3;
        all[o++] = ids[i] * 8192 + slot * c + x;
      }
    }
  }
  const sorted = all.subarray(0, o).sort();
  const keys: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    keys.push(sorted[i]);
    counts.push(j - i);
    i = j;
  }
  return { keys: Uint32Array.from(keys), counts: Uint32Array.from(counts) };
}

/** PPMI weights (contexts smoothed), projected by a fixed pseudo-random +-1 matrix to `dims`, then L2-normalised. */
function project(pairs: { keys: Uint32Array; counts: Uint32Array }, v: number, dims: number, alpha: number): Float32Array[] {
  const rowTotal = new Float64Array(v);
  const ctxTotal = new Float64Array(8192);
  pairs.keys.forEach((k, i) => {
    rowTotal[Math.floor(k / 8192)] += pairs.counts[i];
    ctxTotal[k % 8192] += pairs.counts[i];
  });
  // Context distribution smoothing (alpha < 1): rare contexts' PMI is not inflated.
  const smooth = ctxTotal.map((n) => n ** alpha);
  const smoothTotal = smooth.reduce((a, b) => a + b, 0);
  const signs = Array.from({ length: 8192 }, (_, k) => Float32Array.from({ length: dims }, (_, d) => ((fmix(mix(fmix(mix(0x1234567, k)), d)) & 1) === 1 ? 1 : -1)));
  const vecs = Array.from({ length: v }, () => new Float32Array(dims));
  pairs.keys.forEach((k, i) => {
    const w = Math.floor(k / 8192);
    const ctx = k % 8192;
    const pmi = Math.log((pairs.counts[i] * smoothTotal) / (rowTotal[w] * smooth[ctx]));
    if (pmi <= 0) return;
    const vec = vecs[w];
    const sign = signs[ctx];
    for (let d = 0; d < dims; d++) vec[d] += sign[d] * pmi;
  });
  for (const vec of vecs) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += vec[d] * vec[d];
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) vec[d] /= norm;
  }
  return vecs;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d] * b[d];
  return s;
}

function centroid(vecs: readonly Float32Array[], members: readonly number[]): Float32Array {
  const c = new Float32Array(vecs[0].length);
  for (const m of members) for (let d = 0; d < c.length; d++) c[d] += vecs[m][d];
  return c;
}

/** The members' principal direction (power iteration from a fixed start), after centring on `mu`. */
function principal(vecs: readonly Float32Array[], members: readonly number[], mu: Float32Array): Float32Array {
  let v = Float32Array.from(mu, (_, d) => ((fmix(mix(0x7f4a7c15, d)) & 1) === 1 ? 1 : -1));
  for (let it = 0; it < 12; it++) {
    const next = new Float32Array(mu.length);
    for (const m of members) {
      let p = 0;
      for (let d = 0; d < mu.length; d++) p += (vecs[m][d] - mu[d]) * v[d];
      for (let d = 0; d < mu.length; d++) next[d] += p * (vecs[m][d] - mu[d]);
    }
    const norm = Math.sqrt(dot(next, next)) || 1;
    v = next.map((x) => x / norm);
  }
  return v;
}

/** 2-means of `members`, started from the split of their principal direction at the mean. */
function split(vecs: readonly Float32Array[], members: readonly number[]): [number[], number[]] {
  const mu = centroid(vecs, members).map((x) => x / members.length);
  const v = principal(vecs, members, mu);
  const bias = dot(mu, v);
  let left = members.filter((m) => dot(vecs[m], v) >= bias);
  let right = members.filter((m) => dot(vecs[m], v) < bias);
  for (let it = 0; it < 8 && left.length > 0 && right.length > 0; it++) {
    const a = centroid(vecs, left).map((x) => x / left.length);
    const b = centroid(vecs, right).map((x) => x / right.length);
    const aa = dot(a, a);
    const bb = dot(b, b);
    const l: number[] = [];
    const r: number[] = [];
    for (const m of members) (2 * dot(vecs[m], a) - aa >= 2 * dot(vecs[m], b) - bb ? l : r).push(m);
    if (l.length === 0 || r.length === 0) break;
    left = l;
    right = r;
  }
  return [left, right];
}

/** Each word's path in the bisecting tree, as a string of 0s and 1s. */
export function clusterPaths(sents: readonly string[][], o: ClusterOptions): Map<string, string> {
  const { words, index } = vocabulary(sents, o);
  const vecs = project(cooccurrence(sents, index, o.contexts), words.length, o.dims, o.alpha);
  const paths = new Map<string, string>();
  const queue: { members: number[]; path: string }[] = [{ members: words.map((_, i) => i), path: '' }];
  while (queue.length > 0) {
    const { members, path } = queue.pop()!;
    const [l, r] = path.length < o.depth && members.length >= 2 * o.minLeaf ? split(vecs, members) : [[], []];
    if (l.length < o.minLeaf || r.length < o.minLeaf) {
      for (const m of members) paths.set(words[m], path || '0');
      continue;
    }
    queue.push({ members: l, path: `${path}0` }, { members: r, path: `${path}1` });
  }
  return paths;
}

/** A stable hash of a cluster file's content (its lines in vocabulary order). */
export function clusterDigest(lines: readonly string[]): number {
  return hashString(lines.join('\n')) >>> 0;
}
