/** document.actors: every actor mention the coder resolved, with where it is and the rule that resolved it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../index.js';

const coder = createCoder();

test('document.actors lists each resolved mention with code, country, sector, name, role, text, span and rule', () => {
  const text = 'NAIROBI (Reuters) - Kenyan police arrested two activists on Monday. Vladimir Putin said nothing. The government declined to comment.';
  const { document } = coder.code({ text, published: '2024-05-14' });
  const actors = document.actors ?? [];
  const police = actors.find((a) => a.text === 'Kenyan police');
  assert.deepEqual(police, { code: 'KENCOP', country: 'KEN', sector: 'COP', name: null, role: null, text: 'Kenyan police', start: text.indexOf('Kenyan police'), end: text.indexOf('Kenyan police') + 13, rule: 'country.ken+agent.police' });
  const putin = actors.find((a) => a.text === 'Vladimir Putin');
  assert.equal(putin?.code, 'RUSGOV');
  assert.equal(putin?.name, 'Vladimir Putin');
  assert.equal(putin?.role, 'President');
  assert.equal(putin?.rule, 'person.rus.vladimir-putin');
  // An agent that took the story's country records the evidence in its rule.
  const government = actors.find((a) => a.text === 'government');
  assert.equal(government?.code, 'KENGOV');
  assert.equal(government?.rule, 'agent.government+story-country:dateline:KEN');
  assert.deepEqual(actors.map((a) => a.start), [...actors.map((a) => a.start)].sort((a, b) => a - b), 'in text order');
});
