import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { CSV_COLUMNS, csvCells, csvField } from './csv.js';
import { createFormatter, type OutputFormat } from './format.js';
import { GDELT_COLUMNS } from './gdelt.js';
import { sampleDocument, sampleEvent, sampleResult } from './testing.js';
import type { CodingResult } from '../core/event.js';

const bare = sampleEvent({ id: 'doc1-e1', cameo: '0211', root: '02', target: null, place: null, date: null, modalityCue: null, plover: { type: 'AGREE', mode: null, contexts: [] }, topics: [] });
const results: readonly CodingResult[] = [
  sampleResult([sampleEvent(), bare]),
  sampleResult([], sampleDocument({ id: 'doc2' })),
  sampleResult([sampleEvent({ id: 'doc3-e0', doc: 'doc3', cameo: '010', root: '01' })], sampleDocument({ id: 'doc3', url: null, published: null })),
];

function render(format: OutputFormat, single = false, items: readonly CodingResult[] = results): string {
  const f = createFormatter(format, { single, added: new Date(Date.UTC(2024, 4, 14, 12, 30, 5)) });
  return f.start() + items.map((r) => f.document(r)).join('') + f.end();
}

/** Parses CSV with Python's csv module: an independent RFC 4180 reader. */
function pythonCsv(text: string): string[][] {
  const py = 'import csv, json, sys; print(json.dumps(list(csv.reader(sys.stdin))))';
  const out = spawnSync('python3', ['-c', py], { input: text, encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return JSON.parse(out.stdout) as string[][];
}

test('csv: parsed back by Python, one row per event, header first, codes keep their leading zeros', () => {
  const rows = pythonCsv(render('csv'));
  assert.deepEqual(rows[0], CSV_COLUMNS);
  assert.equal(rows.length, 1 + 3);
  const col = (name: string): number => CSV_COLUMNS.indexOf(name);
  assert.deepEqual(rows.slice(1).map((r) => r[col('cameo')]), ['042', '0211', '010']);
  assert.deepEqual(rows.slice(1).map((r) => r[col('root')]), ['04', '02', '01']);
  for (const row of rows) assert.equal(row.length, CSV_COLUMNS.length);
  // Quotes, commas, tabs and line breaks come back as written.
  assert.equal(rows[1][col('trigger')], 'embark on a\tvisit,\n"official"');
  assert.equal(rows[1][col('place_name')], 'Beijing, "the capital"');
  assert.equal(rows[1][col('plover_contexts')], 'diplomatic;economic');
  assert.equal(rows[1][col('goldstein')], '1.9');
  // Missing values are empty cells.
  assert.equal(rows[2][col('target_code')], '');
  assert.equal(rows[2][col('lat')], '');
  assert.deepEqual(rows[1], csvCells(sampleEvent()).map((c) => (c === null ? '' : String(c))));
});

test('csv fields are quoted only when they need it', () => {
  const table: [string | number | null, string][] = [
    ['042', '042'], [null, ''], [1.9, '1.9'], ['a,b', '"a,b"'], ['say "no"', '"say ""no"""'], ['two\nlines', '"two\nlines"'], ['cr\r', '"cr\r"'],
  ];
  for (const [value, expected] of table) assert.equal(csvField(value), expected, String(value));
});

test('tsv: GDELT 2.0 column count on every row, no tabs or newlines inside fields', () => {
  assert.equal(GDELT_COLUMNS.length, 61);
  const lines = render('tsv').split('\n');
  assert.equal(lines.pop(), '');
  assert.equal(lines.length, 1 + 3);
  const rows = lines.map((l) => l.split('\t'));
  for (const row of rows) assert.equal(row.length, 61);
  const col = (name: string): number => GDELT_COLUMNS.indexOf(name);
  assert.deepEqual(rows[0], GDELT_COLUMNS);
  const [, first, second, third] = rows;
  assert.equal(first[col('GlobalEventID')], 'doc1-e0');
  assert.equal(first[col('Day')], '20240516');
  assert.equal(first[col('MonthYear')], '202405');
  assert.equal(first[col('Year')], '2024');
  assert.equal(first[col('FractionDate')], (2024 + (5 * 30 + 16) / 365).toFixed(4));
  assert.equal(first[col('Actor1Code')], 'RUSGOV');
  assert.equal(first[col('Actor1Name')], 'VLADIMIR PUTIN');
  assert.equal(first[col('Actor1CountryCode')], 'RUS');
  assert.equal(first[col('Actor1Type1Code')], 'GOV');
  assert.equal(first[col('Actor2Code')], 'CHN');
  assert.equal(first[col('EventCode')], '042');
  assert.equal(first[col('EventBaseCode')], '042');
  assert.equal(first[col('EventRootCode')], '04');
  assert.equal(first[col('QuadClass')], '1');
  assert.equal(first[col('GoldsteinScale')], '1.9');
  assert.equal(first[col('NumMentions')], '1');
  assert.equal(first[col('ActionGeo_FullName')], 'Beijing, "the capital"');
  assert.equal(first[col('ActionGeo_Lat')], '39.9042');
  assert.equal(first[col('DATEADDED')], '20240514123005');
  assert.equal(first[col('SOURCEURL')], 'https://example.org/news/1');
  // No event date: the publication date stands in; 4-digit codes keep their base code.
  assert.equal(second[col('Day')], '20240514');
  assert.equal(second[col('EventCode')], '0211');
  assert.equal(second[col('EventBaseCode')], '021');
  assert.equal(second[col('Actor2Code')], '');
  assert.equal(third[col('SOURCEURL')], '');
});

test('plover: one valid JSON object per event with the PLOVER data fields', () => {
  const lines = render('plover').trimEnd().split('\n');
  assert.equal(lines.length, 3);
  const required = ['id', 'date', 'event_type', 'mode', 'context', 'source_actor', 'source_agent', 'target_actor', 'target_agent', 'event_text', 'location', 'cameo', 'modality', 'doc', 'sentence', 'start', 'end', 'rule'];
  const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  for (const r of records) for (const field of required) assert.ok(field in r, `missing ${field}`);
  const first = records[0];
  assert.deepEqual(Object.fromEntries(required.map((k) => [k, first[k]])), {
    id: 'doc1-e0', date: '2024-05-16', event_type: 'CONSULT', mode: 'visit', context: ['diplomatic', 'economic'],
    source_actor: 'RUS', source_agent: 'GOV', target_actor: 'CHN', target_agent: null, event_text: 'embark on a\tvisit,\n"official"',
    location: { name: 'Beijing, "the capital"', country: 'CHN', lat: 39.9042, lon: 116.4074 },
    cameo: '042', modality: 'planned', doc: 'doc1', sentence: 0, start: 34, end: 58, rule: 'visit.embark',
  });
  assert.equal(records[1].target_actor, null);
  assert.equal(records[1].location, null);
  assert.equal(records[1].date, '2024-05-14');
});

test('jsonl: one event per line, the full event record', () => {
  const lines = render('jsonl').trimEnd().split('\n');
  assert.deepEqual(lines.map((l) => JSON.parse(l) as unknown), [sampleEvent(), bare, results[2].events[0]]);
});

test('json: one {document, events} for a single input, an array otherwise (empty array when nothing was coded)', () => {
  assert.deepEqual(JSON.parse(render('json', true, [results[0]])), results[0]);
  assert.deepEqual(JSON.parse(render('json')), results);
  assert.deepEqual(JSON.parse(render('json', false, [])), []);
});

test('formats with no events still produce their header, and nothing else', () => {
  const empty = [sampleResult([])];
  assert.equal(render('csv', false, empty), `${CSV_COLUMNS.join(',')}\r\n`);
  assert.equal(render('tsv', false, empty), `${GDELT_COLUMNS.join('\t')}\n`);
  assert.equal(render('jsonl', false, empty), '');
  assert.equal(render('plover', false, empty), '');
});
