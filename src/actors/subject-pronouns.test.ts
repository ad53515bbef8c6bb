/**
 * coref.it-they (src/actors/subject-pronouns.ts), each shown by sentences of ours: a subject "it" or
 * "they" stands for the main clause's subject, or the previous sentence's, when that is a country, a
 * government, an organisation or a group; an expletive "it" stands for nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../index.js';

const coder = createCoder({ docTimeout: 0 });

function pronounCodes(text: string, pronoun: string, nth = 1): string[] | null {
  const doc = coder.annotate({ text, published: '2024-05-14' });
  const re = new RegExp(`\\b${pronoun}\\b`, 'g');
  let at = -1;
  for (let k = 0; k < nth; k++) at = re.exec(text)?.index ?? -1;
  assert.ok(at >= 0, `"${pronoun}" #${nth} is in the text`);
  const m = (doc.mentions ?? []).find((x) => x.start === at);
  return m ? m.actors.map((a) => a.code) : null;
}

const rows: ReadonlyArray<{ readonly text: string; readonly pronoun: string; readonly nth?: number; readonly codes: readonly string[] | null }> = [
  { text: 'Although Chile lowered its tariffs, they warned that the tariffs could rise again.', pronoun: 'they', codes: ['CHL'] },
  { text: 'Peru said the raid was lawful when it shelled the border town.', pronoun: 'it', codes: ['PER'] },
  { text: "Kenya's parliament met on Tuesday. It approved the budget.", pronoun: 'It', codes: ['KENLEG'] },
  { text: 'Norway received the envoy on Monday. They later expelled two diplomats.', pronoun: 'They', codes: ['NOR'] },
  // The main clause's subject, not the object before the pronoun.
  { text: 'The Kurdish rebels said they would free the Turkish soldiers, whom they had seized in May.', pronoun: 'they', nth: 2, codes: ['REB'] },
  // Expletive "it": no referent.
  { text: 'Syria met Jordan on Monday. It is unclear whether talks will resume.', pronoun: 'It', codes: null },
  // A person is "he" or "she", never "it" or "they".
  { text: 'Emmanuel Macron spoke on Monday. They later left the hall.', pronoun: 'They', codes: null },
  // The subject of a verb's complement is read by the clause ("warned it would"), not resolved here.
  { text: 'Hamas warned it would fire rockets at Israel.', pronoun: 'it', codes: null },
];

for (const row of rows) {
  test(`coref.it-they: "${row.pronoun}" in "${row.text}" is ${row.codes?.join('+') ?? 'no mention'}`, () => {
    const got = pronounCodes(row.text, row.pronoun, row.nth);
    if (row.codes === null) assert.equal(got, null);
    else assert.ok(got !== null && row.codes.every((c, k) => got[k]?.includes(c)), JSON.stringify(got));
  });
}

test('coref.it-they: an event told with "they" has the referent as its source', () => {
  const text = 'Although Israel eased the blockade, they warned Hamas that it could be restored.';
  const events = coder.code({ text, published: '2008-06-01' }).events;
  assert.ok(events.some((e) => e.root === '13' && e.source?.country === 'ISR'), JSON.stringify(events.map((e) => [e.cameo, e.source?.code, e.target?.code])));
});

test('coref.it-they: people named before "they" in its sentence are its referents, not the previous sentence\'s country', () => {
  assert.equal(pronounCodes('Brazil hosted the summit. Emmanuel Macron met Olaf Scholz and they discussed trade.', 'they'), null);
});

const objectRows: ReadonlyArray<{ readonly text: string; readonly codes: readonly string[] | null }> = [
  // The nearest organisation or country before it.
  { text: 'The British senator left the Labour Party and accused it of betraying its voters.', codes: ['GBROPP'] },
  { text: 'Russia criticised the European Union and warned it against expansion.', codes: ['IGOEU'] },
  // Never its own verb's subject (binding): "Russia had attacked it" is not Russia.
  { text: 'Estonia said Russia had attacked it.', codes: ['EST'] },
  // A person is "him" or "her", never "it".
  { text: 'Emmanuel Macron met Olaf Scholz and thanked it.', codes: null },
];

for (const row of objectRows) {
  test(`coref.it-object: "it" in "${row.text}" is ${row.codes?.join('+') ?? 'no mention'}`, () => {
    const got = pronounCodes(row.text, 'it');
    if (row.codes === null) assert.equal(got, null);
    else assert.ok(got !== null && row.codes.every((c, k) => got[k]?.includes(c)), JSON.stringify(got));
  });
}
