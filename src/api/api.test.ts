/** In-process tests of every API route: status, response shape, errors and auth, on a real SQLite file. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createCoder, type Coder } from '../index.js';
import { EventDetail, EventsPage, DocumentDetail, SeriesResult, VisitsResult, ActorsResult, StatsResult, NetworkResult, PlacesResult, IngestResult } from './schemas.js';
import { isErrorBody, testServer, type TestServer } from './testing.js';

let coder: Coder;
let s: TestServer;
const TOKEN = 'test-token-of-some-length';

before(async () => {
  coder = createCoder();
  s = await testServer(coder, { token: TOKEN });
});
after(async () => s.close());

async function get(url: string): Promise<{ status: number; body: unknown; headers: Record<string, unknown> }> {
  const res = await s.app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

function assertError(r: { status: number; body: unknown }, status: number, code: string): void {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.ok(isErrorBody(r.body), JSON.stringify(r.body));
  assert.equal(r.body.error.code, code);
}

describe('read routes', () => {
  test('GET /healthz and /stats', async () => {
    const h = await get('/api/v1/healthz');
    assert.equal(h.status, 200);
    assert.equal((h.body as { status: string }).status, 'ok');
    const st = await get('/api/v1/stats');
    assert.equal(st.status, 200);
    const stats = StatsResult.parse(st.body);
    const direct = await s.store.stats();
    assert.equal(stats.events, direct.events);
    assert.equal(stats.documents, 6);
    assert.ok(stats.ploverTypes.includes('AGREE'));
    assert.match(stats.knowledge[0], /^dyad-/);
  });

  test('GET /events pages through every event by cursor, without repeats, newest first', async () => {
    const total = (await s.store.stats()).events;
    const seen: string[] = [];
    let dates: string[] = [];
    let url = '/api/v1/events?limit=4';
    for (let i = 0; i < 50; i++) {
      const r = await get(url);
      assert.equal(r.status, 200);
      const page = EventsPage.parse(r.body);
      assert.ok(page.events.length <= 4);
      seen.push(...page.events.map((e) => e.id));
      dates = [...dates, ...page.events.map((e) => e.date?.start ?? '0000')];
      if (!page.next) break;
      url = `/api/v1/events?limit=4&cursor=${encodeURIComponent(page.next)}`;
    }
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  test('GET /events filters like dyad query', async () => {
    const r = EventsPage.parse((await get('/api/v1/events?actor=JPN&modality=planned')).body);
    assert.ok(r.events.length > 0);
    for (const e of r.events) {
      assert.ok(e.source?.country === 'JPN' || e.target?.country === 'JPN');
      assert.equal(e.modality, 'planned');
    }
    const dyad = EventsPage.parse((await get('/api/v1/events?dyad=JPN,IND&undirected=true')).body);
    assert.ok(dyad.events.length > 0);
    for (const e of dyad.events) assert.deepEqual(new Set([e.source?.country, e.target?.country]), new Set(['JPN', 'IND']));
    const none = EventsPage.parse((await get('/api/v1/events?from=1990-01-01&to=1990-12-31')).body);
    assert.deepEqual(none.events, []);
    assert.equal(none.next, null);
  });

  test('GET /events refuses bad filters with 400 USAGE and caps the page size', async () => {
    assertError(await get('/api/v1/events?limit=501'), 400, 'USAGE');
    assertError(await get('/api/v1/events?quad=5'), 400, 'USAGE');
    assertError(await get('/api/v1/events?from=2024-13-45'), 400, 'USAGE');
    assertError(await get('/api/v1/events?cameo=04x'), 400, 'USAGE');
    assertError(await get('/api/v1/events?cursor=not-a-cursor'), 400, 'USAGE');
    assertError(await get('/api/v1/events?modality=maybe'), 400, 'USAGE');
  });

  test('GET /events/:id gives mentions and an excerpt whose offsets match the document', async () => {
    const [first] = EventsPage.parse((await get('/api/v1/events?limit=1')).body).events;
    const r = await get(`/api/v1/events/${first.id}`);
    assert.equal(r.status, 200);
    const d = EventDetail.parse(r.body);
    assert.equal(d.event.id, first.id);
    assert.ok(d.mentions.length >= 1);
    const ex = d.excerpt;
    assert.ok(ex);
    const m = d.mentions.find((x) => x.documentId === ex.documentId);
    assert.ok(m);
    assert.equal(ex.text.slice(m.trigger.start - ex.offset, m.trigger.end - ex.offset), m.trigger.text);
    assertError(await get('/api/v1/events/nope'), 404, 'NOT_FOUND');
  });

  test('GET /documents/:id gives text, events and annotation spans that index the text', async () => {
    const [first] = EventsPage.parse((await get('/api/v1/events?limit=1')).body).events;
    const r = await get(`/api/v1/documents/${first.firstDocument.id}`);
    assert.equal(r.status, 200);
    const d = DocumentDetail.parse(r.body);
    assert.ok(d.events.some((e) => e.id === first.id));
    const kinds = new Set(d.annotations.map((a) => a.kind));
    for (const k of ['trigger', 'actor', 'date']) assert.ok(kinds.has(k as never), `no ${k} annotation`);
    for (const a of d.annotations) assert.equal(d.document.text.slice(a.start, a.end), a.text);
    assert.ok(d.annotations.some((a) => a.kind === 'trigger' && a.eventId === first.id));
    assertError(await get('/api/v1/documents/0000'), 404, 'NOT_FOUND');
  });

  test('GET /dyads/:a/:b/series by month and by day', async () => {
    const month = SeriesResult.parse((await get('/api/v1/dyads/JPN/IND/series?by=month')).body);
    assert.ok(month.points.length >= 1);
    assert.ok(month.points.reduce((n, p) => n + p.events, 0) > 0);
    for (const p of month.points) assert.equal(p.quad.reduce((a, b) => a + b, 0), p.events);
    const day = SeriesResult.parse((await get('/api/v1/dyads/JPN/IND/series?by=day')).body);
    assert.ok(day.points.length >= month.points.length);
    assertError(await get('/api/v1/dyads/JPN/IND/series?by=year'), 400, 'USAGE');
    assertError(await get('/api/v1/dyads/j%20p/IND/series'), 400, 'USAGE');
  });

  test('GET /network and /places aggregate the matching events', async () => {
    const net = NetworkResult.parse((await get('/api/v1/network')).body);
    assert.ok(net.edges.length > 0);
    const jpnInd = net.edges.find((e) => e.source === 'JPN' && e.target === 'IND');
    assert.ok(jpnInd, JSON.stringify(net.edges));
    const direct = EventsPage.parse((await get('/api/v1/events?dyad=JPN,IND&limit=500')).body);
    assert.equal(jpnInd.events, direct.events.length);
    const places = PlacesResult.parse((await get('/api/v1/places')).body);
    assert.ok(places.places.length > 0);
    for (const p of places.places) assert.ok(Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180);
    assert.deepEqual(PlacesResult.parse((await get('/api/v1/places?actor=NOBODYXYZ')).body).places, []);
  });

  test('GET /visits lists the examples\' visit as one visit, announced then reported', async () => {
    const v = VisitsResult.parse((await get('/api/v1/visits?country=IND')).body);
    const kishida = v.visits.filter((x) => x.guest.country === 'JPN' && x.host.country === 'IND');
    assert.equal(kishida.length, 1, JSON.stringify(v.visits));
    assert.equal(kishida[0].status, 'occurred');
    assertError(await get('/api/v1/visits?country=INDIA'), 400, 'USAGE');
  });

  test('GET /actors searches names and codes, with the role held on a date', async () => {
    const r = ActorsResult.parse((await get('/api/v1/actors?q=Kishida&date=2024-05-13')).body);
    const k = r.actors.find((a) => a.name.includes('Kishida'));
    assert.ok(k);
    assert.equal(k.role, 'Prime Minister');
    assert.equal(k.code, 'JPNGOV');
    const later = ActorsResult.parse((await get('/api/v1/actors?q=Kishida&date=2025-06-01')).body).actors.find((a) => a.id === k.id);
    assert.equal(later?.role, null);
    const country = ActorsResult.parse((await get('/api/v1/actors?q=IND')).body);
    assert.equal(country.actors[0].code, 'IND');
    assertError(await get('/api/v1/actors'), 400, 'USAGE');
  });

  test('unknown routes and methods answer 404 in the error shape', async () => {
    assertError(await get('/api/v1/nothing'), 404, 'NOT_FOUND');
    const del = await s.app.inject({ method: 'DELETE', url: '/api/v1/events' });
    assert.equal(del.statusCode, 404);
    assert.ok(isErrorBody(del.json()));
  });
});

/** Long enough for the language check to be sure (a text of our own). */
const FRENCH = "Le président de la République a reçu mardi à l'Élysée le chancelier allemand pour un entretien consacré à la coopération européenne, à la défense et à l'énergie. Les deux dirigeants ont également évoqué la situation au Proche-Orient et la guerre en Ukraine, selon un communiqué publié dans la soirée.";

describe('writes and coding', () => {
  const text = 'Germany and France signed a defence agreement in Berlin on Tuesday, the German government said.';

  test('POST /code returns the dyad code record and stores nothing', async () => {
    const before = (await s.store.stats()).documents;
    const r = await s.app.inject({ method: 'POST', url: '/api/v1/code', payload: { text, date: '2024-05-14' } });
    assert.equal(r.statusCode, 200);
    const body = r.json() as { document: { published: string }; events: Array<{ cameo: string; date: { start: string } }> };
    assert.equal(body.document.published, '2024-05-14');
    assert.deepEqual(body.events, JSON.parse(JSON.stringify(coder.code({ text, published: '2024-05-14' }).events)));
    assert.equal((await s.store.stats()).documents, before);
    const html = await s.app.inject({ method: 'POST', url: '/api/v1/code', payload: { html: `<html><head><title>Pact</title></head><body><article><p>${text}</p><p>${text}</p></article></body></html>` } });
    assert.equal(html.statusCode, 200, html.body);
  });

  test('POST /code refuses bodies that are not one document', async () => {
    const bad = async (payload: unknown, code: string, status = 400) => {
      const r = await s.app.inject({ method: 'POST', url: '/api/v1/code', payload: payload as object });
      assertError({ status: r.statusCode, body: r.json() }, status, code);
    };
    await bad({}, 'USAGE');
    await bad({ text, html: '<p>x</p>' }, 'USAGE');
    await bad({ text, date: 'Tuesday' }, 'USAGE');
    await bad({ text, extra: 1 }, 'USAGE');
    await bad({ text: FRENCH }, 'INPUT_LANGUAGE');
    const raw = await s.app.inject({ method: 'POST', url: '/api/v1/code', payload: '{"text": ', headers: { 'content-type': 'application/json' } });
    assertError({ status: raw.statusCode, body: raw.json() }, 400, 'USAGE');
    const plain = await s.app.inject({ method: 'POST', url: '/api/v1/code', payload: text, headers: { 'content-type': 'text/plain' } });
    assertError({ status: plain.statusCode, body: plain.json() }, 415, 'UNSUPPORTED_MEDIA');
  });

  test('POST /documents needs the bearer token, stores once, and reports a bad item without failing the rest', async () => {
    const post = (payload: unknown, auth?: string, type = 'application/json') => s.app.inject({
      method: 'POST', url: '/api/v1/documents', payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      headers: { 'content-type': type, ...(auth ? { authorization: auth } : {}) },
    });
    const none = await post({ text });
    assertError({ status: none.statusCode, body: none.json() }, 401, 'UNAUTHORIZED');
    const wrong = await post({ text }, `Bearer ${TOKEN}x`);
    assertError({ status: wrong.statusCode, body: wrong.json() }, 401, 'UNAUTHORIZED');
    const ok = IngestResult.parse((await post({ text, date: '2024-05-14' }, `Bearer ${TOKEN}`)).json());
    assert.equal(ok.added, 1);
    assert.ok(ok.events > 0);
    const doc = await s.app.inject({ method: 'GET', url: `/api/v1/documents/${ok.documents[0].id}` });
    assert.equal(doc.statusCode, 200);
    const again = IngestResult.parse((await post({ text, date: '2024-05-14' }, `bearer ${TOKEN}`)).json());
    assert.deepEqual([again.added, again.known], [0, 1]);
    const lines = [JSON.stringify({ text: 'Japan and China held talks in Tokyo on Monday about trade.', date: '2024-05-13' }), JSON.stringify({ text: FRENCH })].join('\n');
    const batch = IngestResult.parse((await post(lines, `Bearer ${TOKEN}`, 'application/x-ndjson')).json());
    assert.deepEqual([batch.added, batch.failed], [1, 1]);
    assert.equal(batch.errors[0].code, 'INPUT_LANGUAGE');
    const badLine = await post('{"text": "x"}\n{oops', `Bearer ${TOKEN}`, 'application/x-ndjson');
    assertError({ status: badLine.statusCode, body: badLine.json() }, 400, 'INPUT_JSONL');
    assert.match((badLine.json() as { error: { message: string } }).error.message, /line 2/);
    const file = await post({ fetch: 'file:///etc/passwd' }, `Bearer ${TOKEN}`);
    assertError({ status: file.statusCode, body: file.json() }, 400, 'USAGE');
  });

  test('without a configured token every write is refused', async () => {
    const open = await testServer(null);
    try {
      const r = await open.app.inject({ method: 'POST', url: '/api/v1/documents', payload: { text }, headers: { authorization: 'Bearer anything' } });
      assertError({ status: r.statusCode, body: r.json() }, 403, 'WRITES_DISABLED');
      assert.equal((await open.store.stats()).documents, 0);
    } finally {
      await open.close();
    }
  });

  test('a body over the limit is 413 and writes past the rate limit are 429', async () => {
    const small = await testServer(null, { bodyLimit: 1000, token: TOKEN, writesPerMinute: 2 });
    try {
      const big = await small.app.inject({ method: 'POST', url: '/api/v1/code', payload: { text: 'a'.repeat(2000) } });
      assertError({ status: big.statusCode, body: big.json() }, 413, 'INPUT_TOO_LARGE');
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await small.app.inject({ method: 'POST', url: '/api/v1/documents', payload: { text: '' }, headers: { authorization: `Bearer ${TOKEN}` } });
        codes.push(r.statusCode);
        if (r.statusCode === 429) assert.equal((r.json() as { error: { code: string } }).error.code, 'RATE_LIMITED');
      }
      assert.deepEqual(codes, [400, 400, 429]);
    } finally {
      await small.close();
    }
  });
});

describe('static files, CORS, docs', () => {
  test('the dashboard folder is served without path traversal', async () => {
    const web = mkdtempSync(join(tmpdir(), 'dyad-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>dash</title>');
    const srv = await testServer(null, { webRoot: web });
    try {
      const index = await srv.app.inject({ method: 'GET', url: '/' });
      assert.equal(index.statusCode, 200);
      assert.match(index.body, /dash/);
      for (const url of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/../../package.json']) {
        const r = await srv.app.inject({ method: 'GET', url });
        assert.ok(r.statusCode === 404 || r.statusCode === 400 || r.statusCode === 403, `${url}: ${r.statusCode}`);
        assert.doesNotMatch(r.body, /"name": "dyad"/);
      }
    } finally {
      await srv.close();
      rmSync(web, { recursive: true, force: true });
    }
  });

  test('CORS headers only for configured origins', async () => {
    const off = await s.app.inject({ method: 'GET', url: '/api/v1/healthz', headers: { origin: 'http://elsewhere.example' } });
    assert.equal(off.headers['access-control-allow-origin'], undefined);
    const srv = await testServer(null, { corsOrigins: ['http://tools.example'] });
    try {
      const on = await srv.app.inject({ method: 'GET', url: '/api/v1/healthz', headers: { origin: 'http://tools.example' } });
      assert.equal(on.headers['access-control-allow-origin'], 'http://tools.example');
      const other = await srv.app.inject({ method: 'GET', url: '/api/v1/healthz', headers: { origin: 'http://elsewhere.example' } });
      assert.notEqual(other.headers['access-control-allow-origin'], 'http://elsewhere.example');
    } finally {
      await srv.close();
    }
  });

  test('GET /openapi.json and /docs are served', async () => {
    const doc = await s.app.inject({ method: 'GET', url: '/openapi.json' });
    assert.equal(doc.statusCode, 200);
    assert.equal((doc.json() as { openapi: string }).openapi, '3.1.0');
    const ui = await s.app.inject({ method: 'GET', url: '/docs/' });
    assert.equal(ui.statusCode, 200);
    assert.match(ui.body, /swagger/i);
  });
});
