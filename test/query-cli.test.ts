/**
 * dyad query / export / series end to end: a store ingested from our own texts by the real coder,
 * the exports read back by python3's csv module (CSV and GDELT TSV) and checked against a JSON
 * Schema with ajv (PLOVER).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from './in-process.js';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { createCoder } from '../src/index.js';
import { GDELT_COLUMNS } from '../src/output/gdelt.js';
import { EVENT_CSV_COLUMNS } from '../src/query/export.js';
import { openSqliteStore } from '../src/store/index.js';

const bin = fileURLToPath(new URL('../bin/dyad.js', import.meta.url));
const schemaFile = fileURLToPath(new URL('../src/query/plover-record.schema.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dyad-query-cli-'));
const db = join(dir, 'news.db');
after(() => rmSync(dir, { recursive: true, force: true }));

const TEXTS: ReadonlyArray<readonly [string, string]> = [
  ['Russian President Vladimir Putin will visit China on May 16, the Kremlin said on Monday.\n\nChina criticized Russia on Tuesday over a border dispute, saying "the talks, however, will go on".', '2024-05-13'],
  ['Japan and Australia held talks in Tokyo on Tuesday about maritime security in the Pacific.', '2024-05-15'],
  ['Russia accused Ukraine on Thursday of shelling a border village, the defence ministry said.', '2024-06-07'],
  ['France praised Germany on Wednesday for its new trade agreement, officials in Paris said.', '2024-06-05'],
];

let events = 0;
before(async () => {
  const coder = createCoder();
  const store = openSqliteStore({ file: db });
  await store.migrate();
  for (const [text, published] of TEXTS) {
    await store.saveCoded({ text, published, url: `https://news.example/${published}`, knowledgeVersion: coder.knowledge.version }, coder.code({ text, published }));
  }
  events = (await store.stats()).events;
  await store.close();
});

async function dyad(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = await runCli([...args, '--db', db]);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Rows of a CSV (or, with a tab delimiter, TSV) file as python3's csv module reads them. */
function pythonCsv(file: string, delimiter: ',' | '\t'): string[][] {
  const script = `import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='utf-8') as f:\n    print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2]${delimiter === '\t' ? ', quoting=csv.QUOTE_NONE' : ''}))))`;
  const r = spawnSync('python3', ['-c', script, file, delimiter], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as string[][];
}

const hasPython = spawnSync('python3', ['--version']).status === 0;

test('the store holds events from the texts', async () => {
  assert.ok(events >= 5, `events: ${events}`);
});

test('query: an aligned table by default, filters, JSON Lines and JSON', async () => {
  const table = await dyad(['query', '--actor', 'RUS']);
  assert.equal(table.code, 0, table.stderr);
  const lines = table.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^date\s+source\s+target\s+cameo\s+quad\s+goldstein\s+plover\s+modality\s+place\s+articles\s+id$/);
  assert.ok(lines.slice(2).every((l) => /RUS/.test(l)), table.stdout);
  assert.match(table.stderr, /of \d+ matching events shown/);

  const jsonl = await dyad(['query', '--dyad', 'RUS,CHN', '--format', 'jsonl']);
  const rows = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l) as { cameo: string; source: { country: string }; modality: string });
  assert.deepEqual(rows.map((r) => [r.cameo, r.source.country, r.modality]).sort(), [['040', 'RUS', 'planned'], ['042', 'RUS', 'planned']]);

  const both = JSON.parse((await dyad(['query', '--dyad', 'RUS,CHN', '--undirected', '--format', 'json'])).stdout) as unknown[];
  assert.equal(both.length, 3);
  const limited = (await dyad(['query', '--limit', '1', '--format', 'jsonl'])).stdout.trim().split('\n');
  assert.equal(limited.length, 1);
});

test('query: bad options are usage errors (exit 2)', async () => {
  assert.equal((await dyad(['query', '--quad', '7'])).code, 2);
  assert.equal((await dyad(['query', '--from', '2024-02-30x'])).code, 2);
  assert.equal((await dyad(['query', '--dyad', 'RUS'])).code, 2);
  assert.equal((await dyad(['query', '--format', 'xml'])).code, 2);
});

test('export csv: python reads one row per event with the header, codes keep their zeros', { skip: !hasPython && 'needs python3' }, async () => {
  const out = join(dir, 'events.csv');
  const r = await dyad(['export', '--format', 'csv', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`exported ${events} events`));
  const rows = pythonCsv(out, ',');
  assert.deepEqual(rows[0], EVENT_CSV_COLUMNS);
  assert.equal(rows.length, events + 1);
  assert.ok(rows.slice(1).every((row) => row.length === EVENT_CSV_COLUMNS.length));
  const cameo = EVENT_CSV_COLUMNS.indexOf('cameo');
  assert.ok(rows.slice(1).some((row) => row[cameo] === '042'), 'the visit keeps its leading zero');
  assert.ok(rows.slice(1).every((row) => /^\d{3,4}$/.test(row[cameo])));
});

test('export gdelt: python reads GDELT rows of 61 columns in order, NumArticles from the merged event', { skip: !hasPython && 'needs python3' }, async () => {
  const out = join(dir, 'events.tsv');
  assert.equal((await dyad(['export', '--format', 'gdelt', '--out', out])).code, 0);
  const rows = pythonCsv(out, '\t');
  assert.equal(rows.length, events, 'no header row, as in GDELT\'s own files');
  const withHeader = join(dir, 'events-header.tsv');
  assert.equal((await dyad(['export', '--format', 'gdelt', '--header', '--out', withHeader])).code, 0);
  assert.deepEqual(pythonCsv(withHeader, '\t')[0], GDELT_COLUMNS);
  assert.ok(rows.every((row) => row.length === GDELT_COLUMNS.length && row.length === 61));
  const col = (name: string): number => GDELT_COLUMNS.indexOf(name);
  const visit = rows.find((row) => row[col('EventCode')] === '042');
  assert.ok(visit);
  assert.deepEqual([visit[col('EventBaseCode')], visit[col('EventRootCode')], visit[col('Day')], visit[col('Actor1Code')], visit[col('Actor2CountryCode')]], ['042', '04', '20240516', 'RUSGOV', 'CHN']);
  assert.deepEqual([visit[col('NumMentions')], visit[col('NumSources')], visit[col('NumArticles')]], ['1', '1', '1']);
  assert.equal(visit[col('SOURCEURL')], 'https://news.example/2024-05-13');
});

test('export plover: every record valid against the PLOVER record schema; filters apply', async () => {
  const out = join(dir, 'events.plover.jsonl');
  assert.equal((await dyad(['export', '--format', 'plover', '--out', out])).code, 0);
  const records = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(records.length, events);
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  for (const r of records) assert.ok(validate(r), `${JSON.stringify(r)}: ${JSON.stringify(validate.errors)}`);
  const visit = records.find((r) => r.cameo === '042');
  assert.deepEqual([visit?.event_type, visit?.source_actor, visit?.target_actor, visit?.event_text, visit?.modality], ['AGREE', 'RUS', 'CHN', 'visit', 'planned']);
  const filtered = (await dyad(['export', '--format', 'plover', '--root', '04'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { cameo: string });
  assert.ok(filtered.length >= 2 && filtered.every((r) => r.cameo.startsWith('04')));
  assert.equal(validate({ ...visit, cameo: 42 }), false, 'the schema rejects a numeric code');
});

test('series: RUS-CHN by month as CSV and table', async () => {
  const csv = await dyad(['series', 'RUS', 'CHN', '--by', 'month', '--format', 'csv']);
  assert.equal(csv.code, 0, csv.stderr);
  const lines = csv.stdout.trim().split('\r\n');
  assert.equal(lines[0], 'period,start,end,events,q1,q2,q3,q4,goldstein,reports,index');
  assert.match(lines[1], /^2024-05,2024-05-01,2024-05-31,3,2,0,1,0,0\.3,3,0\.3$/);
  const directed = (await dyad(['series', 'RUS', 'CHN', '--directed', '--format', 'jsonl'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { events: number });
  assert.deepEqual(directed.map((p) => p.events), [2]);
  const help = spawnSync(process.execPath, [bin, 'series', '--help'], { encoding: 'utf8' }).stdout;
  assert.match(help, /index\s+\(sum of the dyad's Goldstein scores in the period\) \/ reports/);
});

test('a missing database is an error naming it (exit 1)', async () => {
  const r = spawnSync(process.execPath, [bin, 'query', '--db', join(dir, 'none.db')], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /none\.db/);
});
