/**
 * A document codes the same whatever the process coded before it: alone (on a wink just loaded, as
 * in a new process), first or last in a batch, or recoded. wink-nlp's cache kept every new token
 * from one text to the next, so after "Japan's," a later "Japan's" stayed one token and
 * "The United States has openly attacked Japan's trade policy" lost its target (src/segment/wink-state.ts).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { DocInput } from '../src/core/doc.js';
import { createCoder } from '../src/index.js';
import { reloadWink, segmentText } from '../src/segment/segment-stage.js';

const coder = createCoder();
const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const CORPORA = ['bbc-news', 'reuters21578', 'wikinews-politics'] as const;
/** The fixed slice: every 40th of the first 800 records of each corpus. */
const SLICE = { every: 40, of: 800 };

/** Our own texts: the first leaves "Japan's," in wink's cache, the second needs "Japan" + "'s". */
const OWN: readonly DocInput[] = [
  { id: 'own-1', text: "Tokyo rejected the claim. Japan's, and China's, officials met in Beijing on Monday.", published: '2024-05-14' },
  { id: 'own-2', text: "The United States has openly attacked Japan's trade policy.", published: '2024-05-14' },
];

function slice(): DocInput[] {
  const docs: DocInput[] = [];
  for (const name of CORPORA) {
    const lines = readFileSync(`${corpus}${name}.jsonl`, 'utf8').split('\n').slice(0, SLICE.of);
    for (let i = 0; i < lines.length; i += SLICE.every) {
      const r = JSON.parse(lines[i]) as { id: string; text: string; date?: string | null };
      docs.push({ id: r.id, text: r.text, published: r.date?.slice(0, 10) ?? null });
    }
  }
  return docs;
}

const coded = (doc: DocInput): string => JSON.stringify(coder.code(doc));

function alone(doc: DocInput): string {
  reloadWink();
  return coded(doc);
}

test("after a text with \"Japan's,\" a later \"Japan's\" is still two tokens", () => {
  reloadWink();
  const words = (text: string): string[] => segmentText(text).tokens.map((t) => t.text);
  const fresh = words(OWN[1].text);
  assert.deepEqual(fresh.slice(6, 8), ['Japan', "'s"]);
  words(OWN[0].text);
  assert.deepEqual(words(OWN[1].text), fresh);
});

test("own texts: 'openly attacked Japan's trade policy' codes the same alone and after 'Japan's,'", () => {
  const single = alone(OWN[1]);
  reloadWink();
  const batch = OWN.map(coded);
  assert.equal(batch[1], single);
  assert.ok(JSON.parse(single).events.some((e: { target: { country: string | null } | null }) => e.target?.country === 'JPN'), 'Japan is the target');
});

test('corpus slice: every document codes byte for byte the same alone, first to last in one batch, and last to first',
  { skip: !existsSync(corpus) && 'needs ../shared/corpus (absent here)' }, () => {
    const docs = [...OWN, ...slice()];
    assert.ok(docs.length >= 50);
    const single = docs.map(alone);
    reloadWink();
    const forward = docs.map(coded);
    const backward = [...docs].reverse().map(coded).reverse();
    const differ = (other: readonly string[]): string[] => docs.filter((_, i) => other[i] !== single[i]).map((d) => d.id ?? '?');
    assert.deepEqual(differ(forward), [], 'in one batch');
    assert.deepEqual(differ(backward), [], 'in one batch, reversed');
  });
