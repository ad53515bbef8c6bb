import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentText } from './segment-stage.js';
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
