import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DyadError } from '../core/errors.js';
import { PackedMap } from './packed-map.js';

const entries: [string, { names: string[]; n: number }][] = [
  ['russia', { names: ['Russia', 'Russian Federation'], n: 1 }],
  ['ukraine', { names: ['Ukraine'], n: 2 }],
  ['', { names: [], n: 3 }],
];

test('PackedMap: each value decodes equal to what was packed, the same object on every lookup', () => {
  const map = new PackedMap(entries);
  assert.equal(map.size, 3);
  assert.deepEqual([...map.keys()], ['russia', 'ukraine', '']);
  for (const [k, v] of entries) {
    assert.ok(map.has(k));
    assert.deepEqual(map.get(k), v);
    assert.equal(map.get(k), map.get(k));
  }
  assert.equal(map.get('china'), undefined);
  assert.equal(map.has('china'), false);
  assert.throws(() => new PackedMap([['a', 1], ['a', 2]]), /twice/);
});

test('PackedMap: what was decoded is not part of it when it is stored, and a stored copy decodes the same', () => {
  const map = new PackedMap(entries);
  const before = v8.serialize(map);
  map.get('russia');
  assert.deepEqual(v8.serialize(map), before);
  const copy = v8.deserialize(before) as object;
  Object.setPrototypeOf(copy, PackedMap.prototype);
  const back = copy as PackedMap<string, { names: string[]; n: number }>;
  assert.deepEqual(back.get('ukraine'), entries[1][1]);
  assert.equal(back.get('nowhere'), undefined);
});

test('PackedMap: values read from a file when first looked up; a damaged value is named and the file removed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-packed-'));
  try {
    const file = join(dir, 'cache.bin');
    const stored = (): PackedMap<string, { names: string[]; n: number }> => {
      const map = new PackedMap(entries);
      const copy = v8.deserialize(v8.serialize(map)) as object;
      Object.setPrototypeOf(copy, PackedMap.prototype);
      return copy as PackedMap<string, { names: string[]; n: number }>;
    };
    const bytes = new PackedMap(entries).takeBytes();
    writeFileSync(file, Buffer.concat([Buffer.from('head'), bytes]));
    const fd = openSync(file, 'r');
    const map = stored();
    map.readFrom(file, fd, 4);
    assert.deepEqual(map.get('ukraine'), entries[1][1]);
    assert.deepEqual(map.get('russia'), entries[0][1]);
    closeSync(fd);
    const damaged = Buffer.concat([Buffer.from('head'), bytes]);
    damaged[damaged.length - 2] ^= 0x40;
    writeFileSync(file, damaged);
    const fd2 = openSync(file, 'r');
    const bad = stored();
    bad.readFrom(file, fd2, 4);
    assert.throws(() => bad.get(''), (err: unknown) => err instanceof DyadError && err.code === 'KNOWLEDGE_INVALID');
    assert.ok(!existsSync(file), 'the damaged file is removed');
    closeSync(fd2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
