/**
 * Bad requests, generated: random query strings, paths, JSON bodies of the wrong types, broken JSON,
 * odd content types, unicode and huge values against every route. The server must never answer 5xx,
 * and every 4xx must be the error shape. A seeded generator makes every run the same.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { createCoder, type Coder } from '../index.js';
import { isErrorBody, testServer, type TestServer } from './testing.js';
import { seededRandom } from '../core/random.js';

let s: TestServer;
let coder: Coder;

before(async () => {
  coder = createCoder();
  s = await testServer(coder, { token: 'fuzz-token', writesPerMinute: 100_000 });
});
after(async () => s.close());

const rng = seededRandom;

const rand = rng(20261202);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const NASTY = [
  '', ' ', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', '%', '%%', '%zz', '%00', '\u0000', '../../etc/passwd', '..%2f..%2f',
  "' OR 1=1 --", '"; DROP TABLE events; --', '%\\_', '\\', '☃', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '\u202eevil', '\ud800', 'é'.repeat(300), 'A'.repeat(5000),
  '2024-02-30', '2024-13-01', '9999-99-99', 'RUS,', ',CHN', 'RUS,CHN,USA', '042,', '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21',
  '<script>alert(1)</script>', 'eyJ4IjoxfQ', 'W251bGwsMV0', '😀😀', '\n\r', 'true,false',
];
const KEYS = ['actor', 'dyad', 'undirected', 'cameo', 'root', 'quad', 'plover', 'modality', 'from', 'to', 'place', 'topic', 'story', 'limit', 'cursor',
  'by', 'directed', 'country', 'q', 'date', '__proto__', 'constructor', 'limit[]', 'a[b]', ''];
const GETS = ['/api/v1/events', '/api/v1/network', '/api/v1/places', '/api/v1/visits', '/api/v1/actors', '/api/v1/stats', '/api/v1/healthz',
  '/api/v1/dyads/RUS/CHN/series', '/api/v1/events/x', '/api/v1/documents/x'];

function enc(v: string): string {
  // Mostly encoded, sometimes raw (broken percent-escapes included).
  try {
    return rand() < 0.8 ? encodeURIComponent(v) : v;
  } catch {
    return v;
  }
}

function randomQuery(): string {
  const n = Math.floor(rand() * 5);
  const parts = Array.from({ length: n }, () => `${enc(pick(KEYS))}=${enc(pick(NASTY))}`);
  if (rand() < 0.2) parts.push('limit=1&limit=2');
  return parts.length ? `?${parts.join('&')}` : '';
}

function randomPath(): string {
  const base = pick(GETS);
  if (rand() < 0.3) return base.replace(/\/x$|\/RUS\/CHN/, `/${enc(pick(NASTY))}${base.includes('dyads') ? `/${enc(pick(NASTY))}` : ''}`);
  return base;
}

function randomJson(depth = 0): unknown {
  const r = rand();
  if (depth > 2 || r < 0.3) return pick<unknown>([null, 0, -1, 1e308, true, '', pick(NASTY), [], {}]);
  if (r < 0.6) return Array.from({ length: Math.floor(rand() * 3) }, () => randomJson(depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0; i < 1 + Math.floor(rand() * 4); i++) o[pick(['text', 'html', 'date', 'title', 'url', 'source', 'id', 'documents', 'fetch', 'follow', 'extra', '__proto__'])] = randomJson(depth + 1);
  return o;
}

function randomBody(): Pick<InjectOptions, 'payload' | 'headers'> {
  const r = rand();
  const type = pick(['application/json', 'application/json; charset=utf-8', 'application/x-ndjson', 'text/plain', 'application/xml', 'multipart/form-data', '', 'application/json; charset=latin1']);
  if (r < 0.25) return { payload: pick(['{', '{"text":', '[1,', '{"text": "a"}}', '\u0000\u0001', 'null', '""', '{"text":"\\ud800"}', '{"a":1,"a":2}']), headers: { 'content-type': type } };
  if (r < 0.35) return { payload: '{"text":"' + 'x'.repeat(7 * 1024 * 1024) + '"}', headers: { 'content-type': 'application/json' } };
  return { payload: JSON.stringify(randomJson()), headers: { 'content-type': type } };
}

async function check(opts: InjectOptions): Promise<void> {
  const res = await s.app.inject(opts);
  const what = `${opts.method} ${String(opts.url).slice(0, 200)} ${String(opts.payload ?? '').slice(0, 120)} -> ${res.statusCode} ${res.body.slice(0, 300)}`;
  assert.ok(res.statusCode < 500, what);
  if (res.statusCode >= 400) {
    assert.ok(isErrorBody(res.json()), what);
    assert.match(String(res.headers['content-type']), /application\/json/, what);
  }
}

test('fuzzed GET query strings and paths never give a 5xx, and errors have the error shape', async () => {
  for (let i = 0; i < 600; i++) await check({ method: 'GET', url: `${randomPath()}${randomQuery()}` });
});

test('fuzzed POST bodies (bad JSON, wrong types, huge, odd content types) never give a 5xx', async () => {
  for (let i = 0; i < 300; i++) {
    const url = pick(['/api/v1/code', '/api/v1/documents']);
    const auth = rand() < 0.7 ? { authorization: 'Bearer fuzz-token' } : rand() < 0.5 ? { authorization: pick(['Bearer', 'Bearer ', 'Basic abc', `Bearer ${pick(NASTY)}`]) } : {};
    const body = randomBody();
    await check({ method: 'POST', url, ...body, headers: { ...body.headers, ...auth } });
  }
});

test('unicode text that is a valid document is coded, not a 5xx', async () => {
  const srv = s;
  {
    for (const text of ['Ｒｕｓｓｉａ ａｎｄ Ｃｈｉｎａ held talks on Monday.', 'Russia\u200b and China signed a deal 😀 in Beijing.', 'Modi met Xi — in “Beijing” — on Tuesday…', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u202e text of no meaning at all, with nothing that is an event in it.']) {
      const res = await srv.app.inject({ method: 'POST', url: '/api/v1/code', payload: { text } });
      assert.equal(res.statusCode, 200, res.body);
      assert.ok(Array.isArray((res.json() as { events: unknown }).events));
    }
    const lone = await srv.app.inject({ method: 'POST', url: '/api/v1/code', payload: '{"text":"Russia \\ud800 and China"}', headers: { 'content-type': 'application/json' } });
    assert.equal(lone.statusCode, 400);
    assert.equal((lone.json() as { error: { code: string } }).error.code, 'INPUT_ENCODING');
  }
});
