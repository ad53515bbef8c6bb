/**
 * coref.surname and named strangers (src/actors/surnames.ts, src/actors/compose.ts), each shown by
 * sentences of ours: a person named in full with a title, or as an organisation's officer, is then
 * named by surname ("Mr Okafor") and by "he", even when the dictionary does not know them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../index.js';

const coder = createCoder({ docTimeout: 0 });

function mentionOf(text: string, words: string, published = '2005-03-01'): { code: string; rule: string } | null {
  const doc = coder.annotate({ text, published });
  const at = text.indexOf(words);
  assert.ok(at >= 0, `"${words}" is in the text`);
  const m = (doc.mentions ?? []).find((x) => x.start === at && x.end === at + words.length);
  return m ? { code: m.actors.map((a) => a.code).join('+'), rule: m.ruleId } : null;
}

test('org.officer-name: an unknown name after an organisation\'s title is one of its people, in the mention', () => {
  assert.deepEqual(mentionOf('Tory leader Adam Okafor accused the government of lying.', 'Tory leader Adam Okafor'), { code: 'GBROPP', rule: 'party.gbr.con' });
});

test('party.attributive: a party\'s adjective names the party ("Tory claims", "a Lib Dem motion")', () => {
  assert.equal(mentionOf('The minister rejected Tory claims about the budget.', 'Tory')?.code, 'GBROPP');
  assert.equal(mentionOf('The Speaker allowed a Lib Dem motion on Tuesday.', 'Lib Dem')?.code, 'GBROPP');
  assert.equal(mentionOf('Republican senators criticised the plan.', 'Republican senators')?.code.slice(0, 3), 'USA');
});

test('coref.surname: "Mr Okafor" after "Tory leader Adam Okafor" is the same actor', () => {
  const text = 'Tory leader Adam Okafor spoke in Leeds. Mr Okafor accused the government of lying.';
  assert.deepEqual(mentionOf(text, 'Mr Okafor'), { code: 'GBROPP', rule: 'coref.surname' });
  const events = coder.code({ text, published: '2005-03-01' }).events;
  assert.ok(events.some((e) => e.cameo.startsWith('112') && e.source?.code === 'GBROPP'), JSON.stringify(events.map((e) => [e.cameo, e.source?.code])));
});

test('coref.surname: a bare surname names a title\'s unknown holder ("British Home Secretary Ruth Adeyemi ... Adeyemi")', () => {
  const text = 'British Home Secretary Ruth Adeyemi met police chiefs on Monday. Adeyemi later criticised France.';
  const doc = coder.annotate({ text, published: '2005-03-01' });
  const bare = (doc.mentions ?? []).find((m) => m.start === text.lastIndexOf('Adeyemi'));
  assert.deepEqual(bare && { code: bare.actors.map((a) => a.code), rule: bare.ruleId }, { code: ['GBRGOV'], rule: 'coref.surname' });
  const events = coder.code({ text, published: '2005-03-01' }).events;
  assert.ok(events.some((e) => e.cameo === '111' && e.source?.code === 'GBRGOV' && e.target?.code === 'FRA'), JSON.stringify(events.map((e) => [e.cameo, e.source?.code, e.target?.code])));
});

test('coref.surname: the surname inside another full name is another person', () => {
  const text = 'Home Secretary Ruth Adeyemi met police chiefs. Tom Adeyemi, a farmer, criticised France.';
  assert.equal(mentionOf(text, 'Adeyemi, a farmer'), null);
  const doc = coder.annotate({ text, published: '2005-03-01' });
  const second = text.lastIndexOf('Adeyemi');
  assert.ok(!(doc.mentions ?? []).some((m) => m.start <= second && second < m.end), 'no mention covers the second Adeyemi');
});

test('coref.surname: two people of one surname, the surname alone names neither', () => {
  const text = 'Home Secretary Ruth Adeyemi met Tory leader Paul Adeyemi. Adeyemi criticised France.';
  const doc = coder.annotate({ text, published: '2005-03-01' });
  const last = text.lastIndexOf('Adeyemi');
  assert.ok(!(doc.mentions ?? []).some((m) => m.start === last), 'the bare surname stays unresolved');
});

test('coref.unknown-person: "he" after a named stranger with a title is that stranger, not a leader named before', () => {
  const text = 'Tony Blair spoke on Monday. Tory leader Adam Okafor said the vote was rigged. He also criticised France.';
  const doc = coder.annotate({ text, published: '2005-03-01' });
  const he = (doc.mentions ?? []).find((m) => m.start === text.indexOf('He also'));
  assert.deepEqual(he?.actors.map((a) => a.code), ['GBROPP']);
});

test('agent.name: "Brazilian senator Paulo Souza" is one person holding the post; "Souza" then names them', () => {
  const text = 'Brazilian senator Paulo Souza spoke in Brasilia. Souza later criticised Argentina.';
  assert.deepEqual(mentionOf(text, 'Brazilian senator Paulo Souza', '2020-03-01'), { code: 'BRALEG', rule: 'country.bra+agent.senator+name' });
  const doc = coder.annotate({ text, published: '2020-03-01' });
  const bare = (doc.mentions ?? []).find((m) => m.start === text.lastIndexOf('Souza'));
  assert.deepEqual(bare?.actors.map((a) => a.code), ['BRALEG']);
  // A plural agent or a weekday after it is no name: "Brazilian troops Sunday attacked".
  assert.equal(mentionOf('Brazilian troops Sunday attacked the border post.', 'Brazilian troops Sunday'), null);
});

test('possessed.name: "The SNP\'s Nicola Abbot" is one of the party\'s people; a person the dictionary knows keeps their own mention', () => {
  assert.deepEqual(mentionOf("The SNP's Nicola Abbot demanded an inquiry.", "SNP's Nicola Abbot"), { code: 'GBROPP', rule: 'party.gbr.snp+name' });
  const doc = coder.annotate({ text: 'Senator Barack Obama criticised the plan.', published: '2007-03-01' });
  const obama = (doc.mentions ?? []).filter((m) => 'Senator Barack Obama criticised the plan.'.slice(m.start, m.end).includes('Obama'));
  assert.equal(obama.length, 1, 'one mention covers the name');
  assert.equal(obama[0].ruleId, 'person.usa.barack-obama');
});
