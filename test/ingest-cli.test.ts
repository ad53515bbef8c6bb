/**
 * `dyad ingest`, `dyad recode` and `dyad watch` end to end: real files, a real SQLite file, a local
 * HTTP server, and a process killed part-way. The CLI runs in this process (test/in-process.ts), but
 * for the run that is killed and the run on a pseudo-terminal, which spawn `node bin/dyad.js`.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { runCli } from './in-process.js';

const bin = fileURLToPath(new URL('../bin/dyad.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dyad-ingest-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI run in this process (test/in-process.ts); the killed ingest and the terminal run spawn bin/dyad.js. */
async function dyad(args: readonly string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const r = await runCli(args);
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

function count(db: string, sql: string): number {
  const conn = new Database(db, { readonly: true });
  try {
    return Number((conn.prepare(sql).get() as { n: number }).n);
  } finally {
    conn.close();
  }
}

const COUNTRIES = ['France', 'Germany', 'Japan', 'Brazil', 'India', 'Canada', 'Mexico', 'Egypt', 'Kenya', 'Chile', 'Peru', 'Norway'];
const VERBS = ['criticized', 'praised', 'accused', 'threatened', 'condemned', 'welcomed'];

/** Short articles of our own, each different: "Japan criticized Kenya on Monday over fishing rights (7)." */
function article(i: number): string {
  const a = COUNTRIES[i % COUNTRIES.length];
  const b = COUNTRIES[(i * 7 + 3) % COUNTRIES.length] === a ? COUNTRIES[(i + 1) % COUNTRIES.length] : COUNTRIES[(i * 7 + 3) % COUNTRIES.length];
  return `${a} ${VERBS[i % VERBS.length]} ${b} on Monday over fishing rights, talks number ${i} said. Officials in ${a} gave no further detail on case ${i * 13}.`;
}

function writeCorpus(file: string, n: number, broken: readonly number[] = []): void {
  const lines = Array.from({ length: n }, (_, i) => (broken.includes(i) ? '{"id": "bad", "text": ' : JSON.stringify({ id: `a${i}`, date: '2024-05-13', text: article(i) })));
  writeFileSync(file, `${lines.join('\n')}\n`);
}

test('ingest: a folder of text, a page, a feed and JSON Lines; errors name their line; a second run adds nothing', async () => {
  const src = join(dir, 'news');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'note.txt'), 'France criticized Germany on Monday over a trade dispute.');
  writeFileSync(join(src, 'page.html'), '<html lang="en"><head><title>Talks</title><meta property="article:published_time" content="2024-05-12"></head><body><nav>Home | World</nav><article><h1>Talks</h1><p>Japan held talks with India on Sunday about maritime security in the Indian Ocean.</p><p>The two governments agreed to meet again in the autumn, officials said after the meeting ended.</p></article><footer>Copyright</footer></body></html>');
  writeFileSync(join(src, 'feed.rss'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>http://example.invalid/</link><item><title>Kenya and Egypt</title><link>http://example.invalid/1</link><description>Kenya praised Egypt on Tuesday for its mediation in the region.</description><pubDate>Tue, 14 May 2024 10:00:00 GMT</pubDate></item><item><title>Chile</title><link>http://example.invalid/2</link><description>Chile accused Peru on Tuesday of violating the maritime border.</description></item></channel></rss>');
  writeCorpus(join(src, 'corpus.jsonl'), 5, [2]);
  const db = join(dir, 'news.db');
  const first = await dyad(['ingest', src, '--db', db, '--date', '2024-05-14']);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /corpus\.jsonl:3: /, 'the broken JSON Lines record is named by its line');
  assert.match(first.stderr, /documents: 8 new, 0 already known/);
  assert.equal(count(db, 'SELECT COUNT(*) AS n FROM documents'), 8);
  assert.ok(count(db, 'SELECT COUNT(*) AS n FROM events') >= 6);
  assert.equal(count(db, "SELECT COUNT(*) AS n FROM documents WHERE title = 'Talks' AND published LIKE '2024-05-12%'"), 1, 'page title and date');
  const again = await dyad(['ingest', src, '--db', db]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /documents: 0 new, 8 already known/);
  assert.equal(count(db, 'SELECT COUNT(*) AS n FROM documents'), 8);
});

test('ingest: killed part-way, then run again: nothing lost, nothing doubled', async () => {
  const corpus = join(dir, 'big.jsonl');
  const n = 300; // enough to be killed part-way (at 20 stored)
  writeCorpus(corpus, n);
  const clean = join(dir, 'clean.db');
  assert.equal((await dyad(['ingest', corpus, '--db', clean, '-q'])).code, 0);
  const killed = join(dir, 'killed.db');
  // --jobs 1: no worker thread loading the knowledge again in a process killed a second later.
  const child = spawn(process.execPath, [bin, 'ingest', corpus, '--db', killed, '-q', '--jobs', '1'], { stdio: 'ignore' });
  const deadline = Date.now() + 60_000;
  for (;;) {
    await new Promise((r) => setTimeout(r, 30));
    let stored = 0;
    try {
      stored = count(killed, 'SELECT COUNT(*) AS n FROM documents');
    } catch {
      stored = 0;
    }
    if (stored >= 20 || Date.now() > deadline) break;
  }
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const partial = count(killed, 'SELECT COUNT(*) AS n FROM documents');
  assert.ok(partial > 0 && partial < n, `killed after ${partial} of ${n} documents`);
  assert.equal((await dyad(['ingest', corpus, '--db', killed, '-q'])).code, 0);
  for (const sql of ['SELECT COUNT(*) AS n FROM documents', 'SELECT COUNT(*) AS n FROM events', 'SELECT COUNT(*) AS n FROM event_mentions', 'SELECT SUM(num_mentions) AS n FROM events']) {
    assert.equal(count(killed, sql), count(clean, sql), sql);
  }
});

test('recode: documents coded by another knowledge version are coded again', async () => {
  const corpus = join(dir, 'small.jsonl');
  writeCorpus(corpus, 4);
  const db = join(dir, 'recode.db');
  assert.equal((await dyad(['ingest', corpus, '--db', db, '-q'])).code, 0);
  const same = await dyad(['recode', '--db', db]);
  assert.match(same.stderr, /recoded 0 documents/);
  const extra = join(dir, 'extra.yaml');
  writeFileSync(extra, 'kind: actors\nversion: "1"\nentries:\n  - { id: agent.fishers, kind: agent, sector: CVL, names: [fishers] }\n');
  const changed = await dyad(['recode', '--db', db, '--dictionary', extra]);
  assert.equal(changed.code, 0, changed.stderr);
  assert.match(changed.stderr, /recoded 4 documents/);
  assert.equal(count(db, 'SELECT COUNT(DISTINCT knowledge_version) AS n FROM documents'), 1);
});

test('watch: polls with ETag, ingests new items once, and stops after its rounds', async () => {
  let requests = 0;
  let conditional = 0;
  const feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>One</title><link>http://127.0.0.1/one</link><description>Norway criticized Canada on Monday over whaling quotas.</description></item><item><title>Two</title><link>http://127.0.0.1/two</link><description>Mexico praised Brazil on Monday for its climate plan.</description></item></channel></rss>';
  const server: Server = createServer((req, res) => {
    requests++;
    if (req.headers['if-none-match'] === '"v1"') {
      conditional++;
      res.writeHead(304, { ETag: '"v1"' }).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: '"v1"' }).end(feed);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const port = (server.address() as AddressInfo).port;
    const list = join(dir, 'feeds.txt');
    writeFileSync(list, `# our feeds\nhttp://127.0.0.1:${port}/feed.xml\n`);
    const db = join(dir, 'watch.db');
    const { code, stderr } = await dyad(['watch', list, '--db', db, '--every', '200ms', '--rounds', '3']);
    assert.equal(code, 0, stderr);
    assert.equal(requests, 3);
    assert.equal(conditional, 2, 'rounds 2 and 3 send If-None-Match and get 304');
    assert.equal(count(db, 'SELECT COUNT(*) AS n FROM documents'), 2);
    assert.match(stderr, /round 1: documents: 2 new/);
  } finally {
    server.close();
  }
});

test('ingest: a progress bar with speed and ETA on a terminal, none through a pipe', { skip: spawnSync('script', ['--version']).error ? 'needs util-linux script(1) for a pseudo-terminal' : false }, async () => {
  const corpus = join(dir, 'bar.jsonl');
  writeCorpus(corpus, 40);
  // --jobs 1: the bar is drawn by the main thread either way; a worker thread would only load the knowledge again.
  const onTerminal = spawnSync('script', ['-qec', `"${process.execPath}" "${bin}" ingest "${corpus}" --db "${join(dir, 'bar.db')}" --jobs 1`, '/dev/null'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(onTerminal.status, 0, onTerminal.stderr);
  assert.match(onTerminal.stdout, /ingest .*100% \| 40\/40 \| [\d.]+\/s \| ETA/);
  const piped = await dyad(['ingest', corpus, '--db', join(dir, 'bar2.db')]);
  assert.doesNotMatch(piped.stderr, /ETA|%/);
  assert.match(piped.stderr, /documents: 40 new/);
});
