/**
 * The query layer on a real store: short texts of our own coded by the real coder and saved with
 * saveCoded; every filter is checked against the same predicate applied to all stored events.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createCoder } from '../index.js';
import { openSqliteStore, type SqliteStore } from '../store/index.js';
import { allEvents, countEvents, queryEvents, type QueryEvent } from './events.js';
import { cameoCondition, whereClause, type EventQuery } from './filter.js';
import { formatEvents, renderTable } from './format.js';

const QUERY_TEXTS: ReadonlyArray<{ readonly text: string; readonly published: string; readonly url: string }> = [
  { text: 'Russian President Vladimir Putin will visit China on May 16, the Kremlin said on Monday.\n\nChina criticized Russia on Tuesday over a border dispute.', published: '2024-05-13', url: 'https://news.example/a' },
  { text: 'Japan and Australia held talks in Tokyo on Tuesday about maritime security in the Pacific.', published: '2024-05-15', url: 'https://news.example/b' },
  { text: 'France praised Germany on Wednesday for its new trade agreement, officials in Paris said.', published: '2024-06-05', url: 'https://news.example/c' },
  { text: 'Russia accused Ukraine on Thursday of shelling a border village, the defence ministry said.', published: '2024-06-07', url: 'https://news.example/d' },
];

const dir = mkdtempSync(join(tmpdir(), 'dyad-query-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A SQLite store in a temp dir holding QUERY_TEXTS, coded by the real coder. */
async function queryStore(file: string): Promise<SqliteStore> {
  const coder = createCoder();
  const store = openSqliteStore({ file });
  await store.migrate();
  for (const t of QUERY_TEXTS) {
    await store.saveCoded({ text: t.text, published: t.published, url: t.url, knowledgeVersion: coder.knowledge.version }, coder.code({ text: t.text, published: t.published }));
  }
  return store;
}

const sides = (e: QueryEvent): Array<QueryEvent['source']> => [e.source, e.target];
const within = (e: QueryEvent, from: string, to: string): boolean => e.date !== null && e.date.start <= to && (e.date.end ?? e.date.start) >= from;

/** Filter, what it must keep (checked on every stored event), and how many events it keeps at least. */
const FILTERS: ReadonlyArray<readonly [string, EventQuery, (e: QueryEvent) => boolean, number]> = [
  ['actor by country', { actor: 'RUS' }, (e) => sides(e).some((a) => a?.country === 'RUS'), 3],
  ['actor by full code', { actor: 'RUSGOV' }, (e) => sides(e).some((a) => a?.code === 'RUSGOV'), 1],
  ['actor by name, any case', { actor: 'putin' }, (e) => sides(e).some((a) => a?.name?.toLowerCase().includes('putin') === true), 1],
  ['directed dyad', { dyad: ['RUS', 'CHN'] }, (e) => e.source?.country === 'RUS' && e.target?.country === 'CHN', 1],
  ['directed dyad, the other way', { dyad: ['CHN', 'RUS'] }, (e) => e.source?.country === 'CHN' && e.target?.country === 'RUS', 1],
  ['undirected dyad', { dyad: ['RUS', 'CHN'], undirected: true }, (e) => [e.source?.country, e.target?.country].sort().join() === 'CHN,RUS', 2],
  ['cameo code', { cameo: ['042'] }, (e) => e.cameo === '042', 1],
  ['cameo prefix is a root', { cameo: ['04'] }, (e) => e.root === '04', 2],
  ['several cameo codes', { cameo: ['042', '040'] }, (e) => e.cameo === '042' || e.cameo === '040', 2],
  ['root', { root: '11' }, (e) => e.root === '11', 1],
  ['quad class', { quad: 3 }, (e) => e.quadClass === 3, 2],
  ['plover type', { plover: 'consult' }, (e) => e.plover.type === 'CONSULT', 1],
  ['modality', { modality: 'planned' }, (e) => e.modality === 'planned', 1],
  ['date range overlaps', { from: '2024-05-14', to: '2024-05-31' }, (e) => within(e, '2024-05-14', '2024-05-31'), 2],
  ['place by country', { place: 'CHN' }, (e) => e.place?.country === 'CHN', 1],
  ['place by name', { place: 'tokyo' }, (e) => e.place?.name?.toLowerCase().includes('tokyo') === true, 1],
  ['topic', { topic: 'diplomatic' }, (e) => [...e.topics, ...e.plover.contexts].includes('diplomatic'), 1],
  ['filters combine', { actor: 'RUS', quad: 3, from: '2024-06-01' }, (e) => sides(e).some((a) => a?.country === 'RUS') && e.quadClass === 3 && within(e, '2024-06-01', '9999-12-31'), 1],
  ['nothing matches', { actor: 'BRA' }, () => false, 0],
];

describe('query: filters on a store coded from our own texts', () => {
  let store: SqliteStore;
  let every: QueryEvent[];
  before(async () => {
    store = await queryStore(join(dir, 'q.db'));
    every = await queryEvents(store, {}, { limit: 1000 });
  });
  after(() => store.close());

  test('the store holds the events the texts tell', () => {
    const key = (e: QueryEvent): string => `${e.source?.code}>${e.target?.code}:${e.cameo}`;
    for (const k of ['RUSGOV>CHN:042', 'CHN>RUS:111', 'JPN>AUS:040']) assert.ok(every.map(key).includes(k), `${k} in ${every.map(key).join(' ')}`);
  });

  for (const [name, q, keep, atLeast] of FILTERS) {
    test(`filter: ${name}`, async () => {
      const got = (await queryEvents(store, q, { limit: 1000 })).map((e) => e.id).sort();
      const want = every.filter(keep).map((e) => e.id).sort();
      assert.deepEqual(got, want);
      assert.ok(got.length >= atLeast, `at least ${atLeast} events, got ${got.length}`);
      assert.equal(await countEvents(store, q), want.length);
    });
  }

  test('story: the events of one story', async () => {
    const story = every[0].storyId;
    const got = await queryEvents(store, { story }, { limit: 1000 });
    assert.deepEqual(got.map((e) => e.id).sort(), every.filter((e) => e.storyId === story).map((e) => e.id).sort());
  });

  test('newest first, limit and offset page through the same order', async () => {
    const dates = every.map((e) => e.date?.start ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse());
    const page = await queryEvents(store, {}, { limit: 2, offset: 1 });
    assert.deepEqual(page.map((e) => e.id), every.slice(1, 3).map((e) => e.id));
  });

  test('export pages (keyset by id) return every matching event once', async () => {
    const seen: string[] = [];
    for await (const page of allEvents(store, {}, 2)) seen.push(...page.map((e) => e.id));
    assert.deepEqual(seen, every.map((e) => e.id).sort());
  });

  test('codes stay strings and the first document is joined in', () => {
    const visit = every.find((e) => e.cameo === '042');
    assert.equal(visit?.root, '04');
    assert.equal(visit?.firstDocument.url, 'https://news.example/a');
    assert.equal(visit?.firstDocument.published, '2024-05-13');
  });

  test('table: aligned columns, one line per event', () => {
    const lines = formatEvents('table', every).trimEnd().split('\n');
    assert.equal(lines.length, every.length + 2);
    assert.match(lines[0], /^date\s+source\s+target\s+cameo/);
    const at = lines[0].indexOf('cameo');
    for (const line of lines.slice(2)) assert.match(line.slice(at, at + 4), /^\d{3} /);
  });
});

describe('query: SQL building', () => {
  test('a CAMEO code covers its children; one or two digits are roots', () => {
    assert.deepEqual(cameoCondition(['031']).params, ['031', ...Array.from({ length: 10 }, (_, i) => `031${i}`)]);
    assert.deepEqual(cameoCondition(['04']), { sql: 'root IN (?)', params: ['04'] });
    assert.throws(() => cameoCondition(['4a']), /not a CAMEO code/);
  });

  test('LIKE patterns escape % and _ and the SQL has one ? per parameter', () => {
    const w = whereClause({ actor: '50%_off', topic: 'economic', place: 'Tokyo' });
    assert.ok(w.params.includes('%50\\%\\_off%'));
    assert.equal((w.sql.match(/\?/g) ?? []).length, w.params.length);
  });

  test('bad dates are DyadErrors', () => {
    assert.throws(() => whereClause({ from: '2024-13-45' }), /not a date/);
  });

  test('renderTable right-aligns numbers and shows null as -', () => {
    assert.equal(renderTable(['a', 'n'], [['x', 5], ['yy', null], ['z', 10]]), 'a    n\n--  --\nx    5\nyy   -\nz   10\n');
  });
});
