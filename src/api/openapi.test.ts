/**
 * The OpenAPI contract: the document is valid OpenAPI 3.1, lists exactly the API's routes, and real
 * responses (success and error) validate against the schemas it declares for them.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import { apiRoutes } from './app.js';
import { testServer, type TestServer } from './testing.js';

let s: TestServer;
type Doc = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown>; summary?: string }>> };
let doc: Doc;

before(async () => {
  s = await testServer(null, { token: 'contract' });
  doc = (await s.app.inject({ method: 'GET', url: '/openapi.json' })).json() as Doc;
});
after(async () => s.close());

test('the document is valid OpenAPI 3.1', async () => {
  assert.equal(doc.openapi, '3.1.0');
  const v = new Validator();
  const res = await v.validate(structuredClone(doc) as unknown as Parameters<Validator['validate']>[0]);
  assert.ok(res.valid, JSON.stringify(res.errors, null, 1)?.slice(0, 2000));
});

test('the document lists exactly the API routes, each with a summary, a 200 and the error shape', () => {
  const fromApp = apiRoutes(s.app).filter((r) => !r.hidden).map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`).sort();
  const fromDoc = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
  assert.deepEqual(fromDoc, fromApp);
  for (const r of ['GET /api/v1/events', 'GET /api/v1/events/{id}', 'POST /api/v1/documents', 'POST /api/v1/code', 'GET /api/v1/visits', 'GET /api/v1/actors', 'GET /api/v1/stats', 'GET /api/v1/healthz', 'GET /api/v1/dyads/{a}/{b}/series', 'GET /api/v1/documents/{id}']) {
    assert.ok(fromDoc.includes(r), `${r} missing`);
  }
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      assert.ok(op.summary, `${method} ${path} has no summary`);
      assert.ok(op.responses['200'], `${method} ${path} has no 200`);
      if (path !== '/api/v1/healthz') assert.ok(op.responses['400'], `${method} ${path} has no 400`);
    }
  }
});

test('real responses validate against the declared response schemas', async () => {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(doc as unknown as object, 'openapi');
  const pointer = (path: string, method: string, status: string) =>
    `openapi#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${status}/content/application~1json/schema`;
  const cases: Array<[string, string, string, string]> = [
    ['/api/v1/events?limit=3', '/api/v1/events', 'get', '200'],
    ['/api/v1/events?limit=0', '/api/v1/events', 'get', '400'],
    ['/api/v1/events/none', '/api/v1/events/{id}', 'get', '404'],
    ['/api/v1/stats', '/api/v1/stats', 'get', '200'],
    ['/api/v1/healthz', '/api/v1/healthz', 'get', '200'],
    ['/api/v1/network', '/api/v1/network', 'get', '200'],
    ['/api/v1/places', '/api/v1/places', 'get', '200'],
    ['/api/v1/actors?q=China', '/api/v1/actors', 'get', '200'],
    ['/api/v1/dyads/RUS/CHN/series', '/api/v1/dyads/{a}/{b}/series', 'get', '200'],
  ];
  for (const [url, path, method, status] of cases) {
    const res = await s.app.inject({ method: 'GET', url });
    assert.equal(String(res.statusCode), status, `${url}: ${res.body}`);
    const validate = ajv.getSchema(pointer(path, method, status));
    assert.ok(validate, `no schema for ${method} ${path} ${status}`);
    assert.ok(validate(res.json()), `${url}: ${JSON.stringify(validate.errors)}`);
  }
  const denied = await s.app.inject({ method: 'POST', url: '/api/v1/documents', payload: { text: 'x' } });
  assert.equal(denied.statusCode, 401);
  const v401 = ajv.getSchema(pointer('/api/v1/documents', 'post', '401'));
  assert.ok(v401?.(denied.json()));
});
