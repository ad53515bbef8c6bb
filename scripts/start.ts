/**
 * `npm start`: a new user's first minute. Builds the dashboard when dist/web is missing or older than
 * src/web, ingests examples/ into ./dyad.db (or DYAD_DB) when that file does not exist, then serves
 * the API and the dashboard (`dyad serve`), printing the URL. Extra arguments go to `dyad serve`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const webSrc = join(root, 'src/web');
const built = join(root, 'dist/web/index.html');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

if (!existsSync(built) || statSync(built).mtimeMs < newest(webSrc)) {
  process.stderr.write('building the dashboard (npm run build:web)...\n');
  const { build } = await import('vite');
  await build({ configFile: join(webSrc, 'vite.config.ts'), logLevel: 'warn' });
}

const { main } = await import('../src/cli/main.js');
process.exitCode = await main([process.argv[0], 'dyad', 'serve', '--init', join(root, 'examples'), ...process.argv.slice(2)]);
