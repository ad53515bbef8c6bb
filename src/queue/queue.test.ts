/**
 * The job queue end to end on a real PostgreSQL (DYAD_TEST_PG; skipped with a message without one):
 * `dyad ingest --queue`, real `dyad worker` processes (one SIGKILLed mid-run and restarted, one
 * SIGTERMed mid-job), a poison document, `dyad queue status` and `dyad queue retry`. The reference
 * is a plain single-process `dyad ingest` of the same documents into a SQLite file.
 *
 * Documents: the first 500 Wikinews politics articles of ../shared/corpus (499 distinct, 343 events), each cut to its first
 * sentences (about 400 characters) to keep the test short; skipped with a message when the corpus
 * is absent.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { main } from '../cli/main.js';
import { openSqliteStore } from '../store/sqlite.js';
import { openPostgresStore, redactUrl } from '../store/postgres.js';
import type { Store, StoredMention } from '../store/store.js';

const url = process.env.DYAD_TEST_PG ?? '';
const corpus = fileURLToPath(new URL('../../../shared/corpus/wikinews-politics.jsonl', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/dyad.js', import.meta.url));
const N = 500;

async function why(): Promise<string | null> {
  if (!existsSync(corpus)) return `queue tests need ../shared/corpus/wikinews-politics.jsonl (not found at ${corpus})`;
  if (!url) return 'queue tests need PostgreSQL: set DYAD_TEST_PG (e.g. postgres://dyad:dyad@127.0.0.1:5432/dyad_test)';
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    return null;
  } catch (err) {
    return `PostgreSQL not reachable at ${redactUrl(url)} (${(err as Error).message}); set DYAD_TEST_PG`;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const skip = await why();
if (skip) console.log(`# SKIP queue tests: ${skip}`);

/** The first sentences of a text, up to about `max` characters. */
function lead(text: string, max = 400): string {
  const cut = text.slice(0, max);
  const end = cut.lastIndexOf('. ');
  return end > 120 ? cut.slice(0, end + 1) : cut;
}

async function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => { out += d.toString(); });
  stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const code = await main(['node', 'dyad', ...args], { stdin: new PassThrough(), stdout, stderr });
  return { code, stdout: out, stderr: err };
}

const dir = mkdtempSync(join(tmpdir(), 'dyad-queue-'));
const admin = new pg.Pool({ connectionString: url || undefined, max: 2 });
const schemas: string[] = [];
after(async () => {
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`).catch(() => undefined);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh store schema and queue schema; the store URL selects the schema through search_path. */
async function fresh(name: string): Promise<{ db: string; q: string }> {
  const s = `${name}_${process.pid}`;
  schemas.push(s, `${s}_q`);
  await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await admin.query(`DROP SCHEMA IF EXISTS ${s}_q CASCADE`);
  await admin.query(`CREATE SCHEMA ${s}`);
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${s}`);
  return { db: u.toString(), q: `${s}_q` };
}

function startWorker(db: string, q: string, extra: readonly string[] = []): ChildProcess {
  const child = spawn(process.execPath, [bin, 'worker', '--db', db, '--queue-schema', q, '--concurrency', '1',
    '--maintenance-seconds', '1', '--batch-size', '4', '--quiet', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`# worker ${child.pid}: ${d.toString()}`));
  return child;
}

async function status(db: string, q: string): Promise<{ counts: Record<string, number>; failures: { documentId: string; error: string; tries: number }[] }> {
  const r = await cli(['queue', 'status', '--db', db, '--queue-schema', q, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as { counts: Record<string, number>; failures: { documentId: string; error: string; tries: number }[] };
}

async function until(what: string, check: () => Promise<boolean>, seconds = 240): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * The queue's jobs in one state, read with one query: what the tests wait for. (`dyad queue status`
 * opens a store and pg-boss on each call, some 25 ms of this process's CPU and more of the server's,
 * polled for a minute; what the tests assert is still read through it.)
 */
async function jobsIn(q: string, state: 'active' | 'completed'): Promise<number> {
  return (await admin.query(`SELECT COUNT(*)::int AS n FROM ${q}.job WHERE state::text = $1`, [state])).rows[0].n as number;
}

const mentionKey = (m: StoredMention): string => JSON.stringify(m);

/** Rows as sorted JSON lines (mentions that tie on the store's ORDER BY come back in either order). */
async function snapshot(store: Store): Promise<{ events: string[]; mentions: string[]; docs: string[] }> {
  const rows = (xs: readonly object[]): string[] => xs.map((x) => JSON.stringify(x)).sort();
  return {
    docs: rows((await store.documents()).map((d) => ({ ...d, codedAt: undefined }))),
    events: rows(await store.events()),
    mentions: (await store.mentions()).map(mentionKey).sort(),
  };
}

/** Equal row sets, or a short report of the first differences (not a diff of thousands of rows). */
function sameRows(got: readonly string[], want: readonly string[], what: string): void {
  const g = new Set(got);
  const w = new Set(want);
  const missing = want.filter((r) => !g.has(r));
  const extra = got.filter((r) => !w.has(r));
  const show = (xs: string[]): string => xs.slice(0, 3).map((x) => `\n    ${x.slice(0, 400)}`).join('');
  assert.ok(missing.length === 0 && extra.length === 0 && got.length === want.length,
    `${what}: ${got.length} rows against ${want.length}; missing ${missing.length}:${show(missing)}\n  extra ${extra.length}:${show(extra)}`);
}

const t0 = Date.now();
const mark = (what: string): void => console.log(`# ${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);

describe('job queue on PostgreSQL', { skip: skip ?? false }, () => {
  const file = join(dir, 'docs.jsonl');
  let reference: Awaited<ReturnType<typeof snapshot>>;
  let refByDoc: Map<string, string[]>;

  before(async () => {
    const lines = readFileSync(corpus, 'utf8').split('\n').filter(Boolean).slice(0, N);
    writeFileSync(file, lines.map((l) => {
      const r = JSON.parse(l) as { text: string };
      return JSON.stringify({ ...r, text: lead(r.text) });
    }).join('\n'));
    const sqlite = join(dir, 'reference.db');
    const r = await cli(['ingest', file, '--db', sqlite, '--quiet']);
    assert.equal(r.code, 0, r.stderr);
    const store = openSqliteStore({ file: sqlite, readonly: true });
    reference = await snapshot(store);
    refByDoc = new Map();
    for (const m of await store.mentions()) refByDoc.set(m.documentId, [...(refByDoc.get(m.documentId) ?? []), mentionKey(m)].sort());
    await store.close();
    assert.ok(reference.events.length > 300, `the reference run coded ${reference.events.length} events`);
    mark(`reference: ${reference.docs.length} documents, ${reference.events.length} events in SQLite`);
  });

  test('3 workers, one SIGKILLed mid-run and restarted: every document coded once; documents, events and mentions equal a single-process run row for row', async () => {
    const { db, q } = await fresh('qkill');
    const ing = await cli(['ingest', file, '--queue', '--db', db, '--queue-schema', q, '--job-expire', '10', '--quiet']);
    assert.equal(ing.code, 0, ing.stderr);
    assert.equal((await status(db, q)).counts.created, reference.docs.length);
    mark('queued');
    const workers = [startWorker(db, q), startWorker(db, q), startWorker(db, q)];
    await until('a third of the jobs', async () => (await jobsIn(q, 'completed')) >= reference.docs.length / 3);
    const victim = workers[0];
    const held = (await admin.query(`SELECT COUNT(*)::int AS n FROM ${q}.job WHERE state = 'active'`)).rows[0].n as number;
    mark(`SIGKILL one worker; ${held} jobs active`);
    victim.kill('SIGKILL');
    await once(victim, 'exit');
    workers[0] = startWorker(db, q);
    await until('an empty queue', async () => (await jobsIn(q, 'completed')) === reference.docs.length);
    mark('all jobs completed');
    assert.equal((await status(db, q)).counts.completed, reference.docs.length);
    for (const w of workers) w.kill('SIGTERM');
    const codes = await Promise.all(workers.map(async (w) => (w.exitCode ?? (await once(w, 'exit'))[0]) as number));
    assert.deepEqual(codes, [0, 0, 0], 'the workers exit cleanly on SIGTERM');
    const perDoc = await admin.query(`SELECT data->>'documentId' AS d, COUNT(*)::int AS n FROM ${q}.job WHERE state = 'completed' GROUP BY 1`);
    assert.equal(perDoc.rows.length, reference.docs.length, 'one completed job per document');
    assert.ok(perDoc.rows.every((r) => r.n === 1));
    const retried = (await admin.query(`SELECT COUNT(*)::int AS n FROM ${q}.job WHERE retry_count > 0`)).rows[0].n as number;
    console.log(`# SIGKILL held ${held} active jobs across the workers; ${retried} jobs came back through expiry and ran again`);
    const outputs = await admin.query(`SELECT output->>'status' AS s, COUNT(*)::int AS n FROM ${q}.job WHERE state = 'completed' GROUP BY 1`);
    const byStatus = Object.fromEntries(outputs.rows.map((r) => [String(r.s), Number(r.n)]));
    assert.equal((byStatus.coded ?? 0) + (byStatus.unchanged ?? 0), reference.docs.length, JSON.stringify(byStatus));
    assert.ok((byStatus.unchanged ?? 0) <= retried, 'a job found its document already written only when it ran again');
    const store = openPostgresStore({ connectionString: db, readonly: true });
    const got = await snapshot(store);
    await store.close();
    sameRows(got.docs, reference.docs, 'documents (all coded, by the same version)');
    // The same text codes the same way in any process and order (src/segment/wink-state.ts), so the
    // workers' tables equal the single process's, row for row.
    sameRows(got.events, reference.events, 'events, against the single-process run');
    sameRows(got.mentions, reference.mentions, 'mentions, against the single-process run');
  });

  test('SIGTERM during a job: the worker finishes it or hands it back, nothing is half-written', async () => {
    const { db, q } = await fresh('qterm');
    const part = join(dir, 'part.jsonl');
    writeFileSync(part, readFileSync(file, 'utf8').split('\n').slice(0, 300).join('\n'));
    assert.equal((await cli(['ingest', part, '--queue', '--db', db, '--queue-schema', q, '--quiet'])).code, 0);
    const w = startWorker(db, q, ['--batch-size', '50']);
    await until('the first coded documents', async () => (await jobsIn(q, 'active')) > 0
      && (await admin.query(`SELECT COUNT(*)::int AS n FROM ${q.replace(/_q$/, '')}.documents WHERE knowledge_version <> 'queued'`)).rows[0].n > 0);
    w.kill('SIGTERM');
    const [code] = await once(w, 'exit') as [number];
    assert.equal(code, 0);
    const c = (await status(db, q)).counts;
    assert.equal(c.active, 0, 'no job is left active');
    assert.ok(c.created + c.retry > 0 && c.completed > 0, `part done, the rest handed back: ${JSON.stringify(c)}`);
    const store = openPostgresStore({ connectionString: db, readonly: true });
    const coded = new Map<string, string[]>();
    for (const m of await store.mentions()) coded.set(m.documentId, [...(coded.get(m.documentId) ?? []), mentionKey(m)].sort());
    for (const d of await store.documents()) {
      if (d.knowledgeVersion === 'queued') assert.equal(coded.get(d.id), undefined, `${d.id} is queued and has no mentions`);
      else assert.deepEqual(coded.get(d.id) ?? [], refByDoc.get(d.id) ?? [], `${d.id} is coded whole`);
    }
    await store.close();
    const rest = await cli(['worker', '--db', db, '--queue-schema', q, '--concurrency', '1', '--exit-when-empty', '--format', 'json']);
    assert.equal(rest.code, 0, rest.stderr);
    assert.equal((await status(db, q)).counts.completed, 300);
  });

  test('a poison document ends in the failed state with its error after its tries; the others are coded; queue retry re-queues it', async () => {
    const { db, q } = await fresh('qpoison');
    const part = join(dir, 'poison.jsonl');
    writeFileSync(part, readFileSync(file, 'utf8').split('\n').slice(0, 20).join('\n'));
    assert.equal((await cli(['ingest', part, '--queue', '--db', db, '--queue-schema', q, '--job-tries', '2', '--job-retry-delay', '0', '--quiet'])).code, 0);
    // A stored row the coder refuses: a publication date that is not a date (the coder's own INPUT_DATE check).
    const s = q.replace(/_q$/, '');
    const victim = (await admin.query(`UPDATE ${s}.documents SET published = 'soon' WHERE seq = 7 RETURNING id`)).rows[0].id as string;
    const run = await cli(['worker', '--db', db, '--queue-schema', q, '--concurrency', '1', '--exit-when-empty', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    const tally = JSON.parse(run.stdout) as { coded: number; failed: number };
    assert.deepEqual([tally.coded, tally.failed], [19, 2], 'two tries of the poison, the 19 others coded');
    const st = await status(db, q);
    assert.deepEqual([st.counts.completed, st.counts.failed], [19, 1]);
    assert.equal(st.failures[0].documentId, victim);
    assert.equal(st.failures[0].tries, 2);
    assert.match(st.failures[0].error, /publication date "soon" is not a date/);
    const text = await cli(['queue', 'status', '--db', db, '--queue-schema', q]);
    assert.match(text.stdout, /failed 1/);
    assert.match(text.stdout, new RegExp(`${victim} after 2 tries: .*not a date`));
    await admin.query(`UPDATE ${s}.documents SET published = NULL WHERE id = $1`, [victim]);
    const retry = await cli(['queue', 'retry', '--db', db, '--queue-schema', q]);
    assert.match(retry.stderr, /re-queued 1 failed jobs/);
    assert.equal((await status(db, q)).counts.retry, 1);
    assert.equal((await cli(['worker', '--db', db, '--queue-schema', q, '--concurrency', '1', '--exit-when-empty', '-q'])).code, 0);
    const final = await status(db, q);
    assert.deepEqual([final.counts.completed, final.counts.failed], [20, 0]);
  });

  test('recode --queue: documents coded by another knowledge version get a job each, and the worker recodes them in place', async () => {
    const { db, q } = await fresh('qrecode');
    const part = join(dir, 'recode.jsonl');
    writeFileSync(part, readFileSync(file, 'utf8').split('\n').slice(0, 12).join('\n'));
    assert.equal((await cli(['ingest', part, '--queue', '--db', db, '--queue-schema', q, '--quiet'])).code, 0);
    assert.equal((await cli(['worker', '--db', db, '--queue-schema', q, '--concurrency', '1', '--exit-when-empty', '-q'])).code, 0);
    const s = q.replace(/_q$/, '');
    const store = openPostgresStore({ connectionString: db, readonly: true });
    const before = await snapshot(store);
    // As if an older knowledge version had coded four of them: their mentions say so too.
    await admin.query(`UPDATE ${s}.documents SET knowledge_version = 'dyad-old' WHERE seq <= 4`);
    await admin.query(`UPDATE ${s}.event_mentions SET knowledge_version = 'dyad-old' WHERE document_id IN (SELECT id FROM ${s}.documents WHERE seq <= 4)`);
    const r = await cli(['recode', '--queue', '--db', db, '--queue-schema', q]);
    assert.match(r.stderr, /queued 4 documents to recode/);
    assert.equal((await status(db, q)).counts.created, 4);
    // Two worker processes under one supervisor (the --concurrency path); their tallies are summed.
    const run = await cli(['worker', '--db', db, '--queue-schema', q, '--concurrency', '2', '--exit-when-empty', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as { recoded: number }).recoded, 4);
    const recoded = await snapshot(store);
    await store.close();
    assert.deepEqual(recoded.mentions, before.mentions, 'the recoded documents have their mentions back, by the current version');
    assert.deepEqual(recoded.docs, before.docs);
    assert.deepEqual(recoded.events, before.events);
  });
});
