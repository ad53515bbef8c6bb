/**
 * Roughly how many seconds each slow test file takes inside a shard (measured on the 2-core
 * development machine), only to split the files evenly between the shards; a file not listed
 * counts as DEFAULT. Stale figures cost balance, never correctness.
 */
const SECONDS: ReadonlyMap<string, number> = new Map([
  ['test/ingest-cli.test.ts', 52],
  ['src/knowledge/knowledge.test.ts', 22],
  ['test/determinism.test.ts', 20],
  ['test/cli.test.ts', 14],
  ['src/actors/petrarch/user-files.test.ts', 10],
  ['test/robust-ingest.test.ts', 10],
  ['test/visits.test.ts', 9],
  ['src/actors/story-country.test.ts', 8],
  ['test/seed.test.ts', 8],
  ['test/corpus-slice.test.ts', 8],
  ['src/cli/jobs.test.ts', 8],
  ['src/knowledge/cache.test.ts', 7],
  ['src/actors/subject-pronouns.test.ts', 7],
  ['src/api/api.test.ts', 7],
  ['src/api/read-cache.test.ts', 6],
  ['src/api/fuzz.test.ts', 6],
  ['test/patterns.test.ts', 5],
  ['src/store/crash.test.ts', 4],
  ['test/eval-dev.test.ts', 4],
  ['test/fuzz.test.ts', 4],
  ['test/browser.test.ts', 4],
  ['src/api/openapi.test.ts', 4],
  ['test/query-cli.test.ts', 4],
  ['src/store/sqlite.test.ts', 4],
  ['src/events/petrarch/cameo-verbs.test.ts', 4],
  ['src/api/fetch-guard.test.ts', 3],
  ['src/api/document-spans.test.ts', 3],
  ['test/serve-cli.test.ts', 3],
  ['test/false-positives.test.ts', 2],
  ['src/actors/places.test.ts', 2],
  ['test/examples.test.ts', 2],
  ['test/eval-petrarch.test.ts', 2],
  ['src/assemble/document-actors.test.ts', 2],
  ['src/parse/parse.test.ts', 2],
]);

const DEFAULT = 0.5;

export function weightOf(file: string): number {
  return SECONDS.get(file) ?? DEFAULT;
}
