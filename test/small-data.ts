/**
 * For the knowledge tests that edit a copy of data/ to see a version change or a validation error:
 * a copy that loads cold in about a third of the CPU of the full one (some 1.5 s instead of 4.5 s).
 * The bulk actor files (the generated Phoenix and party files and the people files) keep their kind
 * and version and lose their entries; the converted CAMEO verbs (loaded only with --cameo-verbs) and
 * the import reports are left out. Every other file is copied as it is, so the files those tests edit
 * (cues, agents, patterns, the means lexicon, the parser model, the English words, the CAMEO
 * categories) load and are versioned exactly as in data/.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { defaultDataDir, loadKnowledge } from '../src/knowledge/load.js';

const BULK = /^(phoenix-.*|people-.*|parties)\.yaml$/;

/** Copies the small data folder to `to` (a new or empty folder) and returns `to`. */
export function smallDataCopy(to: string): string {
  cpSync(defaultDataDir(), to, {
    recursive: true,
    filter: (src) => !src.endsWith('.report.txt') && basename(src) !== 'cameo-verbs.yaml',
  });
  const actors = join(to, 'actors');
  for (const name of readdirSync(actors).filter((f) => BULK.test(f))) {
    const file = join(actors, name);
    const head = readFileSync(file, 'utf8').split('\n').filter((line) => /^(kind|version):/.test(line));
    writeFileSync(file, [...head, 'entries: []', ''].join('\n'));
  }
  return to;
}

const dirs = new Map<string, string>();
const versions = new Map<string, string>();

/** An unedited small copy in `scratch`, made once per process and folder (load it, do not edit it). */
export function smallDataDir(scratch: string): string {
  let dir = dirs.get(scratch);
  if (dir === undefined) {
    dir = smallDataCopy(join(scratch, 'small-data'));
    dirs.set(scratch, dir);
  }
  return dir;
}

/** The knowledge version of the unedited small copy in `scratch`, loaded cold once per process and folder. */
export function smallDataVersion(scratch: string): string {
  let version = versions.get(scratch);
  if (version === undefined) {
    version = loadKnowledge({ dataDir: smallDataDir(scratch), cacheDir: false }).version;
    versions.set(scratch, version);
  }
  return version;
}
