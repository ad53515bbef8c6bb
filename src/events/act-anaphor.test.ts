/**
 * discourse.act-anaphor (src/events/act-anaphor.ts), shown by sentences of ours: criticising, rejecting or
 * demanding something of "the move" or "the decision" told before acts on whoever did it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../index.js';

const coder = createCoder({ docTimeout: 0 });

function dyads(text: string): string[] {
  return coder.code({ text, published: '2024-05-14' }).events.map((e) => `${e.cameo} ${e.source?.code ?? '-'}>${e.target?.code ?? '-'}`);
}

test('discourse.act-anaphor: "the move" is the act told before; criticising it targets its doer', () => {
  assert.ok(dyads('Yemen released two Saudi prisoners on Monday. United States officials described the move as disappointing.').includes('111 USAGOV>YEM'));
});

test('discourse.act-anaphor: "the decision" of a government, branded unacceptable by its opposition', () => {
  assert.ok(dyads('The British government ruled out new taxes on Monday. The opposition leader branded the decision unacceptable.').includes('111 OPP>GBRGOV'));
});

test('discourse.act-anaphor: a response with an actor of its own keeps it; one to no act told before has none', () => {
  assert.ok(dyads('Yemen released two Saudi prisoners. Egypt criticised Sudan over the move.').includes('111 EGY>SDN'));
  assert.ok(dyads('United States officials described the move as disappointing.').includes('111 USAGOV>-'));
});
