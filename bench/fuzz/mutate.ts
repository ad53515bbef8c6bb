/**
 * Seeded hostile documents for `npm run fuzz`: a news text (from ../shared/corpus, or our own when it
 * is absent) put through one to three mutations, in one of four containers (plain text, a JSON Lines
 * record, an HTML page, an RSS feed). The same seed gives the same documents.
 */
import { seededRandom } from '../../src/core/random.js';

/** Seeded choices (mulberry32, src/core/random.ts), enough to pick mutations reproducibly. */
export class Random {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

export type Container = 'text' | 'jsonl' | 'html' | 'feed';

export interface FuzzDoc {
  readonly id: string;
  readonly container: Container;
  /** What was done to the text, for the report. */
  readonly mutations: readonly string[];
  /** The bytes as a file of the container's kind. */
  readonly bytes: Buffer;
}

const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const RTL = ['\u202e', '\u202b', '\u200f', '\u061c', 'مرحبا', 'שלום'];
const EMOJI = ['\u{1F600}', '\u{1F1EB}\u{1F1F7}', '\u{1F44D}\u{1F3FD}', '\u{1F469}\u200d\u{1F4BB}', '\u2764\ufe0f'];
const SCRIPTS = ['Москва', '東京', 'Αθήνα', 'दिल्ली', '서울', 'Kraków', 'İstanbul', 'ﬁnance', 'Å'];

type TextMutation = (text: string, r: Random) => string;

function at(text: string, r: Random, insert: string): string {
  const i = r.int(text.length + 1);
  return text.slice(0, i) + insert + text.slice(i);
}

function sprinkle(text: string, r: Random, pool: readonly string[], times: number): string {
  let out = text;
  for (let k = 0; k < times; k++) out = at(out, r, r.pick(pool));
  return out;
}

/** Mutations of the text, by name (the kinds issue 12 lists). */
export const TEXT_MUTATIONS: Readonly<Record<string, TextMutation>> = {
  nul: (t, r) => sprinkle(t, r, ['\0'], 1 + r.int(3)),
  control: (t, r) => sprinkle(t, r, ['\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u000b', '\r', '\u2028'], 1 + r.int(8)),
  zeroWidth: (t, r) => sprinkle(t, r, ZERO_WIDTH, 1 + r.int(20)),
  rtl: (t, r) => sprinkle(t, r, RTL, 1 + r.int(6)),
  emoji: (t, r) => sprinkle(t, r, EMOJI, 1 + r.int(20)),
  mixedScripts: (t, r) => sprinkle(t, r, SCRIPTS, 1 + r.int(10)),
  hugeLine: (t, r) => `${t.replace(/\s+/g, ' ')} `.repeat(1 + r.int(60)).slice(0, 20_000 + r.int(280_000)),
  longToken: (t, r) => at(t, r, r.pick(['x', 'ab.', '-', 'é', '\u{1F600}', '<div><p>word']).repeat(1000 + r.int(30_000))),
  repeatedTokens: (t, r) => at(t, r, ` ${r.pick(['the', 'France', 'said', 'Japan\'s,', 'attacked', ',', 'U.S.'])}`.repeat(200 + r.int(5000))),
  nestedMarkup: (t, r) => { const n = 10 + r.int(3000); return `${'<div><b>'.repeat(n)}${t}${'</b></div>'.repeat(r.int(n))}`; },
  punctuationOnly: (t, r) => t.replace(/[\p{L}\p{N}]/gu, () => r.pick(['.', ',', '!', '?', ';', '"', '\'', '(', ')', '-'])),
  numbersOnly: (t, r) => t.replace(/\p{L}/gu, () => String(r.int(10))),
  truncate: (t, r) => t.slice(0, r.int(t.length + 1)),
  empty: () => '',
  whitespace: (_t, r) => ' \n\t'.repeat(r.int(50)),
};

/** Mutations drawn a fifth as often as the others. */
const RARE: ReadonlySet<string> = new Set(['empty', 'whitespace', 'hugeLine', 'longToken']);

/** Mutations of the bytes after encoding. */
export const BYTE_MUTATIONS: Readonly<Record<string, (b: Buffer, r: Random) => Buffer>> = {
  byteFlips: (b, r) => {
    const out = Buffer.from(b);
    for (let k = 0; k < 1 + r.int(10) && out.length > 0; k++) out[r.int(out.length)] ^= 1 << r.int(8);
    return out;
  },
  cutUtf8: (b, r) => {
    // Cut inside a multi-byte character when there is one, else anywhere.
    const starts = [...b.keys()].filter((i) => b[i] >= 0xc0);
    const cut = starts.length ? r.pick(starts) + 1 : r.int(b.length + 1);
    return b.subarray(0, cut);
  },
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function wrap(container: Container, id: string, text: string, r: Random): string {
  if (container === 'jsonl') return `${JSON.stringify({ id, date: '2024-05-14', text })}\n`;
  if (container === 'html') {
    const body = text.split(/\n\s*\n/).map((p) => `<p>${r.next() < 0.8 ? escapeXml(p) : p}</p>`).join('\n');
    return `<!DOCTYPE html><html lang="en"><head><title>${escapeXml(text.slice(0, 60))}</title></head><body><article>${body}</article></body></html>`;
  }
  if (container === 'feed') {
    const items = text.split(/\n\s*\n/).slice(0, 20).map((p, i) => {
      const description = r.next() < 0.8 ? escapeXml(p) : p; // one in five raw, as in real feeds
      return `<item><title>Item ${i + 1}</title><link>https://fuzz.example/${id}/${i + 1}</link><description>${description}</description></item>`;
    });
    return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Fuzz</title>${items.join('\n')}</channel></rss>`;
  }
  return text;
}

/** The `n`-th document of the run seeded `seed`, built on one of `texts`. */
export function fuzzDoc(texts: readonly string[], seed: number, n: number): FuzzDoc {
  const r = new Random(seed * 1_000_003 + n);
  const id = `fuzz-${seed}-${n}`;
  const container = r.pick<Container>(['text', 'jsonl', 'html', 'feed']);
  const names = Object.keys(TEXT_MUTATIONS);
  const mutations: string[] = [];
  let text = r.pick(texts);
  for (let k = 0; k < 1 + r.int(3); k++) {
    const name = r.pick(names);
    // Emptying is rare, so that most documents keep something to code; so are the big ones (100-300 KB), to keep a run bounded.
    if (RARE.has(name) && r.next() < 0.8) continue;
    text = TEXT_MUTATIONS[name](text, r);
    mutations.push(name);
  }
  let bytes: Buffer = Buffer.from(wrap(container, id, text, r), 'utf8');
  if (r.next() < 0.15) {
    const name = r.pick(Object.keys(BYTE_MUTATIONS));
    bytes = BYTE_MUTATIONS[name](bytes, r);
    mutations.push(name);
  }
  return { id, container, mutations, bytes };
}

/**
 * Unmutated documents, two of every container, for a run's warm-up: the first document of each kind
 * would otherwise be charged for compiling the code that reads it (the HTML extractor's, the feed
 * reader's), which a long-running ingest pays once.
 */
export function warmUpDocs(texts: readonly string[], seed: number): FuzzDoc[] {
  const r = new Random(seed);
  const containers: readonly Container[] = ['text', 'jsonl', 'html', 'feed'];
  return containers.flatMap((container, c) => [0, 1].map((k) => {
    const id = `warm-up-${seed}-${c * 2 + k}`;
    return { id, container, mutations: [], bytes: Buffer.from(wrap(container, id, r.pick(texts), r), 'utf8') };
  }));
}

/** Our own texts, for when ../shared/corpus is absent. */
export const OWN_TEXTS: readonly string[] = [
  'France criticized Germany on Monday over fishing rights in the North Sea, officials said.\n\nThe two governments agreed to meet again in Paris next month.',
  "The United States has openly attacked Japan's trade policy.\n\nTokyo rejected the criticism on Tuesday.",
  'Rebels attacked a police station near the border with Kenya, killing three officers, the army said.',
  'The president of Brazil will visit Argentina next week for talks on trade and energy.',
];
