/**
 * A small fixed sample of `npm run fuzz` (bench/fuzz.ts): hostile documents through `dyad code` and
 * `dyad ingest` in-process give no crash, no silent drop and no bad offset. Speed is measured by
 * `npm run fuzz` itself, not here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fuzz } from '../bench/fuzz.js';
import { badOffsets } from '../bench/fuzz/harness.js';
import { fuzzDoc, OWN_TEXTS, TEXT_MUTATIONS } from '../bench/fuzz/mutate.js';

test('fuzz sample (seed 12, 24 documents): no crash, no silent drop, no bad offset', async () => {
  const report = await fuzz(24, 12);
  assert.equal(report.outcomes.length, 24);
  assert.deepEqual(report.crashes.map((o) => `${o.id}: ${o.crash}`), []);
  assert.deepEqual(report.drops.map((o) => o.id), []);
  assert.deepEqual(report.badOffsets.map((o) => `${o.id}: ${o.badOffsets.join('; ')}`), []);
  assert.ok(report.outcomes.some((o) => o.path === 'code') && report.outcomes.some((o) => o.path === 'ingest'));
});

test('fuzz documents are the same for the same seed, and every mutation kind is there', () => {
  assert.deepEqual(fuzzDoc(OWN_TEXTS, 3, 5), fuzzDoc(OWN_TEXTS, 3, 5));
  assert.notDeepEqual(fuzzDoc(OWN_TEXTS, 3, 5).bytes, fuzzDoc(OWN_TEXTS, 4, 5).bytes);
  for (const kind of ['nul', 'control', 'zeroWidth', 'rtl', 'emoji', 'mixedScripts', 'hugeLine', 'longToken', 'repeatedTokens', 'nestedMarkup', 'punctuationOnly', 'numbersOnly']) {
    assert.ok(kind in TEXT_MUTATIONS, kind);
  }
});

test('badOffsets finds a span whose text is not the text at its offsets', () => {
  const span = { text: 'France', start: 1, end: 7 };
  const event = { id: 'e', trigger: span, source: null, target: null, attribution: null, modalityCue: null, mentions: [] };
  const result = { document: {}, events: [event] } as unknown as Parameters<typeof badOffsets>[1];
  assert.deepEqual(badOffsets('\uFEFFFrance', result), []);
  assert.equal(badOffsets('France', result).length, 1);
});
