/**
 * The API on PostgreSQL gives what it gives on SQLite: the example articles stored in both, the same
 * read routes asked of each. Needs a server in DYAD_TEST_PG (a fresh schema is made and dropped);
 * skipped with a message when none is reachable.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { createCoder } from '../index.js';
import { openPostgresStore, openSqliteStore, type Store } from '../store/index.js';
import { buildApp } from './app.js';
import { saveExamples } from './testing.js';

const url = process.env.DYAD_TEST_PG ?? '';

async function unreachable(): Promise<string | false> {
  if (!url) return 'the PostgreSQL API test needs a server: set DYAD_TEST_PG (e.g. postgres://dyad:dyad@127.0.0.1:5432/dyad_test)';
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 3000 });
  try {
    await pool.query('SELECT 1');
    return false;
  } catch (err) {
    return `PostgreSQL not reachable in DYAD_TEST_PG (${(err as Error).message})`;
  } finally {
    await pool.end();
  }
}

const skip = await unreachable();
if (skip) console.log(`# SKIP ${skip}`);

describe('API on PostgreSQL and SQLite', { skip }, () => {
  const schema = `dyad_api_test_${process.pid}`;
  const admin = skip ? null : new pg.Pool({ connectionString: url, max: 1 });
  const dir = mkdtempSync(join(tmpdir(), 'dyad-api-pg-'));
  const stores: Store[] = [];
  let onPg: FastifyInstance;
  let onSqlite: FastifyInstance;

  before(async () => {
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.query(`CREATE SCHEMA ${schema}`);
    const coder = createCoder();
    const pgStore = openPostgresStore({ connectionString: url, schema });
    const sqlite = openSqliteStore({ file: join(dir, 'same.db') });
    stores.push(pgStore, sqlite);
    for (const s of stores) {
      await s.migrate();
      await saveExamples(s, coder);
    }
    onPg = await buildApp({ store: pgStore, coder: () => coder, webRoot: null });
    onSqlite = await buildApp({ store: sqlite, coder: () => coder, webRoot: null });
  });

  after(async () => {
    await onPg?.close();
    await onSqlite?.close();
    for (const s of stores) await s.close();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
    rmSync(dir, { recursive: true, force: true });
  });

  const both = async (path: string): Promise<[unknown, unknown]> => {
    const [a, b] = await Promise.all([onPg.inject({ url: path }), onSqlite.inject({ url: path })]);
    assert.equal(a.statusCode, 200, `${path} on PostgreSQL: ${a.body}`);
    assert.equal(b.statusCode, 200, `${path} on SQLite: ${b.body}`);
    return [a.json(), b.json()];
  };

  test('event pages, filters and cursors are the same', async () => {
    for (const path of ['/api/v1/events?limit=7', '/api/v1/events?actor=JPN&limit=3', '/api/v1/events?dyad=JPN,IND&undirected=true', '/api/v1/events?quad=4&from=2020-01-01']) {
      const [a, b] = await both(path);
      const ids = (x: unknown) => (x as { events: Array<{ id: string }> }).events.map((e) => e.id);
      assert.deepEqual(ids(a), ids(b), path);
      assert.equal((a as { next: string | null }).next, (b as { next: string | null }).next, path);
      const next = (a as { next: string | null }).next;
      if (next) {
        const [c, d] = await both(`${path}&cursor=${encodeURIComponent(next)}`);
        assert.deepEqual(ids(c), ids(d), `${path} page 2`);
      }
    }
  });

  test('an event, its document, the series, network, places, stats and visits are the same', async () => {
    const [page] = await both('/api/v1/events?limit=1');
    const first = (page as { events: Array<{ id: string; firstDocument: { id: string } }> }).events[0];
    for (const path of [`/api/v1/events/${first.id}`, `/api/v1/documents/${first.firstDocument.id}`, '/api/v1/dyads/JPN/IND/series?by=week',
      '/api/v1/network', '/api/v1/places', '/api/v1/visits', '/api/v1/stats']) {
      const [a, b] = await both(path);
      const norm = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'codedAt' ? undefined : typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v)));
      assert.deepEqual(norm(a), norm(b), path);
    }
  });
});
