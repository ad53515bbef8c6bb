/**
 * `dyad export --format parquet` against `dyad export --format csv` of the same store, row for row:
 * a real SQLite store filled by `dyad ingest` from articles of our own, the Parquet files read back
 * by DuckDB (read_parquet) with their column types checked, and `--partition-by month`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, test } from 'node:test';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { main } from '../cli/main.js';
import { EVENT_CSV_COLUMNS } from './export.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-parquet-'));
const dbFile = join(dir, 'events.db');
let duck: DuckDBConnection;
let instance: DuckDBInstance;

async function cli(args: readonly string[]): Promise<{ code: number; stderr: string }> {
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const code = await main(['node', 'dyad', ...args], { stdin: new PassThrough(), stdout: new PassThrough(), stderr });
  return { code, stderr: err };
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else if (c !== '\r') cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

const COUNTRIES = ['France', 'Germany', 'Japan', 'Brazil', 'India', 'Canada', 'Mexico', 'Egypt'];
const VERBS = ['criticized', 'praised', 'accused', 'threatened', 'condemned', 'welcomed'];

/** Articles of our own over six months: "Japan criticized Brazil on Monday over fishing rights (7)." */
function articles(): string {
  const lines: string[] = [];
  for (let i = 0; i < 36; i++) {
    const a = COUNTRIES[i % COUNTRIES.length];
    const b = COUNTRIES[(i + 3) % COUNTRIES.length];
    const text = `${a} ${VERBS[i % VERBS.length]} ${b} on Monday over fishing rights (${i}). `
      + `The foreign minister of ${b} will visit ${a} next week, officials said in a statement.`;
    lines.push(JSON.stringify({ id: `own-${i}`, text, date: `2024-0${1 + (i % 6)}-1${i % 10}`, source: i % 2 ? 'Wire A' : 'Wire B' }));
  }
  return `${lines.join('\n')}\n`;
}

before(async () => {
  writeFileSync(join(dir, 'own.jsonl'), articles());
  const r = await cli(['ingest', join(dir, 'own.jsonl'), '--db', dbFile, '--quiet']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal((await cli(['export', '--db', dbFile, '--format', 'csv', '--out', join(dir, 'events.csv'), '-q'])).code, 0);
  instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
  duck = await instance.connect();
});

after(() => {
  duck?.closeSync();
  instance?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

/** A Parquet value as the CSV export writes it. */
function asCsv(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(';');
  return String(v);
}

async function parquetRows(source: string): Promise<string[][]> {
  const cols = EVENT_CSV_COLUMNS.map((c) => `"${c}"`).join(', ');
  const reader = await duck.runAndReadAll(`SELECT ${cols} FROM read_parquet('${source}', hive_partitioning = true) ORDER BY id`);
  return reader.getRowsJson().map((r) => r.map(asCsv));
}

test('parquet has the csv export rows, value for value, with typed columns', async () => {
  const out = join(dir, 'events.parquet');
  const r = await cli(['export', '--db', dbFile, '--format', 'parquet', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const [header, ...csv] = parseCsv(readFileSync(join(dir, 'events.csv'), 'utf8'));
  assert.deepEqual(header, EVENT_CSV_COLUMNS);
  assert.ok(csv.length >= 36, `the store has ${csv.length} events`);
  assert.match(r.stderr, new RegExp(`exported ${csv.length} events`));
  assert.deepEqual(await parquetRows(out), csv.sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  const types = new Map((await duck.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${out}')`)).getRowObjectsJson()
    .map((row) => [String(row.column_name), String(row.column_type)]));
  assert.deepEqual(
    ['cameo', 'root', 'date_start', 'date_end', 'published', 'goldstein', 'quad_class', 'num_articles', 'plover_contexts', 'lat'].map((c) => types.get(c)),
    ['VARCHAR', 'VARCHAR', 'DATE', 'DATE', 'DATE', 'DOUBLE', 'INTEGER', 'INTEGER', 'VARCHAR[]', 'DOUBLE']);
  const [codes] = (await duck.runAndReadAll(`SELECT COUNT(*) FILTER (WHERE cameo LIKE '0%')::INT AS n FROM read_parquet('${out}')`)).getRowsJson();
  assert.ok(Number(codes[0]) > 0, 'CAMEO codes keep their leading zero ("042", not 42)');
});

test('--partition-by month writes one file per month of the event date, together the same rows', async () => {
  const out = join(dir, 'by-month');
  const r = await cli(['export', '--db', dbFile, '--format', 'parquet', '--partition-by', 'month', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const months = readdirSync(out).sort();
  assert.ok(months.length >= 6, `months: ${months.join(', ')}`);
  for (const m of months.filter((x) => x !== 'month=NULL')) {
    assert.match(m, /^month=\d{4}-\d{2}$/);
    const files = readdirSync(join(out, m));
    assert.equal(files.length, 1, `${m} is one file`);
    const [[bad]] = (await duck.runAndReadAll(
      `SELECT COUNT(*)::INT FROM read_parquet('${join(out, m, files[0])}') WHERE strftime(date_start, 'month=%Y-%m') <> '${m}'`)).getRowsJson();
    assert.equal(Number(bad), 0, `every event in ${m} starts in that month`);
  }
  assert.deepEqual(await parquetRows(join(out, '**', '*.parquet')), await parquetRows(join(dir, 'events.parquet')));
});

test('parquet needs --out, and --partition-by needs --format parquet', async () => {
  assert.equal((await cli(['export', '--db', dbFile, '--format', 'parquet'])).code, 2);
  const r = await cli(['export', '--db', dbFile, '--partition-by', 'month', '--out', join(dir, 'x')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--partition-by needs --format parquet/);
});
