import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../index.js';

const coder = createCoder();

const rows: readonly { readonly text: string; readonly modality: string; readonly cue: string | null }[] = [
  { text: 'France will host Germany next week.', modality: 'planned', cue: 'will' },
  { text: 'France is set to host Germany.', modality: 'planned', cue: 'is set to' },
  { text: 'France plans to host Germany.', modality: 'planned', cue: 'plans to' },
  // An aim or a wish is an intention, not the act.
  { text: 'France seeks to host Germany.', modality: 'planned', cue: 'seeks to' },
  { text: 'Chad aims to attack Sudan.', modality: 'planned', cue: 'aims to' },
  { text: 'France is scheduled to host Germany on Monday.', modality: 'planned', cue: 'is scheduled to' },
  { text: 'France is expected to host Germany.', modality: 'expected', cue: 'is expected to' },
  { text: 'France could host Germany.', modality: 'hypothetical', cue: 'could' },
  { text: 'France would host Germany if asked.', modality: 'hypothetical', cue: 'would' },
  { text: 'France said on Monday it would host Germany if asked.', modality: 'planned', cue: 'would' },
  { text: 'If talks fail, France may host Germany.', modality: 'hypothetical', cue: 'may' },
  { text: 'France did not host Germany.', modality: 'negated', cue: 'not' },
  { text: 'France refused to host Germany.', modality: 'negated', cue: 'refused to' },
  { text: 'France ruled out hosting Germany.', modality: 'negated', cue: 'ruled out' },
  { text: 'Australian diplomats were banned from travelling to Fiji.', modality: 'negated', cue: 'banned from' },
  { text: 'Chilean diplomats are forbidden from travelling to Peru.', modality: 'negated', cue: 'forbidden from' },
  { text: 'Russian troops did not stop and attacked the Ukrainian convoy.', modality: 'occurred', cue: 'attacked' },
  { text: 'If France hosts Germany, the talks will fail.', modality: 'hypothetical', cue: 'If' },
  { text: 'France hosted Germany on Monday.', modality: 'occurred', cue: 'hosted' },
  { text: 'France has hosted Germany.', modality: 'occurred', cue: 'has hosted' },
  { text: 'Russia allegedly attacked Ukraine.', modality: 'claimed', cue: 'allegedly' },
  { text: 'Pakistan denied that its troops had shelled Indian villages.', modality: 'negated', cue: 'denied' },
  { text: 'Russia alleged that Ukrainian troops shelled a Russian village.', modality: 'claimed', cue: 'alleged' },
  { text: 'Russia said that Ukrainian troops shelled a Russian village.', modality: 'occurred', cue: 'shelled' },
  { text: 'The upcoming visit by Narendra Modi to Japan was announced.', modality: 'planned', cue: 'upcoming' },
  { text: 'Narendra Modi’s visit to Japan, scheduled for May 16, was announced.', modality: 'planned', cue: 'scheduled for' },
];

for (const row of rows) {
  test(`modality: ${row.text}`, () => {
    const { events } = coder.code({ text: row.text, published: '2024-05-14' });
    assert.ok(events.length > 0, 'an event is coded');
    // The refusal itself ("refused", "ruled out", "banned") occurred; the row is about what it refuses.
    const e = events.find((x) => !['refused', 'banned', 'ruled out'].includes(x.trigger.text)) ?? events[0];
    assert.equal(e.modality, row.modality);
    assert.equal(e.modalityCue?.text ?? null, row.cue);
  });
}

test('modality: "May" as a month is no modal verb', () => {
  const { events } = coder.code({ text: 'France hosted Germany on May 3.', published: '2024-05-14' });
  assert.equal(events[0]?.modality, 'occurred');
});
