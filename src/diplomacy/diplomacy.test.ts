/** Visit building and linking on hand-made events and facts: statuses, linking rules, words. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ActorOut, CodedEvent } from '../core/event.js';
import { buildVisits, type VisitSource } from './build.js';
import type { DocumentFacts } from './facts.js';
import { filterVisits } from './filter.js';
import { outcomeKind } from './words.js';

const person = (name: string, country: string): ActorOut =>
  ({ code: `${country}GOV`, country, sector: 'GOV', name, role: 'President', text: name, start: 0, end: 0 });
const state = (country: string): ActorOut => ({ code: country, country, sector: null, name: null, role: null, text: country, start: 0, end: 0 });

interface Spec {
  readonly doc: string;
  readonly text: string;
  readonly modality: CodedEvent['modality'];
  readonly dates?: readonly [string, string];
  readonly source?: ActorOut;
  readonly target?: ActorOut;
  readonly cameo?: string;
}

/** One document of one sentence with one event. */
function source(s: Spec): VisitSource {
  const e: CodedEvent = {
    id: `${s.doc}-e`, doc: s.doc, sentence: 0, source: s.source ?? person('Vladimir Putin', 'RUS'), target: s.target ?? state('CHN'),
    cameo: s.cameo ?? '042', root: (s.cameo ?? '042').slice(0, 2), quadClass: 1, goldstein: 1.9,
    plover: { type: 'CONSULT', mode: null, contexts: [] }, modality: s.modality, modalityCue: null,
    date: s.dates ? { start: s.dates[0], end: s.dates[1], precision: 'day', basis: 'text' } : null, place: null, topics: [],
    trigger: { text: s.text, start: 0, end: s.text.length }, rule: 'test', confidence: 1, knowledge: 'test', attribution: null,
    mentions: [{ sentence: 0, trigger: { text: s.text, start: 0, end: s.text.length }, rule: 'test' }],
  };
  const facts: DocumentFacts = {
    id: s.doc, text: s.text, published: null, persons: [],
    sentences: [{ index: 0, start: 0, end: s.text.length, paragraph: 0, topics: [], people: [] }],
  };
  return { facts, events: [e] };
}

const planned = source({ doc: 'a', text: 'Putin will pay a state visit to China on May 16-17.', modality: 'planned', dates: ['2024-05-16', '2024-05-17'] });

const LINKING: readonly { name: string; later: Spec; visits: number; status: string }[] = [
  { name: 'arrival on the first day', later: { doc: 'b', text: 'Putin arrived in Beijing.', modality: 'occurred', dates: ['2024-05-16', '2024-05-16'] }, visits: 1, status: 'occurred' },
  { name: 'arrival the day after the announced end', later: { doc: 'b', text: 'Putin arrived.', modality: 'occurred', dates: ['2024-05-18', '2024-05-18'] }, visits: 1, status: 'occurred' },
  { name: 'a visit a month later', later: { doc: 'b', text: 'Putin arrived.', modality: 'occurred', dates: ['2024-06-20', '2024-06-20'] }, visits: 2, status: 'planned' },
  { name: 'another host', later: { doc: 'b', text: 'Putin arrived.', modality: 'occurred', dates: ['2024-05-16', '2024-05-16'], target: state('PRK') }, visits: 2, status: 'planned' },
  { name: 'another guest of the same country', later: { doc: 'b', text: 'Lavrov arrived.', modality: 'occurred', dates: ['2024-05-16', '2024-05-16'], source: person('Sergei Lavrov', 'RUS') }, visits: 2, status: 'planned' },
  { name: 'the guest country without a name', later: { doc: 'b', text: 'Russia arrived.', modality: 'occurred', dates: ['2024-05-16', '2024-05-16'], source: state('RUS') }, visits: 1, status: 'occurred' },
  { name: 'called off', later: { doc: 'b', text: 'Putin cancelled his visit to China.', modality: 'negated', dates: ['2024-05-16', '2024-05-17'] }, visits: 1, status: 'cancelled' },
  { name: 'undated, another document', later: { doc: 'b', text: 'Putin arrived.', modality: 'occurred' }, visits: 2, status: 'planned' },
];

for (const row of LINKING) {
  test(`linking a planned visit with a later report: ${row.name}`, () => {
    const visits = buildVisits([planned, source(row.later)]);
    assert.equal(visits.length, row.visits, JSON.stringify(visits));
    assert.equal(visits[0].status, row.status);
    if (row.visits === 1) assert.deepEqual(visits[0].evidence, { events: ['a-e', 'b-e'], documents: ['a', 'b'] });
  });
}

test('a linked visit keeps the kind, the announced dates and the status of the later report', () => {
  const [v] = buildVisits([planned, source({ doc: 'b', text: 'Putin arrived.', modality: 'occurred', dates: ['2024-05-16', '2024-05-16'] })]);
  assert.deepEqual([v.kind, v.start, v.end, v.status], ['state visit', '2024-05-16', '2024-05-17', 'occurred']);
});

test('no visit from a hypothetical one, a trip at home, or a negation without a cancellation', () => {
  const none: Spec[] = [
    { doc: 'h', text: 'Putin could visit China.', modality: 'hypothetical' },
    { doc: 'd', text: 'Putin visited Moscow.', modality: 'occurred', target: state('RUS') },
    { doc: 'n', text: 'Putin did not visit China.', modality: 'negated' },
  ];
  for (const s of none) assert.deepEqual(buildVisits([source(s)]), [], s.text);
});

test('outcome kinds from trigger words', () => {
  const table: readonly (readonly [string, string | null])[] = [
    ['the signing of a joint statement', 'joint statement'],
    ['signed a joint declaration', 'joint declaration'],
    ['a memorandum of understanding', 'memorandum'],
    ['sign a free trade agreement', 'agreement'],
    ['an arms deal', 'deal'],
    ['cooperate', null],
  ];
  for (const [words, kind] of table) assert.equal(outcomeKind(words), kind, words);
});

test('filterVisits by country and date range', () => {
  const visits = buildVisits([planned]);
  assert.equal(filterVisits(visits, { country: 'CHN' }).length, 1);
  assert.equal(filterVisits(visits, { country: 'RUS' }).length, 1);
  assert.equal(filterVisits(visits, { country: 'USA' }).length, 0);
  assert.equal(filterVisits(visits, { from: '2024-05-17' }).length, 1);
  assert.equal(filterVisits(visits, { from: '2024-05-18' }).length, 0);
  assert.equal(filterVisits(visits, { to: '2024-05-15' }).length, 0);
});
