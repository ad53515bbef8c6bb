/**
 * The parser's run-time tables cached on disk as they are in memory, so that a start reads one file
 * into typed arrays instead of decoding the model file (expanding the transition table, building the
 * sparse tagger and relation tables and their row offsets).
 *
 *   bytes 0-7    "DYADPRC1"
 *   bytes 8-11   header length H (uint32, little-endian)
 *   H bytes      header, UTF-8 JSON: { key, labels, meta, tables: { name: { rows, classes } }, arrays: [{ table, field, type, at, length }] }
 *   the arrays, each at its `at` (a multiple of 8), as the machine stores them (little-endian)
 *
 * The file sits beside the knowledge cache (`parser-<key>.bin`), keyed by the model file's path, size,
 * modification time and inode, the files of this folder (the decoder) likewise, and the Node version;
 * it is written atomically, and one that does not fit its header is decoded from the model again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCacheDir } from '../knowledge/cache.js';
import { readCompiledModel, type ModelMeta } from './model-file.js';
import type { CompiledModel } from './parser.js';
import type { RuntimeTable, SparseTable } from './perceptron.js';

const MAGIC = 'DYADPRC1';
const FORMAT = 'dyad-parser-cache/1';
/** How many cache files a folder keeps (the newest). */
const KEEP = 3;
const codeDir = fileURLToPath(new URL('./', import.meta.url));

type Model = CompiledModel & { readonly meta: ModelMeta };
type TableName = 'tagger' | 'actions' | 'relations';
type ArrayType = 'Int16Array' | 'Int32Array' | 'Uint16Array';
type Field = 'weights' | 'index' | 'data' | 'offsets';

interface ArrayEntry {
  readonly table: TableName;
  readonly field: Field;
  readonly type: ArrayType;
  readonly at: number;
  readonly length: number;
}

interface Header {
  readonly key: string;
  readonly labels: readonly string[];
  readonly meta: ModelMeta;
  readonly tables: Readonly<Record<TableName, { readonly rows: number; readonly classes: number }>>;
  readonly arrays: readonly ArrayEntry[];
}

const SIZES: Readonly<Record<ArrayType, number>> = { Int16Array: 2, Int32Array: 4, Uint16Array: 2 };

function view(type: ArrayType, buffer: ArrayBufferLike, at: number, length: number): Int16Array | Int32Array | Uint16Array {
  if (type === 'Int16Array') return new Int16Array(buffer, at, length);
  return type === 'Int32Array' ? new Int32Array(buffer, at, length) : new Uint16Array(buffer, at, length);
}

/** The folder of the cache: $DYAD_KNOWLEDGE_CACHE's ("off": none), else the package's `.cache/knowledge`. */
function cacheDir(): string | null {
  const env = process.env.DYAD_KNOWLEDGE_CACHE;
  if (env === 'off') return null;
  return env || defaultCacheDir();
}

function stamp(path: string): string {
  const st = statSync(path, { bigint: true });
  return `${st.size} ${st.mtimeNs} ${st.ino}`;
}

function keyOf(modelFile: string): string {
  const hash = createHash('sha1').update(`${FORMAT}\nnode ${process.versions.node} v8 ${process.versions.v8}\n`);
  hash.update(`${resolve(modelFile)} ${stamp(modelFile)}\n`);
  for (const name of readdirSync(codeDir).sort()) if (/\.(js|ts)$/.test(name)) hash.update(`${name} ${stamp(join(codeDir, name))}\n`);
  return hash.digest('hex');
}

function arraysOf(model: Model): { entry: Omit<ArrayEntry, 'at'>; array: Int16Array | Int32Array | Uint16Array }[] {
  const sparse = (table: 'tagger' | 'relations', t: SparseTable) => [
    { entry: { table, field: 'index' as const, type: 'Int32Array' as const, length: t.index.length }, array: t.index },
    { entry: { table, field: 'data' as const, type: 'Int32Array' as const, length: t.data.length }, array: t.data },
    { entry: { table, field: 'offsets' as const, type: 'Uint16Array' as const, length: t.offsets.length }, array: t.offsets },
  ];
  const actions = { entry: { table: 'actions' as const, field: 'weights' as const, type: 'Int16Array' as const, length: model.actions.weights.length }, array: model.actions.weights };
  return [...sparse('tagger', model.tagger), actions, ...sparse('relations', model.relations)];
}

export function encodeModelCache(model: Model, key: string): Buffer {
  const parts = arraysOf(model);
  const shape = (t: { rows: number; classes: number }) => ({ rows: t.rows, classes: t.classes });
  const tables = { tagger: shape(model.tagger), actions: shape(model.actions), relations: shape(model.relations) };
  // The header's length does not depend on the offsets' digits once they are padded to a fixed width.
  const place = (start: number): ArrayEntry[] => {
    let at = start;
    return parts.map(({ entry, array }) => {
      const placed = { ...entry, at };
      at = Math.ceil((at + array.byteLength) / 8) * 8;
      return placed;
    });
  };
  const headerOf = (arrays: readonly ArrayEntry[]): Buffer => Buffer.from(JSON.stringify({ key, labels: model.labels, meta: model.meta, tables, arrays } satisfies Header));
  const width = headerOf(place(1e12)).length; // an upper bound: offsets written with 13 digits
  const start = Math.ceil((12 + width) / 8) * 8;
  const arrays = place(start);
  const header = Buffer.alloc(start - 12, ' ');
  headerOf(arrays).copy(header);
  const out = Buffer.alloc(arrays.length ? arrays[arrays.length - 1].at + parts[parts.length - 1].array.byteLength : start);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, 8);
  header.copy(out, 12);
  parts.forEach(({ array }, i) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(out, arrays[i].at));
  return out;
}

/** The model in a cache file's bytes, or null when they are not a sound cache for `key`. */
export function decodeModelCache(bytes: Buffer, key: string): Model | null {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 8) !== MAGIC) return null;
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 12, 12 + bytes.readUInt32LE(8))) as Header;
  } catch {
    return null;
  }
  if (header.key !== key || !Array.isArray(header.arrays) || header.arrays.length !== 7) return null;
  const entries: readonly ArrayEntry[] = header.arrays;
  const found = new Map<string, Int16Array | Int32Array | Uint16Array>();
  for (const a of entries) {
    const size = Object.hasOwn(SIZES, a.type) ? SIZES[a.type] : 0;
    if (size === 0 || a.at % 8 !== 0 || a.at + a.length * size > bytes.length) return null;
    found.set(`${a.table}.${a.field}`, view(a.type, bytes.buffer, bytes.byteOffset + a.at, a.length));
  }
  const sparse = (name: 'tagger' | 'relations'): SparseTable | null => {
    const [index, data, offsets] = ['index', 'data', 'offsets'].map((f) => found.get(`${name}.${f}`));
    if (!(index instanceof Int32Array) || !(data instanceof Int32Array) || !(offsets instanceof Uint16Array)) return null;
    return { ...header.tables[name], index, data, offsets };
  };
  const weights = found.get('actions.weights');
  const tagger = sparse('tagger');
  const relations = sparse('relations');
  if (!(weights instanceof Int16Array) || !tagger || !relations) return null;
  const actions: RuntimeTable = { ...header.tables.actions, weights };
  return { labels: header.labels, tagger, actions, relations, meta: header.meta };
}

function write(dir: string, file: string, bytes: Buffer): void {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
    const old = readdirSync(dir).filter((f) => /^parser-[0-9a-f]{16}\.bin$/.test(f)).map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs })).sort((a, b) => b.t - a.t);
    for (const { f } of old.slice(KEEP)) rmSync(join(dir, f), { force: true });
  } catch {
    rmSync(tmp, { force: true }); // a folder that cannot be written only costs speed
  }
}

/** `readCompiledModel(modelFile)`, from the cache when it holds this model; else decoded and cached. */
export function readCachedCompiledModel(modelFile: string): Model {
  const dir = cacheDir();
  if (dir === null) return readCompiledModel(modelFile);
  let key: string;
  try {
    key = keyOf(modelFile);
  } catch {
    return readCompiledModel(modelFile); // reports the missing or unreadable model file
  }
  const file = join(dir, `parser-${key.slice(0, 16)}.bin`);
  try {
    const cached = decodeModelCache(readFileSync(file), key);
    if (cached) return cached;
  } catch {
    // no cache file yet
  }
  const model = readCompiledModel(modelFile);
  write(dir, file, encodeModelCache(model, key));
  return model;
}
