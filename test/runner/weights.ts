/**
 * Roughly how many seconds each slow test file takes inside a shard (its suite's time in `npm test`'s
 * output on the shared 2-core development machine, 2026-12-07), only to split the files evenly
 * between the shards; a file not listed counts as DEFAULT. The files that need PostgreSQL or chromium
 * count only where they will run (CI); their figures are from `.ci/run` on that machine.
 * Stale figures cost balance, never correctness.
 */
import { existsSync } from 'node:fs';

const SECONDS: ReadonlyMap<string, number> = new Map([
  ['test/ingest-cli.test.ts', 32.3],
  ['test/determinism.test.ts', 17.9],
  ['src/knowledge/knowledge.test.ts', 14.5],
  ['src/knowledge/cache.test.ts', 10.7],
  ['src/cli/jobs.test.ts', 7.8],
  ['src/ingest/html.test.ts', 6.3],
  ['test/visits.test.ts', 5.7],
  ['src/api/fuzz.test.ts', 4.2],
  ['src/store/crash.test.ts', 4.1],
  ['src/api/read-cache.test.ts', 3.9],
  ['src/parse/parse.test.ts', 3.5],
  ['test/cli.test.ts', 3.4],
  ['test/corpus-slice.test.ts', 3.2],
  ['test/fuzz.test.ts', 3.1],
  ['src/api/api.test.ts', 3.0],
  ['test/robust-ingest.test.ts', 2.5],
  ['test/query-cli.test.ts', 2.5],
  ['src/api/openapi.test.ts', 2.4],
  ['src/parse/digest.test.ts', 2.2],
  ['src/ingest/sources.test.ts', 2.1],
  ['src/store/sqlite.test.ts', 2.1],
  ['src/segment/segment.test.ts', 2.1],
  ['src/actors/petrarch/user-files.test.ts', 2.0],
  ['src/query/parquet.test.ts', 1.7],
  ['src/ingest/feed.test.ts', 1.5],
  ['src/events/petrarch/cameo-verbs.test.ts', 1.3],
  ['test/eval-news.test.ts', 1.3],
  ['test/parser-accuracy.test.ts', 1.2],
  ['test/start.test.ts', 1.2],
  ['src/api/fetch-guard.test.ts', 1.1],
]);

/** Files that skip without a PostgreSQL server (DYAD_TEST_PG) or chromium, and their seconds. */
const POSTGRES: ReadonlyMap<string, number> = new Map([
  ['src/queue/queue.test.ts', 79],
  ['src/store/postgres.test.ts', 4.6],
  ['src/api/postgres-api.test.ts', 1.3],
]);
const CHROMIUM: ReadonlyMap<string, number> = new Map([['test/browser.test.ts', 10.4]]);

const DEFAULT = 0.3;

const hasPostgres = Boolean(process.env.DYAD_TEST_PG);
const hasChromium = existsSync('/usr/bin/chromium');

export function weightOf(file: string): number {
  return (hasPostgres ? POSTGRES.get(file) : undefined) ?? (hasChromium ? CHROMIUM.get(file) : undefined) ?? SECONDS.get(file) ?? DEFAULT;
}
