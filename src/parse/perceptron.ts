/**
 * Hashed linear models for the tagger and the parser.
 *
 * A feature is a 32-bit hash of (template, atoms); its row in a table is `hash & (rows - 1)`.
 * Each row holds one weight per class. Training uses the averaged perceptron with the
 * "sum of timestamps" trick (w_avg = w - u / c); the run-time model holds the averaged weights
 * quantised to 16-bit integers (argmax is unchanged by the common scale).
 */

/** FNV-1a over a string's UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Mixes one more atom into a running hash (MurmurHash3 body step). */
export function mix(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let r = h ^ k;
  r = (r << 13) | (r >>> 19);
  return (Math.imul(r, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3 finaliser. */
export function fmix(h: number): number {
  let r = h ^ (h >>> 16);
  r = Math.imul(r, 0x85ebca6b);
  r ^= r >>> 13;
  r = Math.imul(r, 0xc2b2ae35);
  return (r ^ (r >>> 16)) >>> 0;
}

export function h1(t: number, a: number): number {
  return fmix(mix(t, a));
}
export function h2(t: number, a: number, b: number): number {
  return fmix(mix(mix(t, a), b));
}
export function h3(t: number, a: number, b: number, c: number): number {
  return fmix(mix(mix(mix(t, a), b), c));
}
export function h4(t: number, a: number, b: number, c: number, d: number): number {
  return fmix(mix(mix(mix(mix(t, a), b), c), d));
}

/**
 * Hashes staged features: feature i is template `first + i` mixed with its `arity[i]` atoms, staged at
 * `atoms[4 i ..]`, so `out[i]` is what h1..h4 give for them; the first `count` templates are hashed and their number returned. One small
 * loop that V8 compiles with mix and fmix inline.
 */
export function hashStaged(atoms: Int32Array, arity: Uint8Array, first: number, out: Uint32Array, count = arity.length): number {
  const n = count;
  for (let i = 0; i < n; i++) {
    let h = first + i;
    const base = i << 2;
    const k = arity[i];
    for (let q = 0; q < k; q++) h = mix(h, atoms[base + q]);
    out[i] = fmix(h);
  }
  return n;
}

/** A read-only weight table: `rows` rows of `classes` weights. */
export interface WeightTable {
  readonly rows: number;
  readonly classes: number;
  readonly weights: Int16Array | Float32Array;
}

/** A table as the tagger and parser use it at run time: averaged, quantised weights. */
export interface RuntimeTable extends WeightTable {
  readonly weights: Int16Array;
}

/** Adds the rows of `feats[0..n)` into `scores` (length = classes). */
export function score(table: WeightTable, feats: Uint32Array, n: number, scores: Float64Array): void {
  const k = table.classes;
  const w = table.weights;
  const mask = table.rows - 1;
  scores.fill(0, 0, k);
  for (let i = 0; i < n; i++) {
    const base = (feats[i] & mask) * k;
    for (let c = 0; c < k; c++) scores[c] += w[base + c];
  }
}

/** `score` for the run-time (int16) tables: integer sums, which is what the hot path needs. */
export function scoreInt(weights: Int16Array, rows: number, k: number, feats: Uint32Array, n: number, scores: Int32Array): void {
  const mask = rows - 1;
  scores.fill(0, 0, k);
  for (let i = 0; i < n; i++) {
    const base = (feats[i] & mask) * k;
    for (let c = 0; c < k; c++) scores[c] += weights[base + c];
  }
}

/** `score` for three classes (the transition classifier), unrolled. */
export function score3(table: WeightTable, feats: Uint32Array, n: number, scores: Float64Array): void {
  const w = table.weights;
  const mask = table.rows - 1;
  let a = 0;
  let b = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const base = (feats[i] & mask) * 3;
    a += w[base];
    b += w[base + 1];
    c += w[base + 2];
  }
  scores[0] = a;
  scores[1] = b;
  scores[2] = c;
}

/** An averaged perceptron over one table, for training. */
export class Perceptron implements WeightTable {
  readonly rows: number;
  readonly classes: number;
  readonly weights: Float32Array;
  private readonly totals: Float64Array;
  private clock = 1;

  constructor(rowBits: number, classes: number) {
    this.rows = 1 << rowBits;
    this.classes = classes;
    this.weights = new Float32Array(this.rows * classes);
    this.totals = new Float64Array(this.rows * classes);
  }

  /** One training instance seen: advances the averaging clock. */
  tick(): void {
    this.clock++;
  }

  update(feats: Uint32Array, n: number, truth: number, guess: number): void {
    if (truth === guess) return;
    const k = this.classes;
    const mask = this.rows - 1;
    const c = this.clock;
    for (let i = 0; i < n; i++) {
      const base = (feats[i] & mask) * k;
      this.weights[base + truth] += 1;
      this.totals[base + truth] += c;
      this.weights[base + guess] -= 1;
      this.totals[base + guess] -= c;
    }
  }

  /** The averaged weights, quantised to Int16 with rows below `prune` (max |w|) zeroed. */
  averaged(prune: number): Int16Array {
    const k = this.classes;
    const avg = new Float32Array(this.weights.length);
    let max = 0;
    for (let i = 0; i < avg.length; i++) {
      const v = this.weights[i] - this.totals[i] / this.clock;
      avg[i] = v;
      if (Math.abs(v) > max) max = Math.abs(v);
    }
    const scale = max > 0 ? 32767 / max : 1;
    const out = new Int16Array(avg.length);
    for (let r = 0; r < this.rows; r++) {
      let rowMax = 0;
      for (let c = 0; c < k; c++) rowMax = Math.max(rowMax, Math.abs(avg[r * k + c]));
      if (rowMax < prune) continue;
      for (let c = 0; c < k; c++) out[r * k + c] = Math.round(avg[r * k + c] * scale);
    }
    return out;
  }
}

/**
 * A run-time table kept sparse, for tables with many classes and few weights per feature (tagger,
 * relations): scoring adds only a row's nonzero weights, the same integer sums as dense scoring.
 * `index` holds, per 32 rows, a bitmap of the rows present and where their data starts; `data`
 * holds each present row as its count of weights, then the weights packed (weight << 8) | class.
 * The index is small enough to stay in the cache, and a row's data sits beside its neighbours'.
 * `offsets` holds, per row, where its data starts after its block's start: a lookup reads it beside
 * the index instead of stepping over the block's earlier rows one dependent read at a time (that walk
 * was a fifth of the parser's time).
 */
export interface SparseTable {
  readonly rows: number;
  readonly classes: number;
  readonly index: Int32Array;
  readonly data: Int32Array;
  readonly offsets: Uint16Array;
}

/** The `offsets` of a sparse table's rows (absent rows: 0, never read). */
export function rowOffsets(rows: number, index: Int32Array, data: Int32Array): Uint16Array {
  const offsets = new Uint16Array(rows);
  for (let block = 0; block < rows >>> 5; block++) {
    const bits = index[block * 2];
    const start = index[block * 2 + 1];
    let j = start;
    for (let s = 0; s < 32; s++) {
      if (((bits >>> s) & 1) === 0) continue;
      if (j - start > 0xffff) throw new RangeError('rowOffsets: a block of rows holds more than 65,535 weights');
      offsets[block * 32 + s] = j - start;
      j += data[j] + 1;
    }
  }
  return offsets;
}

export function sparseTable(t: RuntimeTable): SparseTable {
  const k = t.classes;
  const w = t.weights;
  if (t.rows % 32 !== 0) throw new RangeError('sparseTable: the rows must be a multiple of 32');
  let size = 0;
  for (let r = 0; r < t.rows; r++) {
    let nz = 0;
    for (let c = 0; c < k; c++) if (w[r * k + c] !== 0) nz++;
    if (nz > 0) size += nz + 1;
  }
  const index = new Int32Array((t.rows / 32) * 2);
  const data = new Int32Array(size);
  let o = 0;
  for (let r = 0; r < t.rows; r++) {
    if ((r & 31) === 0) index[(r >>> 5) * 2 + 1] = o;
    const countAt = o;
    let nz = 0;
    for (let c = 0; c < k; c++) {
      const v = w[r * k + c];
      if (v !== 0) data[countAt + 1 + nz++] = (v << 8) | c;
    }
    if (nz === 0) continue;
    data[countAt] = nz;
    o += nz + 1;
    index[(r >>> 5) * 2] |= 1 << (r & 31);
  }
  return { rows: t.rows, classes: k, index, data, offsets: rowOffsets(t.rows, index, data) };
}

/** `scoreInt` over a sparse table. */
export function scoreSparse(t: SparseTable, feats: Uint32Array, n: number, scores: Int32Array): void {
  const mask = t.rows - 1;
  const index = t.index;
  const data = t.data;
  const offsets = t.offsets;
  scores.fill(0, 0, t.classes);
  for (let i = 0; i < n; i++) {
    const r = feats[i] & mask;
    const at = (r >>> 5) << 1;
    if (((index[at] >>> (r & 31)) & 1) === 0) continue;
    let j = index[at + 1] + offsets[r];
    const end = j + 1 + data[j];
    for (j++; j < end; j++) {
      const x = data[j];
      scores[x & 255] += x >> 8;
    }
  }
}
