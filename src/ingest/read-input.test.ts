import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, test } from 'node:test';
import { DyadError } from '../core/errors.js';
import { readFileBytes, readStreamBytes } from './read-input.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-read-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<DyadError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof DyadError, String(err));
    return err;
  }
  assert.fail('expected an error');
}

test('files: read when under the limit; missing files and folders are INPUT_UNREADABLE naming the path', async () => {
  const file = join(dir, 'a.txt');
  writeFileSync(file, 'Talks were held.');
  assert.equal((await readFileBytes(file)).toString(), 'Talks were held.');
  const missing = await failure(readFileBytes(join(dir, 'nope.txt')));
  assert.deepEqual([missing.code, missing.input, missing.message], ['INPUT_UNREADABLE', join(dir, 'nope.txt'), `${join(dir, 'nope.txt')}: no such file`]);
  const folder = await failure(readFileBytes(dir));
  assert.deepEqual([folder.code, folder.input], ['INPUT_UNREADABLE', dir]);
  assert.match(folder.message, /directory/);
});

test('a file over the limit is refused from its size alone (a sparse 50 MB file)', async () => {
  const big = join(dir, 'big.txt');
  writeFileSync(big, '');
  truncateSync(big, 50 * 1024 * 1024);
  const err = await failure(readFileBytes(big));
  assert.equal(err.code, 'INPUT_TOO_LARGE');
  assert.match(err.message, /input is 50 MB, over the limit of 5 MB/);
});

test('streams stop as soon as they pass the limit', async () => {
  let pulled = 0;
  const endless = new Readable({
    read() {
      pulled++;
      this.push(Buffer.alloc(1024, 0x61));
    },
  });
  const err = await failure(readStreamBytes(endless, '<stdin>', 10_000));
  assert.deepEqual([err.code, err.input], ['INPUT_TOO_LARGE', '<stdin>']);
  assert.match(err.message, /more than 9\.8 KB/);
  assert.ok(pulled < 100, `read ${pulled} chunks`);
  assert.equal((await readStreamBytes(Readable.from([Buffer.from('ab'), Buffer.from('c')]), '<stdin>', 3)).toString(), 'abc');
});
