/** `dyad serve`: the HTTP API (src/api) and the dashboard over a store, until Ctrl-C. */
import { existsSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { buildApp, defaultWebRoot } from '../../api/app.js';
import type { Coder } from '../../index.js';
import { isPostgresSpec, openStore } from '../../store/index.js';
import { redactUrl } from '../../store/postgres.js';
import { runIngest } from '../ingest-run.js';
import { printError, type CliIO } from '../io.js';

const DEFAULT_DB = process.env.DYAD_DB ?? './dyad.db';

interface ServeOptions {
  readonly db: string;
  readonly host: string;
  readonly port: number;
  readonly cors?: string;
  readonly init?: readonly string[];
  readonly web?: string;
  readonly quiet?: boolean;
  readonly allowPrivateFetch?: boolean;
}

function parsePort(v: string): number {
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`"${v}" is not a port (0-65535)`);
  return n;
}

const collect = (v: string, prev: readonly string[] | undefined): readonly string[] => [...(prev ?? []), v];

const SERVE_HELP = `
The API is under /api/v1 (OpenAPI 3.1 at /openapi.json, documentation at /docs); the dashboard is at /.
Writes (POST /api/v1/documents) need "Authorization: Bearer <token>" with the token in DYAD_TOKEN;
without DYAD_TOKEN every write is refused. {fetch: URL} reads only public addresses (checked after DNS
resolution and on every redirect) unless --allow-private-fetch. CORS is off unless --cors names origins.

Examples:
  $ dyad serve                                   # ./dyad.db on http://127.0.0.1:8080/
  $ dyad serve --db news.db --port 9000
  $ dyad serve --init examples/                  # first ingest examples/ when the database does not exist
  $ DYAD_TOKEN=secret dyad serve --db postgres://dyad@127.0.0.1/dyad
`;

/** With --init and no SQLite file yet: ingests the sources first; returns the coder it loaded, if any. */
async function initStore(o: ServeOptions, io: CliIO): Promise<Coder | null> {
  if (!o.init?.length || isPostgresSpec(o.db) || existsSync(o.db)) return null;
  io.stderr.write(`${o.db} does not exist: ingesting ${o.init.join(', ')} first\n`);
  const coder = (await import('../../index.js')).createCoder();
  await runIngest({ sources: o.init, db: o.db, date: null, follow: false, dictionaries: [], quiet: o.quiet === true, progress: false }, io, async () => coder);
  return coder;
}

/** Serves until SIGINT/SIGTERM; resolves to the exit code. */
async function serve(o: ServeOptions, io: CliIO): Promise<number> {
  const initCoder = await initStore(o, io);
  // The knowledge is loaded before the URL is printed (seconds, blocking): then the first page a user
  // opens (an event's evidence, a visit) does not wait for it.
  const coder = initCoder ?? (await import('../../index.js')).createCoder();
  if (!o.quiet) io.stderr.write(`dyad: knowledge ${coder.knowledge.version} loaded\n`);
  const store = openStore(o.db);
  await store.migrate();
  // SQLite reads through a memory map: pages of a page of events are then no read() calls (half the time).
  if (!isPostgresSpec(o.db)) await store.query('PRAGMA mmap_size = 268435456');
  const token = process.env.DYAD_TOKEN?.trim() || null;
  const app = await buildApp({
    store, token, coder: () => coder, allowPrivateFetch: o.allowPrivateFetch === true,
    corsOrigins: o.cors?.split(',').map((s) => s.trim()).filter(Boolean), webRoot: o.web ?? defaultWebRoot(),
  });
  const address = await app.listen({ host: o.host, port: o.port });
  const url = address.replace('[::1]', 'localhost');
  io.stdout.write(`dyad: serving ${redactUrl(o.db)} on ${url}/ (API ${url}/api/v1, docs ${url}/docs)${token ? '' : '; writes disabled (no DYAD_TOKEN)'}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await app.close();
  await store.close();
  return 0;
}

export function registerServe(program: Command, io: CliIO, done: (code: number) => void): void {
  program
    .command('serve')
    .summary('serve the HTTP API and the dashboard')
    .option('--db <file>', 'SQLite file or postgres:// URL (or DYAD_DB)', DEFAULT_DB)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port (0 picks a free one)', parsePort, 8080)
    .option('--cors <origins>', 'origins allowed to call the API from a browser, comma-separated')
    .option('--init <source>', 'when the SQLite file does not exist, ingest this source first; repeatable', collect)
    .option('--web <dir>', 'folder of the built dashboard (default dist/web)')
    .option('--allow-private-fetch', 'let POST /api/v1/documents {fetch: URL} reach loopback, private and link-local addresses (refused by default)')
    .option('-q, --quiet', 'no ingest messages')
    .addHelpText('after', SERVE_HELP)
    .action(async (o: ServeOptions) => {
      try {
        done(await serve(o, io));
      } catch (err) {
        printError(io, err, redactUrl(o.db));
        done(1);
      }
    });
}
