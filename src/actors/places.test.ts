/**
 * Cities and regions as the country of an agent: "rebels in Darfur" SDNREB, "the government of Sindh
 * province" PAKGOV; a place alone is no actor.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../index.js';

const coder = createCoder();

function mentionsOf(text: string): string[] {
  const doc = coder.annotate({ text, published: '2000-01-01' });
  return (doc.mentions ?? []).map((m) => `${text.slice(m.start, m.end)}=${m.actors.map((a) => a.code).join(',')}`);
}

/** [sentence, every mention as "text=codes"]. */
const rows: readonly (readonly [string, readonly string[]])[] = [
  ['Rebels in Darfur attacked a convoy.', ['Rebels in Darfur=SDNREB']],
  ['The government of Sindh province banned the rally.', ['government of Sindh province=PAKGOV']],
  ['The Sindh government imposed a curfew.', ['Sindh government=PAKGOV']],
  ['Police in Karachi arrested 20 people.', ['Police in Karachi=PAKCOP', 'people=PAKPPL']],
  // a country's name that begins a longer known place is part of the place: the Niger Delta is in Nigeria
  // a capital after an agent and "in" is where the agent is, not the government acting
  ['Students in Santiago protested against Peru.', ['Students in Santiago=CHLEDU', 'Peru=PER']],
  ['Gunmen in the Niger Delta kidnapped two oil workers.', ['Gunmen in the Niger Delta=NGAUAF', 'workers=NGALAB']],
  ['Tigray forces shelled the town.', ['Tigray forces=ETHMIL']],
  ['Security forces in West Darfur State fired on protesters.', ['Security forces in West Darfur State=SDNCOP', 'protesters=SDNOPP']],
  // a place alone names no actor; a countryless agent takes the country of its sentence's place
  ['Gunmen attacked villages near Samarra.', ['Gunmen=IRQUAF']],
  ['Sindh said it would appeal.', []],
  // so does an office with no country: the prime minister of the one country its sentence names
  ["Kenya's opposition would boycott the vote unless the prime minister resigned.", ["Kenya's opposition=KENOPP", 'prime minister=KENGOV']],
  // a chain that has its country takes no place's ("Russian troops in Chechnya" stay Russian)
  ['Russian troops in Chechnya killed five rebels.', ['Russian troops=RUSMIL', 'rebels=RUSREB']],
  // a country's own names still win ("Security forces in Guinea")
  ['Security forces in Guinea fired on protesters.', ['Security forces in Guinea=GINCOP', 'protesters=GINOPP']],
  // a title of a place is that country's office, never the national office holder
  ['The president of Tigray resigned.', ['president of Tigray=ETHGOV']],
];

for (const [text, want] of rows) {
  test(`place actors: ${text}`, () => {
    assert.deepEqual(mentionsOf(text), want);
  });
}

test('the president of a region is no national office holder', () => {
  const doc = coder.annotate({ text: 'The president of Tigray resigned.', published: '2000-01-01' });
  const actor = doc.mentions?.[0]?.actors[0];
  assert.deepEqual(actor && [actor.code, actor.name, actor.entityId, actor.role], ['ETHGOV', null, null, 'president']);
  assert.equal(doc.mentions?.[0]?.titleQuery, undefined);
});
