/** The story-country rule (src/actors/story-country.ts), on stories we wrote. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../index.js';

const coder = createCoder();

/** Codes and rule of the last mention whose text is `span`. */
function last(text: string, span: string): { codes: string[]; rule: string } | null {
  const doc = coder.annotate({ text, published: '2024-05-14' });
  const m = (doc.mentions ?? []).filter((x) => text.slice(x.start, x.end) === span).pop();
  return m ? { codes: m.actors.map((a) => a.code), rule: m.ruleId } : null;
}

test('story-country: an agent with no country takes the country most of the story names', () => {
  const story = 'Kenyan police arrested two activists in Nairobi on Monday. President William Ruto defended the arrests. Police said the men had planned a protest.';
  const police = last(story, 'Police');
  assert.deepEqual(police?.codes, ['KENCOP']);
  assert.match(police?.rule ?? '', /\+story-country:mentions:KEN:\d+\/\d+$/);
});

test('story-country: the dateline names the story country', () => {
  const police = last('NAIROBI (Reuters) - Police arrested two men on Monday, the government said.', 'government');
  assert.deepEqual(police?.codes, ['KENGOV']);
  assert.match(police?.rule ?? '', /\+story-country:dateline:KEN$/);
});

test('story-country: an international story leaves the agent without a country', () => {
  const story = 'Russian and Ukrainian officials met in Istanbul on Monday. Police closed the roads around the palace.';
  assert.deepEqual(last(story, 'Police')?.codes, ['COP']);
});

test('story-country: an office with no country ("the prime minister", "Foreign Minister Jane Doyle") takes the story\'s', () => {
  const story = 'Kenyan police arrested two activists in Nairobi. President William Ruto defended the arrests. The prime minister praised the police.';
  assert.deepEqual(last(story, 'prime minister')?.codes.map((c) => c.slice(0, 3)), ['KEN']);
  const named = 'Kenyan police arrested two activists in Nairobi. President William Ruto defended the arrests. Foreign Minister Jane Doyle criticised the police.';
  assert.deepEqual(last(named, 'Foreign Minister Jane Doyle')?.codes.map((c) => c.slice(0, 3)), ['KEN']);
});

test('story-country: an office with no country in an international story names no one', () => {
  const story = 'Russian and Ukrainian officials met in Istanbul on Monday. The prime minister praised the talks.';
  assert.equal(last(story, 'prime minister'), null);
});

test('story-country: an agent noun that names an actor only with a country ("rioters") takes the story\'s', () => {
  const story = 'Kenyan police arrested two activists in Nairobi. President William Ruto defended the arrests. Rioters burned cars.';
  assert.deepEqual(last(story, 'Rioters')?.codes.map((c) => c.slice(0, 3)), ['KEN']);
});

test('story-country: such an agent noun in an international story names no one', () => {
  const story = 'Russian and Ukrainian officials met in Istanbul on Monday. Rioters burned cars.';
  assert.equal(last(story, 'Rioters'), null);
});
