/**
 * npm run bench: codes the Reuters-21578 and Wikinews politics corpora from ../shared/corpus on one
 * core and prints articles/s, MB/s, peak RSS, per-root event counts, and the false-positive sweep
 * (Reuters articles whose topics are only earn/acq that yield an event with root 18-20); then the
 * ingest benchmark (bench/ingest.ts): Reuters into a fresh SQLite file, and again; then the query
 * benchmark (bench/query.ts): a dyad series, a filtered query and a visits listing on 1M events; last,
 * `dyad serve` under load (bench/serve.ts): autocannon on GET /api/v1/events over 100k events.
 *
 *   npm run bench                 # both corpora
 *   npm run bench -- --limit 2000 # the first 2000 articles of each
 *   npm run bench -- --limit 500 --corpus-only   # the parser and the corpus figures only
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { assemble } from '../src/assemble/assemble.js';
import type { Doc } from '../src/core/doc.js';
import { createCoder, toDoc, type Coder } from '../src/index.js';
import { parser } from '../src/parse/parse-stage.js';
import { defaultPipeline } from '../src/pipeline.js';
import { isCameo } from '../src/knowledge/cameo-categories.js';
import { benchParser } from './parse.js';

interface CorpusRecord {
  readonly id: string;
  readonly title?: string | null;
  readonly date?: string | null;
  readonly text: string;
  readonly meta?: { readonly topics?: readonly string[] };
}

interface CorpusStats {
  articles: number;
  bytes: number;
  ms: number;
  events: number;
  failed: number;
  byRoot: Map<string, number>;
  companyArticles: number;
  companyViolent: number;
  /** Milliseconds per pipeline stage (assemble included as "assemble"). */
  stageMs: Map<string, number>;
  tokens: number;
  /** Words the parser parsed (sentences whose parse a stage read). */
  parsed: number;
}

const corpusDir = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const limitAt = process.argv.indexOf('--limit');
const limit = limitAt > 0 ? Number(process.argv[limitAt + 1]) : Infinity;

function isCompanyNews(r: CorpusRecord): boolean {
  const topics = r.meta?.topics ?? [];
  return topics.length > 0 && topics.every((t) => t === 'earn' || t === 'acq');
}

/** Milliseconds in the parser since the last reset, and words it parsed in all (see timeParser). */
let parserMs = 0;
let parsedWords = 0;

/**
 * Counts the parser's time: a sentence is parsed when a later stage first reads its parse
 * (src/parse/lazy-deps.ts), so its time is taken out of that stage and counted under "parse".
 */
function timeParser(): void {
  const p = parser();
  const parse = p.parse.bind(p);
  p.parse = (forms, tags) => {
    const t = performance.now();
    parsedWords += forms.length;
    try {
      return parse(forms, tags);
    } finally {
      parserMs += performance.now() - t;
    }
  };
}

async function benchCorpus(coder: Coder, file: string): Promise<CorpusStats> {
  const stats: CorpusStats = { articles: 0, bytes: 0, ms: 0, events: 0, failed: 0, byRoot: new Map(), companyArticles: 0, companyViolent: 0, stageMs: new Map(), tokens: 0, parsed: 0 };
  const stages = defaultPipeline({ dates: 'events' }).stages;
  const ctx = { knowledge: coder.knowledge };
  const add = (name: string, ms: number): void => void stats.stageMs.set(name, (stats.stageMs.get(name) ?? 0) + ms);
  const parsedBefore = parsedWords;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim() || stats.articles >= limit) continue;
    const r = JSON.parse(line) as CorpusRecord;
    const t0 = performance.now();
    try {
      // The pipeline stage by stage, to time each (the same as coder.code); the parser's time as "parse".
      let doc: Doc = toDoc({ id: r.id, text: r.text, title: r.title ?? null, published: r.date ? r.date.slice(0, 10) : null });
      for (const stage of stages) {
        const s0 = performance.now();
        parserMs = 0;
        doc = stage.run(doc, ctx);
        add(stage.name, performance.now() - s0 - parserMs);
        add('parse', parserMs);
      }
      const a0 = performance.now();
      const { events } = assemble(doc, coder.knowledge);
      add('assemble', performance.now() - a0);
      stats.tokens += doc.tokens?.length ?? 0;
      stats.events += events.length;
      for (const e of events) stats.byRoot.set(e.root, (stats.byRoot.get(e.root) ?? 0) + 1);
      if (isCompanyNews(r)) {
        stats.companyArticles++;
        if (events.some((e) => isCameo('violent', e.root))) stats.companyViolent++;
      }
    } catch {
      stats.failed++;
    }
    stats.ms += performance.now() - t0;
    stats.articles++;
    stats.bytes += Buffer.byteLength(r.text);
  }
  stats.parsed = parsedWords - parsedBefore;
  return stats;
}

function report(name: string, s: CorpusStats): void {
  const secs = s.ms / 1000;
  console.log(`\n${name}`);
  console.log(`  articles        ${s.articles} (${s.failed} failed)`);
  console.log(`  coding time     ${secs.toFixed(1)} s`);
  console.log(`  articles/s      ${(s.articles / secs).toFixed(1)}`);
  console.log(`  MB/s            ${(s.bytes / 1e6 / secs).toFixed(2)}`);
  const parseSecs = (s.stageMs.get('parse') ?? 0) / 1000;
  console.log(`  MB/s w/o parse  ${(s.bytes / 1e6 / (secs - parseSecs)).toFixed(2)} (the pipeline without the parser's time; the parser takes ${((100 * parseSecs) / secs).toFixed(1)}% of the time, ${Math.round(s.parsed / Math.max(parseSecs, 1e-9))} words/s; it parsed ${s.parsed} words for ${s.tokens} tokens, the sentences whose parse was read)`);
  const per = [...s.stageMs].map(([n, ms]) => `${n} ${((100 * ms) / s.ms).toFixed(0)}%`).join(', ');
  console.log(`  time by stage   ${per}`);
  console.log(`  events          ${s.events} (${(s.events / Math.max(1, s.articles)).toFixed(2)} per article)`);
  const roots = [...s.byRoot.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([r, n]) => `${r}:${n}`).join(' ');
  console.log(`  events by root  ${roots || '-'}`);
  if (s.companyArticles) {
    const share = (100 * s.companyViolent) / s.companyArticles;
    console.log(`  earn/acq sweep  ${s.companyViolent} of ${s.companyArticles} company-news articles yield root 18-20 (${share.toFixed(2)}%; limit 1%)`);
  }
}

async function main(): Promise<void> {
  const files = ['reuters21578.jsonl', 'wikinews-politics.jsonl'].map((f) => corpusDir + f);
  if (!files.every(existsSync)) {
    console.log(`bench: skipped, the corpora are not at ${corpusDir} (../shared/corpus beside the project)`);
    return;
  }
  console.log('--- parser alone (bench/parse.ts) ---');
  await benchParser(files[0], limit);
  const t0 = performance.now();
  const coder = createCoder();
  timeParser();
  console.log(`knowledge ${coder.knowledge.version} loaded in ${Math.round(performance.now() - t0)} ms`);
  for (const file of files) {
    const stats = await benchCorpus(coder, file);
    report(`${file.split('/').pop()} (${(statSync(file).size / 1e6).toFixed(1)} MB file)`, stats);
  }
  console.log(`\npeak RSS        ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  if (process.argv.includes('--corpus-only')) return;
  console.log('\n--- speed against bare wink-nlp, start-up, cores (bench/speed.ts) ---');
  await (await import('./speed.js')).benchSpeed();
  console.log('\n--- ingest into SQLite (bench/ingest.ts) ---');
  await import('./ingest.js');
  console.log('\n--- queries on 1 million synthetic events (bench/query.ts; PostgreSQL too when DYAD_BENCH_PG or DYAD_TEST_PG is set) ---');
  await import('./query.js');
  console.log('\n--- the job queue on PostgreSQL: dyad worker with 1 and 2 processes (bench/queue.ts; needs DYAD_BENCH_PG) ---');
  await import('./queue.js');
  console.log('\n--- dyad serve under load: GET /api/v1/events, 200 connections for 10 s, 100,000 events (bench/serve.ts) ---');
  await import('./serve.js');
}

await main();
