import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeError } from '../core/errors.js';
import { defaultDataDir } from '../place/place-data.js';
import { contextWith, event, makeDoc, withLayers } from '../place/test-doc.js';
import { loadTopicLexicon } from './lexicon.js';
import { TopicStage } from './topic-stage.js';

const lex = loadTopicLexicon(defaultDataDir());
const ctx = contextWith({ topics: lex });
const stage = new TopicStage();

/** Contexts found in a text, in order, deduplicated. */
function contexts(text: string): string[] {
  const doc = makeDoc(text);
  const tokens = doc.tokens ?? [];
  return [...new Set(lex.find(tokens, 0, tokens.length).map((h) => h.context))];
}

const sentences: readonly [string, string[]][] = [
  ['The two sides discussed trade and investment.', ['economic']],
  ['They signed deals on oil, gas and a new pipeline.', ['natural_resource']],
  ['Cybersecurity and the COVID-19 pandemic were on the agenda.', ['cyber', 'health']],
  ['Leaders pledged to fight climate change.', ['environment']],
  ['Security and defense cooperation will deepen; troops will train together.', ['military']],
  ['The talks focused on economic cooperation and sanctions.', ['economic']],
  ['Refugees fled the earthquake.', ['refugees', 'disaster']],
  ['Parliament passed the bill before the election.', ['legislative', 'election']],
  ['He was reading a book at home.', []],
];

for (const [text, want] of sentences) {
  test(`contexts of ${JSON.stringify(text)}`, () => {
    assert.deepEqual(contexts(text), want);
  });
}

test('a multi-word term wins over its first word, and spans its tokens', () => {
  const doc = makeDoc('They discussed climate change.');
  const tokens = doc.tokens ?? [];
  const hits = lex.find(tokens, 0, tokens.length);
  assert.deepEqual(hits.map((h) => [h.context, h.term, doc.text.slice(tokens[h.start].start, tokens[h.end - 1].end)]),
    [['environment', 'climate change', 'climate change']]);
});

test('themes group contexts into plain topics', () => {
  assert.equal(lex.themeOf('natural_resource'), 'energy');
  assert.equal(lex.themeOf('economic'), 'economy');
  assert.equal(lex.themeOf('military'), 'security');
  assert.equal(lex.themeOf('cyber'), 'cyber');
  assert.ok(lex.contexts.includes('pro_democracy'));
});

test('topic stage: the event sentence first, then its paragraph, deduplicated', () => {
  const text = 'Leaders discussed trade. Oil and gas exports grew.\n\nThey also met to talk about cybersecurity and trade.';
  const doc = makeDoc(text);
  const events = [event(doc, 0, { trigger: 'discussed', cameo: '040' }), event(doc, 1, { trigger: 'met', cameo: '040' })];
  const out = stage.run(withLayers(doc, [], events), ctx);
  assert.deepEqual(out.topics, [['economic', 'natural_resource'], ['cyber', 'economic']]);
  assert.equal(stage.name, 'topics');
  assert.deepEqual([...stage.provides], ['topics']);
});

test('a broken lexicon is reported with file:line for every mistake', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-topics-'));
  mkdirSync(join(dir, 'topics'));
  writeFileSync(join(dir, 'topics', 'contexts.yaml'), [
    'kind: topics',
    'version: "1"',
    'entries:',
    '  - id: economic',
    '    terms: [trade]',
    '  - id: Bad-Name',
    '    terms: [x]',
    '  - id: cyber',
    '    terms: []',
    '  - id: health',
    '    terms: [Pandemic]',
    '',
  ].join('\n'));
  assert.throws(() => loadTopicLexicon(dir), (err: unknown) => {
    assert.ok(err instanceof KnowledgeError);
    const where = err.issues.map((i) => `${i.line}:${i.entry}`);
    assert.deepEqual(where, ['6:Bad-Name', '9:cyber', '11:health']);
    assert.match(err.message, /contexts\.yaml:6 \(Bad-Name\)/);
    return true;
  });
});

const seed = new URL('../../../shared/seed/state-visit.txt', import.meta.url).pathname;

test('the founding article: security, economy, energy, technology, climate, cyber and COVID-19 are found', { skip: !existsSync(seed) && 'needs ../shared' }, () => {
  const found = contexts(readFileSync(seed, 'utf8'));
  for (const c of ['military', 'economic', 'natural_resource', 'technology', 'environment', 'cyber', 'health', 'diplomatic']) {
    assert.ok(found.includes(c), `missing ${c} in ${found.join(', ')}`);
  }
  const themes = new Set(found.map((c) => lex.themeOf(c)));
  for (const t of ['security', 'economy', 'energy', 'technology', 'environment', 'cyber', 'health', 'diplomatic']) assert.ok(themes.has(t), t);
});

test('the founding article: its energy paragraph is tagged for an event in it', { skip: !existsSync(seed) && 'needs ../shared' }, () => {
  const doc = makeDoc(readFileSync(seed, 'utf8'));
  const events = [event(doc, 0, { trigger: 'Energy', cameo: '040' })];
  const [topics] = stage.run(withLayers(doc, [], events), ctx).topics ?? [];
  assert.equal(topics?.[0], 'natural_resource');
  assert.ok(topics?.includes('military') && topics.includes('economic'));
});
