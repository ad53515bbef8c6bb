import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { DyadError } from '../core/errors.js';
import { DEFAULT_USER_AGENT, Fetcher, type FetcherOptions } from './fetch.js';

const PAGE = '<html><body><p>Hello</p></body></html>';

let server: Server;
let base = '';
let inFlight = 0;
let maxInFlight = 0;
let lastUserAgent: string | undefined;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const ROUTES: Readonly<Record<string, Handler>> = {
  '/ok': (req, res) => {
    lastUserAgent = req.headers['user-agent'];
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  },
  '/redirect': (_req, res) => res.writeHead(302, { location: '/hop' }).end(),
  '/hop': (_req, res) => res.writeHead(301, { location: `${base}/ok` }).end(),
  '/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
  '/missing': (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<p>no</p>'),
  '/big': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5000' }).end('x'.repeat(5000)),
  '/big-chunked': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    for (let i = 0; i < 10; i++) res.write('y'.repeat(500));
    res.end();
  },
  '/image': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50])),
  '/hang': () => {
    // Never answers.
  },
  '/drip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => res.write('.'), 20);
    res.on('close', () => clearInterval(timer));
  },
  '/cached': (req, res) => {
    if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Tue, 14 May 2024 08:00:00 GMT') {
      res.writeHead(304, { etag: '"v1"' }).end();
    } else {
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Tue, 14 May 2024 08:00:00 GMT' }).end('<rss/>');
    }
  },
  '/count': (_req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('n');
    }, 30);
  },
};

before(async () => {
  server = createServer((req, res) => (ROUTES[new URL(req.url ?? '/', 'http://x').pathname] ?? ROUTES['/missing'])(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

// Pages that answer get a timeout a loaded machine cannot miss; the hanging ones get a short one.
const quick: FetcherOptions = { timeoutMs: 5000, maxBytes: 1000, delayBetweenRequestsMs: 0 };
const HANGS = new Set(['/hang', '/drip']);

test('a page: bytes, status, content type, final URL and the user agent', async () => {
  const result = await new Fetcher(quick).fetch(`${base}/ok`);
  assert.equal(result.notModified, false);
  if (result.notModified) return;
  assert.equal(result.status, 200);
  assert.equal(result.url, `${base}/ok`);
  assert.equal(result.contentType, 'text/html; charset=utf-8');
  assert.equal(result.bytes.toString('utf8'), PAGE);
  assert.equal(lastUserAgent, DEFAULT_USER_AGENT);
});

test('redirects are followed and counted; the final URL is reported', async () => {
  const result = await new Fetcher(quick).fetch(`${base}/redirect`);
  assert.equal(result.url, `${base}/ok`);
  await assert.rejects(new Fetcher({ ...quick, maxRedirects: 1 }).fetch(`${base}/redirect`), /too many redirects \(more than 1\)/);
});

const FAILURES: readonly { readonly path: string; readonly code: string; readonly message: RegExp }[] = [
  { path: '/loop', code: 'INPUT_UNREADABLE', message: /too many redirects \(more than 5\)/ },
  { path: '/missing', code: 'INPUT_UNREADABLE', message: /HTTP 404 Not Found/ },
  { path: '/big', code: 'INPUT_TOO_LARGE', message: /over the limit of 1000 bytes/ },
  { path: '/big-chunked', code: 'INPUT_TOO_LARGE', message: /more than 1000 bytes, over the limit/ },
  { path: '/image', code: 'INPUT_UNREADABLE', message: /unexpected content type "image\/png"/ },
  { path: '/hang', code: 'INPUT_UNREADABLE', message: /timed out after 300 ms/ },
  { path: '/drip', code: 'INPUT_UNREADABLE', message: /timed out after 300 ms/ },
];

for (const row of FAILURES) {
  test(`${row.path}: a DyadError ${row.code} naming the URL`, async () => {
    const url = `${base}${row.path}`;
    const timeoutMs = HANGS.has(row.path) ? 300 : quick.timeoutMs;
    await assert.rejects(new Fetcher({ ...quick, timeoutMs, maxBytes: row.path === '/drip' ? 1_000_000 : 1000 }).fetch(url), (err) => {
      assert.ok(err instanceof DyadError);
      assert.equal(err.code, row.code);
      assert.equal(err.input, url);
      assert.match(err.message, row.message);
      return true;
    });
  });
}

test('not http(s), or nothing listening: a DyadError naming the URL', async () => {
  const fetcher = new Fetcher(quick);
  await assert.rejects(fetcher.fetch('file:///etc/hostname'), (e) => e instanceof DyadError && e.input === 'file:///etc/hostname' && /only http and https/.test(e.message));
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  await assert.rejects(fetcher.fetch(url), (e) => e instanceof DyadError && e.input === url && /cannot fetch: ECONNREFUSED/.test(e.message));
});

test('conditional requests: 304 with the ETag or Last-Modified held gives notModified', async () => {
  const fetcher = new Fetcher(quick);
  const first = await fetcher.fetch(`${base}/cached`);
  assert.equal(first.notModified, false);
  assert.equal(first.etag, '"v1"');
  assert.equal(first.lastModified, 'Tue, 14 May 2024 08:00:00 GMT');
  const byEtag = await fetcher.fetch(`${base}/cached`, { etag: first.etag });
  assert.deepEqual(byEtag, { notModified: true, url: `${base}/cached`, status: 304, etag: '"v1"', lastModified: null });
  const byDate = await fetcher.fetch(`${base}/cached`, { lastModified: first.lastModified });
  assert.equal(byDate.notModified, true);
});

for (const limit of [1, 2]) {
  test(`per-host politeness: at most ${limit} request(s) in flight to one host`, async () => {
    inFlight = 0;
    maxInFlight = 0;
    const fetcher = new Fetcher({ ...quick, timeoutMs: 5000, perHostConcurrency: limit });
    const results = await Promise.all(Array.from({ length: 5 }, () => fetcher.fetch(`${base}/count`)));
    assert.equal(results.length, 5);
    assert.ok(maxInFlight >= 1 && maxInFlight <= limit, `${maxInFlight} in flight`);
  });
}
