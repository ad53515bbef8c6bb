/** The converted CAMEO verbs (data/patterns/optional/cameo-verbs.yaml), opt-in: hand-kept patterns win, origins are named. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../../index.js';

test('--cameo-verbs: a hand-kept pattern wins where it matches; elsewhere the event names its CAMEO.2.0.txt line', () => {
  const plain = createCoder({ docTimeout: 0 });
  const coder = createCoder({ cameoVerbs: true, docTimeout: 0 });
  const meet = 'Russia met China on Monday.';
  assert.deepEqual(coder.code({ text: meet }).events.map((e) => e.rule), plain.code({ text: meet }).events.map((e) => e.rule));
  const extra = coder.code({ text: 'Russia pelted China with stones on Monday.' }).events;
  assert.ok(extra.some((e) => /^cameo-verbs\.l\d+$/.test(e.rule)), JSON.stringify(extra.map((e) => [e.rule, e.cameo])));
  assert.ok(coder.knowledge.patterns.all.length > plain.knowledge.patterns.all.length + 20000);
});
