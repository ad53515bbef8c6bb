/**
 * --jobs: `dyad code` and `dyad ingest` with two jobs (worker threads join after 8 documents) give
 * the same output, messages and store as with one, in input order.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { after, test } from 'node:test';
import { main } from './main.js';
import type { CliIO } from './io.js';
import { poolStats, poolTuning } from './pool.js';

// Workers from the first document, and only workers: so the test shows what they code. The tuning is
// put back afterwards for the test files that run after this one in the same process (test/runner).
const tuning = { ...poolTuning };
poolTuning.startAfter = 0;
poolTuning.inlineWhileBusy = false;

const scratch = mkdtempSync(join(tmpdir(), 'dyad-jobs-'));
after(() => {
  Object.assign(poolTuning, tuning);
  rmSync(scratch, { recursive: true, force: true });
});

function capture(): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const sink = (add: (s: string) => void): Writable => new Writable({ write(chunk, _enc, cb) { add(String(chunk)); cb(); } });
  const io = { stdin: new PassThrough(), stdout: sink((s) => (out += s)), stderr: sink((s) => (err += s)) };
  return { io, out: () => out, err: () => err };
}

async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const c = capture();
  const code = await main(['node', 'dyad', ...args], c.io);
  return { code, out: c.out(), err: c.err() };
}

// Our own sentences; two records are broken so that messages must keep their place too.
const SENTENCES = [
  'Russian troops attacked Ukrainian positions near Kharkiv on Monday.',
  'Chinese Premier Li Qiang will visit Berlin next week to meet Chancellor Olaf Scholz.',
  'The United Nations condemned the air strike on a hospital in Gaza.',
  'Kenyan police clashed with protesters in Nairobi on Tuesday.',
  'Japan and South Korea signed a defence agreement in Tokyo.',
  'Iran threatened to close the Strait of Hormuz if sanctions are tightened.',
  'The European Union imposed new sanctions on Belarus over the crackdown.',
  'Indian and Pakistani soldiers exchanged fire across the Line of Control.',
  'Brazil offered humanitarian aid to flood victims in Bolivia.',
  'Turkish President Recep Tayyip Erdogan met NATO Secretary General Jens Stoltenberg in Ankara.',
];
const lines: string[] = [];
for (let i = 0; i < 40; i++) {
  if (i === 13) lines.push('{"text": ');
  else if (i === 27) lines.push(JSON.stringify({ id: `d${i}`, text: '   ' }));
  else lines.push(JSON.stringify({ id: `d${i}`, text: SENTENCES[i % SENTENCES.length], date: '2024-05-14' }));
}
const corpus = join(scratch, 'corpus.jsonl');
writeFileSync(corpus, `${lines.join('\n')}\n`);

test('dyad code --jobs 2 (a worker) writes what --jobs 1 writes, in input order, messages included', async () => {
  const one = await run(['code', corpus, '--format', 'jsonl', '--jobs', '1']);
  const before = poolStats.workerDocuments;
  const two = await run(['code', corpus, '--format', 'jsonl', '--jobs', '2']);
  assert.ok(poolStats.workerDocuments - before >= 30, 'the worker coded the documents');
  assert.equal(one.code, 0, one.err);
  assert.ok(one.out.split('\n').length > 30, 'the sentences yield events');
  assert.equal(two.out, one.out);
  assert.equal(two.err, one.err);
  assert.match(one.err, /corpus\.jsonl:14/);
});

test('dyad ingest --jobs 2 stores what --jobs 1 stores', async () => {
  const dbs = [join(scratch, 'one.db'), join(scratch, 'two.db')];
  const one = await run(['ingest', corpus, '--db', dbs[0], '--jobs', '1']);
  const before = poolStats.workerDocuments;
  const two = await run(['ingest', corpus, '--db', dbs[1], '--jobs', '2']);
  // 10 distinct texts, each repeated: the later copies are known, and a copy coded twice in one window is found known when saved.
  assert.ok(poolStats.workerDocuments - before >= 10, 'the worker coded the documents');
  assert.equal(one.code, 0, one.err);
  assert.equal(two.err, one.err);
  assert.match(one.err, /10 new, 28 already known/);
  const exported = await Promise.all(dbs.map((db) => run(['export', '--db', db, '--format', 'plover'])));
  assert.ok(exported[0].out.length > 1000, 'events were stored');
  assert.equal(exported[1].out, exported[0].out);
});

test('--jobs must be a whole number from 1', async () => {
  const r = await run(['code', corpus, '--jobs', '0']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--jobs/);
});
