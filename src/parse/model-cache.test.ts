import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { decodeModelCache, encodeModelCache, readCachedCompiledModel } from './model-cache.js';
import { readCompiledModel } from './model-file.js';
import { MODEL_FILE } from './parse-stage.js';
import { Parser } from './parser.js';

const scratch = mkdtempSync(join(tmpdir(), 'dyad-parser-cache-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const model = readCompiledModel(MODEL_FILE);
const key = 'a'.repeat(40);
const bytes = encodeModelCache(model, key);

test('parser cache: the tables read back equal the decoded model and parse the same', () => {
  const back = decodeModelCache(bytes, key);
  assert.ok(back);
  assert.deepStrictEqual(back, model);
  const words = ['Russian', 'troops', 'attacked', 'Ukrainian', 'positions', 'near', 'Kharkiv', 'on', 'Monday', '.'];
  assert.deepStrictEqual(new Parser(back).parse(words), new Parser(model).parse(words));
});

test('parser cache: another key, a cut file or another file is not trusted', () => {
  assert.equal(decodeModelCache(bytes, 'b'.repeat(40)), null);
  assert.equal(decodeModelCache(bytes.subarray(0, bytes.length - 8), key), null);
  assert.equal(decodeModelCache(Buffer.from('DYADPRC1 not a cache'), key), null);
});

test('parser cache: the first read writes the cache file, the next reads it', () => {
  const saved = process.env.DYAD_KNOWLEDGE_CACHE;
  process.env.DYAD_KNOWLEDGE_CACHE = scratch;
  try {
    assert.deepStrictEqual(readCachedCompiledModel(MODEL_FILE), model);
    assert.equal(readdirSync(scratch).filter((f) => /^parser-.*\.bin$/.test(f)).length, 1);
    assert.deepStrictEqual(readCachedCompiledModel(MODEL_FILE), model);
  } finally {
    if (saved === undefined) delete process.env.DYAD_KNOWLEDGE_CACHE;
    else process.env.DYAD_KNOWLEDGE_CACHE = saved;
  }
});
