/**
 * POST /documents {fetch: URL}: the server refuses to fetch loopback, private and link-local hosts
 * unless it was started with --allow-private-fetch (ApiOptions.allowPrivateFetch).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createCoder } from '../index.js';
import { IngestResult } from './schemas.js';
import { isErrorBody, testServer } from './testing.js';

const TOKEN = 'test-token-of-some-length';
const PAGE = `<html><head><title>Talks</title></head><body><article><h1>Talks</h1>
<p>Japan and China held talks in Tokyo on Monday about trade, officials said.</p></article></body></html>`;

let internal: Server;
let port = 0;
let hits = 0;

before(async () => {
  internal = createServer((req, res) => {
    hits++;
    if (req.url === '/redirect') res.writeHead(302, { location: `http://localhost:${port}/page` }).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  });
  await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
  port = (internal.address() as AddressInfo).port;
});
after(async () => new Promise<void>((resolve) => internal.close(() => resolve())));

test('{fetch} of a loopback, private or link-local URL is 403 INPUT_HOST_REFUSED, and nothing is fetched or stored', async () => {
  const s = await testServer(null, { token: TOKEN });
  try {
    for (const url of [`http://127.0.0.1:${port}/page`, `http://localhost:${port}/page`, `http://[::1]:${port}/`, 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://0.0.0.0/']) {
      const r = await s.app.inject({ method: 'POST', url: '/api/v1/documents', payload: { fetch: url }, headers: { authorization: `Bearer ${TOKEN}` } });
      const body: unknown = r.json();
      assert.equal(r.statusCode, 403, `${url}: ${r.body}`);
      assert.ok(isErrorBody(body) && body.error.code === 'INPUT_HOST_REFUSED', r.body);
      assert.match(body.error.message, /public addresses.*--allow-private-fetch/);
    }
    assert.equal(hits, 0, 'the internal server was never asked');
    assert.equal((await s.store.stats()).documents, 0);
  } finally {
    await s.close();
  }
});

test('with allowPrivateFetch (dyad serve --allow-private-fetch) the same URL, through a redirect, is fetched and stored', async () => {
  const s = await testServer(null, { token: TOKEN, allowPrivateFetch: true, coder: () => createCoder() });
  try {
    const r = await s.app.inject({ method: 'POST', url: '/api/v1/documents', payload: { fetch: `http://127.0.0.1:${port}/redirect` }, headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(r.statusCode, 200, r.body);
    const report = IngestResult.parse(r.json());
    assert.equal(report.added, 1);
    assert.equal(hits, 2);
    assert.equal((await s.store.stats()).documents, 1);
  } finally {
    await s.close();
  }
});
