import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_SENTENCE_TOKENS, MAX_TOKEN_CHARS, segmentText } from './segment-stage.js';
import { FreshWink } from './wink-state.js';

const cases: readonly { readonly name: string; readonly text: string; readonly sentences: number; readonly paragraphs: number }[] = [
  { name: 'two sentences', text: 'Putin arrived in Beijing. He met Xi.', sentences: 2, paragraphs: 1 },
  { name: 'a headline without a full stop is its own sentence', text: 'Putin to visit China\n\nPutin will visit China this week.', sentences: 2, paragraphs: 2 },
  { name: 'curly quotes and possessives', text: 'President Putin’s visit to China was “historic,” Xi said.', sentences: 1, paragraphs: 1 },
  { name: 'abbreviations do not split', text: 'The U.S. and the U.K. met on Monday.', sentences: 1, paragraphs: 1 },
];

for (const c of cases) {
  test(`segment: ${c.name}`, () => {
    const { sentences, tokens } = segmentText(c.text);
    assert.equal(sentences.length, c.sentences);
    assert.equal(new Set(sentences.map((s) => s.paragraph)).size, c.paragraphs);
    for (const t of tokens) assert.equal(c.text.slice(t.start, t.end), t.text, `offsets of token ${t.index}`);
    for (const s of sentences) {
      assert.equal(tokens[s.tokenStart].start, s.start);
      assert.equal(tokens[s.tokenEnd - 1].end, s.end);
    }
  });
}

test('segment: lemmas and normals are lower-case with straight quotes', () => {
  const { tokens } = segmentText('Russia’s troops Visited Kyiv.');
  assert.deepEqual(tokens.map((t) => t.normal), ['russia', "'s", 'troops', 'visited', 'kyiv', '.']);
  assert.equal(tokens[3].lemma, 'visit');
});

test("segment: wink forgets each text: after \"Japan's,\" a later \"Japan's\" is two tokens, also across its reloads", () => {
  const fresh = new FreshWink(undefined, 20);
  const tokens = (text: string): string[] => fresh.read(text, (doc, nlp) => doc.tokens().out(nlp.its.value) as string[]);
  const sentence = "The United States has openly attacked Japan's trade policy.";
  const first = tokens(sentence);
  assert.deepEqual(first.slice(6, 8), ['Japan', "'s"]);
  for (let i = 0; i < 30; i++) tokens(`Japan's, Qzx${i}'s and Vbn${i}'s, officials met.`);
  assert.ok(fresh.loads > 1, 'wink was loaded again once the forgotten slots passed the limit');
  assert.deepEqual(tokens(sentence), first);
});

/** Every token's text is the text as given at its offsets, and sentences tile their tokens. */
function assertOffsets(text: string, r: ReturnType<typeof segmentText>): void {
  for (const t of r.tokens) assert.equal(text.slice(t.start, t.end), t.text, `offsets of token ${t.index}`);
  let next = 0;
  for (const s of r.sentences) {
    assert.equal(s.tokenStart, next);
    next = s.tokenEnd;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) assert.equal(r.tokens[i].sentence, s.index);
  }
  assert.equal(next, r.tokens.length);
}

test('segment: a sentence of 20,000 words (coding time grew with its square) is split into sentences of at most 150 tokens', () => {
  const words = ['France', 'criticized', 'Germany', 'and', 'the', 'minister', 'said', 'talks', 'would', 'continue', 'in', 'Paris'];
  const text = `${Array.from({ length: 20_000 }, (_, i) => words[i % words.length]).join(' ')}.`;
  const r = segmentText(text);
  assert.equal(r.tokens.length, 20_001);
  assert.ok(r.sentences.length >= 20_001 / MAX_SENTENCE_TOKENS);
  assert.ok(r.sentences.every((s) => s.tokenEnd - s.tokenStart <= MAX_SENTENCE_TOKENS));
  assertOffsets(text, r);
});

test('segment: a too-long sentence is split after its last comma in reach, not mid-clause', () => {
  const clause = (i: number): string => `the delegation of country number ${i} met the ministers of the other countries in the capital`;
  const text = `${Array.from({ length: 12 }, (_, i) => clause(i)).join(', ')}.`;
  const r = segmentText(text);
  assert.ok(r.sentences.length > 1);
  for (const s of r.sentences.slice(0, -1)) assert.equal(r.tokens[s.tokenEnd - 1].text, ',');
  assertOffsets(text, r);
});

test('segment: a 300 KB run without a space (wink\'s abbreviation regex backtracked for minutes) is cut into tokens of at most 100 characters', () => {
  const text = `${'<div><p>word'.repeat(25_000)} France criticized Germany.`;
  const r = segmentText(text);
  assert.ok(r.tokens.every((t) => t.text.length <= MAX_TOKEN_CHARS));
  assert.deepEqual(r.tokens.slice(-4).map((t) => t.text), ['France', 'criticized', 'Germany', '.']);
  assertOffsets(text, r);
});

test('segment: a long run is never cut inside a surrogate pair; odd characters keep their offsets', () => {
  const text = `${'\u{1F600}'.repeat(301)} Fr\u0301ance\u200b criticized \u202eGermany\u202c \u0001 on Monday.`;
  const r = segmentText(text);
  assert.ok(r.tokens.every((t) => !/^[\uDC00-\uDFFF]/.test(t.text) && !/[\uD800-\uDBFF]$/.test(t.text)));
  assertOffsets(text, r);
});
