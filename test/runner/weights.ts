/**
 * Roughly how many seconds each slow test file takes inside a shard, only to split the files evenly
 * between the shards and to run each shard's heaviest first; a file not listed counts as DEFAULT.
 * Figures from `npm test` as CI runs it (a fresh knowledge cache: the files that load the knowledge
 * with user dictionaries or the CAMEO verbs load it from the data files), on the shared 2-core
 * development machine under load, 2026-12-08; a shard's first file also carries the shard's start.
 * The files that need PostgreSQL or chromium count only where they will run (CI).
 * Stale figures cost balance, never correctness.
 */
import { existsSync } from 'node:fs';

const SECONDS: ReadonlyMap<string, number> = new Map([
  ['test/ingest-cli.test.ts', 45],
  ['src/knowledge/knowledge.test.ts', 35.5],
  ['test/determinism.test.ts', 16.3],
  ['src/actors/petrarch/user-files.test.ts', 12.9],
  ['src/cli/jobs.test.ts', 9.6],
  ['src/ingest/html.test.ts', 7.8],
  ['src/knowledge/cache.test.ts', 6.8],
  ['src/api/fuzz.test.ts', 6.6],
  ['test/robust-ingest.test.ts', 6.2],
  ['test/query-cli.test.ts', 6.2],
  ['src/events/petrarch/cameo-verbs.test.ts', 6.0],
  ['src/parse/digest.test.ts', 5.1],
  ['src/store/crash.test.ts', 4.7],
  ['src/segment/segment.test.ts', 4.3],
  ['src/parse/parse.test.ts', 3.8],
  ['src/api/api.test.ts', 3.1],
  ['test/corpus-slice.test.ts', 2.9],
  ['test/fuzz.test.ts', 2.5],
  ['src/api/read-cache.test.ts', 2.3],
  ['src/ingest/feed.test.ts', 2.2],
  ['test/cli.test.ts', 2.1],
  ['src/api/openapi.test.ts', 1.9],
  ['test/start.test.ts', 1.7],
  ['test/eval-dev.test.ts', 1.7],
  ['test/eval-petrarch.test.ts', 1.6],
  ['test/visits.test.ts', 1.1],
  ['src/ingest/fetch.test.ts', 1.0],
]);

/** Files that skip without a PostgreSQL server (DYAD_TEST_PG) or chromium, and their seconds. */
const POSTGRES: ReadonlyMap<string, number> = new Map([
  ['src/queue/queue.test.ts', 79],
  ['src/store/postgres.test.ts', 7.0],
  ['src/api/postgres-api.test.ts', 1.3],
]);
const CHROMIUM: ReadonlyMap<string, number> = new Map([['test/browser.test.ts', 21.6]]);

const DEFAULT = 0.3;

const hasPostgres = Boolean(process.env.DYAD_TEST_PG);
const hasChromium = existsSync('/usr/bin/chromium');

export function weightOf(file: string): number {
  return (hasPostgres ? POSTGRES.get(file) : undefined) ?? (hasChromium ? CHROMIUM.get(file) : undefined) ?? SECONDS.get(file) ?? DEFAULT;
}
