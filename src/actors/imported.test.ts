/**
 * The imported Phoenix knowledge at work (data/actors/phoenix-*.yaml), on sentences we wrote:
 * imported people with dated roles, imported agent nouns that need a country, the military noun
 * "aircraft", and a surname of a foreign person after a country's title.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../index.js';

const coder = createCoder();

function mention(text: string, published: string, span: string): string[] | null {
  const doc = coder.annotate({ text, published });
  const m = (doc.mentions ?? []).find((x) => text.slice(x.start, x.end) === span);
  return m ? m.actors.map((a) => a.code) : null;
}

test('an imported person takes the code of the role held at the date, and the country alone after it', () => {
  assert.deepEqual(mention('Abdullah Wardak addressed the nation.', '2004-03-01', 'Abdullah Wardak'), ['AFGGOV']);
  assert.deepEqual(mention('Abdullah Wardak addressed the nation.', '2008-03-01', 'Abdullah Wardak'), ['AFG']);
});

test('an imported agent noun names an actor with its country, and none alone', () => {
  assert.deepEqual(mention('Vietnamese fishermen rescued two sailors on Friday.', '2020-01-01', 'Vietnamese fishermen'), ['VNMAGR']);
  assert.equal(mention('Fishermen rescued two sailors on Friday.', '2020-01-01', 'Fishermen'), null);
});

test('"aircraft" acting in a sentence is military', () => {
  const { events } = coder.code({ text: 'Turkish aircraft bombed three villages on Friday.', published: '2020-01-01' });
  assert.ok(events.some((e) => e.source?.code === 'TURMIL'), JSON.stringify(events.map((e) => e.source?.code)));
});

test("a surname known only as another country's person is not that person after this country's title", () => {
  assert.deepEqual(mention("Morocco's King Hassan welcomed the envoy on Monday.", '1995-01-01', "Morocco's King Hassan"), ['MARGOV']);
});

test('an imported institution named "country + title" ("German Chancellor") is left to dyad\'s titles: the holder at the date, or the named person', () => {
  assert.deepEqual(mention('German Chancellor Olaf Scholz met Emmanuel Macron.', '2023-03-01', 'German Chancellor Olaf Scholz')?.map((c) => c.slice(0, 3)), ['DEU']);
  const doc = coder.annotate({ text: 'The German Chancellor met Emmanuel Macron.', published: '2023-03-01' });
  const m = (doc.mentions ?? []).find((x) => x.ruleId.includes('reichstag'));
  assert.equal(m, undefined, 'no mention reads "German Chancellor" as the Reichstag');
});
