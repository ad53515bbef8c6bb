/**
 * The parser's model file (data/parse/en_ewt.dyadparse), a compact binary format:
 *
 *   bytes 0-7    "DYADPRS1"
 *   bytes 8-11   header length H (uint32, little-endian)
 *   H bytes      header, UTF-8 JSON: { source, licence, labels, tables: [{ name, rowBits, classes, present }] }
 *   per table, in header order, each part starting on an even offset:
 *     ceil(2^rowBits / 8) bytes   bitmap: bit r set when row r has weights (pruned rows are absent)
 *     then the rows that are present, in row order, as the table's `format` says:
 *       dense    classes int16 each (little-endian)
 *       sparse   uint8 count, then count times (uint8 class, int16 weight): for tables with many
 *                classes where a feature has weights for few of them (tagger, relations)
 *
 * `decodeModel` expands each table into a dense Int16Array (rows * classes), for training and tests;
 * `decodeCompiledModel` reads the tagger and relation rows straight into the parser's sparse
 * run-time tables (the transition table stays dense).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readClusters, type WordClusters } from './clusters.js';
import { validFeatureSet, type FeatureSet } from './feature-set.js';
import { DyadError } from '../core/errors.js';
import { rowOffsets, type RuntimeTable, type SparseTable, type WeightTable } from './perceptron.js';
import type { CompiledModel, ParserModel } from './parser.js';

const MAGIC = 'DYADPRS1';
const TABLES = ['tagger', 'actions', 'relations'] as const;

export interface ModelMeta {
  readonly source: string;
  readonly licence: string;
  /** The word cluster file the model was trained with (beside the model file) and its digest. */
  readonly clusters?: { readonly file: string; readonly digest: number };
  /** The feature templates the model uses (absent: the legacy set). */
  readonly features?: FeatureSet;
}

interface TableHeader {
  readonly name: string;
  readonly rowBits: number;
  readonly classes: number;
  readonly present: number;
  readonly format: 'dense' | 'sparse';
  /** Bytes of row data after the bitmap. */
  readonly bytes: number;
}

interface Header extends ModelMeta {
  readonly labels: readonly string[];
  readonly tables: readonly TableHeader[];
}

function bitsOf(rows: number): number {
  return Math.round(Math.log2(rows));
}

function encodeTable(t: WeightTable & { readonly weights: Int16Array }): { header: TableHeader; parts: Buffer[] } {
  const k = t.classes;
  const bitmap = Buffer.alloc(Math.ceil(t.rows / 8));
  const rows: number[] = [];
  let nonzero = 0;
  for (let r = 0; r < t.rows; r++) {
    let nz = 0;
    for (let c = 0; c < k; c++) if (t.weights[r * k + c] !== 0) nz++;
    if (nz === 0) continue;
    rows.push(r);
    nonzero += nz;
    bitmap[r >> 3] |= 1 << (r & 7);
  }
  const format = rows.length + nonzero * 3 < rows.length * k * 2 ? 'sparse' : 'dense';
  const data = Buffer.alloc(format === 'dense' ? rows.length * k * 2 : rows.length + nonzero * 3);
  let o = 0;
  for (const r of rows) {
    if (format === 'dense') {
      for (let c = 0; c < k; c++, o += 2) data.writeInt16LE(t.weights[r * k + c], o);
      continue;
    }
    const countAt = o++;
    let n = 0;
    for (let c = 0; c < k; c++) {
      const v = t.weights[r * k + c];
      if (v === 0) continue;
      data[o] = c;
      data.writeInt16LE(v, o + 1);
      o += 3;
      n++;
    }
    data[countAt] = n;
  }
  const pad = (n: number): Buffer => Buffer.alloc(n % 2);
  return {
    header: { name: '', rowBits: bitsOf(t.rows), classes: k, present: rows.length, format, bytes: data.length },
    parts: [bitmap, pad(bitmap.length), data, pad(data.length)],
  };
}

export function encodeModel(model: ParserModel & Record<(typeof TABLES)[number], { readonly weights: Int16Array }>, meta: ModelMeta): Buffer {
  const tables: TableHeader[] = [];
  const body: Buffer[] = [];
  for (const name of TABLES) {
    const { header, parts } = encodeTable(model[name]);
    tables.push({ ...header, name });
    body.push(...parts);
  }
  const header: Header = { ...meta, labels: model.labels, tables };
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  if ((8 + 4 + json.length) % 2) json = Buffer.concat([json, Buffer.from(' ')]);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length, 0);
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), len, json, ...body]);
}

function fail(file: string, message: string): never {
  throw new DyadError('KNOWLEDGE_INVALID', `parser model: ${message}`, file);
}

/** Expands the present rows of one table into a dense Int16Array; returns it and the end offset. */
function expandRows(b: Uint8Array, bitmapAt: number, dataAt: number, rows: number, k: number, dense: boolean): { weights: Int16Array; end: number } {
  const weights = new Int16Array(rows * k);
  let src = dataAt;
  for (let byte = 0; byte < rows >> 3; byte++) {
    const bits = b[bitmapAt + byte];
    if (bits === 0) continue;
    for (let bit = 0; bit < 8; bit++) {
      if ((bits & (1 << bit)) === 0) continue;
      const base = ((byte << 3) + bit) * k;
      if (dense) {
        for (let c = 0; c < k; c++, src += 2) weights[base + c] = ((b[src] | (b[src + 1] << 8)) << 16) >> 16;
      } else {
        const n = b[src++];
        for (let j = 0; j < n; j++, src += 3) weights[base + b[src]] = ((b[src + 1] | (b[src + 2] << 8)) << 16) >> 16;
      }
    }
  }
  return { weights, end: src };
}

/** Where each table's bitmap and rows start, checked against the buffer's length. */
function tableOffsets(buf: Buffer, file: string): { header: Header; tables: Map<string, { t: TableHeader; bitmapAt: number; dataAt: number }> } {
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) fail(file, `not a dyad parser model (expected magic ${MAGIC})`);
  const hlen = buf.readUInt32LE(8);
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', 12, 12 + hlen)) as Header;
  } catch (e) {
    fail(file, `header is not JSON: ${(e as Error).message}`);
  }
  let o = 12 + hlen;
  const tables = new Map<string, { t: TableHeader; bitmapAt: number; dataAt: number }>();
  for (const t of header.tables) {
    const bitmapLen = Math.ceil((1 << t.rowBits) / 8);
    const dataAt = o + bitmapLen + (bitmapLen % 2);
    if (dataAt + t.bytes > buf.length || t.classes > 255 || t.rowBits < 5) fail(file, `table "${t.name}" is truncated or malformed`);
    tables.set(t.name, { t, bitmapAt: o, dataAt });
    o = dataAt + t.bytes + (t.bytes % 2);
  }
  return { header, tables };
}

function metaOf(header: Header): ModelMeta {
  const { source, licence, clusters, features } = header;
  return { source, licence, ...(clusters ? { clusters } : {}), ...(features ? { features } : {}) };
}

function featuresOf(header: Header, file: string): FeatureSet | undefined {
  if (header.features && !validFeatureSet(header.features)) fail(file, `its feature set ${JSON.stringify(header.features)} is not one this code has`);
  return header.features;
}

/** The clusters a model names, read from beside the model file and checked against its digest. */
function modelClusters(header: Header, file: string): WordClusters | undefined {
  if (!header.clusters) return undefined;
  const path = join(dirname(file), header.clusters.file);
  const clusters = readClusters(path);
  if (clusters.digest !== header.clusters.digest) fail(file, `${path} is not the cluster file the model was trained with`);
  return clusters;
}

export function decodeModel(buf: Buffer, file: string): ParserModel & { readonly meta: ModelMeta } {
  const { header, tables } = tableOffsets(buf, file);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  const out = new Map<string, RuntimeTable>();
  for (const { t, bitmapAt, dataAt } of tables.values()) {
    const rows = 1 << t.rowBits;
    const { weights, end } = expandRows(bytes, bitmapAt, dataAt, rows, t.classes, t.format === 'dense');
    if (end !== dataAt + t.bytes) fail(file, `table "${t.name}" has ${end - dataAt} bytes of rows, header says ${t.bytes}`);
    out.set(t.name, { rows, classes: t.classes, weights });
  }
  const table = (name: string): RuntimeTable => out.get(name) ?? fail(file, `table "${name}" is missing`);
  return {
    labels: header.labels,
    tagger: table('tagger'),
    actions: table('actions'),
    relations: table('relations'),
    clusters: modelClusters(header, file),
    features: featuresOf(header, file),
    meta: metaOf(header),
  };
}

/** The model file's bytes; an unreadable file is a model error naming it. */
function modelBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    fail(file, (e as Error).message);
  }
}

export function readModel(file: string): ParserModel & { readonly meta: ModelMeta } {
  return decodeModel(modelBytes(file), file);
}

/** Calls `row(r, at)` for each present row r of a table, in order; `at` is where its data starts. Returns the end offset. */
function forRows(b: Uint8Array, bitmapAt: number, dataAt: number, rows: number, k: number, dense: boolean, row: (r: number, at: number) => void): number {
  let src = dataAt;
  for (let byte = 0; byte < rows >> 3; byte++) {
    const bits = b[bitmapAt + byte];
    if (bits === 0) continue;
    for (let bit = 0; bit < 8; bit++) {
      if ((bits & (1 << bit)) === 0) continue;
      row((byte << 3) + bit, src);
      src += dense ? 2 * k : 1 + 3 * b[src];
    }
  }
  return src;
}

const int16 = (b: Uint8Array, at: number): number => ((b[at] | (b[at + 1] << 8)) << 16) >> 16;

/** One table read straight into the sparse run-time form (see SparseTable). */
function sparseFromFile(b: Uint8Array, bitmapAt: number, dataAt: number, t: TableHeader): { table: SparseTable; end: number } {
  const rows = 1 << t.rowBits;
  const k = t.classes;
  const dense = t.format === 'dense';
  const index = new Int32Array((rows >>> 5) * 2);
  const data = new Int32Array(dense ? t.present * (k + 1) : t.present + (t.bytes - t.present) / 3);
  let o = 0;
  let block = -1;
  const end = forRows(b, bitmapAt, dataAt, rows, k, dense, (r, at) => {
    for (; block < r >>> 5; block++) index[(block + 1) * 2 + 1] = o;
    const countAt = o++;
    const n = dense ? k : b[at];
    for (let j = 0; j < n; j++) {
      const c = dense ? j : b[at + 1 + 3 * j];
      const v = dense ? int16(b, at + 2 * j) : int16(b, at + 2 + 3 * j);
      if (v !== 0) data[o++] = (v << 8) | c;
    }
    if (o === countAt + 1) { o--; return; }
    data[countAt] = o - countAt - 1;
    index[(r >>> 5) * 2] |= 1 << (r & 31);
  });
  for (; block < (rows >>> 5) - 1; block++) index[(block + 1) * 2 + 1] = o;
  const packed = data.slice(0, o);
  return { table: { rows, classes: k, index, data: packed, offsets: rowOffsets(rows, index, packed) }, end };
}

/**
 * Reads a model file straight into the parser's run-time tables, without expanding the large
 * dense tagger and relation tables (what `dyad` runs; `decodeModel` gives the dense tables, for training and tests).
 */
export function decodeCompiledModel(buf: Buffer, file: string): CompiledModel & { readonly meta: ModelMeta } {
  const { header, tables } = tableOffsets(buf, file);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  const at = (name: string): { t: TableHeader; bitmapAt: number; dataAt: number } => tables.get(name) ?? fail(file, `table "${name}" is missing`);
  const check = (name: string, end: number): void => {
    const { t, dataAt } = at(name);
    if (end !== dataAt + t.bytes) fail(file, `table "${name}" has ${end - dataAt} bytes of rows, header says ${t.bytes}`);
  };
  const sparse = (name: string): SparseTable => {
    const { t, bitmapAt, dataAt } = at(name);
    const { table, end } = sparseFromFile(bytes, bitmapAt, dataAt, t);
    check(name, end);
    return table;
  };
  const a = at('actions');
  if (a.t.classes !== 3) fail(file, `table "actions" has ${a.t.classes} classes, expected 3`);
  // The transition table stays dense: its rows are read for every state, and one read per
  // feature from a dense table is faster than an index read and a row read from a compact one.
  const rows = 1 << a.t.rowBits;
  const { weights, end } = expandRows(bytes, a.bitmapAt, a.dataAt, rows, 3, a.t.format === 'dense');
  check('actions', end);
  const actions = { rows, classes: 3, weights };
  return { labels: header.labels, tagger: sparse('tagger'), actions, relations: sparse('relations'), clusters: modelClusters(header, file), features: featuresOf(header, file), meta: metaOf(header) };
}

export function readCompiledModel(file: string): CompiledModel & { readonly meta: ModelMeta } {
  return decodeCompiledModel(modelBytes(file), file);
}
