/**
 * npm run fuzz: seeded hostile documents (bench/fuzz/mutate.ts) through `dyad code` and `dyad ingest`
 * in-process (bench/fuzz/harness.ts), alternately; reports crashes, silent drops, bad offsets and the
 * slowest documents in CPU per 100 KB. Bounded: --count documents (default 1000), same --seed, same run.
 *
 * What a document is charged: the CPU time of the main thread from its start to its end (the time it
 * holds a run; Linux, else the process's), after a warm-up of two plain documents of every container
 * through both paths, and after a garbage collection of what the documents before it left (when `gc`
 * is exposed: `npm run fuzz` runs node with --expose-gc). The process's CPU, every thread (V8's
 * compiler and collector helpers too, whose work is the process's, not one document's), is reported
 * beside it.
 *
 *   npm run fuzz                              # 1000 documents, seed 1
 *   npm run fuzz -- --count 10000 --seed 7    # more
 *   npm run fuzz -- --json out.json           # every outcome, for a closer look
 *   npm run fuzz -- --count 5000 --from 5000  # documents 5000-9999 of the seed (to run a range in parallel)
 *
 * Exit status 1 when there was a crash, a silent drop or a bad offset.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCoder } from '../src/index.js';
import { openStore } from '../src/store/open.js';
import { CheckingCoder, throughCode, throughIngest, type Outcome } from './fuzz/harness.js';
import { fuzzDoc, OWN_TEXTS, warmUpDocs, type FuzzDoc } from './fuzz/mutate.js';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

function option(name: string, fallback: string | null): string | null {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1] ?? fallback;
}

/** Seed texts: the first 500 records of each corpus, or our own when ../shared is absent. */
export function seedTexts(): readonly string[] {
  if (!existsSync(CORPUS)) return OWN_TEXTS;
  const texts: string[] = [];
  for (const name of ['bbc-news', 'reuters21578', 'wikinews-politics']) {
    const lines = readFileSync(join(CORPUS, `${name}.jsonl`), 'utf8').split('\n').filter(Boolean).slice(0, 500);
    for (const line of lines) texts.push((JSON.parse(line) as { text: string }).text);
  }
  return texts;
}

export interface FuzzReport {
  readonly outcomes: readonly Outcome[];
  readonly crashes: readonly Outcome[];
  readonly drops: readonly Outcome[];
  readonly badOffsets: readonly Outcome[];
  /** The five slowest by `charged`. */
  readonly slowest: readonly Outcome[];
  /** Whether each document started on a collected heap (node --expose-gc). */
  readonly collected: boolean;
}

/** What a document is charged, in CPU ms per 100 KB: its main thread's time where known, else the process's. */
export function charged(o: Outcome): number {
  return o.mainCpuPer100Kb ?? o.cpuPer100Kb;
}

/** `gc` when node runs with --expose-gc: each document then starts on a heap without the garbage of those before. */
const collect: (() => void) | null = typeof globalThis.gc === 'function' ? globalThis.gc : null;

/** Runs documents from..from+count-1 of seed `seed`; even ones through code, odd ones through ingest. */
export async function fuzz(count: number, seed: number, onProgress?: (done: number) => void, from = 0): Promise<FuzzReport> {
  const texts = seedTexts();
  const coder = new CheckingCoder(createCoder());
  const dir = mkdtempSync(join(tmpdir(), 'dyad-fuzz-'));
  const store = openStore(join(dir, 'fuzz.db'));
  await store.migrate();
  const outcomes: Outcome[] = [];
  try {
    // Warm up (first-call compilation of every container's reader, the store's statements) so that the first documents are not charged for it.
    const through = (doc: FuzzDoc, n: number, sub: string): Promise<Outcome> =>
      n % 2 === 0 ? throughCode(doc, coder) : throughIngest(doc, coder, store, join(dir, sub));
    const warm = warmUpDocs(texts, seed + 1_000_000);
    for (let k = 0; k < warm.length; k++) await through(warm[k], k, 'warm-up');
    for (let n = from; n < from + count; n++) {
      const doc = fuzzDoc(texts, seed, n);
      collect?.();
      outcomes.push(await through(doc, n, 'files'));
      onProgress?.(n + 1 - from);
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    outcomes,
    crashes: outcomes.filter((o) => o.crash !== null),
    drops: outcomes.filter((o) => o.silentDrop),
    badOffsets: outcomes.filter((o) => o.badOffsets.length > 0),
    slowest: [...outcomes].sort((a, b) => charged(b) - charged(a)).slice(0, 5),
    collected: collect !== null,
  };
}

function describe(o: Outcome): string {
  return `${o.id} (${o.path}, ${o.container}, ${(o.bytes / 1024).toFixed(1)} KB, ${o.mutations.join('+') || 'none'}): ${o.result}`;
}

async function main(): Promise<void> {
  const count = Number(option('--count', '1000'));
  const seed = Number(option('--seed', '1'));
  const from = Number(option('--from', '0'));
  const started = Date.now();
  const report = await fuzz(count, seed, (done) => {
    if (done % 250 === 0) process.stderr.write(`fuzz: ${done}/${count} (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }, from);
  const { outcomes } = report;
  const big = outcomes.filter((o) => o.bytes >= 100 * 1024);
  console.log(`fuzz: ${outcomes.length} documents (${from}-${from + count - 1}), seed ${seed} (${outcomes.filter((o) => o.path === 'code').length} through dyad code, ${outcomes.filter((o) => o.path === 'ingest').length} through dyad ingest)`);
  console.log(`  crashes: ${report.crashes.length}`);
  for (const o of report.crashes.slice(0, 10)) console.log(`    ${describe(o)}: ${o.crash}`);
  console.log(`  silent drops: ${report.drops.length}`);
  for (const o of report.drops.slice(0, 10)) console.log(`    ${describe(o)}`);
  console.log(`  bad offsets: ${report.badOffsets.length} documents`);
  for (const o of report.badOffsets.slice(0, 10)) console.log(`    ${describe(o)}: ${o.badOffsets.slice(0, 3).join('; ')}`);
  const thread = outcomes.every((o) => o.mainCpuMs !== null) ? 'main thread' : 'process';
  console.log(`  slowest CPU per 100 KB (documents under 10 KB counted as 10 KB; ${thread} CPU${report.collected ? '; each document on a collected heap' : ''}): ${(report.slowest.length > 0 ? charged(report.slowest[0]) : 0).toFixed(0)} ms`);
  for (const o of report.slowest) console.log(`    ${charged(o).toFixed(0)} ms/100 KB (process: ${o.cpuPer100Kb.toFixed(0)}), ${(o.mainCpuMs ?? o.cpuMs).toFixed(0)} ms: ${describe(o)}`);
  const small = outcomes.filter((o) => o.bytes < 100 * 1024);
  for (const [what, some] of [['under 100 KB', small], ['of 100 KB or more', big]] as const) {
    const worst = (f: (o: Outcome) => number): string => Math.max(0, ...some.map(f)).toFixed(0);
    const over = some.filter((o) => charged(o) > 2000).length;
    console.log(`  documents ${what}: ${some.length}, slowest ${worst(charged)} ms ${thread} CPU per 100 KB (process: ${worst((o) => o.cpuPer100Kb)} ms), ${over} over 2 s`);
  }
  console.log(`  total CPU: ${(outcomes.reduce((a, o) => a + o.cpuMs, 0) / 1000).toFixed(1)} s, wall ${Math.round((Date.now() - started) / 1000)} s`);
  const json = option('--json', null);
  if (json) writeFileSync(json, JSON.stringify(outcomes, null, 1));
  process.exitCode = report.crashes.length + report.drops.length + report.badOffsets.length > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
