/**
 * Visits end to end: the founding article yields the `visit` record of state-visit.expected.json; an
 * announcement and a later report of the same visit (examples/visit-*.txt) become one visit that moved
 * from planned to occurred, both from a store and through `dyad ingest` + `dyad visits`.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  buildVisits, codeForVisits, coderFacts, codeWithVisitFacts, decodeVisitFacts, filterVisits, listStoreVisits, storeVisitSources,
  type FactsReader, type Visit,
} from '../src/diplomacy/index.js';
import { createCoder } from '../src/index.js';
import { openSqliteStore } from '../src/store/index.js';
import { runCli } from './in-process.js';

const seedDir = fileURLToPath(new URL('../../shared/seed/', import.meta.url));
const missing = !existsSync(seedDir) && 'needs ../shared/seed (absent here)';
const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dyad-visits-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const coder = createCoder();
const PAIR = [
  { file: 'visit-announced.txt', published: '2024-05-06' },
  { file: 'visit-happened.txt', published: '2024-05-14' },
] as const;

interface SeedVisit {
  readonly guest: Visit['guest'];
  readonly host: Visit['host'];
  readonly invitedBy: Visit['invitedBy'];
  readonly kind: string;
  readonly start: string;
  readonly end: string;
  readonly status: string;
  readonly meetings: readonly { readonly with: string; readonly topics: readonly string[] }[];
  readonly outcomes: readonly { readonly kind: string; readonly status: string }[];
}

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

test('the founding article yields the visit record of state-visit.expected.json', { skip: missing }, () => {
  const want = (JSON.parse(readFileSync(join(seedDir, 'state-visit.expected.json'), 'utf8')) as { visit: SeedVisit }).visit;
  const text = readFileSync(join(seedDir, 'state-visit.txt'), 'utf8');
  const visits = buildVisits([codeForVisits(coder, { text, published: '2024-05-14' })]);
  assert.equal(visits.length, 1, JSON.stringify(visits));
  const [v] = visits;
  const { guest, host, invitedBy, kind, start, end, status, outcomes } = v;
  assert.deepEqual({ guest, host, invitedBy, kind, start, end, status, outcomes },
    { guest: want.guest, host: want.host, invitedBy: want.invitedBy, kind: want.kind, start: want.start, end: want.end, status: want.status, outcomes: want.outcomes });
  // Whom he meets, in order, and on what: all eight topics for Xi, economy alone for Li.
  assert.deepEqual(v.meetings.map((m) => m.with), want.meetings.map((m) => m.with));
  v.meetings.forEach((m, i) => {
    assert.equal(m.country, 'CHN');
    assert.deepEqual(sorted(m.topics), sorted(want.meetings[i].topics), `topics of the meeting with ${m.with}`);
  });
  assert.ok(v.evidence.events.length >= 4, 'the visit, two meetings and the statement');
  assert.equal(v.evidence.documents.length, 1);
});

/** The linked record the example pair must give, from whatever path. */
function assertLinked(visits: readonly Visit[], documents: number): void {
  assert.equal(visits.length, 1, `one visit, got ${JSON.stringify(visits.map((v) => [v.guest, v.host, v.start, v.status]))}`);
  const [v] = visits;
  assert.deepEqual(v.guest, { name: 'Fumio Kishida', country: 'JPN', role: 'Prime Minister' });
  assert.deepEqual(v.host, { country: 'IND' });
  assert.deepEqual(v.invitedBy, { name: 'Narendra Modi', country: 'IND', role: 'Prime Minister' });
  assert.equal(v.kind, 'official visit');
  assert.deepEqual([v.start, v.end], ['2024-05-13', '2024-05-15']);
  assert.equal(v.status, 'occurred', 'the report of the arrival moves the announced visit to occurred');
  assert.deepEqual(v.meetings.map((m) => m.with), ['Narendra Modi']);
  assert.ok(v.meetings[0].topics.includes('security') && v.meetings[0].topics.includes('economy'), v.meetings[0].topics.join());
  assert.deepEqual(v.outcomes, [{ kind: 'joint statement', status: 'occurred' }], 'expected, then signed');
  assert.equal(v.evidence.documents.length, documents, 'evidence from both documents');
}

test('an announcement and a report of the visit, coded apart, are one visit', () => {
  const sources = PAIR.map((p) => codeForVisits(coder, { text: readFileSync(join(examples, p.file), 'utf8'), published: p.published }));
  const [announced] = buildVisits(sources.slice(0, 1));
  assert.equal(announced.status, 'planned');
  assert.deepEqual(announced.outcomes, [{ kind: 'joint statement', status: 'planned' }]);
  assertLinked(buildVisits(sources), 2);
  assertLinked(buildVisits([...sources].reverse()), 2);
});

test('the pair saved in a SQLite store: visits built from the stored events', async () => {
  const store = openSqliteStore({ file: join(dir, 'pair.db') });
  try {
    await store.migrate();
    for (const p of PAIR) {
      const text = readFileSync(join(examples, p.file), 'utf8');
      await store.saveCoded({ text, published: p.published, knowledgeVersion: coder.knowledge.version }, coder.code({ text, published: p.published }));
    }
    const visits = buildVisits(await storeVisitSources(store, coderFacts(coder)));
    assertLinked(visits, 2);
    const ids = (await store.query<{ id: string }>('SELECT id FROM events')).map((r) => r.id);
    for (const id of visits[0].evidence.events) assert.ok(ids.includes(id), `evidence ${id} is a stored event row`);
    const docs = (await store.query<{ id: string }>('SELECT id FROM documents')).map((r) => r.id);
    assert.deepEqual(sorted(visits[0].evidence.documents), sorted(docs));
    assert.equal(buildVisits(await storeVisitSources(store, coderFacts(coder), { country: 'CHN' })).length, 0);
  } finally {
    await store.close();
  }
});

const noCoder: FactsReader = (d) => assert.fail(`the listing ran the coder over ${d.id}: its facts should come from the store`);

test('stored visit facts: written at ingest, equal to fresh ones, and all a listing needs', async () => {
  const store = openSqliteStore({ file: join(dir, 'facts.db') });
  try {
    await store.migrate();
    const more = ['summit-announcement.txt', 'sanctions.txt', 'border-clash.txt'].map((file, i) => ({ file, published: `2024-05-0${i + 1}` }));
    for (const p of [...PAIR, ...more]) {
      const text = readFileSync(join(examples, p.file), 'utf8');
      const { result, visitFacts } = codeWithVisitFacts(coder, { text, published: p.published });
      assert.deepEqual(result, coder.code({ text, published: p.published }), 'the same coding as coder.code');
      await store.saveCoded({ text, published: p.published, knowledgeVersion: coder.knowledge.version, visitFacts }, result);
    }
    const docs = await store.query<{ id: string; text: string; published: string | null; visit_facts: string | null }>(
      'SELECT id, text, published, visit_facts FROM documents ORDER BY seq');
    assert.ok(docs.filter((d) => d.visit_facts !== null).length >= 2, 'the visit reports carry facts');
    for (const d of docs) if (d.visit_facts !== null) assert.deepEqual(decodeVisitFacts(d.visit_facts, d), coderFacts(coder)(d), `facts of ${d.id}`);
    const all = buildVisits(await storeVisitSources(store, coderFacts(coder)));
    const listed = await listStoreVisits(store, noCoder);
    assert.deepEqual(listed, all, 'stored facts give the visits that facts read from the text give');
    const kishida = listed.filter((v) => v.guest.name === 'Fumio Kishida');
    assert.deepEqual(kishida.map((v) => [v.host.country, v.start, v.end, v.status]), [['IND', '2024-05-13', '2024-05-15', 'occurred']]);
    const filters = [{}, { country: 'IND' }, { country: 'JPN', from: '2024-05-15' }, { from: '2024-05-16' }, { to: '2024-05-12' },
      { from: '2024-05-01', to: '2024-05-31' }, { country: 'CHN', from: '2024-01-01' }];
    for (const f of filters) assert.deepEqual(await listStoreVisits(store, noCoder, f), filterVisits(all, f), JSON.stringify(f));
  } finally {
    await store.close();
  }
});

/** The CLI, run in this process as `node bin/dyad.js` would run it (test/in-process.ts). */
async function dyad(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const r = await runCli(args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('dyad ingest <both files>, then dyad visits --format json and the table', async () => {
  const db = join(dir, 'cli.db');
  const files = PAIR.map((p) => join(examples, p.file));
  const ingest = await dyad(['ingest', ...files, '--db', db, '--quiet']);
  assert.equal(ingest.code, 0, ingest.stderr);
  const json = await dyad(['visits', '--db', db, '--format', 'json']);
  assert.equal(json.code, 0, json.stderr);
  assertLinked(JSON.parse(json.stdout) as Visit[], 2);

  const table = await dyad(['visits', '--db', db, '--country', 'IND']);
  assert.equal(table.code, 0, table.stderr);
  const lines = table.stdout.trim().split('\n');
  assert.equal(lines.length, 2, table.stdout);
  assert.match(lines[1], /^Fumio Kishida\s+JPN\s+IND\s+2024-05-13\s+2024-05-15\s+occurred\s+official visit\s+1\s+joint statement \(occurred\)$/);

  for (const [range, n] of [[['--from', '2024-05-15'], 1], [['--from', '2024-05-17'], 0], [['--to', '2024-05-12'], 0]] as const) {
    const r = await dyad(['visits', '--db', db, '--format', 'json', ...range]);
    assert.equal((JSON.parse(r.stdout) as Visit[]).length, n, `${range.join(' ')}`);
  }
  assert.equal((await dyad(['visits', '--db', join(dir, 'none.db')])).code, 1);
  assert.equal((await dyad(['visits', '--db', db, '--from', 'May'])).code, 2);
});
