import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../core/errors.js';
import { parseFeed, type FeedResult } from './feed.js';
import { htmlToLine } from './html-text.js';
import { writtenDay } from './published.js';
import { decodeXml } from './xml-decode.js';

const feeds = fileURLToPath(new URL('../../../shared/corpus/feeds/', import.meta.url));
const needsShared = { skip: !existsSync(feeds) && 'needs ../shared' };

interface IndexEntry {
  readonly file: string;
  readonly xml_wellformed: boolean;
  readonly items?: number;
  readonly first_item_title?: string | null;
  readonly expected_output: string | null;
}

interface ExpectedItem {
  readonly title?: string;
  readonly link?: string;
  readonly pubDate?: string;
  readonly date?: string;
  readonly isoDate?: string;
}

/** Item counts that differ from INDEX.json's count of <item> elements, and why. */
const ITEM_COUNTS: Readonly<Record<string, number>> = {
  // Each of its 10 items has an empty <item /> nested inside it; those are not items.
  'node-feedparser/illegally-nested.xml': 10,
};

const index = (): IndexEntry[] => JSON.parse(readFileSync(join(feeds, 'INDEX.json'), 'utf8')) as IndexEntry[];

/** Reads a file that is UTF-8 or (one expected output) Latin-1. */
function readText(path: string): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Compares titles; where the expected output has U+FFFD (it misread the encoding), any one character matches it. */
function sameTitle(found: string | null, expected: string): boolean {
  const want = htmlToLine(expected);
  if (found === want) return true;
  if (found === null || !want.includes('\uFFFD')) return false;
  const pattern = want.split('\uFFFD').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.');
  return new RegExp(`^${pattern}$`, 'u').test(found);
}

/** INDEX.json's first titles are raw and cut at 100 characters: compare their whole words, in order. */
function startsLike(found: string | null, truncatedRaw: string): boolean {
  const words = (s: string): string[] => s.match(/[\p{L}\p{N}]+/gu) ?? [];
  const want = words(htmlToLine(truncatedRaw.replace(/<[^>]*$/, ''))).slice(0, -1);
  return want.join(' ') === words(found ?? '').slice(0, want.length).join(' ');
}

function compareWithExpected(file: string, result: FeedResult, expectedFile: string): string[] {
  const expected = (JSON.parse(readText(join(feeds, 'rss-parser', expectedFile))) as { feed: { items: ExpectedItem[] } }).feed.items;
  const wrong: string[] = [];
  const skipped = result.problems.filter((p) => p.item !== null).length;
  if (result.items.length + skipped !== expected.length) wrong.push(`${file}: ${result.items.length} items + ${skipped} skipped, expected ${expected.length}`);
  for (const item of result.items) {
    const want = expected[item.index - 1];
    if (want.title !== undefined && !sameTitle(item.title, want.title)) wrong.push(`${file} #${item.index} title: ${item.title} / ${want.title}`);
    if (want.link !== undefined && item.link !== want.link.trim()) wrong.push(`${file} #${item.index} link: ${item.link} / ${want.link}`);
    const day = writtenDay(want.pubDate) ?? writtenDay(want.date) ?? writtenDay(want.isoDate);
    if (day !== null && item.published !== day) wrong.push(`${file} #${item.index} published: ${item.published} / ${day}`);
  }
  return wrong;
}

test('feed corpus: every well-formed feed parses with its items, titles, links and dates', needsShared, () => {
  const wrong: string[] = [];
  let compared = 0;
  for (const entry of index().filter((e) => e.xml_wellformed)) {
    const result = parseFeed(readFileSync(join(feeds, entry.file)), entry.file);
    const count = ITEM_COUNTS[entry.file] ?? entry.items;
    const skipped = result.problems.filter((p) => p.item !== null).length;
    if (result.items.length + skipped !== count) wrong.push(`${entry.file}: ${result.items.length} items + ${skipped} skipped, expected ${count}`);
    if (result.problems.some((p) => p.item === null)) wrong.push(`${entry.file}: feed problem ${JSON.stringify(result.problems)}`);
    if (entry.first_item_title && !startsLike(result.items[0]?.title ?? null, entry.first_item_title)) {
      wrong.push(`${entry.file}: first title ${result.items[0]?.title}`);
    }
    if (entry.expected_output) {
      compared++;
      wrong.push(...compareWithExpected(entry.file, result, entry.expected_output));
    }
  }
  assert.ok(compared >= 12, `only ${compared} expected outputs compared`);
  assert.deepEqual(wrong, []);
});

test('feed corpus: each malformed feed is reported (an error naming it, or a feed-level problem) and the batch goes on', needsShared, () => {
  const outcomes: string[] = [];
  const malformed = index().filter((e) => !e.xml_wellformed);
  assert.ok(malformed.length >= 10);
  for (const entry of malformed) {
    try {
      const result = parseFeed(readFileSync(join(feeds, entry.file)), entry.file);
      const problem = result.problems.find((p) => p.item === null);
      assert.ok(problem, `${entry.file}: read without any reported problem`);
      outcomes.push('read');
    } catch (err) {
      assert.ok(err instanceof DyadError, `${entry.file}: ${String(err)}`);
      assert.equal(err.input, entry.file);
      assert.equal(err.code, 'INPUT_UNREADABLE');
      outcomes.push('error');
    }
  }
  assert.equal(outcomes.length, malformed.length);
  assert.ok(outcomes.includes('read') && outcomes.includes('error'));
});

test('feed corpus: the uolNoticias feed (no encoding declared, Latin-1 bytes) matches its expected output', needsShared, () => {
  const file = 'rss-parser/uolNoticias.rss';
  const result = parseFeed(readFileSync(join(feeds, file)), file);
  assert.match(result.problems[0].reason, /not UTF-8; read as windows-1252/);
  assert.deepEqual(compareWithExpected(file, result, 'uolNoticias.expected.json'), []);
  assert.match(result.items[0].title ?? '', /simulações de 2º turno/);
});

const RSS = `<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Caf\u00e9 News</title><link>https://news.example.org/</link><language>en-us</language>
<item><guid>a1</guid><title>Talks in Bogot\u00e1</title><link>https://news.example.org/a1</link>
<pubDate>Tue, 14 May 2024 23:30:00 -0400</pubDate><dc:creator>A. Reporter</dc:creator>
<description>&lt;p&gt;Ministers met.&lt;/p&gt;&lt;p&gt;They agreed.&lt;/p&gt;</description></item>
<item></item>
<item><title>Second</title><link>/a3</link><dc:date>2024-05-15</dc:date></item>
</channel></rss>`;

test('RSS 2.0 in windows-1252: items, text from HTML, day as written, relative link, empty item skipped', () => {
  const result = parseFeed(Buffer.from(RSS, 'latin1'), 'https://news.example.org/feed.xml');
  assert.equal(result.title, 'Café News');
  assert.equal(result.language, 'en');
  assert.deepEqual(result.problems, [{ item: 2, reason: 'item has no title, link or text' }]);
  assert.deepEqual(result.items, [
    { index: 1, id: 'a1', title: 'Talks in Bogotá', link: 'https://news.example.org/a1', published: '2024-05-14', text: 'Ministers met.\n\nThey agreed.', author: 'A. Reporter' },
    { index: 3, id: null, title: 'Second', link: 'https://news.example.org/a3', published: '2024-05-15', text: '', author: null },
  ]);
});

const FORMATS: readonly { readonly name: string; readonly xml: string }[] = [
  {
    name: 'Atom',
    xml: `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>urn:x:1</id><title type="html">A &lt;b&gt;bold&lt;/b&gt; move</title>
<link href="https://e.example/1"/><published>2024-01-02T00:30:00+09:00</published><author><name>N</name></author><content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>`,
  },
  {
    name: 'RDF (RSS 1.0)',
    xml: `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://e.example/"><title>T</title><link>https://e.example/</link></channel>
<item rdf:about="https://e.example/1"><title>A bold move</title><link>https://e.example/1</link><dc:date>2024-01-02T00:30:00+09:00</dc:date><dc:creator>N</dc:creator><description>Body</description></item></rdf:RDF>`,
  },
  {
    name: 'RSS 0.91',
    xml: `<rss version="0.91"><channel><title>T</title><item><title>A bold move</title><link>https://e.example/1</link><pubDate>Tue, 02 Jan 2024 00:30:00 +0900</pubDate><author>N</author><description>Body</description></item></channel></rss>`,
  },
];

for (const format of FORMATS) {
  test(`${format.name}: one item with title, link, day, author and text`, () => {
    const result = parseFeed(Buffer.from(format.xml, 'utf8'), 'f.xml');
    assert.deepEqual(result.problems, []);
    assert.equal(result.items.length, 1);
    const [item] = result.items;
    assert.deepEqual([item.title, item.link, item.published, item.author, item.text], ['A bold move', 'https://e.example/1', '2024-01-02', 'N', 'Body']);
  });
}

test('not a feed, or empty: a DyadError naming the source', () => {
  assert.throws(() => parseFeed(Buffer.from('<html><body>hi</body></html>'), 'page.xml'), (e) => e instanceof DyadError && e.code === 'INPUT_UNREADABLE' && e.input === 'page.xml');
  assert.throws(() => parseFeed(Buffer.alloc(0), 'empty.xml'), (e) => e instanceof DyadError && e.code === 'INPUT_EMPTY' && e.input === 'empty.xml');
});

test('decodeXml: declared encoding, HTTP charset, byte order mark, unknown label', () => {
  const cyrillic = Buffer.from([0x3c, 0x61, 0x3e, 0xcf, 0xf0, 0xe8, 0x3c, 0x2f, 0x61, 0x3e]); // <a>При</a> in windows-1251
  assert.equal(decodeXml(Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1251"?>'), cyrillic])).text.endsWith('<a>При</a>'), true);
  assert.equal(decodeXml(cyrillic, 'application/rss+xml; charset=windows-1251').text, '<a>При</a>');
  assert.equal(decodeXml(Buffer.from([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x3e])).text, '<a>');
  const unknown = decodeXml(Buffer.from('<?xml version="1.0" encoding="x-nonsense"?><a/>'));
  assert.match(unknown.problem ?? '', /unknown encoding "x-nonsense"/);
  assert.equal(unknown.encoding, 'utf-8');
});

/** A feed of `n` items of our own; every `badEvery`-th description has a raw `<br>` (a common fault). */
function feedWithRawBr(n: number, badEvery: number, extra: (i: number) => string = () => ''): string {
  const items = Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    const br = i % badEvery === 0 ? ' first line<br>second line' : '';
    return `<item><title>Item ${i}</title><link>https://e.example/${i}</link><description>Text ${i}${br}.${extra(i)}</description></item>`;
  });
  return `<?xml version="1.0"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire</title><link>https://e.example/</link>\n${items.join('\n')}\n</channel></rss>`;
}

test('a raw <br> in one item loses no later item: 1,000 items, one bad in ten, all kept and the feed reported', () => {
  const result = parseFeed(Buffer.from(feedWithRawBr(1000, 10)), 'wire.xml');
  assert.equal(result.items.length, 1000);
  assert.deepEqual(result.items.map((i) => i.index), Array.from({ length: 1000 }, (_, i) => i + 1));
  assert.equal(result.title, 'Wire');
  assert.equal(result.items[9].text, 'Text 10 first line\n\nsecond line.', 'the <br> is read as the HTML it is');
  assert.equal(result.items[10].title, 'Item 11');
  const feedProblems = result.problems.filter((p) => p.item === null);
  assert.equal(feedProblems.length, 1);
  assert.match(feedProblems[0].reason, /not well-formed XML .*read item by item; raw HTML tags read as text in items 10, 20, .* and 90 more/);
  assert.equal(result.problems.length, 1);
});

test('an unreadable item in a malformed feed is reported by its number; the items before and after it are kept', () => {
  const xml = feedWithRawBr(30, 10, (i) => (i === 17 ? ' <b class=">' : ''));
  const result = parseFeed(Buffer.from(xml), 'wire.xml');
  assert.deepEqual(result.items.map((i) => i.index), Array.from({ length: 30 }, (_, i) => i + 1).filter((i) => i !== 17));
  const itemProblems = result.problems.filter((p) => p.item !== null);
  assert.equal(itemProblems.length, 1);
  assert.equal(itemProblems[0].item, 17);
  assert.match(itemProblems[0].reason, /cannot read the item: not well-formed XML/);
});

test('an Atom feed with a raw <br> in one entry keeps every entry', () => {
  const entries = [1, 2, 3].map((i) => `<entry><id>urn:x:${i}</id><title>Entry ${i}</title><link href="https://e.example/${i}"/><summary>One${i === 1 ? '<br>' : ''} two</summary></entry>`);
  const result = parseFeed(Buffer.from(`<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>${entries.join('')}</feed>`), 'a.atom');
  assert.deepEqual(result.items.map((i) => [i.index, i.title, i.link]), [1, 2, 3].map((i) => [i, `Entry ${i}`, `https://e.example/${i}`]));
  assert.equal(result.title, 'T');
});

const UTF8_IN_LATIN1 = '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>S\u00e3o Paulo Wire</title><item><title>Talks in S\u00e3o Paulo</title><link>https://e.example/1</link></item></channel></rss>';

test('UTF-8 bytes in a feed declared ISO-8859-1 (stored as "SÃ£o Paulo", no warning) are read as UTF-8, with a warning', () => {
  const result = parseFeed(Buffer.from(UTF8_IN_LATIN1, 'utf8'), 'wire.xml');
  assert.equal(result.items[0].title, 'Talks in São Paulo');
  assert.deepEqual(result.problems, [{ item: null, reason: 'the XML declaration says ISO-8859-1 but the bytes are UTF-8; read as UTF-8' }]);
});

test('UTF-8 bytes in a feed declared Shift_JIS are read as UTF-8 with a warning; real Shift_JIS and Latin-1 bytes are read as declared', () => {
  const utf8 = parseFeed(Buffer.from(UTF8_IN_LATIN1.replace('ISO-8859-1', 'Shift_JIS').replace(/S\u00e3o Paulo/g, '\u6771\u4eac'), 'utf8'), 'jp.xml');
  assert.equal(utf8.items[0].title, 'Talks in \u6771\u4eac');
  assert.match(utf8.problems[0].reason, /says Shift_JIS but the bytes are UTF-8/);
  const head = Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?><rss version="2.0"><channel><item><title>');
  const tail = Buffer.from('</title><link>https://e.example/1</link></item></channel></rss>');
  const sjis = parseFeed(Buffer.concat([head, Buffer.from([0x93, 0xfa, 0x96, 0x7b]), tail]), 'sjis.xml'); // 日本 in Shift_JIS
  assert.deepEqual([sjis.items[0].title, sjis.problems], ['\u65e5\u672c', []]);
  const latin1 = parseFeed(Buffer.from(UTF8_IN_LATIN1, 'latin1'), 'latin1.xml');
  assert.deepEqual([latin1.items[0].title, latin1.problems], ['Talks in São Paulo', []]);
});
