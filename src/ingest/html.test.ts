import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { DyadError } from '../core/errors.js';
import { htmlDepth, MAX_HTML_DEPTH } from './html-depth.js';
import { extractArticle } from './html.js';
import { languageCode } from './html-meta.js';
import { htmlToText } from './html-text.js';
import { writtenDay } from './published.js';

const pages = fileURLToPath(new URL('../../../shared/corpus/html-pages/', import.meta.url));
const needsShared = { skip: !existsSync(pages) && 'needs ../shared' };

/** Words of a text, lower-cased. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Bag-of-words F1 of `found` against `expected`. */
function f1(found: readonly string[], expected: readonly string[]): number {
  if (found.length === 0 && expected.length === 0) return 1;
  const left = new Map<string, number>();
  for (const w of expected) left.set(w, (left.get(w) ?? 0) + 1);
  let hits = 0;
  for (const w of found) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      hits++;
      left.set(w, n - 1);
    }
  }
  if (hits === 0) return 0;
  const precision = hits / found.length;
  const recall = hits / expected.length;
  return (2 * precision * recall) / (precision + recall);
}

interface ExpectedMeta {
  readonly title?: string | null;
  readonly publishedTime?: string | null;
  readonly lang?: string | null;
}

function pageNames(): string[] {
  return readdirSync(pages).filter((name) => existsSync(join(pages, name, 'source.html'))).sort();
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

test('HTML corpus: article text agrees with the expected extraction (mean bag-of-words F1 >= 0.95)', needsShared, () => {
  const scores: string[] = [];
  let sum = 0;
  const names = pageNames();
  assert.ok(names.length > 40, `only ${names.length} pages found`);
  for (const name of names) {
    const page = extractArticle(readFileSync(join(pages, name, 'source.html'), 'utf8'), 'http://fakehost/test/page.html', name);
    const expected = parseHTML(`<html><body>${readFileSync(join(pages, name, 'expected.html'), 'utf8')}</body></html>`);
    const score = f1(words(page.text), words(expected.document.body.textContent ?? ''));
    sum += score;
    if (score < 0.95) scores.push(`${name}: ${score.toFixed(3)}`);
  }
  const mean = sum / names.length;
  assert.ok(mean >= 0.95, `mean F1 ${mean.toFixed(3)}; low pages: ${scores.join(', ')}`);
});

test('HTML corpus: title, publication day and language match the expected metadata where it has them', needsShared, () => {
  const wrong: string[] = [];
  let dated = 0;
  for (const name of pageNames()) {
    const meta = JSON.parse(readFileSync(join(pages, name, 'expected-metadata.json'), 'utf8')) as ExpectedMeta;
    const page = extractArticle(readFileSync(join(pages, name, 'source.html'), 'utf8'), 'http://fakehost/test/page.html', name);
    if (meta.title && squash(meta.title) !== page.title) wrong.push(`${name} title: ${page.title} (expected ${meta.title})`);
    if (meta.publishedTime) {
      dated++;
      const day = writtenDay(meta.publishedTime);
      if (page.published !== day) wrong.push(`${name} published: ${page.published} (expected ${day})`);
    }
    const lang = languageCode(meta.lang);
    if (lang && page.language !== lang) wrong.push(`${name} language: ${page.language} (expected ${lang})`);
  }
  assert.ok(dated >= 10, `only ${dated} pages with an expected date`);
  assert.deepEqual(wrong, []);
});

const NEWS_PAGE = `<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Two leaders meet in Geneva for border talks | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="/world/leaders-meet">
<meta name="author" content="A. Reporter">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-05-14T23:30:00-04:00","publisher":{"@type":"Organization","name":"Example News Ltd"}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Two leaders meet in Geneva for border talks</h1>
<p>The presidents of two neighbouring countries met in Geneva on Tuesday to discuss a border agreement that has been negotiated for three years, officials from both governments said after the talks.</p>
<p>The talks lasted four hours. Both delegations described them as constructive and said that their foreign ministers would meet again next month to settle the remaining questions about trade and transit.</p>
<p>Observers said the meeting was the first of its kind since the dispute began, and that a signed agreement could be ready before the end of the year if the ministers reach a compromise on customs.</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>`;

test('a news page: paragraphs, metadata, no boilerplate', () => {
  const page = extractArticle(NEWS_PAGE, 'https://news.example.org/world/2024/05/14/geneva?ref=rss');
  const paragraphs = page.text.split('\n\n');
  assert.equal(paragraphs.length, 3, page.text);
  assert.match(paragraphs[0], /^The presidents of two neighbouring countries/);
  assert.doesNotMatch(page.text, /Copyright|Home/);
  assert.equal(page.title, "Two leaders meet in Geneva for border talks");
  assert.equal(page.published, '2024-05-14', 'the day as written, not shifted to UTC');
  assert.equal(page.publisher, 'Example News');
  assert.equal(page.canonicalUrl, 'https://news.example.org/world/leaders-meet');
  assert.equal(page.language, 'en');
  assert.equal(page.byline, 'A. Reporter');
});

const DATE_SOURCES: readonly { readonly name: string; readonly head: string; readonly body: string; readonly day: string | null }[] = [
  { name: 'article:published_time', head: '<meta property="article:published_time" content="2023-03-13T08:00:00Z">', body: '', day: '2023-03-13' },
  { name: 'itemprop datePublished', head: '', body: '<span itemprop="datePublished" content="2022-11-02">2 Nov</span>', day: '2022-11-02' },
  { name: 'JSON-LD in @graph', head: '<script type="application/ld+json">{"@graph":[{"@type":"Article","datePublished":"2021-01-20"}]}</script>', body: '', day: '2021-01-20' },
  { name: '<time datetime>', head: '', body: '<time datetime="2020-02-29T10:00">29 Feb</time>', day: '2020-02-29' },
  { name: 'no date', head: '', body: '', day: null },
  { name: 'not a real day', head: '<meta property="article:published_time" content="2023-02-30">', body: '', day: null },
];

for (const row of DATE_SOURCES) {
  test(`publication day from ${row.name}`, () => {
    const body = `<p>${'The minister said the agreement would be signed in the capital next week after a final round of talks. '.repeat(4)}</p>`;
    const html = `<html><head><title>A title of the page</title>${row.head}</head><body><article>${row.body}${body}</article></body></html>`;
    assert.equal(extractArticle(html, null).published, row.day);
  });
}

test('an empty page or one without text is an error naming the input', () => {
  assert.throws(() => extractArticle('  ', 'https://x.example/a'), (err) => err instanceof DyadError && err.code === 'INPUT_EMPTY' && err.input === 'https://x.example/a');
  assert.throws(() => extractArticle('<html><body><script>1</script></body></html>', null, 'page.html'), (err) => err instanceof DyadError && err.code === 'INPUT_EMPTY' && err.input === 'page.html');
});

test('htmlToText: blocks and <br> make paragraphs, entities are decoded, scripts dropped', () => {
  assert.equal(htmlToText('<p>One &amp; two</p><p>Three<br>Four</p><script>x()</script>'), 'One & two\n\nThree\n\nFour');
  assert.equal(htmlToText('plain   text\n here'), 'plain text here');
});

test('writtenDay: the day as written in the usual feed and page forms', () => {
  const rows: readonly [string, string | null][] = [
    ['2018-04-05T06:00', '2018-04-05'],
    ['Wed, 03 Jan 2018 23:47:00 -0500', '2018-01-03'],
    ['03 Apr 02 1500 GMT', '2002-04-03'],
    ['January 9, 2019', '2019-01-09'],
    ['Seg, 24 Set 2018 19:42:40 -0300', null],
    ['1518478934', null],
  ];
  for (const [raw, day] of rows) assert.equal(writtenDay(raw), day, raw);
});

test('a page nested 100,000 elements deep (574 s in extraction) is refused before parsing, with an error naming it', () => {
  const page = `<html><body>${'<div>'.repeat(100_000)}France criticized Germany.${'</div>'.repeat(100_000)}</body></html>`;
  assert.throws(() => extractArticle(page, null, 'deep.html'),
    (e) => e instanceof DyadError && e.code === 'INPUT_UNREADABLE' && e.input === 'deep.html' && /nests elements more than 256 deep/.test(e.message));
  assert.throws(() => extractArticle('<div><p>word'.repeat(25_000), null, 'divs.html'), (e) => e instanceof DyadError && e.code === 'INPUT_UNREADABLE');
});

test('htmlDepth counts what the parser nests: not void elements, elements with optional end tags, or script content', () => {
  assert.equal(htmlDepth('<html><body><div><p>a<p>b<br><img src=x><li>c</div></body></html>'), 3);
  assert.equal(htmlDepth(`<div><script>${'<div>'.repeat(5000)}</script><span>a</span></div>`), 2);
  assert.equal(htmlDepth('<div><b><i>x</div><div>y</div>'), 3, 'an end tag closes what was opened after its start tag');
  assert.equal(htmlDepth(`${'<p>'.repeat(5000)}text`), 0);
  assert.equal(htmlDepth(`<div><!-- ${'<div>'.repeat(2000)} --></div>`), 1);
  assert.ok(htmlDepth('<div>'.repeat(MAX_HTML_DEPTH + 1)) > MAX_HTML_DEPTH);
});

test('HTML corpus: no real page comes near the nesting limit', needsShared, () => {
  const depths = readdirSync(pages).filter((d) => existsSync(join(pages, d, 'source.html'))).map((d) => htmlDepth(readFileSync(join(pages, d, 'source.html'), 'utf8')));
  assert.ok(depths.length >= 30, `${depths.length} pages`);
  assert.ok(Math.max(...depths) < MAX_HTML_DEPTH / 4, `deepest ${Math.max(...depths)}`);
});
