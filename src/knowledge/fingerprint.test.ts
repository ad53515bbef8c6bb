import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cacheKey } from './cache.js';
import { fingerprint, knownCacheKey } from './fingerprint.js';
import { defaultDataDir } from './load.js';

const scratch = mkdtempSync(join(tmpdir(), 'dyad-print-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the data folder whose files are all an hour old (settled; dyad's own code may be new). */
function settledCopy(name: string): string {
  const copy = join(scratch, name);
  cpSync(defaultDataDir(), copy, { recursive: true });
  const hourAgo = new Date(Date.now() - 3_600_000);
  const age = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) age(join(dir, e.name));
      else utimesSync(join(dir, e.name), hourAgo, hourAgo);
    }
  };
  age(copy);
  return copy;
}

test('fingerprint: the key comes from what the cache folder remembers, and is the content key', () => {
  const data = settledCopy('data-a');
  const dir = join(scratch, 'cache-a');
  const key = knownCacheKey(dir, data, [], false, false, 0);
  assert.equal(key, cacheKey(data, []));
  const keyFiles = readdirSync(dir).filter((f) => f.startsWith('key-'));
  assert.equal(keyFiles.length, 1, 'the fingerprint is remembered');
  // What is remembered is used: a planted key file for the same fingerprint gives its key.
  const { print } = fingerprint(data, []);
  const planted = 'f'.repeat(40);
  writeFileSync(join(dir, keyFiles[0]), `${print}\n${planted}\n`);
  assert.equal(knownCacheKey(dir, data, []), planted);
  assert.equal(readFileSync(join(dir, keyFiles[0]), 'latin1').split('\n')[0], print);
});

test('fingerprint: any edit to a data file, a dictionary or the settings is a new fingerprint; a fresh edit is not remembered', () => {
  const data = settledCopy('data-b');
  const dir = join(scratch, 'cache-b');
  mkdirSync(dir);
  const first = fingerprint(data, []).print;
  assert.equal(fingerprint(data, []).print, first, 'the same files, the same fingerprint');
  assert.notEqual(fingerprint(data, [], true).print, first, '--only-dictionaries');
  assert.notEqual(fingerprint(data, [], false, true).print, first, '--cameo-verbs');
  const dict = join(scratch, 'dict.yaml');
  writeFileSync(dict, 'kind: actors\nversion: "1"\nentries: []\n');
  assert.notEqual(fingerprint(data, [dict]).print, first, 'a dictionary');
  const cues = join(data, 'modality', 'cues.yaml');
  writeFileSync(cues, `${readFileSync(cues, 'utf8')}\n`);
  assert.notEqual(fingerprint(data, []).print, first, 'one file edited');
  assert.equal(knownCacheKey(dir, data, []), cacheKey(data, []));
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('key-')), [], 'a file written seconds ago: nothing remembered');
});
