/**
 * Query benchmark: a SQLite store with 1 million synthetic events (documents, stories, merged events,
 * mentions over 2023-2024, with skewed countries and CAMEO codes), then the median time of several
 * runs of: a dyad series (RUS-CHN by month), a filtered event query (--actor RUS --root 19 --from
 * 2024-01-01 --limit 100), a 042/043 event listing (by date, limit 100), and `dyad visits` itself
 * (listStoreVisits, as the CLI runs it: --country CHN for one month, and --country CHN over the whole
 * store). Documents with 03x-05x events carry visit facts, as ingest stores them. With
 * DYAD_TEST_PG or DYAD_BENCH_PG=postgres://... the same store is built and timed on PostgreSQL too.
 *
 *   node --import tsx bench/query.ts                   # 1,000,000 events
 *   node --import tsx bench/query.ts --events 200000   # fewer
 *   node --import tsx bench/query.ts --keep            # keep the SQLite file and print its path
 *
 * Rows go straight into the tables (SQLite: the store's handle, in big transactions; PostgreSQL:
 * multi-row INSERTs), not through saveCoded: this times the queries, not the coder.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { REBUILD_COUNTRY_REPORTS } from '../src/store/schema.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Statement } from 'better-sqlite3';
import type { Pool } from 'pg';
import { encodeVisitFacts, isVisitRelevant, lazyCoderFacts, listStoreVisits, type FactsReader } from '../src/diplomacy/index.js';
import { createCoder } from '../src/index.js';
import { dyadSeries, queryEvents, type SeriesPoint } from '../src/query/index.js';
import { openSqliteStore, type SqliteStore, type Store } from '../src/store/index.js';
import { openStore } from '../src/store/open.js';
import { PostgresStore } from '../src/store/postgres.js';
import { seededRandom } from '../src/core/random.js';

type Value = string | number | null;
type Row = Readonly<Record<string, Value>>;

interface Batch {
  readonly stories: Row[];
  readonly documents: Row[];
  readonly events: Row[];
  readonly mentions: Row[];
}

/** Countries, most covered first (weights fall off as 1/rank^0.9). */
const COUNTRIES = [
  'USA', 'CHN', 'RUS', 'GBR', 'FRA', 'DEU', 'IND', 'ISR', 'UKR', 'IRN', 'JPN', 'TUR', 'PAK', 'PSE', 'SYR', 'KOR',
  'PRK', 'AUS', 'CAN', 'BRA', 'ITA', 'SAU', 'EGY', 'AFG', 'IRQ', 'MEX', 'NGA', 'ZAF', 'ESP', 'POL', 'VNM', 'PHL',
  'IDN', 'KEN', 'ETH', 'VEN', 'ARG', 'LBN', 'YEM', 'QAT', 'ARE', 'BLR', 'GEO', 'ARM', 'AZE', 'KAZ', 'SRB', 'HUN',
];
const SECTORS = [null, null, null, 'GOV', 'GOV', 'MIL', 'BUS', 'OPP', 'MED', 'COP'];
const TOPICS = ['[]', '[]', '["economic"]', '["military"]', '["diplomatic"]', '["political"]'];
const THEMES = ['economy', 'security', 'energy', 'trade', 'climate', 'health'];

/** [cameo, weight, goldstein, plover type]. */
const CODES: ReadonlyArray<readonly [string, number, number, string]> = [
  ['010', 30, 0, 'NONE'], ['012', 8, -0.1, 'NONE'], ['013', 6, 0.4, 'NONE'], ['020', 5, 3, 'REQUEST'], ['036', 8, 4, 'AGREE'],
  ['040', 40, 1, 'CONSULT'], ['042', 12, 1.9, 'CONSULT'], ['043', 12, 2.8, 'CONSULT'], ['046', 8, 7, 'CONSULT'],
  ['051', 10, 3.4, 'SUPPORT'], ['057', 5, 8, 'AGREE'], ['061', 4, 6.4, 'COOPERATE'], ['071', 3, 7.4, 'AID'],
  ['111', 12, -2, 'ACCUSE'], ['112', 10, -2, 'ACCUSE'], ['120', 4, -4, 'REJECT'], ['130', 5, -4.4, 'THREATEN'],
  ['138', 2, -7, 'THREATEN'], ['141', 4, -6.5, 'PROTEST'], ['163', 2, -8, 'SANCTION'], ['173', 5, -5, 'COERCE'],
  ['190', 10, -10, 'ASSAULT'], ['193', 4, -10, 'ASSAULT'], ['195', 3, -10, 'ASSAULT'], ['180', 3, -9, 'ASSAULT'], ['200', 0.3, -10, 'ASSAULT'],
];

const quadOf = (root: number): number => (root <= 5 ? 1 : root <= 8 ? 2 : root <= 14 ? 3 : 4);

const rng = seededRandom;

function weighted<T>(items: readonly T[], weights: readonly number[]): (r: number) => T {
  const total = weights.reduce((a, b) => a + b, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const w of weights) cum.push((acc += w / total));
  return (r) => {
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return items[lo];
  };
}

const pickCountry = weighted(COUNTRIES, COUNTRIES.map((_, i) => 1 / (i + 1) ** 0.9));
const pickCode = weighted(CODES, CODES.map((c) => c[1]));

const START = Date.UTC(2023, 0, 1);
const DAYS = 731;
const day = (offset: number): string => new Date(START + offset * 86_400_000).toISOString().slice(0, 10);

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function actor(random: () => number, prefix: string, country: string): Record<string, Value> {
  const sector = SECTORS[Math.floor(random() * SECTORS.length)];
  return {
    [`${prefix}_code`]: sector ? `${country}${sector}` : country, [`${prefix}_country`]: country,
    [`${prefix}_sector`]: sector, [`${prefix}_name`]: null, [`${prefix}_role`]: null,
  };
}

function eventRow(random: () => number, id: string, docId: string, published: number): Row {
  const [cameo, , goldstein, plover] = pickCode(random());
  const s = pickCountry(random());
  let t = pickCountry(random());
  if (t === s) t = pickCountry(random());
  const d = day(Math.min(DAYS - 1, Math.max(0, published - Math.floor(random() * 3))));
  const place = random() < 0.4 ? (random() < 0.5 ? s : t) : null;
  const root = Number(cameo.slice(0, 2));
  return {
    id, story_id: docId, cameo, root: cameo.slice(0, 2), quad_class: quadOf(root), goldstein, plover_type: plover, plover_mode: null,
    plover_contexts: '[]', topics: TOPICS[Math.floor(random() * TOPICS.length)], modality: random() < 0.85 ? 'occurred' : 'planned',
    date_start: d, date_end: d, date_precision: 'day', date_basis: 'text',
    place_name: place, place_country: place, place_lat: null, place_lon: null,
    ...actor(random, 'source', s), ...(random() < 0.9 ? actor(random, 'target', t) : actor(random, 'target', '') ),
    attribution_code: null, first_document_id: docId, confidence: 0.8, rule: 'synthetic', knowledge_version: 'bench',
    num_mentions: 1, num_articles: 1, num_sources: 1,
  };
}

function mentionRow(e: Row): Row {
  return {
    event_id: e.id, document_id: e.first_document_id, coded_event_id: e.id, sentence: 0,
    trigger_text: 'x', trigger_start: 0, trigger_end: 1, source_text: null, source_start: null, source_end: null,
    target_text: null, target_start: null, target_end: null, cue_text: null, cue_start: null, cue_end: null,
    modality: e.modality, rule: 'synthetic', confidence: 0.8, knowledge_version: 'bench',
  };
}

/**
 * The visit facts ingest stores for a document with 03x-05x events (null otherwise): its one sentence,
 * with a theme or two, as encodeVisitFacts writes them.
 */
function visitFacts(random: () => number, text: string, events: readonly Row[]): string | null {
  if (!events.some((e) => isVisitRelevant(String(e.cameo)))) return null;
  const topics = THEMES.filter(() => random() < 0.25);
  const sentences = [{ index: 0, start: 0, end: text.length, paragraph: 0, topics, people: [] }];
  return encodeVisitFacts({ id: '', text, published: null, sentences, persons: [] });
}

/**
 * Rows for `events` events in batches of about `batchEvents`: documents of 1-4 events (2.5 on
 * average), each its own story, published on a day spread evenly over 2023-2024.
 */
function* syntheticBatches(events: number, batchEvents = 50_000, seed = 42): Generator<Batch> {
  const random = rng(seed);
  let made = 0;
  let doc = 0;
  while (made < events) {
    const batch: Batch = { stories: [], documents: [], events: [], mentions: [] };
    while (batch.events.length < batchEvents && made < events) {
      const docId = hex(doc, 32);
      const published = Math.floor((doc * 2.5 * DAYS) / events) % DAYS;
      batch.stories.push({ id: docId, representative_document_id: docId, num_articles: 1, num_sources: 1, created_at: '2025-01-01' });
      batch.documents.push({
        id: docId, seq: doc, text: `synthetic document ${doc}`, published: day(published), coded_at: '2025-01-01',
        knowledge_version: 'bench', story_id: docId, source: `publisher${doc % 50}`,
      });
      const n = Math.min(events - made, 1 + Math.floor(random() * 4));
      const own: Row[] = [];
      for (let i = 0; i < n; i++, made++) {
        const e = eventRow(random, hex(made, 24), docId, published);
        own.push(e.target_code === '' ? { ...e, target_code: null, target_country: null, target_sector: null } : e);
      }
      batch.events.push(...own);
      batch.mentions.push(...own.map(mentionRow));
      const d = batch.documents.length - 1;
      batch.documents[d] = { ...batch.documents[d], visit_facts: visitFacts(random, String(batch.documents[d].text), own) };
      doc++;
    }
    yield batch;
  }
}

// ---------------------------------------------------------------------------------------------
// Loading and timing

const TABLES = ['stories', 'documents', 'events', 'mentions'] as const;
const TABLE_NAME: Record<(typeof TABLES)[number], string> = { stories: 'stories', documents: 'documents', events: 'events', mentions: 'event_mentions' };

function loadSqlite(store: SqliteStore, events: number): void {
  const statements = new Map<string, Statement>();
  const insert = (table: string, row: Row): void => {
    let st = statements.get(table);
    if (!st) {
      const cols = Object.keys(row);
      st = store.db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
      statements.set(table, st);
    }
    st.run(row);
  };
  const write = store.db.transaction((batch: Batch) => {
    for (const t of TABLES) for (const row of batch[t]) insert(TABLE_NAME[t], row);
  });
  for (const batch of syntheticBatches(events, 100_000)) write(batch);
  // Rows went in around the store's writes: rebuild the daily rollup they keep, and gather statistics.
  for (const sql of REBUILD_COUNTRY_REPORTS) store.db.exec(sql);
  store.db.exec('ANALYZE');
}

async function loadPostgres(pool: Pool, events: number): Promise<void> {
  for (const batch of syntheticBatches(events, 50_000)) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      for (const t of TABLES) {
        const rows = batch[t];
        for (let i = 0; i < rows.length; i += 1000) {
          const chunk = rows.slice(i, i + 1000);
          const cols = Object.keys(chunk[0]);
          const values = chunk.map((_, r) => `(${cols.map((__, c) => `$${r * cols.length + c + 1}`).join(', ')})`).join(', ');
          await client.query(`INSERT INTO ${TABLE_NAME[t]} (${cols.join(', ')}) VALUES ${values}`, chunk.flatMap((row) => cols.map((c) => row[c])));
        }
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }
  for (const sql of REBUILD_COUNTRY_REPORTS) await pool.query(sql);
  await pool.query('ANALYZE');
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<{ ms: number; result: unknown }> {
  let result = await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

const count = (r: unknown): number => (Array.isArray(r) ? r.length : 0);

/** How many documents and events a visits listing read from the store. */
function visitsWhat(r: unknown): string {
  const visits = Array.isArray(r) ? (r as { evidence: { events: readonly string[] } }[]) : [];
  return `${visits.length} visits (${visits.reduce((a, v) => a + v.evidence.events.length, 0)} events as evidence)`;
}

async function timeQueries(name: string, store: Store, readFacts: FactsReader): Promise<void> {
  const series = await median(7, () => dyadSeries(store, { a: 'RUS', b: 'CHN', by: 'month' }));
  const points = series.result as SeriesPoint[];
  const filtered = await median(7, () => queryEvents(store, { actor: 'RUS', root: '19', from: '2024-01-01' }, { limit: 100 }));
  const visits = await median(7, () => queryEvents(store, { cameo: ['042', '043'] }, { limit: 100 }));
  const month = await median(7, () => listStoreVisits(store, readFacts, { country: 'CHN', from: '2024-05-01', to: '2024-05-31' }));
  const whole = await median(3, () => listStoreVisits(store, readFacts, { country: 'CHN' }));
  const line = (label: string, ms: number, what: string): void => console.log(`  ${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms   ${what}`);
  console.log(`\n${name} (median of 7 runs)`);
  line('series RUS CHN --by month', series.ms, `${points.length} months, ${points.reduce((a, p) => a + p.events, 0)} events (target < 100 ms)`);
  line('query --actor RUS --root 19 --from 2024-01-01', filtered.ms, `${count(filtered.result)} events`);
  line('query --cameo 042,043, by date, limit 100', visits.ms, `${count(visits.result)} events`);
  line('visits --country CHN --from 2024-05-01 --to 2024-05-31', month.ms, visitsWhat(month.result));
  line('visits --country CHN (no date range)', whole.ms, `${visitsWhat(whole.result)}; median of 3`);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const events = Number(arg('--events') ?? 1_000_000);
  // As the CLI: a coder only for documents stored without visit facts (none here, so none is loaded).
  let coderLoaded = false;
  const readFacts = lazyCoderFacts(() => {
    coderLoaded = true;
    return createCoder();
  });
  process.on('exit', () => {
    if (coderLoaded) console.log('(the visits listing loaded the coder: some documents had no stored facts)');
  });
  const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-query-'));
  const file = join(dir, 'query.db');
  const store = openSqliteStore({ file });
  try {
    await store.migrate();
    const t0 = performance.now();
    loadSqlite(store, events);
    console.log(`SQLite: ${events} synthetic events loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s (${(statSync(file).size / 1e6).toFixed(0)} MB)`);
    await timeQueries('SQLite', store, readFacts);
  } finally {
    await store.close();
    if (process.argv.includes('--keep')) console.log(`\nkept ${file}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  const pg = process.env.DYAD_BENCH_PG ?? process.env.DYAD_TEST_PG;
  if (!pg) {
    console.log('\nPostgreSQL: skipped (set DYAD_BENCH_PG or DYAD_TEST_PG=postgres://... to run the same on a scratch database)');
    return;
  }
  const pgStore = openStore(pg);
  try {
    await pgStore.migrate();
    if (!(pgStore instanceof PostgresStore)) throw new Error('DYAD_BENCH_PG / DYAD_TEST_PG is not a postgres:// URL');
    const [{ n }] = await pgStore.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM events');
    if (Number(n) === 0) {
      const t0 = performance.now();
      await loadPostgres(pgStore.pool, events);
      console.log(`\nPostgreSQL: ${events} synthetic events loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } else console.log(`\nPostgreSQL: the database already holds ${Number(n)} events; timing those (use an empty database to load)`);
    await timeQueries('PostgreSQL', pgStore, readFacts);
  } finally {
    await pgStore.close();
  }
}

await main();
