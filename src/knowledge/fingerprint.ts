/**
 * The knowledge cache's key without reading 27 MB at every start.
 *
 * The key (`cacheKey` in cache.ts) hashes the content of every data file, of dyad's code and of
 * package.json. The fingerprint hashes what `stat` says of the same files (path, size, modification
 * time in nanoseconds, inode) and the same settings; a small file in the cache folder remembers the
 * key computed for a fingerprint. A start whose files are as they were then stats them and reads that
 * small file; any edit, copy or checkout of a file gives a new fingerprint, and the key is computed
 * from the content again (and, when the content is the same, finds the same cache file). A fingerprint
 * is remembered only when every file is older than SETTLED_MS, so that a file written twice within one
 * tick of the file system's clock, with the same size, is never taken for the first.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, type Dirent, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheKey, CACHE_FORMAT } from './cache.js';

/** How old the newest file must be for its fingerprint to be remembered. */
const SETTLED_MS = 5000;
/** How many remembered fingerprints a cache folder keeps (the newest). */
const KEEP_KEYS = 20;
const KEY_FILE = /^key-[0-9a-f]{16}\.txt$/;

/** The same trees as cacheKey: dyad's code (src/ under tsx, dist/ compiled) and package.json. */
const codeRoot = fileURLToPath(new URL('../', import.meta.url));
const packageJson = fileURLToPath(new URL('../../package.json', import.meta.url));

interface Print {
  readonly hash: ReturnType<typeof createHash>;
  /** Modification time of the newest file seen, in ms. */
  newest: number;
}

function statInto(print: Print, label: string, path: string): void {
  try {
    const st = statSync(path, { bigint: true });
    print.hash.update(`${label} ${st.size} ${st.mtimeNs} ${st.ino}\n`);
    print.newest = Math.max(print.newest, Number(st.mtimeMs));
  } catch {
    print.hash.update(`${label} missing\n`);
  }
}

function walk(print: Print, dir: string, rel: string, keep: (name: string) => boolean): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    print.hash.update(`missing ${rel}\n`);
    return;
  }
  for (const e of entries) {
    if (e.isDirectory()) walk(print, dir, join(rel, e.name), keep);
    else if (keep(e.name)) statInto(print, join(rel, e.name), join(dir, rel, e.name));
  }
}

/** The fingerprint (hex) of the files and settings the key of `cacheKey(dataDir, ...)` depends on, and the newest file's time. */
export function fingerprint(dataDir: string, dictionaries: readonly string[], onlyDictionaries = false, cameoVerbs = false): { print: string; newest: number } {
  const print: Print = { hash: createHash('sha1'), newest: 0 };
  print.hash.update(`${CACHE_FORMAT} fingerprint\nnode ${process.versions.node} v8 ${process.versions.v8}\ndata ${resolve(dataDir)}\n`);
  print.hash.update(`only ${onlyDictionaries} cameo ${cameoVerbs}\n`);
  walk(print, resolve(dataDir), '', () => true);
  for (const file of dictionaries) statInto(print, `dictionary ${resolve(file)}`, file);
  statInto(print, 'package.json', packageJson);
  walk(print, codeRoot, '', (name) => /\.(js|ts|json)$/.test(name));
  return { print: print.hash.digest('hex'), newest: print.newest };
}

const keyFile = (dir: string, print: string): string => join(dir, `key-${print.slice(0, 16)}.txt`);

/** The key remembered for this fingerprint in `dir`, or null. */
function rememberedKey(dir: string, print: string): string | null {
  try {
    const [p, key] = readFileSync(keyFile(dir, print), 'latin1').split('\n');
    return p === print && /^[0-9a-f]{40}$/.test(key) ? key : null;
  } catch {
    return null;
  }
}

/** Writes the fingerprint's key (atomically) and drops the oldest key files beyond KEEP_KEYS; a folder that cannot be written is no error. */
function rememberKey(dir: string, print: string, key: string): void {
  const file = keyFile(dir, print);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, `${print}\n${key}\n`);
    renameSync(tmp, file);
    const old = readdirSync(dir).filter((f) => KEY_FILE.test(f)).map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs })).sort((a, b) => b.t - a.t);
    for (const { f } of old.slice(KEEP_KEYS)) rmSync(join(dir, f), { force: true });
  } catch {
    rmSync(tmp, { force: true });
  }
}

/**
 * `cacheKey(dataDir, ...)`, from what `dir` remembers for the files' fingerprint when it can be.
 * `settledMs`: how old the newest file must be for the fingerprint to be remembered (tests change it).
 */
export function knownCacheKey(dir: string, dataDir: string, dictionaries: readonly string[], onlyDictionaries = false, cameoVerbs = false, settledMs = SETTLED_MS): string {
  const { print, newest } = fingerprint(dataDir, dictionaries, onlyDictionaries, cameoVerbs);
  const known = rememberedKey(dir, print);
  if (known) return known;
  const key = cacheKey(dataDir, dictionaries, onlyDictionaries, cameoVerbs);
  if (Date.now() - newest > settledMs) rememberKey(dir, print, key);
  return key;
}
