/**
 * The PostgreSQL store: the contract suite and PostgreSQL's own behaviour (two writers on one
 * schema, numbers, read-only query, migrations) against the server in DYAD_TEST_PG, each test in a
 * fresh schema; skipped with a message when no server is reachable. The `?` rewriting and
 * openStore are tested without a server.
 */
import assert from 'node:assert/strict';
import pg from 'pg';
import { after, before, describe, test } from 'node:test';
import { createCoder, type Coder } from '../index.js';
import { runStoreContract } from './contract.js';
import { fixture, type FixtureName } from './fixtures.js';
import { openStore, isPostgresSpec } from './open.js';
import { openPostgresStore, PostgresStore, redactUrl, type PostgresStoreOptions } from './postgres.js';
import { bindValues, toPositional } from './postgres-sql.js';
import { MIGRATIONS } from './schema.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

const url = process.env.DYAD_TEST_PG ?? '';

async function unreachable(spec: string): Promise<string | null> {
  if (!spec) return 'PostgreSQL tests need a server: set DYAD_TEST_PG (e.g. postgres://dyad:dyad@127.0.0.1:5432/dyad_test)';
  const client = new pg.Client({ connectionString: spec, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return `PostgreSQL not reachable at ${redactUrl(spec)} (${(err as Error).message}); set DYAD_TEST_PG`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const skip = await unreachable(url);

describe('postgres placeholders', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['SELECT * FROM documents WHERE id = ? AND source = ?', 'SELECT * FROM documents WHERE id = $1 AND source = $2'],
    ["SELECT '?' AS q, ? AS p", "SELECT '?' AS q, $1 AS p"],
    ["SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1"],
    [`SELECT "odd?name" FROM t WHERE a = ?`, `SELECT "odd?name" FROM t WHERE a = $1`],
    ["SELECT E'\\' ?' , ?", "SELECT E'\\' ?' , $1"],
    ['SELECT $$ ? $$, $tag$ ? $$ ? $tag$, ?', 'SELECT $$ ? $$, $tag$ ? $$ ? $tag$, $1'],
    ['SELECT ? -- why?\n, ? /* what? /* nested? */ still? */', 'SELECT $1 -- why?\n, $2 /* what? /* nested? */ still? */'],
    ['SELECT a$b, ? FROM t', 'SELECT a$b, $1 FROM t'],
  ];
  for (const [sql, expected] of cases) {
    test(`rewrites ${JSON.stringify(sql)}`, () => assert.equal(toPositional(sql).text, expected));
  }

  test('@name placeholders share one $n; ? and @ stay apart from literals', () => {
    const p = toPositional("INSERT INTO s VALUES (@id, @published, @published, '@x', ?)", true);
    assert.equal(p.text, "INSERT INTO s VALUES ($1, $2, $2, '@x', $3)");
    assert.deepEqual(bindValues(p, { id: 'a', published: undefined }), ['a', null, null]);
    assert.equal(toPositional('SELECT @x').text, 'SELECT @x', 'without named, @ is an operator');
  });
});

describe('openStore', () => {
  test('a postgres:// or postgresql:// URL opens PostgreSQL, anything else a SQLite file', async () => {
    assert.deepEqual(['postgres://u@h/db', 'postgresql://h/db', ' POSTGRES://h', 'dyad.db', './pg/x.db', ':memory:'].map(isPostgresSpec),
      [true, true, true, false, false, false]);
    const pgStore = openStore('postgresql://dyad:secret@127.0.0.1:1/none');
    const sqlite = openStore(':memory:');
    assert.ok(pgStore instanceof PostgresStore);
    assert.ok(sqlite instanceof SqliteStore);
    await Promise.all([pgStore.close(), sqlite.close()]);
  });

  test('a server that cannot be reached is a DyadError without the password', async () => {
    const store = openStore('postgres://dyad:secret@127.0.0.1:1/none');
    await assert.rejects(store.migrate(), (err: Error & { code?: string; input?: string }) => {
      assert.deepEqual([err.name, err.code], ['DyadError', 'INPUT_UNREADABLE']);
      assert.ok(!`${err.message} ${err.input}`.includes('secret'));
      return true;
    });
    await store.close();
    assert.throws(() => openPostgresStore({ connectionString: url || 'postgres://h/db', schema: 'x; DROP' }), { name: 'DyadError', code: 'USAGE' });
  });
});

if (skip) {
  test('postgres store', { skip }, () => undefined);
} else {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const schemas: string[] = [];
  after(async () => {
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await admin.end();
  });
  /** A fresh, empty schema of its own for each store or test. */
  const freshSchema = async (): Promise<string> => {
    const name = `dyad_test_${process.pid}_${schemas.length + 1}`;
    schemas.push(name);
    await admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
    await admin.query(`CREATE SCHEMA ${name}`);
    return name;
  };
  const open = (schema: string, options: Partial<PostgresStoreOptions> = {}): PostgresStore =>
    openPostgresStore({ connectionString: url, schema, ...options });

  runStoreContract('postgres', async () => open(await freshSchema()));
  describePostgres(freshSchema, open);
}

function describePostgres(freshSchema: () => Promise<string>, open: (schema: string, options?: Partial<PostgresStoreOptions>) => PostgresStore): void {
  describe('postgres store', () => {
    let coder: Coder;
    before(() => {
      coder = createCoder();
    });
    const names: readonly FixtureName[] = ['original', 'rewrite', 'unrelated', 'quiet'];

    test('two stores saving the same documents at once store each document once and no event twice', async () => {
      const items = names.map((name) => fixture(coder, name, { source: name === 'rewrite' ? 'Daily B' : 'Agence A' }));
      const reference = open(await freshSchema());
      await reference.migrate();
      for (const item of items) await reference.saveCoded(item.input, item.result);
      const schema = await freshSchema();
      const [a, b] = [open(schema), open(schema)];
      const migrated = await Promise.all([a.migrate(), b.migrate()]);
      assert.deepEqual(migrated.flat().sort((x, y) => x - y), MIGRATIONS.map((m) => m.version), 'each migration applied once');
      const saves = (store: Store) => Promise.all(items.map((item) => store.saveCoded(item.input, item.result)));
      const batches = await Promise.all([saves(a), saves(b), saves(a)]);
      for (const [i, item] of items.entries()) {
        const outcomes = batches.map((batch) => batch[i]);
        assert.deepEqual(outcomes.map((o) => o.status).sort(), ['known', 'known', 'new'], `${String(item.input.title)} is new once`);
        assert.equal(new Set(outcomes.map((o) => `${o.documentId} ${o.storyId}`)).size, 1);
      }
      const stats = await a.stats();
      const expected = await reference.stats();
      assert.deepEqual([stats.documents, stats.stories, stats.events, stats.mentions, stats.actors],
        [expected.documents, expected.stories, expected.events, expected.mentions, expected.actors]);
      assert.deepEqual(stats.byReason, { new: 4, 'known-hash': 8, 'known-url': 0 });
      const ids = await a.query<{ id: string; n: number }>('SELECT id, COUNT(*) AS n FROM documents GROUP BY id HAVING COUNT(*) > 1');
      assert.deepEqual(ids, []);
      const counts = (events: Awaited<ReturnType<Store['events']>>) => events.map((e) => [e.cameo, e.numMentions, e.numArticles, e.numSources]).sort();
      assert.deepEqual(counts(await b.events()), counts(await reference.events()));
      await Promise.all([a.close(), b.close(), reference.close()]);
    });

    test('query: numbers come back as numbers; ? in literals stays; it cannot write', async () => {
      const store = open(await freshSchema());
      await store.migrate();
      for (const name of names) await store.saveCoded(fixture(coder, name).input, fixture(coder, name).result);
      const [row] = await store.query<Record<string, unknown>>(
        "SELECT COUNT(*) AS n, SUM(seq) AS total, AVG(num_mentions) AS mean, MAX(seq) AS last, '?' AS mark FROM documents LEFT JOIN events ON events.first_document_id = documents.id WHERE documents.title <> ?",
        ['none']);
      assert.equal(typeof row.n, 'number');
      assert.equal(typeof row.total, 'number');
      assert.equal(typeof row.mean, 'number');
      assert.deepEqual([row.last, row.mark], [4, '?']);
      assert.equal((await store.documents({ limit: 2 })).length, 2);
      await assert.rejects(store.query('DELETE FROM documents'), /read-only/);
      assert.equal((await store.stats()).documents, 4);
      await store.close();
    });

    test('migrations run in version order, each once; a failed one leaves nothing applied', async () => {
      const schema = await freshSchema();
      const migrations = [
        { version: 2, name: 'second', statements: ['ALTER TABLE probe ADD COLUMN b TEXT'] },
        { version: 1, name: 'first', statements: ['CREATE TABLE probe (a TEXT)'] },
      ];
      const first = open(schema, { migrations: migrations.slice(1) });
      assert.deepEqual(await first.migrate(), [1]);
      await first.close();
      const again = open(schema, { migrations });
      assert.deepEqual([await again.migrate(), await again.migrate()], [[2], []]);
      assert.deepEqual(await again.query('SELECT version, name FROM schema_migrations ORDER BY version'), [{ version: 1, name: 'first' }, { version: 2, name: 'second' }]);
      await again.close();
      const broken = open(await freshSchema(), { migrations: [{ version: 1, name: 'broken', statements: ['CREATE TABLE ok (a TEXT)', 'CREATE TABLE ok (a TEXT)'] }] });
      await assert.rejects(broken.migrate());
      assert.deepEqual(await broken.query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('ok', 'schema_migrations')"), []);
      await broken.close();
    });

    test('a read-only store reads and refuses to write', async () => {
      const schema = await freshSchema();
      const writer = open(schema);
      await writer.migrate();
      const f = fixture(coder, 'unrelated');
      await writer.saveCoded(f.input, f.result);
      const reader = open(schema, { readonly: true });
      assert.equal((await reader.stats()).documents, 1);
      const g = fixture(coder, 'quiet');
      await assert.rejects(reader.saveCoded(g.input, g.result), /read-only/);
      await Promise.all([reader.close(), writer.close()]);
    });
  });
}
