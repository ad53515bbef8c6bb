import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../core/errors.js';
import { parseCameoGold, parseSeedGold, readGold } from './gold.js';
import { expandActors, normaliseSector, parsePloverGold, ploverType2021 } from './plover-gold.js';
import type { GoldActor, GoldEvent } from './types.js';

const shared = fileURLToPath(new URL('../../../shared/', import.meta.url));
const ploverDev = join(shared, 'eval', 'plover-gsr-dev.jsonl');
const seedFile = join(shared, 'seed', 'state-visit.expected.json');

const typeRows: readonly [string, string][] = [
  ['DISAPPROVE', 'ACCUSE'], ['INVESTIGATE', 'ACCUSE'], ['DEMAND', 'REQUEST'], ['FIGHT', 'ASSAULT'],
  ['AGREE', 'AGREE'], ['COERCE', 'COERCE'], ['assault', 'ASSAULT'],
];
for (const [old, now] of typeRows) {
  test(`PLOVER type ${old} -> ${now}`, () => assert.equal(ploverType2021(old), now));
}

const sectorRows: readonly [string | null, string | null][] = [
  ['GOV', 'GOV'], ['CVLkur', 'CVL'], ['REBsna', 'REB'], ['***', null], [null, null], ['', null],
];
for (const [raw, want] of sectorRows) {
  test(`sector ${JSON.stringify(raw)} -> ${JSON.stringify(want)}`, () => assert.equal(normaliseSector(raw), want));
}

const a = (c: string): GoldActor => ({ countries: [c], sector: null, name: null });
const pairsOf = (sources: readonly string[], targets: readonly string[]): string[] =>
  expandActors(sources.map(a), targets.map(a)).map((p) =>
    `${p.source.countries.join('') || '?'}${p.symmetric ? '<->' : '->'}${p.target?.countries.join('') ?? '-'}`);

const expandRows: readonly { sources: string[]; targets: string[]; want: string[] }[] = [
  { sources: ['LBY'], targets: ['GBR'], want: ['LBY->GBR'] },
  { sources: ['LBY'], targets: [], want: ['LBY->-'] },
  { sources: ['HUN', 'ROU'], targets: [], want: ['HUN<->ROU'] },
  { sources: ['A', 'B', 'C'], targets: [], want: ['A<->B', 'A<->C', 'B<->C'] },
  { sources: ['QAT'], targets: ['ARE', 'SAU'], want: ['QAT->ARE', 'QAT->SAU'] },
  { sources: ['A', 'B'], targets: ['C', 'D'], want: ['A->C', 'A->D', 'B->C', 'B->D'] },
  { sources: [], targets: ['IRQ'], want: ['?->IRQ'] },
];
for (const row of expandRows) {
  test(`compound actors ${row.sources.join('+')} / ${row.targets.join('+')}`, () => {
    assert.deepEqual(pairsOf(row.sources, row.targets), row.want);
  });
}

const summary = (e: GoldEvent): string =>
  `${e.id} ${e.plover.join('|')} ${e.source.countries.join('|')}/${e.source.sector} ${e.symmetric ? '<->' : '->'} ${e.target ? `${e.target.countries.join('|')}/${e.target.sector}` : '-'}`;

test('PLOVER records: quirks applied', () => {
  const lines = [
    { id: 'r1', text: 'T1.', event: 'DEMAND', source_actors: [{ code: 'JAP', sector: 'GOVxyz' }], target_actors: [{ code: 'ITL', sector: '***' }] },
    { id: 'r2', text: 'T2.', event: 'AGREE', source_actors: [{ code: 'TUR' }, { code: 'GRC' }], target_actors: 'diplomatic', eventText: 'agreed' },
    { id: 'r3', text: 'T3.', event: 'FIGHT', source_actors: [], target_actors: [{ code: 'IRQ', sector: 'CVL' }], date: '2000-01-01' },
  ].map((r) => JSON.stringify(r)).join('\n');
  const items = parsePloverGold(`${lines}\n`, 'g.jsonl');
  assert.deepEqual(items.map((i) => i.required.map(summary)), [
    ['r1 REQUEST JPN/GOV -> ITA/null'],
    ['r2 AGREE TUR/null <-> GRC/null'],
    ['r3 ASSAULT /null -> IRQ/CVL'],
  ]);
  assert.deepEqual(items.map((i) => [i.id, i.scheme, i.text, i.date]), [
    ['r1', 'plover', 'T1.', null], ['r2', 'plover', 'T2.', null], ['r3', 'plover', 'T3.', '2000-01-01'],
  ]);
  assert.equal(items[1].required[0].cue, 'agreed');
});

const badRows: readonly { name: string; text: string; line: number }[] = [
  { name: 'not JSON', text: '{"id":"a","text":"x","event":"AGREE","source_actors":[],"target_actors":[]}\n{oops', line: 2 },
  { name: 'missing event', text: '\n{"id":"a","text":"x","source_actors":[],"target_actors":[]}', line: 2 },
  { name: 'duplicate id', text: '{"id":"a","text":"x","event":"AGREE","source_actors":[],"target_actors":[]}\n'.repeat(2), line: 2 },
];
for (const row of badRows) {
  test(`PLOVER gold error: ${row.name} -> INPUT_JSONL at file:line`, () => {
    assert.throws(() => parsePloverGold(row.text, 'g.jsonl'), (e: unknown) =>
      e instanceof DyadError && e.code === 'INPUT_JSONL' && e.input === `g.jsonl:${row.line}`);
  });
}

test('cameo format: events, alternatives, acceptable', () => {
  const line = JSON.stringify({
    id: 'c1', text: 'Putin will visit Beijing.', date: '2024-05-14',
    events: [{ source: { country: 'RUS', sector: 'GOV' }, target: { country: 'CHN|IGO' }, cameo: ['042', '036'], symmetric: true }],
    acceptable: [{ id: 'inv', source: { country: 'CHN' }, target: null, cameo: ['043'], plover: 'CONSULT|AGREE' }],
  });
  const [item] = parseCameoGold(line, 'c.jsonl');
  assert.equal(item.scheme, 'cameo');
  assert.equal(item.date, '2024-05-14');
  assert.deepEqual(item.required.map((e) => [e.id, e.cameo, e.source.countries, e.source.sector, e.target?.countries, e.symmetric]), [
    ['c1#1', ['042', '036'], ['RUS'], 'GOV', ['CHN', 'IGO'], true],
  ]);
  assert.deepEqual(item.acceptable.map((e) => [e.id, e.plover, e.target]), [['inv', ['CONSULT', 'AGREE'], null]]);
});

test('cameo format: an unquoted code is an error at its line', () => {
  const text = `${JSON.stringify({ id: 'c1', text: 'x', events: [] })}\n{"id":"c2","text":"y","events":[{"cameo":[42]}]}`;
  assert.throws(() => parseCameoGold(text, 'c.jsonl'), (e: unknown) => e instanceof DyadError && e.input === 'c.jsonl:2');
});

test('seed shape: required, acceptable, forbidden', () => {
  const item = parseSeedGold({
    document: { file: 'a.txt', published: '2024-05-14' },
    required: [{ id: 'visit', source: { country: 'RUS', name: 'X' }, target: { country: 'CHN' }, cameo: ['042'], plover: 'CONSULT|AGREE', modality: 'planned' }],
    acceptable: [{ id: 'concern', source: { country: 'RUS' }, target: { country: 'IGO|NATO|USA' }, cameo: ['112'] }],
    forbidden: { modality: ['occurred'], cameoRoots: ['18', '19'], note: 'n' },
  }, 'text', 'a');
  assert.deepEqual([item.id, item.scheme, item.date], ['a', 'cameo', '2024-05-14']);
  assert.deepEqual(item.required.map((e) => [e.id, e.plover, e.modality, e.source.name]), [['visit', ['CONSULT', 'AGREE'], 'planned', 'X']]);
  assert.deepEqual(item.acceptable[0].target?.countries, ['IGO', 'NATO', 'USA']);
  assert.deepEqual(item.forbidden, { modality: ['occurred'], cameoRoots: ['18', '19'], note: 'n' });
});

test('readGold: a missing file is INPUT_UNREADABLE', () => {
  assert.throws(() => readGold('/nonexistent/gold.jsonl', 'plover'), (e: unknown) => e instanceof DyadError && e.code === 'INPUT_UNREADABLE');
});

test('readGold seed: text read beside the expectations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-gold-'));
  try {
    writeFileSync(join(dir, 'story.txt'), 'Leaders met.');
    writeFileSync(join(dir, 'story.expected.json'), JSON.stringify({ document: { file: 'story.txt' }, required: [] }));
    const [item] = readGold(join(dir, 'story.expected.json'), 'seed');
    assert.deepEqual([item.id, item.text, item.required.length, item.forbidden], ['story', 'Leaders met.', 0, null]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('shared PLOVER dev set reads with the quirks applied', { skip: !existsSync(ploverDev) && 'needs ../shared' }, () => {
  const items = readGold(ploverDev, 'plover');
  assert.equal(items.length, 161);
  const types = new Set(items.flatMap((i) => i.required.flatMap((e) => e.plover)));
  for (const old of ['DISAPPROVE', 'INVESTIGATE', 'DEMAND', 'FIGHT']) assert.ok(!types.has(old), old);
  assert.equal(types.size, 16, [...types].join(','));
  const countries = new Set(items.flatMap((i) => i.required.flatMap((e) => [...e.source.countries, ...(e.target?.countries ?? [])])));
  assert.ok(!countries.has('JAP') && !countries.has('ITL') && countries.has('JPN'));
  // 9 records name two sources and no target (one symmetric pair each); compounds add 12 events.
  const events = items.flatMap((i) => i.required);
  assert.equal(events.filter((e) => e.symmetric).length, 9);
  assert.equal(events.length, 173);
  assert.ok(items.every((i) => i.required.length >= 1 && i.text.length > 0));
});

test('shared seed reads', { skip: !existsSync(seedFile) && 'needs ../shared' }, () => {
  const [item] = readGold(seedFile, 'seed');
  assert.equal(item.id, 'state-visit');
  assert.equal(item.date, '2024-05-14');
  assert.deepEqual(item.required.map((e) => e.id), ['visit', 'talks-xi', 'talks-li', 'joint-statement']);
  assert.equal(item.acceptable.length, 5);
  assert.deepEqual(item.forbidden?.cameoRoots, ['14', '15', '16', '17', '18', '19', '20']);
  assert.ok(item.text.includes('Putin'));
});
