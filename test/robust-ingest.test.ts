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
import { main } from '../src/cli/main.js';
import { readJsonl } from '../src/ingest/jsonl.js';
import { openStream } from '../src/ingest/read-input.js';
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
async function ingest(sources: readonly string[], extra: Partial<IngestRequest> = {}): Promise<{ exit: number; stderr: string; db: string }> {
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

async function cli(...args: string[]): Promise<{ exit: number; stderr: string; stdout: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdin: Readable.from([]),
    stdout: new Writable({ write(c: Buffer, _e, cb) { out += c.toString(); cb(); } }),
    stderr: new Writable({ write(c: Buffer, _e, cb) { err += c.toString(); cb(); } }),
  };
  const exit = await main(['node', 'dyad', ...args], io);
  return { exit, stderr: err, stdout: out };
}

const SENTENCE = 'France criticized Germany on Monday over fishing rights in the North Sea, officials said.';

test('ingest: the size error names --max-bytes, which ingest takes; past --doc-timeout a document is reported by its id and the run goes on; blank records are counted', async () => {
  const huge = Array.from({ length: 10_000 }, (_, i) => `${SENTENCE} Talks number ${i} ended.`).join('\n\n').slice(0, 900_000);
  const corpus = file('mixed.jsonl', [JSON.stringify({ id: 'huge', text: huge }), '', JSON.stringify({ id: 'small', text: SENTENCE })].join('\n'));
  const over = file('over.txt', `${SENTENCE} `.repeat(14_000));
  const db = join(dir, 'limits.db');
  const r = await cli('ingest', corpus, over, '--db', db, '--date', '2024-05-14', '--max-bytes', '1000000', '--doc-timeout', '0.1');
  assert.equal(r.exit, 0, r.stderr);
  assert.match(r.stderr, /over\.txt: input is 1\.2 MB, over the limit of 976\.6 KB \(see --max-bytes\)/);
  assert.match(r.stderr, /mixed\.jsonl:1: document huge: coding passed its time budget of 0\.9 s \(--doc-timeout 0\.1 s per 100 KB\)/);
  assert.match(r.stderr, /documents: 1 new, 0 already known, 1 skipped \(blank line: 1\); .* errors: 2\n/);
  assert.equal(documents(db), 1);
});

test('code, ingest and watch take --max-bytes and --doc-timeout; recode takes --doc-timeout', async () => {
  for (const command of ['code', 'ingest', 'watch']) {
    const help = await cli(command, '--help');
    assert.match(help.stdout, /--max-bytes <n>/, command);
    assert.match(help.stdout, /--doc-timeout <seconds>/, command);
  }
  assert.match((await cli('recode', '--help')).stdout, /--doc-timeout <seconds>/);
  assert.match((await cli('code', 'x.txt', '--doc-timeout', 'soon')).stderr, /--doc-timeout.*"soon" is not a number of seconds/);
});

test('a text that starts with U+FEFF: event offsets index the text as given (they skipped the mark)', async () => {
  const text = `\uFEFF${SENTENCE}`;
  const corpus = file('bom.jsonl', `${JSON.stringify({ id: 'bom', text })}\n`);
  const records = [];
  for await (const record of readJsonl(openStream(corpus), corpus)) records.push(record);
  assert.ok(records[0].ok);
  const { events } = (await loadCoder()).code(records[0].doc);
  assert.ok(events.length > 0);
  for (const e of events) {
    assert.equal(text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
    if (e.source) assert.equal(text.slice(e.source.start, e.source.end), e.source.text);
  }
});
