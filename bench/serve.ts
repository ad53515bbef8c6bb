/**
 * Load test of `dyad serve` (not a timed test): a SQLite store of 100,000 synthetic events (built by
 * bench/query.ts), the server in its own process on 127.0.0.1, then autocannon with 200 connections
 * for 10 s on GET /api/v1/events (a page of 50, newest first), on a filtered page (?actor=RUS&root=19),
 * both repeated (as a dashboard's users ask them: the read cache answers most), and on pages that
 * are all different (?to=<random day>, each URL made unique so that none is answered from the read
 * cache: every one read from the store). Prints requests/s, latency p50/p99/max, errors (which must
 * be 0), the share of answers that came from the read cache and the server's CPU per request.
 *
 *   node --import tsx bench/serve.ts                  # 100,000 events, 200 connections, 10 s
 *   node --import tsx bench/serve.ts --events 20000 --connections 50 --seconds 5
 *   node --import tsx bench/serve.ts --db kept.db      # an existing store (bench/query.ts --keep)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import autocannon from 'autocannon';

const ROOT = new URL('..', import.meta.url).pathname;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Runs bench/query.ts to build (and time queries on) the synthetic store; returns the kept file. */
async function buildStore(events: number): Promise<string> {
  const env = { ...process.env, DYAD_BENCH_PG: '', DYAD_TEST_PG: '' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/query.ts', '--events', String(events), '--keep'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    process.stdout.write(d);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const kept = /kept (\S+)/.exec(out)?.[1];
  if (code !== 0 || !kept) throw new Error(`bench/query.ts failed (exit ${code})`);
  return kept;
}

/** Starts `dyad serve` on a free port; resolves with its URL once the knowledge is loaded. */
async function startServer(db: string): Promise<{ url: string; child: ChildProcess }> {
  const env = { ...process.env, DYAD_TOKEN: '' };
  const child = spawn(process.execPath, ['bin/dyad.js', 'serve', '--db', db, '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dyad serve did not start: ${out}`)), 180_000);
    const seen = (d: Buffer): void => {
      out += d.toString();
      const url = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
      if (url && /knowledge .* loaded/.test(out)) {
        clearTimeout(timer);
        resolve({ url, child });
      }
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    child.on('exit', (c) => reject(new Error(`dyad serve exited (${c}): ${out}`)));
  });
}

interface Load {
  readonly result: autocannon.Result;
  /** Answers sent from the server's read cache (header x-dyad-cache: hit). */
  readonly cached: number;
}

/** Runs autocannon on `url`; `path` (when given) makes each request's path (a different URL each time). */
async function load(url: string, connections: number, seconds: number, path?: () => string): Promise<Load> {
  let cached = 0;
  const onResponse = (_status: number, _body: string, _context: object, headers?: IncomingHttpHeaders): void => {
    if (headers?.['x-dyad-cache'] === 'hit') cached++;
  };
  const request = path ? { setupRequest: (req: autocannon.Request) => ({ ...req, path: path() }), onResponse } : { onResponse };
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1, timeout: 10, requests: [request] });
  return { result, cached };
}

let pages = 0;

/**
 * A page of events up to a random day of 2023-2024. There are only 730 such days, so `n` (not an API
 * parameter: the API drops query parameters it does not know) makes each URL unique: the read cache,
 * keyed by URL, answers none of them and every page is read from the store.
 */
function randomPage(): string {
  const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(Math.random() * 730) * 86_400_000).toISOString().slice(0, 10);
  return `/api/v1/events?limit=50&to=${day}&n=${++pages}`;
}

/** CPU seconds (user + system) the process has used, from /proc (Linux), or null elsewhere. */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** One autocannon run, with the server's CPU per request (steady even when the machine is busy). */
async function run(name: string, url: string, pid: number, connections: number, seconds: number, path?: () => string): Promise<void> {
  const before = cpuSeconds(pid);
  const { result: r, cached } = await load(url, connections, seconds, path);
  const after = cpuSeconds(pid);
  // autocannon's errors include its timeouts.
  const errors = r.errors + r.non2xx;
  const total = r.requests.total;
  const cpu = before !== null && after !== null && total > 0 ? `   server CPU ${Math.round(((after - before) * 1e6) / total)} µs/req` : '';
  const hits = total > 0 ? Math.round((100 * cached) / total) : 0;
  console.log(`${name.padEnd(38)} ${Math.round(r.requests.average).toLocaleString('en').padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(5)} ms   max ${String(r.latency.max).padStart(5)} ms   ${total.toLocaleString('en')} requests   errors ${errors} (non-2xx ${r.non2xx}, timeouts ${r.timeouts})   cached ${hits}%${cpu}`);
}

async function main(): Promise<void> {
  const events = arg('--events', 100_000);
  const connections = arg('--connections', 200);
  const seconds = arg('--seconds', 10);
  const given = process.argv.indexOf('--db');
  const db = given > 0 ? process.argv[given + 1] : await buildStore(events);
  const { url, child } = await startServer(db);
  try {
    console.log(`\ndyad serve on ${url}, ${events.toLocaleString('en')} events, autocannon ${connections} connections for ${seconds} s each (127.0.0.1 only)`);
    await load(`${url}/api/v1/healthz`, 20, 2); // warm-up
    const pid = child.pid ?? -1;
    await run('GET /api/v1/events (50 a page)', `${url}/api/v1/events?limit=50`, pid, connections, seconds);
    await run('GET /api/v1/events?actor=RUS&root=19', `${url}/api/v1/events?actor=RUS&root=19&limit=50`, pid, connections, seconds);
    await run('GET /api/v1/events?to=<random day> (uncached)', url, pid, connections, seconds, randomPage);
    await run('GET /api/v1/healthz', `${url}/api/v1/healthz`, pid, connections, seconds);
    console.log(`load average during the runs: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (on ${cpus().length} cores)`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    if (given < 0) rmSync(dirname(db), { recursive: true, force: true });
  }
}

await main();
