/**
 * `npm test`'s type checks, the two programs at once (one per core):
 *
 * - `tsc -b tsconfig.test.json`: builds src/ into dist/ (tsconfig.build.json, a composite project)
 *   when it is out of date (after `npm ci`'s prepare it is not, and the check takes a second), then
 *   checks the tests, bench/, scripts/ and bin/ against the declarations of src/ instead of checking
 *   src/ a second time;
 * - `tsc -p src/web`: the dashboard, with the DOM's types.
 *
 * Plain JavaScript: it runs before anything is compiled. Exits with the first failure's code.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const runs = [
  ['-b', 'tsconfig.test.json'],
  ['--noEmit', '-p', 'src/web', '--incremental', '--tsBuildInfoFile', '.cache/web.tsbuildinfo'],
].map((args) => new Promise((resolve) => {
  const child = spawn(process.execPath, [tsc, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  child.on('error', (err) => resolve({ args, code: 1, out: String(err) }));
  child.on('close', (code) => resolve({ args, code: code ?? 1, out }));
}));

let failed = 0;
for (const { args, code, out } of await Promise.all(runs)) {
  if (out) process.stdout.write(out);
  if (code !== 0) {
    process.stderr.write(`tsc ${args.join(' ')} failed (exit code ${code})\n`);
    failed ||= code;
  }
}
process.exit(failed);
