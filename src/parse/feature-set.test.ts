import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FULL_FEATURES, LEGACY_FEATURES } from './feature-set.js';
import { decodeModel, encodeModel } from './model-file.js';

const table = (classes: number): { rows: number; classes: number; weights: Int16Array } => {
  const weights = new Int16Array(32 * classes);
  weights[5] = 7;
  return { rows: 32, classes, weights };
};
const model = { labels: ['root', 'dep'], tagger: table(17), actions: table(3), relations: table(2) };
const meta = { source: 'test', licence: 'CC BY-SA 4.0' };

test('a model without a feature set reads as the legacy templates; one with a set keeps it', () => {
  assert.equal(decodeModel(encodeModel(model, meta), 'legacy').features, undefined);
  assert.deepEqual(decodeModel(encodeModel(model, { ...meta, features: FULL_FEATURES }), 'full').features, FULL_FEATURES);
  assert.ok(LEGACY_FEATURES.actions < FULL_FEATURES.actions && LEGACY_FEATURES.tagger < FULL_FEATURES.tagger);
});

test('a model naming more templates than the code has is refused', () => {
  const buf = encodeModel(model, { ...meta, features: { ...FULL_FEATURES, actions: FULL_FEATURES.actions + 1 } });
  assert.throws(() => decodeModel(buf, 'future.dyadparse'), /future\.dyadparse: parser model: its feature set/);
});
