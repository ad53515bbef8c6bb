import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bySentence } from './by-sentence.js';

test('a 4.9 MB page of ordinary paragraphs (288 s: stages filtered a whole layer for every sentence) is looked up through one index per layer', () => {
  const items = [{ sentence: 2, id: 'a' }, { sentence: 0, id: 'b' }, { sentence: 2, id: 'c' }];
  let reads = 0;
  const counted = new Proxy(items, { get: (t, k, r) => { if (typeof k === 'string' && /^\d+$/.test(k)) reads++; return Reflect.get(t, k, r); } });
  const of = bySentence(counted);
  for (let s = 0; s < 1000; s++) of(s);
  assert.deepEqual(of(2).map((i) => i.id), ['a', 'c']);
  assert.deepEqual(of(0).map((i) => i.id), ['b']);
  assert.deepEqual(of(1), []);
  assert.equal(reads, items.length, 'the layer is read once, not once per sentence');
});
