/** dyad series: the definitions (src/query/series.ts) checked on fixture event rows, and the calendar periods. */
import { REBUILD_COUNTRY_REPORTS } from '../store/schema.js';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openSqliteStore, type SqliteStore } from '../store/index.js';
import { isoWeek, periodOf, periodsBetween } from './periods.js';
import { dyadSeries, type SeriesPoint } from './series.js';
import { formatSeries } from './series-format.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-series-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** [id, source code, source country, target code, target country, date, quad, goldstein, num_articles]. */
type Fixture = readonly [string, string | null, string | null, string | null, string | null, string | null, number, number, number];

const ROWS: readonly Fixture[] = [
  ['e1', 'RUS', 'RUS', 'CHN', 'CHN', '2024-01-10', 1, 2, 2],
  ['e2', 'CHN', 'CHN', 'RUS', 'RUS', '2024-01-20', 4, -10, 1],
  ['e3', 'RUSGOV', 'RUS', 'CHN', 'CHN', '2024-03-05', 2, 6, 1],
  ['e4', 'RUS', 'RUS', 'USA', 'USA', '2024-01-15', 1, 1, 3], // coverage only
  ['e5', 'USA', 'USA', 'CHN', 'CHN', '2024-03-07', 3, -2, 1], // coverage only
  ['e6', 'RUS', 'RUS', 'CHN', 'CHN', null, 1, 5, 1], // undated: left out
  ['e7', 'USA', 'USA', 'GBR', 'GBR', '2024-01-02', 1, 3, 4], // neither
  ['e8', 'RUS', 'RUS', null, null, '2024-02-10', 1, 0, 2], // coverage only, no target
];

async function fixtureStore(file: string): Promise<SqliteStore> {
  const store = openSqliteStore({ file });
  await store.migrate();
  store.db.prepare("INSERT INTO stories (id, representative_document_id, created_at) VALUES ('s', 'd', 'now')").run();
  store.db.prepare("INSERT INTO documents (id, seq, text, coded_at, knowledge_version, story_id) VALUES ('d', 1, 'x', 'now', 'k', 's')").run();
  const insert = store.db.prepare(`INSERT INTO events (id, story_id, cameo, root, quad_class, goldstein, plover_type, plover_contexts, topics,
    modality, date_start, date_end, source_code, source_country, target_code, target_country, first_document_id, confidence, rule,
    knowledge_version, num_mentions, num_articles, num_sources)
    VALUES (?, 's', '040', '04', ?, ?, 'CONSULT', '[]', '[]', 'occurred', ?, ?, ?, ?, ?, ?, 'd', 1, 'r', 'k', 1, ?, 1)`);
  for (const [id, sc, sn, tc, tn, date, quad, g, articles] of ROWS) insert.run(id, quad, g, date, date, sc, sn, tc, tn, articles);
  // Rows inserted around the writes: rebuild the rollup the writes would have kept.
  for (const sql of REBUILD_COUNTRY_REPORTS) store.db.exec(sql);
  return store;
}

const brief = (p: SeriesPoint): unknown[] => [p.label, p.events, p.quad.join(''), p.goldsteinMean, p.reports, p.index];

describe('series on fixture rows', () => {
  let store: SqliteStore;
  before(async () => {
    store = await fixtureStore(join(dir, 'series.db'));
  });
  after(() => store.close());

  const CASES: ReadonlyArray<readonly [string, Parameters<typeof dyadSeries>[1], unknown[][]]> = [
    ['undirected by month, with an empty month between', { a: 'RUS', b: 'CHN', by: 'month' }, [
      // January: e1 + e2; reports e1(2) + e2(1) + e4(3) = 6; index (2 - 10) / 6
      ['2024-01', 2, '1001', -4, 6, -1.3333],
      // February: no dyad event; e8 is coverage
      ['2024-02', 0, '0000', null, 2, 0],
      // March: e3; reports e3(1) + e5(1)
      ['2024-03', 1, '0100', 6, 2, 3],
    ]],
    ['directed: only A→B', { a: 'RUS', b: 'CHN', by: 'month', directed: true }, [
      ['2024-01', 1, '1000', 2, 6, 0.3333], ['2024-02', 0, '0000', null, 2, 0], ['2024-03', 1, '0100', 6, 2, 3],
    ]],
    ['directed the other way', { a: 'CHN', b: 'RUS', by: 'month', directed: true }, [['2024-01', 1, '0001', -10, 6, -1.6667]]],
    ['by ISO week (Monday first)', { a: 'RUS', b: 'CHN', by: 'week', from: '2024-01-08', to: '2024-01-21' }, [
      ['2024-W02', 1, '1000', 2, 2, 1], ['2024-W03', 1, '0001', -10, 4, -2.5],
    ]],
    ['from/to bound the periods', { a: 'RUS', b: 'CHN', by: 'month', from: '2024-02-01', to: '2024-03-31' }, [
      ['2024-02', 0, '0000', null, 2, 0], ['2024-03', 1, '0100', 6, 2, 3],
    ]],
    ['a full actor code matches the actor code, not the country', { a: 'RUSGOV', b: 'CHN', by: 'day' }, [['2024-03-05', 1, '0100', 6, 1, 6]]],
    ['no events', { a: 'GBR', b: 'CHN', by: 'month' }, []],
  ];

  for (const [name, options, want] of CASES) {
    test(name, async () => {
      assert.deepEqual((await dyadSeries(store, options)).map(brief), want);
    });
  }

  test('index = sum of Goldstein / reports, null without reports', async () => {
    for (const p of await dyadSeries(store, { a: 'RUS', b: 'CHN', by: 'day', from: '2024-01-09', to: '2024-01-11' })) {
      if (p.reports === 0) assert.equal(p.index, null);
      else assert.equal(p.index, Math.round((p.goldsteinSum / p.reports) * 1e4) / 1e4);
    }
  });

  test('csv and table output, one row per period', async () => {
    const points = await dyadSeries(store, { a: 'RUS', b: 'CHN', by: 'month' });
    const csv = formatSeries('csv', points).split('\r\n');
    assert.equal(csv[0], 'period,start,end,events,q1,q2,q3,q4,goldstein,reports,index');
    assert.equal(csv[2], '2024-02,2024-02-01,2024-02-29,0,0,0,0,0,,2,0');
    assert.equal(formatSeries('table', points).trimEnd().split('\n').length, 5);
  });
});

describe('periods', () => {
  const WEEKS: ReadonlyArray<readonly [string, string]> = [
    ['2024-01-01', '2024-W01'], ['2023-01-01', '2022-W52'], ['2020-12-31', '2020-W53'], ['2021-01-03', '2020-W53'], ['2024-12-30', '2025-W01'],
  ];
  for (const [day, week] of WEEKS) test(`ISO week of ${day} is ${week}`, () => assert.equal(isoWeek(day), week));

  test('months and weeks know their first and last day', () => {
    assert.deepEqual(periodOf('2024-02-14', 'month'), { label: '2024-02', start: '2024-02-01', end: '2024-02-29' });
    assert.deepEqual(periodOf('2024-05-16', 'week'), { label: '2024-W20', start: '2024-05-13', end: '2024-05-19' });
    assert.deepEqual(periodsBetween('2024-12-30', '2025-01-02', 'day').map((p) => p.label), ['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']);
    assert.equal(periodsBetween('2023-01-01', '2024-12-31', 'month').length, 24);
  });
});
