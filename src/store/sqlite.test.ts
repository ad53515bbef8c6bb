/** The SQLite store: the contract suite on real files, plus SQLite's own behaviour (WAL, readers, migrations). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createCoder, type Coder } from '../index.js';
import { runStoreContract } from './contract.js';
import { fixture } from './fixtures.js';
import { DEFAULT_DB_FILE, openSqliteStore } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-store-'));
let n = 0;
const tempFile = (): string => join(dir, `store-${++n}.db`);
after(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('sqlite', async () => openSqliteStore({ file: tempFile() }));

describe('sqlite store', () => {
  let coder: Coder;
  before(() => {
    coder = createCoder();
  });

  test('opens in WAL mode with synchronous NORMAL, foreign keys and a busy timeout', async () => {
    const store = openSqliteStore({ file: tempFile() });
    const pragma = (p: string): unknown => store.db.pragma(p, { simple: true });
    assert.deepEqual([pragma('journal_mode'), pragma('synchronous'), pragma('foreign_keys'), pragma('busy_timeout')], ['wal', 1, 1, 10000]);
    await store.close();
  });

  test('migrations run in version order, each once, recorded in schema_migrations', async () => {
    const file = tempFile();
    const migrations = [
      { version: 2, name: 'second', statements: ['ALTER TABLE probe ADD COLUMN b TEXT'] },
      { version: 1, name: 'first', statements: ['CREATE TABLE probe (a TEXT)'] },
    ];
    const store = openSqliteStore({ file, migrations: migrations.slice(1) });
    assert.deepEqual(await store.migrate(), [1]);
    await store.close();
    const reopened = openSqliteStore({ file, migrations });
    assert.deepEqual(await reopened.migrate(), [2]);
    assert.deepEqual(await reopened.migrate(), []);
    const rows = reopened.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    assert.deepEqual(rows, [{ version: 1, name: 'first' }, { version: 2, name: 'second' }]);
    await reopened.close();
  });

  test('a failed migration leaves nothing applied', async () => {
    const store = openSqliteStore({
      file: tempFile(),
      migrations: [{ version: 1, name: 'broken', statements: ['CREATE TABLE ok (a TEXT)', 'CREATE TABLE ok (a TEXT)'] }],
    });
    await assert.rejects(store.migrate());
    assert.deepEqual(store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'ok'").all(), []);
    await store.close();
  });

  test('a second connection reads committed data while a write is open', async () => {
    const file = tempFile();
    const writer = openSqliteStore({ file });
    await writer.migrate();
    const first = fixture(coder, 'unrelated');
    await writer.saveCoded(first.input, first.result);
    const reader = openSqliteStore({ file, readonly: true });
    writer.db.exec('BEGIN IMMEDIATE');
    const f = fixture(coder, 'original');
    await writer.saveCoded(f.input, f.result);
    assert.equal((await writer.stats()).documents, 2, 'the writer sees its own write');
    assert.equal((await reader.stats()).documents, 1, 'the reader is not blocked and sees the last commit');
    assert.equal((await reader.events()).length, first.result.events.length);
    writer.db.exec('COMMIT');
    assert.equal((await reader.stats()).documents, 2);
    await reader.close();
    await writer.close();
  });

  test('two writing connections on one file take turns; each document is saved once', async () => {
    const file = tempFile();
    const [a, b] = [openSqliteStore({ file }), openSqliteStore({ file })];
    await a.migrate();
    assert.deepEqual(await b.migrate(), []);
    const items = (['original', 'rewrite', 'unrelated', 'quiet'] as const).map((name) => fixture(coder, name));
    const outcomes = [];
    for (const item of items) outcomes.push((await a.saveCoded(item.input, item.result)).status, (await b.saveCoded(item.input, item.result)).status);
    assert.deepEqual(outcomes, ['new', 'known', 'new', 'known', 'new', 'known', 'new', 'known']);
    assert.deepEqual([(await a.stats()).documents, (await b.stats()).stories], [4, 3]);
    await a.close();
    await b.close();
  });

  test('the default file is ./dyad.db; a path that cannot be opened is a DyadError', () => {
    assert.equal(DEFAULT_DB_FILE, './dyad.db');
    assert.throws(() => openSqliteStore({ file: join(dir, 'missing', 'x.db') }), { name: 'DyadError', code: 'INPUT_UNREADABLE' });
  });
});
