/**
 * `dyad ingest` on hostile input, in-process on a real SQLite file: what cannot be read is reported
 * by its source and counted in the run's errors, and the rest is kept.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { runIngest, type IngestRequest } from '../src/cli/ingest-run.js';
import type { CliIO } from '../src/cli/io.js';
import { createCoder, type Coder } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-robust-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let coder: Coder | null = null;
const loadCoder = async (): Promise<Coder> => (coder ??= createCoder());

function memoryIO(): { io: CliIO; stderr: () => string } {
  let err = '';
  const io: CliIO = {
    stdin: Readable.from([]),
    stdout: new Writable({ write(_c: Buffer, _e, cb) { cb(); } }),
    stderr: new Writable({ write(c: Buffer, _e, cb) { err += c.toString(); cb(); } }),
  };
  return { io, stderr: () => err };
}

let dbCount = 0;
export async function ingest(sources: readonly string[], extra: Partial<IngestRequest> = {}): Promise<{ exit: number; stderr: string; db: string }> {
  const db = join(dir, `run${++dbCount}.db`);
  const { io, stderr } = memoryIO();
  const req: IngestRequest = { sources, db, date: '2024-05-14', follow: false, dictionaries: [], quiet: false, progress: false, ...extra };
  const exit = await runIngest(req, io, loadCoder);
  return { exit, stderr: stderr(), db };
}

function documents(db: string): number {
  const conn = new Database(db, { readonly: true });
  try {
    return Number((conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n);
  } finally {
    conn.close();
  }
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

test('ingest: a raw <br> in one feed item loses no later item; an unreadable item is named and counted in errors', async () => {
  const items = Array.from({ length: 30 }, (_, k) => {
    const i = k + 1;
    const fault = i % 10 === 0 ? ' first line<br>second line' : i === 17 ? ' <b class=">' : '';
    return `<item><title>Talks ${i}</title><link>https://e.example/${i}</link><description>France criticized Germany over fishing rights in case ${i}.${fault}</description></item>`;
  });
  const feed = file('wire.rss', `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${items.join('\n')}</channel></rss>`);
  const r = await ingest([feed]);
  assert.equal(r.exit, 0, r.stderr);
  assert.equal(documents(r.db), 29);
  assert.match(r.stderr, /wire\.rss item 17: cannot read the item/);
  assert.match(r.stderr, /wire\.rss: warning: not well-formed XML.*read item by item/);
  assert.match(r.stderr, /documents: 29 new, .* errors: 1\n/);
});
