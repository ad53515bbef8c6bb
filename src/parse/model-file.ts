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
 * Loading expands each table into a dense Int16Array (rows * classes), which is what scoring reads.
 */
import { readFileSync } from 'node:fs';
import { DyadError } from '../core/errors.js';
import type { RuntimeTable, WeightTable } from './perceptron.js';
import type { ParserModel } from './parser.js';

const MAGIC = 'DYADPRS1';
const TABLES = ['tagger', 'actions', 'relations'] as const;

export interface ModelMeta {
  readonly source: string;
  readonly licence: string;
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

export function decodeModel(buf: Buffer, file: string): ParserModel & { readonly meta: ModelMeta } {
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) fail(file, `not a dyad parser model (expected magic ${MAGIC})`);
  const hlen = buf.readUInt32LE(8);
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', 12, 12 + hlen)) as Header;
  } catch (e) {
    fail(file, `header is not JSON: ${(e as Error).message}`);
  }
  let o = 12 + hlen;
  const out = new Map<string, RuntimeTable>();
  for (const t of header.tables) {
    const rows = 1 << t.rowBits;
    const bitmapLen = Math.ceil(rows / 8);
    const dataAt = o + bitmapLen + (bitmapLen % 2);
    if (dataAt + t.bytes > buf.length || t.classes > 255) fail(file, `table "${t.name}" is truncated or malformed`);
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
    const { weights, end } = expandRows(bytes, o, dataAt, rows, t.classes, t.format === 'dense');
    const src = end;
    if (src !== dataAt + t.bytes) fail(file, `table "${t.name}" has ${src - dataAt} bytes of rows, header says ${t.bytes}`);
    out.set(t.name, { rows, classes: t.classes, weights });
    o = dataAt + t.bytes + (t.bytes % 2);
  }
  const table = (name: string): RuntimeTable => out.get(name) ?? fail(file, `table "${name}" is missing`);
  return {
    labels: header.labels,
    tagger: table('tagger'),
    actions: table('actions'),
    relations: table('relations'),
    meta: { source: header.source, licence: header.licence },
  };
}

export function readModel(file: string): ParserModel & { readonly meta: ModelMeta } {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    fail(file, (e as Error).message);
  }
  return decodeModel(buf, file);
}
