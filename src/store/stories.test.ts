/** MinHash signatures, LSH band keys and the story rule, on texts of our own. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BANDS, bandKeys, decodeSignature, encodeSignature, HASHES, shingleHashes, signature, similarity } from './minhash.js';
import { chooseStory, fingerprint, STORY_DEFAULTS, withinWindow, type StoryCandidate } from './stories.js';
import { TEXTS } from './fixtures.js';

const sig = (text: string) => {
  const s = signature(shingleHashes(text));
  assert.ok(s);
  return s;
};

/** Exact Jaccard similarity of two texts' shingle sets. */
function jaccard(a: string, b: string): number {
  const sa = shingleHashes(a);
  const sb = shingleHashes(b);
  const inter = [...sa].filter((x) => sb.has(x)).length;
  return inter / (sa.size + sb.size - inter);
}

describe('minhash', () => {
  test('shingles are three-word runs of lower-cased words, punctuation ignored', () => {
    assert.equal(shingleHashes('The visit, the VISIT; the visit!').size, 2);
    assert.deepEqual(shingleHashes('Macron visits Berlin'), shingleHashes('macron - visits - berlin'));
    assert.equal(shingleHashes('two words').size, 0);
    assert.equal(signature(new Set()), null);
  });

  const pairs: ReadonlyArray<readonly [string, string, string]> = [
    ['identical', TEXTS.original, TEXTS.original],
    ['light rewrite', TEXTS.original, TEXTS.rewrite],
    ['unrelated', TEXTS.original, TEXTS.unrelated],
    ['reprint with a tail', TEXTS.unrelated, `${TEXTS.unrelated} Reporting by a correspondent in Tokyo.`],
  ];
  for (const [name, a, b] of pairs) {
    test(`the signature estimates Jaccard similarity: ${name}`, () => {
      const exact = jaccard(a, b);
      assert.ok(Math.abs(similarity(sig(a), sig(b)) - exact) < 0.15, `estimate near ${exact.toFixed(2)}`);
    });
  }

  test('band keys: one per band, equal bands give equal keys, the band number in the high bits', () => {
    const a = bandKeys(sig(TEXTS.original));
    assert.equal(a.length, BANDS);
    assert.deepEqual(a, bandKeys(sig(TEXTS.original)));
    a.forEach((k, b) => assert.equal(Math.floor(k / 2 ** 32), b));
    const shared = bandKeys(sig(TEXTS.rewrite)).filter((k) => a.includes(k)).length;
    assert.ok(shared > 0, 'the rewrite shares a band');
    assert.equal(bandKeys(sig(TEXTS.unrelated)).filter((k) => a.includes(k)).length, 0);
  });

  test('signatures survive encoding', () => {
    const s = sig(TEXTS.rewrite);
    assert.deepEqual(decodeSignature(encodeSignature(s)), s);
    assert.equal(s.length, HASHES);
    assert.equal(decodeSignature('AAAA'), null);
  });
});

describe('stories', () => {
  const candidate = (documentId: string, text: string, published: string | null): StoryCandidate => ({
    documentId, storyId: `story-${documentId}`, published, signature: fingerprint(text).signature,
  });

  const rows: ReadonlyArray<{ name: string; text: string; published: string | null; expect: string | null }> = [
    { name: 'a rewrite joins the original', text: TEXTS.rewrite, published: '2024-05-14', expect: 'story-a' },
    { name: 'an unknown date does not block', text: TEXTS.rewrite, published: null, expect: 'story-a' },
    { name: 'a rewrite outside the window starts its own', text: TEXTS.rewrite, published: '2024-05-20', expect: null },
    { name: 'an unrelated article starts its own', text: TEXTS.unrelated, published: '2024-05-13', expect: null },
    { name: 'a text too short to compare starts its own', text: 'Macron visits Berlin.', published: '2024-05-13', expect: null },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const choice = chooseStory(fingerprint(row.text), row.published, [candidate('a', TEXTS.original, '2024-05-13')]);
      assert.equal(choice?.storyId ?? null, row.expect);
    });
  }

  test('the most similar candidate wins', () => {
    const choice = chooseStory(fingerprint(TEXTS.rewrite), null, [
      candidate('x', `${TEXTS.original} Extra closing words appear here in this one.`, null),
      candidate('y', TEXTS.rewrite, null),
    ]);
    assert.deepEqual([choice?.storyId, choice?.similarity], ['story-y', 1]);
  });

  test('window: days apart, ISO dates or date-times, unknown dates pass', () => {
    assert.equal(withinWindow('2024-05-13', '2024-05-16T10:00:00', STORY_DEFAULTS.windowDays), false);
    assert.equal(withinWindow('2024-05-13', '2024-05-16', STORY_DEFAULTS.windowDays), true);
    assert.equal(withinWindow(null, '2024-05-16', 3), true);
    assert.equal(withinWindow('soon', '2024-05-16', 3), true);
  });
});
