/**
 * The knowledge cache: the validated, indexed Knowledge (actor phrases already tokenised, patterns
 * compiled, gazetteer indexed) stored on disk with V8's serializer, so a start reads one file
 * instead of parsing and validating every YAML file.
 *
 * Generic over whatever the loaders load: the whole Knowledge object graph is stored (maps, sets,
 * arrays, typed arrays, shared references); objects of the classes in KNOWLEDGE_CLASSES get their
 * class back when read. A loader that puts an object of another class (or a function) into the
 * Knowledge makes `encodeKnowledge` throw, and the test of the cache names it.
 *
 * The file is keyed by everything the result depends on: every file under the data folder and every
 * user dictionary (names and contents), dyad's code (the compiled or source tree that loads it),
 * package.json (exact dependency pins: world-countries, wink's model) and the Node/V8 version. A file
 * whose key, checksum or shape does not match is not trusted: the knowledge is loaded from the YAML
 * files again and the file rewritten. A folder keeps the files last used (a `.used` mark beside each
 * says when it was last read), and a process keeps the last few it read in memory.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { ActorDictionary } from '../actors/dictionary.js';
import { PatternSet } from '../events/patterns.js';
import { IndexedGazetteer } from '../place/gazetteer.js';
import { CompiledLexicon } from '../topics/lexicon.js';
import { CameoBook } from './cameo.js';
import { CameoActorTypeTable, CameoCategoryTable } from './cameo-categories.js';
import type { Knowledge } from './knowledge.js';
import { PackedMap } from './packed-map.js';

/** Bump when the file layout changes. */
export const CACHE_FORMAT = 'dyad-knowledge-cache/3';
const FORMAT = CACHE_FORMAT;
const MAGIC = Buffer.from('DYADKC2\n');
/** After the magic: the key, the body's SHA-1 and the body's length (12 hex digits), each ending in a newline. */
const HEAD = MAGIC.length + 41 + 41 + 13;

/** Classes whose objects may appear in the Knowledge; their prototypes are restored on reading. */
const KNOWLEDGE_CLASSES: ReadonlyMap<string, { readonly prototype: object }> = new Map<string, { readonly prototype: object }>([
  ['ActorDictionary', ActorDictionary],
  ['PatternSet', PatternSet],
  ['IndexedGazetteer', IndexedGazetteer],
  ['CompiledLexicon', CompiledLexicon],
  ['CameoBook', CameoBook],
  ['CameoCategoryTable', CameoCategoryTable],
  ['CameoActorTypeTable', CameoActorTypeTable],
  ['PackedMap', PackedMap],
]);

const PLAIN: ReadonlySet<object | null> = new Set([Object.prototype, Array.prototype, Map.prototype, Set.prototype, null]);

/** The folder of dyad's code (src/ under tsx, dist/ when compiled), for the cache key. */
const codeRoot = fileURLToPath(new URL('../', import.meta.url));
const packageJson = fileURLToPath(new URL('../../package.json', import.meta.url));

/** The package's own cache folder, `.cache/knowledge` next to package.json (gitignored). */
export function defaultCacheDir(): string {
  return fileURLToPath(new URL('../../.cache/knowledge/', import.meta.url));
}

interface Payload {
  readonly format: string;
  readonly knowledge: Knowledge;
  /** Objects of registered classes inside `knowledge` (the same objects: V8 keeps identity). */
  readonly instances: readonly object[];
  readonly classes: readonly string[];
}

function hashTree(hash: ReturnType<typeof createHash>, dir: string, rel: string, keep: (name: string) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(join(dir, rel)).sort();
  } catch {
    hash.update(`missing ${rel}\n`);
    return;
  }
  for (const name of names) {
    const path = join(dir, rel, name);
    const st = statSync(path);
    if (st.isDirectory()) hashTree(hash, dir, join(rel, name), keep);
    else if (st.isFile() && keep(name)) hash.update(`${join(rel, name)} ${st.size}\n`).update(readFileSync(path));
  }
}

/** The cache key of the knowledge loaded from `dataDir` plus `dictionaries`. */
export function cacheKey(dataDir: string, dictionaries: readonly string[], onlyDictionaries = false, cameoVerbs = false): string {
  const hash = createHash('sha1');
  hash.update(`${FORMAT}\nnode ${process.versions.node} v8 ${process.versions.v8}\ndata ${resolve(dataDir)}\n`);
  if (onlyDictionaries) hash.update('only dictionaries\n');
  if (cameoVerbs) hash.update('cameo verbs\n');
  hashTree(hash, resolve(dataDir), '', () => true);
  for (const file of dictionaries) {
    hash.update(`dictionary ${resolve(file)}\n`);
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('unreadable\n');
    }
  }
  hash.update(readFileSync(packageJson));
  hashTree(hash, codeRoot, '', (name) => /\.(js|ts|json)$/.test(name));
  return hash.digest('hex');
}

/** The objects of registered classes in the graph; throws on a function or an unregistered class. */
function classInstances(root: unknown): { instances: object[]; classes: string[] } {
  const seen = new Set<object>();
  const instances: object[] = [];
  const classes: string[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: root, path: 'knowledge' }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'function') throw new Error(`knowledge cache: ${path} is a function; the Knowledge must be data or objects of classes in KNOWLEDGE_CLASSES`);
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (ArrayBuffer.isView(value) || value instanceof RegExp || value instanceof Date) continue;
    const proto: object | null = Object.getPrototypeOf(value);
    if (!PLAIN.has(proto)) {
      const name = (proto as { constructor?: { name?: string } }).constructor?.name ?? '?';
      if (KNOWLEDGE_CLASSES.get(name)?.prototype !== proto) {
        throw new Error(`knowledge cache: ${path} is a ${name}; add the class to KNOWLEDGE_CLASSES in src/knowledge/cache.ts`);
      }
      instances.push(value);
      classes.push(name);
    }
    if (value instanceof Map) {
      for (const [k, v] of value) stack.push({ value: k, path: `${path}.key` }, { value: v, path: `${path}.get()` });
    } else if (value instanceof Set) {
      for (const v of value) stack.push({ value: v, path: `${path}.item` });
    } else {
      for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: `${path}.${k}` });
    }
  }
  return { instances, classes };
}

/**
 * The cache file's bytes for this Knowledge: the head, the body (the V8-serialized Knowledge, without
 * the bytes of its PackedMaps), then each PackedMap's bytes, in the order of `instances`.
 */
export function encodeKnowledge(knowledge: Knowledge, key: string): Buffer {
  const { instances, classes } = classInstances(knowledge);
  const payload: Payload = { format: FORMAT, knowledge, instances, classes };
  const packed = instances.filter((x): x is PackedMap<unknown, unknown> => x instanceof PackedMap);
  const sections = packed.map((m) => m.takeBytes());
  let body: Buffer;
  try {
    body = v8.serialize(payload);
  } finally {
    packed.forEach((m, i) => m.putBytes(sections[i]));
  }
  const sum = createHash('sha1').update(body).digest('hex');
  const head = Buffer.from(`${key}\n${sum}\n${body.length.toString(16).padStart(12, '0')}\n`, 'latin1');
  return Buffer.concat([MAGIC, head, body, ...sections]);
}

/** The body's length from a file's head, or null when the head is not one for `key`. */
function bodyLength(head: Buffer, key: string): number | null {
  if (head.length < HEAD || !head.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const text = head.toString('latin1', MAGIC.length, HEAD);
  const [k, , length] = text.split('\n');
  if (k !== key || !/^[0-9a-f]{40}\n[0-9a-f]{12}\n$/.test(text.slice(41))) return null;
  return Number.parseInt(length, 16);
}

/** The Knowledge in a body (its SHA-1 checked against the head's), classes restored; null if not sound. */
function decodeBody(head: Buffer, body: Buffer): { knowledge: Knowledge; packed: PackedMap<unknown, unknown>[] } | null {
  if (createHash('sha1').update(body).digest('hex') !== head.toString('latin1', MAGIC.length + 41, MAGIC.length + 81)) return null;
  let payload: Payload;
  try {
    payload = v8.deserialize(body) as Payload;
  } catch {
    return null;
  }
  if (payload?.format !== FORMAT || !Array.isArray(payload.instances) || !Array.isArray(payload.classes)) return null;
  if (payload.instances.length !== payload.classes.length || typeof payload.knowledge?.version !== 'string') return null;
  for (let i = 0; i < payload.instances.length; i++) {
    const cls = KNOWLEDGE_CLASSES.get(payload.classes[i]);
    if (!cls) return null;
    Object.setPrototypeOf(payload.instances[i], cls.prototype);
  }
  const packed = payload.instances.filter((x): x is PackedMap<unknown, unknown> => x instanceof PackedMap);
  return { knowledge: payload.knowledge, packed };
}

/** The Knowledge in a whole cache file's bytes (every value's hash checked), or null if they are not a sound cache for `key`. */
export function decodeKnowledge(bytes: Buffer, key: string): Knowledge | null {
  const length = bodyLength(bytes, key);
  if (length === null || bytes.length < HEAD + length) return null;
  const decoded = decodeBody(bytes.subarray(0, HEAD), bytes.subarray(HEAD, HEAD + length));
  if (!decoded) return null;
  let at = HEAD + length;
  for (const m of decoded.packed) {
    if (!m.putBytes(bytes.subarray(at, at + m.byteLength), true)) return null;
    at += m.byteLength;
  }
  return at === bytes.length ? decoded.knowledge : null;
}

/**
 * The Knowledge in a cache file, reading its head and body only: the PackedMaps read their values
 * from the file when first looked up (its descriptor stays open, so a file replaced meanwhile is
 * still the one read). Null if the file is not a sound cache for `key`.
 */
function readKnowledgeFile(file: string, key: string): Knowledge | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  let keep = false;
  try {
    const head = Buffer.alloc(HEAD);
    if (readSync(fd, head, 0, HEAD, 0) !== HEAD) return null;
    const length = bodyLength(head, key);
    if (length === null) return null;
    const body = Buffer.allocUnsafe(length);
    if (readSync(fd, body, 0, length, HEAD) !== length) return null;
    const decoded = decodeBody(head, body);
    if (!decoded) return null;
    let at = HEAD + length;
    for (const m of decoded.packed) {
      m.readFrom(file, fd, at);
      at += m.byteLength;
    }
    if (fstatSync(fd).size !== at) return null;
    keep = decoded.packed.length > 0;
    return decoded.knowledge;
  } finally {
    if (!keep) closeSync(fd);
  }
}

export function cacheFile(dir: string, key: string): string {
  return join(dir, `knowledge-${key.slice(0, 16)}.v8`);
}

/**
 * The Knowledge this process last read from a cache file, by file, with the file's identity then
 * (inode, size, mtime): a second load of the same file in one process (a test run, a server making a
 * second coder) shares the object instead of reading and decoding 20 MB again. The Knowledge is
 * immutable data, so sharing it is safe. A file replaced or changed since is read again.
 */
const recent = new Map<string, { readonly stamp: string; readonly knowledge: Knowledge }>();
/** How many Knowledge objects a process keeps in `recent` (each is large). */
const RECENT = 3;

function stampOf(file: string): string | null {
  try {
    const st = statSync(file, { bigint: true });
    return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`;
  } catch {
    return null;
  }
}

function remember(file: string, stamp: string, knowledge: Knowledge): void {
  recent.delete(file);
  recent.set(file, { stamp, knowledge });
  for (const old of recent.keys()) if (recent.size > RECENT) recent.delete(old);
}

/** The cached Knowledge for `key` in `dir`, or null (missing, stale or corrupt). */
export function readCachedKnowledge(dir: string, key: string): Knowledge | null {
  const file = cacheFile(dir, key);
  const stamp = stampOf(file);
  if (stamp === null) return null;
  const known = recent.get(file);
  if (known?.stamp === stamp) {
    markUsed(file);
    return known.knowledge;
  }
  const knowledge = readKnowledgeFile(file, key);
  if (knowledge && stampOf(file) === stamp) remember(file, stamp, knowledge);
  if (knowledge) markUsed(file);
  return knowledge;
}

/** The file beside a cache file whose mtime says when it was last read (for pruning). */
const usedMark = (file: string): string => `${file}.used`;

function markUsed(file: string): void {
  const now = new Date();
  try {
    utimesSync(usedMark(file), now, now);
  } catch {
    touchNew(usedMark(file));
  }
}

function touchNew(mark: string): void {
  try {
    writeFileSync(mark, '');
  } catch {
    // A read-only folder: pruning then goes by when the file was written.
  }
}

/** When a file was last used: written, or read (the `.used` mark). */
function lastUse(file: string): number {
  const written = statSync(file).mtimeMs;
  try {
    return Math.max(written, statSync(usedMark(file)).mtimeMs);
  } catch {
    return written;
  }
}

/** How many cache files a folder keeps (other data folders, dictionaries, versions): the last used. */
const KEEP = 10;

/**
 * Writes the cache atomically (temporary file, then rename) and drops the least recently used files beyond KEEP.
 * Returns false when the folder cannot be written: the cache is an optimisation, never a failure.
 */
export function writeCachedKnowledge(dir: string, key: string, knowledge: Knowledge): boolean {
  const bytes = encodeKnowledge(knowledge, key);
  const file = cacheFile(dir, key);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
  prune(dir, file);
  return true;
}

/** Drops the least recently used files beyond KEEP, never `written` (the file just written). */
function prune(dir: string, written: string): void {
  try {
    const files = readdirSync(dir)
      .filter((f) => /^knowledge-[0-9a-f]{16}\.v8$/.test(f) && join(dir, f) !== written)
      .map((f) => ({ f, t: lastUse(join(dir, f)) }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of files.slice(KEEP - 1)) {
      rmSync(join(dir, f), { force: true });
      rmSync(usedMark(join(dir, f)), { force: true });
    }
  } catch {
    // Another process pruned or wrote at the same time; nothing to do.
  }
}
