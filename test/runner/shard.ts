/**
 * `npm test`'s runner: every `*.test.ts` under src/ and test/ runs inside one of a few shard
 * processes (test/runner/shard-*.ts, given to `node --test`), not in a process of its own, so tsx's
 * compiled modules, the knowledge and the parser model are loaded once per shard instead of once per
 * file. Each file is imported inside a suite named after it (`describe('src/x/y.test.ts')`): its
 * tests and its before/after hooks belong to that suite, as they belonged to the file's process, and
 * the spec reporter lists every test under its file. A file that fails to load fails its suite.
 *
 * The files are split between the shards by their expected duration (see weights.ts), the slowest
 * first, so the shards end at about the same time.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { poolTuning } from '../../src/cli/pool.js';
import { weightOf } from './weights.js';

// The CLI run in a shard (test/in-process.ts) codes on its own thread: each worker thread of --jobs
// would load tsx, the code and the knowledge again (some 3 s of CPU each, nine runs in the suite)
// on a machine whose other core runs the other shard. What --jobs codes on worker threads, and that
// it codes the same, is src/cli/jobs.test.ts's (it sets its own tuning and puts this one back); a
// spawned bin/dyad.js starts its workers as it always does.
poolTuning.startAfter = Number.POSITIVE_INFINITY;

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every test file under `dir`, as a path relative to the package root with '/' separators. */
function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...testFiles(rel));
    else if (entry.isFile() && entry.name.endsWith('.test.ts')) out.push(rel);
  }
  return out;
}

/**
 * Every test file, each given to one of `count` shards: the heaviest first, to the lightest shard.
 * A shard runs its files heaviest first too, so the longest file (the queue's, mostly waiting on its
 * worker processes) starts with the run instead of after the shard's lighter files.
 */
export function shardFiles(files: readonly string[], count: number): string[][] {
  const shards = Array.from({ length: count }, () => ({ load: 0, files: [] as string[] }));
  const heaviestFirst = [...files].sort((a, b) => weightOf(b) - weightOf(a) || a.localeCompare(b));
  for (const file of heaviestFirst) {
    const lightest = shards.reduce((best, s) => (s.load < best.load ? s : best));
    lightest.load += weightOf(file);
    lightest.files.push(file);
  }
  return shards.map((s) => s.files);
}

/** The package's test files, in a fixed order. */
export function allTestFiles(): string[] {
  return [...testFiles('src'), ...testFiles('test')].sort();
}

/** Imports one test file inside a suite of its own; resolves when its tests are registered. */
async function runFile(file: string): Promise<void> {
  let loaded!: () => void;
  const registered = new Promise<void>((resolve) => (loaded = resolve));
  void describe(file, async () => {
    try {
      await import(pathToFileURL(join(root, file)).href);
    } finally {
      loaded();
    }
  });
  await registered;
}

/** Runs test files (paths from the package root) one after another, in this process. */
export async function runFiles(files: readonly string[]): Promise<void> {
  for (const file of files) await runFile(file);
}

/** Runs shard `index` (1-based) of `count`. */
export async function runShard(index: number, count: number): Promise<void> {
  await runFiles(shardFiles(allTestFiles(), count)[index - 1] ?? []);
}
