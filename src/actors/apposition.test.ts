/**
 * appos.name (src/actors/apposition.ts) and the stranger's surname (src/actors/surnames.ts), shown by
 * sentences of ours: an apposition tells who a name the dictionary lacks is.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../index.js';

const coder = createCoder({ docTimeout: 0 });

function codesOf(text: string, span: string, published = '2020-03-01'): string[] | null {
  const doc = coder.annotate({ text, published });
  const at = text.indexOf(span);
  const m = (doc.mentions ?? []).find((x) => x.start === at && x.end === at + span.length);
  return m ? m.actors.map((a) => a.code) : null;
}

test('appos.name: "Name Name, a French diplomat," is that diplomat', () => {
  assert.deepEqual(codesOf('In Paris, Jean Dupont, a French diplomat, criticised Spain.', 'Jean Dupont'), ['FRAGOV']);
});

test('appos.name: "The Chilean army commander in Peru, Colonel Ana Ruiz," is the commander, not Peru', () => {
  assert.deepEqual(codesOf('The Chilean army commander in Peru, Colonel Ana Ruiz, criticised the mobs.', 'Colonel Ana Ruiz'), ['CHLMIL']);
});

test('appos.name: an apposition may open with a country\'s possessive ("Name Name, Peru\'s human rights ombudsman,")', () => {
  assert.deepEqual(codesOf('Rosa Quispe, Peru\'s human rights ombudsman, criticised the police.', 'Rosa Quispe'), ['PER']);
  assert.deepEqual(codesOf('Ana Ruiz, Peru\'s chief negotiator, criticised Chile.', 'Ana Ruiz'), ['PERGOV']);
});

test('appos.name: a clause before the comma is no apposition ("After meeting France, Jean Dupont")', () => {
  assert.equal(codesOf('After meeting France, Jean Dupont criticised Spain.', 'Jean Dupont'), null);
});

test('appos.name: a list of names is no apposition; known people keep their own mentions', () => {
  const text = 'Kenneth Clarke, Tony Blair and Gordon Brown met in London.';
  assert.deepEqual(codesOf(text, 'Tony Blair', '2005-03-01'), ['GBRGOV']);
});

test('coref.surname: after a stranger\'s full name, the surname alone is not the dictionary\'s famous namesake', () => {
  const text = 'Jamal Badawi, a Yemeni militant, has been freed. Badawi turned himself in to Yemeni authorities.';
  const doc = coder.annotate({ text, published: '2008-03-01' });
  const later = text.lastIndexOf('Badawi');
  assert.ok(!(doc.mentions ?? []).some((m) => m.start === later && m.actors.some((a) => a.country === 'MYS')), 'not the Malaysian prime minister');
  // Named in full as the famous person, the surname is that person.
  const known = 'Abdullah Badawi met John Howard. Badawi praised Australia.';
  const mentions = coder.annotate({ text: known, published: '2005-03-01' }).mentions ?? [];
  assert.deepEqual(mentions.filter((m) => m.start === known.lastIndexOf('Badawi')).map((m) => m.actors[0].country), ['MYS']);
});
