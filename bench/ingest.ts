/**
 * Ingest benchmark: codes ../shared/corpus/reuters21578.jsonl into a fresh SQLite store in a temp dir
 * and reports documents/s, events/s, peak RSS and total time; then ingests the same file again,
 * which must add nothing and take a fraction of the time (known documents are not coded again).
 *
 *   node --import tsx bench/ingest.ts                 # the whole corpus
 *   node --import tsx bench/ingest.ts --limit 2000    # the first 2000 articles
 *   node --import tsx bench/ingest.ts --keep          # keep the database file and print its path
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createCoder, type Coder } from '../src/index.js';
import { documentHash, openSqliteStore, type Store, type StoreStats } from '../src/store/index.js';

interface CorpusRecord {
  readonly id: string;
  readonly title?: string | null;
  readonly date?: string | null;
  readonly text: string;
}

interface PassStats {
  read: number;
  coded: number;
  known: number;
  failed: number;
  eventsAdded: number;
  eventsMerged: number;
  ms: number;
  codingMs: number;
  savingMs: number;
}

const corpus = fileURLToPath(new URL('../../shared/corpus/reuters21578.jsonl', import.meta.url));
const limitAt = process.argv.indexOf('--limit');
const limit = limitAt > 0 ? Number(process.argv[limitAt + 1]) : Infinity;
const keep = process.argv.includes('--keep');

let peakRss = 0;
const sampleRss = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
};

async function ingest(coder: Coder, store: Store): Promise<PassStats> {
  const s: PassStats = { read: 0, coded: 0, known: 0, failed: 0, eventsAdded: 0, eventsMerged: 0, ms: 0, codingMs: 0, savingMs: 0 };
  const t0 = performance.now();
  const lines = createInterface({ input: createReadStream(corpus, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim() || s.read >= limit) continue;
    s.read++;
    const r = JSON.parse(line) as CorpusRecord;
    if (await store.hasDocument(documentHash(r.text))) {
      s.known++;
      continue;
    }
    const published = r.date ? r.date.slice(0, 10) : null;
    const input = { text: r.text, title: r.title ?? null, published, source: 'Reuters', externalId: r.id, knowledgeVersion: coder.knowledge.version };
    const c0 = performance.now();
    try {
      const result = coder.code({ id: r.id, text: r.text, title: r.title ?? null, published });
      const c1 = performance.now();
      const out = await store.saveCoded(input, result);
      s.savingMs += performance.now() - c1;
      s.codingMs += c1 - c0;
      if (out.status === 'new') s.coded++;
      else s.known++;
      s.eventsAdded += out.eventsAdded;
      s.eventsMerged += out.eventsMerged;
    } catch {
      s.failed++;
    }
    if (s.read % 500 === 0) sampleRss();
  }
  s.ms = performance.now() - t0;
  sampleRss();
  return s;
}

function report(name: string, s: PassStats, stats: StoreStats): void {
  const secs = s.ms / 1000;
  const events = s.eventsAdded + s.eventsMerged;
  console.log(`\n${name}`);
  console.log(`  articles read    ${s.read} (${s.coded} new, ${s.known} known, ${s.failed} failed)`);
  console.log(`  total time       ${secs.toFixed(1)} s (coding ${(s.codingMs / 1000).toFixed(1)} s, saving ${(s.savingMs / 1000).toFixed(1)} s)`);
  console.log(`  documents/s      ${(s.read / secs).toFixed(1)} read, ${(s.coded / secs).toFixed(1)} stored`);
  console.log(`  events/s         ${(events / secs).toFixed(1)} (${s.eventsAdded} new rows, ${s.eventsMerged} merged into a story's event)`);
  console.log(`  store            ${stats.documents} documents, ${stats.stories} stories, ${stats.events} events, ${stats.mentions} mentions, ${stats.actors} actors`);
}

async function main(): Promise<void> {
  if (!existsSync(corpus)) {
    console.log(`skipped: needs ../shared (${corpus} is absent)`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-'));
  const file = join(dir, 'dyad.db');
  const t0 = performance.now();
  const coder = createCoder();
  console.log(`knowledge ${coder.knowledge.version} loaded in ${(performance.now() - t0).toFixed(0)} ms; store ${keep ? file : 'in a temp dir'}`);
  const store = openSqliteStore({ file });
  await store.migrate();
  const first = await ingest(coder, store);
  report('first ingest (reuters21578.jsonl)', first, await store.stats());
  const before = await store.stats();
  const second = await ingest(coder, store);
  const afterStats = await store.stats();
  report('second ingest of the same file', second, afterStats);
  const unchanged = ['documents', 'events', 'mentions', 'stories'].every((k) => before[k as keyof StoreStats] === afterStats[k as keyof StoreStats]);
  console.log(`  adds nothing     ${unchanged ? 'yes' : 'NO'}; ${((100 * second.ms) / first.ms).toFixed(1)}% of the first pass's time`);
  await store.close();
  console.log(`\ndatabase size    ${(statSync(file).size / 1e6).toFixed(1)} MB`);
  console.log(`peak RSS         ${(peakRss / 1e6).toFixed(0)} MB`);
  console.log(`total time       ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (!keep) rmSync(dir, { recursive: true, force: true });
  if (!unchanged) process.exitCode = 1;
}

await main();
