import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { test } from 'node:test';
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
