import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { DyadError } from '../core/errors.js';
import { classifySource, sniff } from './detect.js';
import { Fetcher } from './fetch.js';
import { readSources, type SourceItem } from './sources.js';

const EN = 'The foreign ministers of the two countries met in the capital on Monday to discuss a new trade agreement and the security of their shared border, officials said after the talks ended.';
const EN2 = 'The defence minister said the army would withdraw its troops from the disputed region by the end of the month if the ceasefire held, according to a statement released by the government.';
const FR = "Les ministres des affaires étrangères des deux pays se sont rencontrés lundi dans la capitale pour discuter d'un nouvel accord commercial et de la sécurité de leur frontière commune, ont indiqué des responsables.";

const page = (title: string, body: string, date: string | null): string => `<!DOCTYPE html><html lang="en"><head><title>${title}</title>
${date ? `<meta property="article:published_time" content="${date}">` : ''}<meta property="og:site_name" content="Example Wire"></head>
<body><nav>Home | World</nav><article><h1>${title}</h1><p>${body}</p><p>${EN2}</p></article></body></html>`;

const feed = (link: (n: number) => string): string => `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example Wire</title>
<item><guid>i1</guid><title>Ministers meet</title><link>${link(1)}</link><pubDate>Mon, 13 May 2024 09:00:00 GMT</pubDate><description>${EN}</description></item>
<item></item>
<item><title>Réunion</title><link>${link(3)}</link><description>${FR}</description></item>
<item><title>Troops to withdraw</title><link>${link(4)}</link><description>${EN2}</description></item>
</channel></rss>`;

let dir = '';
let server: Server;
let base = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dyad-sources-'));
  mkdirSync(join(dir, 'a', 'sub'), { recursive: true });
  mkdirSync(join(dir, 'b'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'a', 'notes.txt'), `${EN}\n\n${EN2}\n`);
  writeFileSync(join(dir, 'a', '.hidden.txt'), EN);
  writeFileSync(join(dir, '.git', 'HEAD'), EN);
  writeFileSync(join(dir, 'a', 'sub', 'page.html'), page('Ministers of two countries meet in the capital', EN, '2024-05-13T08:00:00+02:00'));
  writeFileSync(join(dir, 'b', 'feed.xml'), feed((n) => `https://wire.example/${n}`));
  writeFileSync(join(dir, 'b', 'items.jsonl'), [
    JSON.stringify({ id: 'j1', text: EN, date: '2024-05-10' }),
    '{"id": "j2", "text": ',
    JSON.stringify({ id: 'j3', text: EN2 }),
  ].join('\n'));
  writeFileSync(join(dir, 'b', 'empty.txt'), '');

  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/feed') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed((n) => `${base}/article/${n}`));
    else if (path === '/article/1') res.writeHead(200, { 'content-type': 'text/html' }).end(page('Ministers of two countries meet in the capital', EN, null));
    else if (path === '/article/4') res.writeHead(200, { 'content-type': 'text/html' }).end(page('Troops to withdraw from the disputed region', EN2, '2024-05-12'));
    else if (path === '/page') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('A page served over HTTP for the test', EN, '2024-05-11'));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
  server.closeAllConnections();
  server.close();
});

async function collect(args: string[], opts: Parameters<typeof readSources>[1] = {}): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of readSources(args, { fetcher: new Fetcher({ delayBetweenRequestsMs: 0, timeoutMs: 5000 }), ...opts })) out.push(item);
  return out;
}

/** One line per item: "origin kind published id" / "origin ERROR code" / "origin SKIP reason". */
function summary(items: readonly SourceItem[]): string[] {
  return items.map((item) => {
    const origin = item.origin.replace(dir, 'D').replace(base, 'URL');
    if ('input' in item) return `${origin} ${item.kind} ${item.input.published} ${item.input.id === null ? null : item.input.id?.replace(base, 'URL')} ${item.input.language}`;
    if ('error' in item) return `${origin} ERROR ${item.error.code}`;
    if ('skipped' in item) return `${origin} SKIP ${item.skipped}`;
    return `${origin} WARN ${item.warning}`;
  });
}

test('a folder tree: sorted, hidden files skipped, every kind read, bad items reported, the rest read', async () => {
  const items = await collect([dir], { date: '2024-05-14' });
  assert.deepEqual(summary(items), [
    'D/a/notes.txt text 2024-05-14 null en',
    'D/a/sub/page.html html 2024-05-13 null en',
    'D/b/empty.txt ERROR INPUT_EMPTY',
    'D/b/feed.xml item 2 ERROR INPUT_UNREADABLE',
    'D/b/feed.xml item 1 feed 2024-05-13 i1 en',
    'D/b/feed.xml item 3 SKIP not English (fr)',
    'D/b/feed.xml item 4 feed 2024-05-14 https://wire.example/4 en',
    'D/b/items.jsonl:1 jsonl 2024-05-10 j1 en',
    'D/b/items.jsonl:2 ERROR INPUT_JSONL',
    'D/b/items.jsonl:3 jsonl 2024-05-14 j3 en',
  ]);
  const html = items[1];
  assert.ok('input' in html);
  assert.equal(html.input.title, 'Ministers of two countries meet in the capital');
  assert.equal(html.input.source, 'Example Wire');
  assert.equal(html.input.text, `${EN}\n\n${EN2}`);
  const feedItem = items[4];
  assert.ok('input' in feedItem);
  assert.deepEqual({ ...feedItem.input, text: undefined }, {
    id: 'i1', text: undefined, title: 'Ministers meet', url: 'https://wire.example/1', source: 'Example Wire', published: '2024-05-13', language: 'en',
  });
});

test('without --date, sources without a date have none', async () => {
  const items = await collect([join(dir, 'a', 'notes.txt')]);
  assert.ok('input' in items[0]);
  assert.equal(items[0].input.published, null);
});

test('URLs: a page, a missing page (error, the next source still read), a feed with --follow', async () => {
  const items = await collect([`${base}/page`, `${base}/missing`, `${base}/feed`, join(dir, 'a', 'notes.txt')], { follow: true, date: '2024-05-14' });
  assert.deepEqual(summary(items), [
    'URL/page html 2024-05-11 URL/page en',
    'URL/missing ERROR INPUT_UNREADABLE',
    'URL/feed item 2 ERROR INPUT_UNREADABLE',
    'URL/feed item 1 feed 2024-05-13 i1 en',
    'URL/feed item 3 ERROR INPUT_UNREADABLE',
    'URL/feed item 4 feed 2024-05-12 URL/article/4 en',
    'D/a/notes.txt text 2024-05-14 null en',
  ]);
  const followed = items[5];
  assert.ok('input' in followed);
  assert.equal(followed.input.title, 'Troops to withdraw from the disputed region');
  assert.equal(followed.input.url, `${base}/article/4`);
  const missing = items[4];
  assert.ok('error' in missing);
  assert.match(missing.error.message, /article\/3: HTTP 404/);
});

test('stdin: text and JSON Lines are recognised by their content', async () => {
  const text = await collect(['-'], { stdin: Readable.from([Buffer.from(EN)]) });
  assert.deepEqual(summary(text), ['<stdin> text null null en']);
  const jsonl = await collect(['-'], { stdin: Readable.from([Buffer.from(`${JSON.stringify({ id: 'x', text: EN })}\n`)]) });
  assert.deepEqual(summary(jsonl), ['<stdin>:1 jsonl null x en']);
});

test('a missing file is an error; a bad --date throws before reading', async () => {
  assert.deepEqual(summary(await collect([join(dir, 'nope.txt')])), ['D/nope.txt ERROR INPUT_UNREADABLE']);
  await assert.rejects(collect([dir], { date: '2024-02-30' }), (e) => e instanceof DyadError && e.code === 'INPUT_DATE');
});

test('classifySource', () => {
  assert.deepEqual(
    ['-', 'https://e.example/x', 'HTTP://E.EXAMPLE', dir, join(dir, 'a', 'notes.txt'), join(dir, 'missing')].map((a) => classifySource(a).kind),
    ['stdin', 'url', 'url', 'folder', 'file', 'file'],
  );
});

const SNIFF: readonly [string, string, string | null, string][] = [
  ['<?xml version="1.0"?>\n<!-- c --><rss version="2.0">', 'x.txt', 'text/html', 'feed'],
  ['\ufeff<feed xmlns="http://www.w3.org/2005/Atom">', 'x', null, 'feed'],
  ['<rdf:RDF xmlns:rdf="x">', 'x', null, 'feed'],
  ['<p>hello</p>', 'x', 'text/html; charset=utf-8', 'html'],
  ['whatever', 'https://e.example/a/page.html?x=1', null, 'html'],
  ['<!DOCTYPE html><html>', 'x', null, 'html'],
  ['  <html lang="en">', 'page', 'text/plain', 'html'],
  ['{"text": "a"}\n{"text": "b"}', 'x', null, 'jsonl'],
  ['{"text": "a"}', 'items.jsonl', null, 'jsonl'],
  ['anything', 'x', 'application/x-ndjson', 'jsonl'],
  ['{not json', 'x', null, 'text'],
  ['Plain words.', 'notes', null, 'text'],
];

test('sniff: feed root first, then content type, extension, content', () => {
  for (const [content, name, type, kind] of SNIFF) assert.equal(sniff(Buffer.from(content), name, type), kind, `${content} ${name} ${type}`);
});

test('--follow to a host that never answers: links fetched two at a time, the host given up after 3 timeouts, and each item says so', async () => {
  // The client gives each request 300 ms, so requests that reach the server within half of that
  // were in flight together. (Counting open sockets instead misfires on a loaded machine: the server
  // hears of an aborted socket's close after the client has already sent the next request.)
  const arrivals: number[] = [];
  let most = 0;
  const dead = createServer(() => {
    const now = performance.now();
    arrivals.push(now);
    most = Math.max(most, arrivals.filter((t) => now - t < 150).length);
  });
  const requestCount = (): number => arrivals.length;
  await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
  try {
    const host = `127.0.0.1:${(dead.address() as AddressInfo).port}`;
    const items = Array.from({ length: 20 }, (_, i) => `<item><title>Story ${i + 1}</title><link>http://${host}/story/${i + 1}</link></item>`);
    const feedFile = join(dir, 'dead-links.rss');
    writeFileSync(feedFile, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${items.join('')}</channel></rss>`);
    const fetcher = new Fetcher({ timeoutMs: 300, delayBetweenRequestsMs: 0, perHostConcurrency: 2, maxHostTimeouts: 3 });
    const out = await collect([feedFile], { follow: true, fetcher });
    assert.equal(out.length, 20);
    assert.ok(out.every((item) => 'error' in item), 'every item is an error');
    const messages = out.map((item) => ('error' in item ? item.error.message : ''));
    assert.equal(messages.filter((m) => /giving up on 127\.0\.0\.1:\d+ after 3 timeouts in a row/.test(m)).length, 1);
    assert.ok(messages.filter((m) => /not fetched: gave up on 127\.0\.0\.1:\d+ after 3 timeouts/.test(m)).length >= 15);
    assert.equal(most, 2, 'two requests to the host at once, its allowance');
    assert.ok(requestCount() <= 4, `${requestCount()} requests reached the dead host`);
    assert.ok(fetcher.gaveUp(host));
  } finally {
    dead.closeAllConnections();
    dead.close();
  }
});
