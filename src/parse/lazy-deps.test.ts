import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Dependency, Doc, Sentence } from '../core/doc.js';
import { segmentText } from '../segment/segment-stage.js';
import { lazyDependencies } from './lazy-deps.js';
import { parseDoc, ParseStage } from './parse-stage.js';

function doc(text: string): Doc {
  const base: Doc = { id: 't', text, title: null, url: null, source: null, published: null, language: 'en' };
  return { ...base, ...segmentText(text) };
}

const plain = (d: Dependency): Dependency => ({ head: d.head, rel: d.rel, upos: d.upos });

test('the parse stage parses a sentence only when one of its tokens is read, and reads what the eager parse gives', () => {
  const d = doc('Russia attacked Ukraine on Monday. The talks, held in Geneva, failed. Advertisement. China and India signed a deal.');
  const parsed: number[] = [];
  const eager = parseDoc(d);
  const lazy = lazyDependencies(d.tokens!, d.sentences!, (s: Sentence, out: Dependency[]) => {
    parsed.push(s.index);
    for (let i = s.tokenStart; i < s.tokenEnd; i++) out[i] = eager[i];
  });
  assert.equal(lazy.length, d.tokens!.length);
  assert.deepEqual(parsed, []);
  const third = d.sentences![3];
  assert.deepEqual(plain(lazy[third.tokenStart + 2]), eager[third.tokenStart + 2]);
  assert.equal(lazy[third.tokenStart].rel, eager[third.tokenStart].rel);
  assert.deepEqual(parsed, [3]);
  const staged = new ParseStage().run(d).deps!;
  assert.deepEqual(staged.map(plain), eager);
});
