/**
 * `npm test`'s first step, on the two cores at once:
 *
 * - `tsc -b tsconfig.test.json`: builds src/ into dist/ (tsconfig.build.json, a composite project)
 *   when it is out of date (after `npm ci`'s prepare it is not, and the check takes a second), then
 *   checks the tests, bench/, scripts/ and bin/ against the declarations of src/ instead of checking
 *   src/ a second time; then warms the knowledge cache for the compiled code (bin/dyad.js codes one
 *   sentence);
 * - `tsc -p src/web`: the dashboard, with the DOM's types; then warms the knowledge cache for the code
 *   under tsx (the test shards).
 *
 * The knowledge cache (src/knowledge/cache.ts) is keyed by the code, so src/ under tsx and dist/ have
 * a cache file each. In a fresh clone (CI) neither exists, and without this step both shards, then the
 * queue test's three worker processes, all load the knowledge from the data files at the same moment
 * (some 5 s of CPU each) to write the same file. Loaded here once each, they read it.
 *
 * Plain JavaScript: it runs before anything is compiled. Exits with the first failed check's code; a
 * failed warm-up only prints its output (the tests that need the knowledge then say what is wrong).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** Runs node with `args` in the package root; resolves with its exit code and output. */
function node(args, stdin = '') {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (err) => resolve({ code: 1, out: String(err) }));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
    child.stdin.end(stdin);
  });
}

const warmDist = ['bin/dyad.js', 'code', '-', '--date', '2024-05-14', '--format', 'jsonl'];
const warmTsx = ['--import', 'tsx', '--input-type=module', '-e', "(await import('./src/knowledge/load.ts')).loadKnowledge();"];
const checks = [
  { what: 'tsc -b tsconfig.test.json', args: [tsc, '-b', 'tsconfig.test.json'], then: warmDist },
  { what: 'tsc -p src/web', args: [tsc, '--noEmit', '-p', 'src/web', '--incremental', '--tsBuildInfoFile', '.cache/web.tsbuildinfo'], then: warmTsx },
];

let failed = 0;
await Promise.all(checks.map(async ({ what, args, then }) => {
  const check = await node(args);
  if (check.out) process.stdout.write(check.out);
  if (check.code !== 0) {
    process.stderr.write(`${what} failed (exit code ${check.code})\n`);
    failed ||= check.code;
    return;
  }
  const warm = await node(then, 'France criticized Germany on Monday.\n');
  if (warm.code !== 0) process.stderr.write(`warming the knowledge cache (node ${then.join(' ')}) failed:\n${warm.out}`);
}));
process.exit(failed);
