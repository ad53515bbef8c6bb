/**
 * dyad runs compiled JavaScript (dist/, built by `npm ci` / `npm run build`), so it starts without a
 * TypeScript compiler and within a capped address space: `ulimit -v` 16 GB was refused before,
 * because the run-time compiler's WebAssembly reserved the address space.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const hasShell = spawnSync('sh', ['-c', 'ulimit -v 16000000']).status === 0;

test('dyad code starts and codes an example under ulimit -v 16000000 (16 GB)', { skip: hasShell ? false : 'needs sh with ulimit -v' }, () => {
  const r = spawnSync('sh', ['-c', `ulimit -v 16000000 && exec "${process.execPath}" bin/dyad.js code examples/border-clash.txt --date 2024-05-14 --format jsonl -q`], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { cameo: string });
  assert.ok(events.length > 0, 'the example yields events');
});

