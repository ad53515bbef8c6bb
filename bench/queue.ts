/**
 * The job queue on PostgreSQL (DYAD_BENCH_PG, e.g. postgres://dyad:dyad@127.0.0.1:5432/dyad_bench;
 * skipped without it): `dyad ingest --queue` of the first N Wikinews politics articles, then
 * `dyad worker --exit-when-empty` with 1 and 2 processes, and 2 worker threads in one process, each
 * on a fresh schema. Prints documents/s, where the workers' time went (fetch and complete = queue
 * overhead, read, code = coding CPU, write = the store transaction), and the PostgreSQL server's
 * CPU seconds per document when the server runs on this machine (its postmaster.pid is readable).
 *
 *   DYAD_BENCH_PG=postgres://... npm run bench            # N = 1000
 *   DYAD_BENCH_PG=postgres://... node --import tsx bench/queue.ts --docs 400
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import type { WorkerTally } from '../src/queue/worker.js';

const url = process.env.DYAD_BENCH_PG ?? '';
const corpus = fileURLToPath(new URL('../../shared/corpus/wikinews-politics.jsonl', import.meta.url));
const bin = fileURLToPath(new URL('../bin/dyad.js', import.meta.url));
const docsAt = process.argv.indexOf('--docs');
const N = docsAt > 0 ? Number(process.argv[docsAt + 1]) : 1000;

/** The pid of the postmaster listening on this URL's port on this machine (its command line has `-p PORT`), or null. */
function postmaster(spec: string): number | null {
  const u = new URL(spec);
  if (!['127.0.0.1', 'localhost', '::1'].includes(u.hostname)) return null;
  const port = u.port || '5432';
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const args = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
      const at = args.indexOf('-p');
      if (/postgres$/.test(args[0]) && ((at > 0 && args[at + 1] === port) || (at < 0 && port === '5432'))) return Number(p);
    } catch {
      // the process ended
    }
  }
  return null;
}

/** CPU seconds used so far by the server's processes (postmaster and its children), or null when not on this machine. */
function serverCpu(master: number | null): number | null {
  try {
    if (!master) return null;
    let ticks = 0;
    for (const p of readdirSync('/proc')) {
      if (!/^\d+$/.test(p)) continue;
      try {
        const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
        if (Number(p) === master || Number(f[1]) === master) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      } catch {
        // the process ended
      }
    }
    return ticks / 100;
  } catch {
    return null;
  }
}

interface Run {
  readonly label: string;
  readonly seconds: number;
  readonly tally: WorkerTally;
  readonly dbCpu: number | null;
}

async function freshSchema(admin: pg.Pool, name: string): Promise<{ db: string; q: string }> {
  await admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  await admin.query(`DROP SCHEMA IF EXISTS ${name}_q CASCADE`);
  await admin.query(`CREATE SCHEMA ${name}`);
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${name}`);
  return { db: u.toString(), q: `${name}_q` };
}

function dyad(args: readonly string[]): { stdout: string; seconds: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`dyad ${args[0]} failed: ${r.stderr}`);
  return { stdout: r.stdout, seconds: (performance.now() - t0) / 1000 };
}

async function threads(db: string, q: string, n: number): Promise<{ tally: WorkerTally; seconds: number }> {
  const script = fileURLToPath(new URL('./queue-thread.ts', import.meta.url));
  // A worker thread does not take --import: it registers tsx itself, then imports the worker script.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(script).href)}); });`;
  const workers = Array.from({ length: n }, () => new Worker(boot, { eval: true, workerData: { db, schema: q } }));
  const tallies: WorkerTally[] = [];
  let t0 = 0;
  let ready = 0;
  await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
    w.on('message', (m: { ready?: boolean; tally?: WorkerTally }) => {
      if (m.ready && ++ready === 1) t0 = performance.now();
      if (m.tally) tallies.push(m.tally);
    });
    w.on('error', reject);
    w.on('exit', () => resolve());
  })));
  const sum = tallies.reduce((a, t) => {
    for (const k of ['coded', 'recoded', 'unchanged', 'failed', 'handedBack'] as const) a[k] += t[k];
    for (const k of Object.keys(a.ms) as (keyof WorkerTally['ms'])[]) a.ms[k] += t.ms[k];
    return a;
  });
  return { tally: sum, seconds: (performance.now() - t0) / 1000 };
}

function show(r: Run, docs: number): void {
  const t = r.tally;
  const per = (ms: number): string => `${(ms / Math.max(1, t.coded)).toFixed(1)}`;
  console.log(`  ${r.label.padEnd(22)} ${(t.coded / r.seconds).toFixed(1).padStart(7)} documents/s  (${t.coded} of ${docs} in ${r.seconds.toFixed(1)} s; ms per document: `
    + `code ${per(t.ms.code)}, write ${per(t.ms.write)}, read ${per(t.ms.read)}, queue ${per(t.ms.fetch + t.ms.complete)}; `
    + `PostgreSQL CPU ${r.dbCpu === null ? 'n/a' : `${((1000 * r.dbCpu) / Math.max(1, t.coded)).toFixed(1)} ms/document`})`);
}

async function main(): Promise<void> {
  if (!url) return void console.log('queue bench: skipped, set DYAD_BENCH_PG to a PostgreSQL database the bench may create schemas in');
  if (!existsSync(corpus)) return void console.log(`queue bench: skipped, no corpus at ${corpus}`);
  const dir = mkdtempSync(join(tmpdir(), 'dyad-qbench-'));
  const file = join(dir, 'docs.jsonl');
  writeFileSync(file, readFileSync(corpus, 'utf8').split('\n').filter(Boolean).slice(0, N).join('\n'));
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  const dataDir = postmaster(url);
  const schema = `bench_queue_${process.pid}`;
  try {
    const runs: Run[] = [];
    const plans: ReadonlyArray<readonly [string, 'process' | 'thread', number]> = [['1 process', 'process', 1], ['2 processes', 'process', 2], ['2 threads, 1 process', 'thread', 2]];
    for (const [label, kind, n] of plans) {
      const { db, q } = await freshSchema(admin, schema);
      const ing = dyad(['ingest', file, '--queue', '--db', db, '--queue-schema', q, '--quiet']);
      if (runs.length === 0) console.log(`  ingest --queue         ${(N / ing.seconds).toFixed(1).padStart(7)} documents/s  (${N} stored and enqueued in ${ing.seconds.toFixed(1)} s, including start-up)`);
      const cpu0 = serverCpu(dataDir);
      let tally: WorkerTally;
      let seconds: number;
      if (kind === 'process') {
        const r = dyad(['worker', '--db', db, '--queue-schema', q, '--concurrency', String(n), '--exit-when-empty', '--format', 'json', '--quiet']);
        tally = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as WorkerTally;
        seconds = r.seconds;
      } else {
        ({ tally, seconds } = await threads(db, q, n));
      }
      const cpu1 = serverCpu(dataDir);
      // Documents/s from the first job's start to the last job's end (start-up and knowledge loading excluded).
      const span = await admin.query(`SELECT EXTRACT(EPOCH FROM MAX(completed_on) - MIN(started_on))::float8 AS s FROM ${q}.job WHERE state = 'completed'`);
      runs.push({ label, seconds: Number(span.rows[0].s) || seconds, tally, dbCpu: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 });
      show(runs[runs.length - 1], N);
    }
    console.log('  (documents/s from the first job started to the last completed; PostgreSQL CPU over the whole run, start-up included)');
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await admin.query(`DROP SCHEMA IF EXISTS ${schema}_q CASCADE`).catch(() => undefined);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
