/**
 * Parties (data/actors/parties.yaml, from ParlGov and Party Facts, with the hand-kept common forms of
 * data/parties/common-names.yaml): a party is GOV while it sits in cabinet and OPP otherwise, at the
 * event's date, where ParlGov covers the country; elsewhere it has its country and no sector.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../index.js';

const coder = createCoder();

function codes(text: string, published: string): string[] {
  return coder.code({ text, published }).events.flatMap((e) => [e.source?.code ?? '-', e.target?.code ?? '-']);
}

test('a party is GOV while in cabinet and OPP otherwise', () => {
  assert.deepEqual(codes('Labour accused the Conservatives of betraying voters on Monday.', '2005-03-01'), ['GBRGOV', 'GBROPP']);
  assert.deepEqual(codes('Labour accused the Conservatives of betraying voters on Monday.', '2012-03-01'), ['GBROPP', 'GBRGOV']);
  assert.deepEqual(codes('The Lib Dems criticised the Tories on Tuesday.', '2012-03-01'), ['GBRGOV', 'GBRGOV']);
  assert.deepEqual(codes('The Lib Dems criticised the Tories on Tuesday.', '2016-09-01'), ['GBROPP', 'GBRGOV']);
  assert.deepEqual(codes('The CDU rejected the SPD proposal on Tuesday.', '2000-03-01'), ['DEUOPP', 'DEUGOV']);
});

test('the event date decides, not the publication date', () => {
  // Published in 2011 about 2009: Labour governed then.
  assert.deepEqual(codes('In March 2009, Labour accused the Conservatives of betraying voters.', '2011-06-01'), ['GBRGOV', 'GBROPP']);
});

test('a party of a country without cabinet data has its country and no sector', () => {
  assert.deepEqual(codes('The Democrats criticised the Republicans on Tuesday.', '2020-03-01'), ['USA', 'USA']);
});

test('a one-word party name before a title is the portfolio ("Serbian Labour Minister"), not the party', () => {
  const text = 'Serbian Labour Minister Ana Petrovic signed the bill on Monday.';
  const doc = coder.annotate({ text, published: '2020-03-01' });
  assert.ok(!(doc.mentions ?? []).some((m) => m.kind === 'organisation'), JSON.stringify(doc.mentions?.map((m) => m.ruleId)));
});

test('a party\'s members of parliament act as the legislature (LEG); its leader keeps the party\'s sector', () => {
  assert.deepEqual(codes('Labour MPs criticised the Conservatives on Monday.', '2005-03-01'), ['GBRLEG', 'GBROPP']);
  assert.deepEqual(codes('Republican senators criticised France on Monday.', '2020-03-01'), ['USALEG', 'FRA']);
  assert.deepEqual(codes('Tory leader Adam Okafor criticised France on Monday.', '2005-03-01'), ['GBROPP', 'FRA']);
});

test('a party named by a generic agent noun ("Sunni") does not take that noun (regression: "the Sunni official" was Kuwaiti)', () => {
  const doc = coder.annotate({ text: 'In Iraq the Sunni official accused the Iraqi government of fraud.', published: '2005-10-20' });
  const codesFound = (doc.mentions ?? []).flatMap((m) => m.actors.map((a) => a.code));
  assert.ok(!codesFound.some((c) => c.startsWith('KWT')), codesFound.join(','));
});
