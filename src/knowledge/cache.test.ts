import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { KnowledgeError } from '../core/errors.js';
import { defaultPipeline } from '../pipeline.js';
import { assemble } from '../assemble/assemble.js';
import { smallDataCopy } from '../../test/small-data.js';
import { toDoc } from '../index.js';
import { cacheFile, cacheKey, decodeKnowledge, encodeKnowledge, readCachedKnowledge, writeCachedKnowledge } from './cache.js';
import type { Knowledge } from './knowledge.js';
import { defaultDataDir, loadKnowledge, loadKnowledgeFiles } from './load.js';

const scratch = mkdtempSync(join(tmpdir(), 'dyad-cache-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const fresh = loadKnowledgeFiles(defaultDataDir(), []);
const key = cacheKey(defaultDataDir(), []);
const bytes = encodeKnowledge(fresh, key);

const SENTENCES = [
  'Russian troops attacked Ukrainian positions near Kharkiv on Monday.',
  'Chinese Premier Li Qiang will visit Berlin next week to meet Chancellor Olaf Scholz.',
  'The United Nations condemned the air strike on a hospital in Gaza.',
  'Protesters in Nairobi clashed with Kenyan police over the new tax law on 25 June 2024.',
];

function coded(k: Knowledge): string {
  const pipeline = defaultPipeline();
  return JSON.stringify(SENTENCES.map((text) => assemble(pipeline.run(toDoc({ text, published: '2024-06-26' }), { knowledge: k }), k, 'expand')));
}

test('knowledge cache: what is read back equals what was loaded, classes and all, and codes the same events', () => {
  const back = decodeKnowledge(bytes, key);
  assert.ok(back, 'the bytes decode');
  assert.deepStrictEqual(back, fresh);
  assert.equal(back.actors.candidates('russia').length, fresh.actors.candidates('russia').length);
  assert.equal(back.cameo.code('190').root, '19');
  assert.equal(coded(back), coded(fresh));
});

test('knowledge cache: a file for another key, cut short or with one byte changed is not trusted', () => {
  assert.equal(decodeKnowledge(bytes, key.replace(/^./, (c) => (c === '0' ? '1' : '0'))), null, 'another key');
  assert.equal(decodeKnowledge(bytes.subarray(0, bytes.length - 100), key), null, 'cut short');
  const flipped = Buffer.from(bytes);
  flipped[flipped.length - 1000] ^= 0x40;
  assert.equal(decodeKnowledge(flipped, key), null, 'one byte changed');
  assert.equal(decodeKnowledge(Buffer.from('not a cache'), key), null, 'not a cache file');
});

test('knowledge cache: the key changes with any data file, a dictionary, and the data folder', () => {
  const copy = join(scratch, 'data-key');
  cpSync(defaultDataDir(), copy, { recursive: true });
  const before = cacheKey(copy, []);
  assert.notEqual(before, key, 'another folder');
  const cues = join(copy, 'modality', 'cues.yaml');
  writeFileSync(cues, `${readFileSync(cues, 'utf8')}\n`);
  assert.notEqual(cacheKey(copy, []), before, 'one file edited');
  const dict = join(scratch, 'dict.yaml');
  writeFileSync(dict, 'kind: actors\nversion: "1"\nentries: []\n');
  const withDict = cacheKey(copy, [dict]);
  assert.notEqual(withDict, cacheKey(copy, []), 'a dictionary');
  writeFileSync(dict, 'kind: actors\nversion: "2"\nentries: []\n');
  assert.notEqual(cacheKey(copy, [dict]), withDict, 'the dictionary edited');
});

test('knowledge cache: loadKnowledge rebuilds a corrupt cache file, and reads the rebuilt one on the next start', () => {
  const dir = join(scratch, 'cache');
  mkdirSync(dir);
  const file = cacheFile(dir, key);
  writeFileSync(file, bytes.subarray(0, 5000));
  assert.equal(readCachedKnowledge(dir, key), null, 'the damaged file is refused');
  const rebuilt = loadKnowledge({ cacheDir: dir });
  assert.equal(rebuilt.version, fresh.version);
  assert.ok(readCachedKnowledge(dir, key), 'the damaged file was rewritten');
  const written = statSync(file).mtimeMs;
  const next = loadKnowledge({ cacheDir: dir });
  assert.equal(next.version, fresh.version);
  assert.equal(statSync(file).mtimeMs, written, 'a sound cache is read, not rewritten');
});

test('knowledge cache: a broken data file is still reported with file:line, and nothing is cached', () => {
  // A copy of the small data folder (test/small-data.ts): agents.yaml as in data/, a third of the cold load.
  const copy = smallDataCopy(join(scratch, 'data-bad'));
  const agents = join(copy, 'actors', 'agents.yaml');
  writeFileSync(agents, readFileSync(agents, 'utf8').replace(/sector: [A-Z]{3}/, 'sector: 7'));
  const dir = join(scratch, 'cache-bad');
  assert.throws(() => loadKnowledge({ dataDir: copy, cacheDir: dir }), (err: unknown) => {
    assert.ok(err instanceof KnowledgeError);
    assert.match(err.message, /agents\.yaml:\d+/);
    return true;
  });
  assert.equal(readCachedKnowledge(dir, cacheKey(copy, [])), null);
});

test('knowledge cache: a loader that puts an unknown class or a function into the knowledge is named', () => {
  class Stray {
    readonly x = 1;
  }
  assert.throws(() => encodeKnowledge({ ...fresh, stray: new Stray() } as unknown as Knowledge, key), /knowledge\.stray is a Stray/);
  assert.throws(() => encodeKnowledge({ ...fresh, stray: { f: () => 1 } } as unknown as Knowledge, key), /knowledge\.stray\.f is a function/);
});

test('knowledge cache: a folder keeps the files last used, read or written', () => {
  const dir = join(scratch, 'prune');
  const tiny = (n: number): Knowledge => ({ version: `v${n}` }) as unknown as Knowledge;
  const keyOf = (n: number): string => createHash('sha1').update(`prune ${n}`).digest('hex');
  for (let n = 0; n <= 14; n++) {
    assert.ok(writeCachedKnowledge(dir, keyOf(n), tiny(n)));
    assert.equal(readCachedKnowledge(dir, keyOf(0))?.version, 'v0', 'file 0 is read after each write');
  }
  assert.equal(readdirSync(dir).filter((f) => f.endsWith('.v8')).length, 10);
  assert.ok(existsSync(cacheFile(dir, keyOf(0))), 'the file in use outlives fourteen files used once');
  assert.ok(existsSync(cacheFile(dir, keyOf(14))), 'the file just written is kept');
  assert.ok(!existsSync(cacheFile(dir, keyOf(1))), 'the least recently used file is gone');
});
