import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ModalityValue } from '../core/doc.js';
import type { ActorOut, CodedEvent } from '../core/event.js';
import { parseCameoGold, parseSeedGold, readGold } from './gold.js';
import { parsePloverGold } from './plover-gold.js';
import { score, type EvalReport } from './score.js';
import type { GoldActor, GoldItem } from './types.js';

// ---- builders -------------------------------------------------------------------------------

function actor(spec: string | null): ActorOut | null {
  if (spec === null) return null;
  const [code, sector = null] = spec.split('/');
  // "-/REF": an actor with no country ("refugees").
  if (code === '-') return { code: sector ?? '', country: null, sector, name: null, role: null, text: sector ?? '', start: 0, end: 0 };
  const country = code.startsWith('IGO') ? 'IGO' : code.slice(0, 3);
  return { code: code + (sector ?? ''), country, sector, name: null, role: null, text: code, start: 0, end: 0 };
}

let nextId = 0;
/** A coded event: `src`/`tgt` as "RUS", "RUS/GOV", "IGONAT" or null. */
function ev(src: string | null, tgt: string | null, cameo: string, plover: string, modality: ModalityValue = 'occurred'): CodedEvent {
  nextId++;
  return {
    id: `e${nextId}`, doc: 'd', sentence: 0, source: actor(src), target: actor(tgt), cameo, root: cameo.slice(0, 2),
    quadClass: 1, goldstein: 0, plover: { type: plover, mode: null, contexts: [] }, modality, modalityCue: null,
    date: null, place: null, topics: [], trigger: { text: 'met', start: 0, end: 3 }, rule: 'test', confidence: 1,
    knowledge: 'test', attribution: null, mentions: [],
  };
}

/** A CAMEO gold item from our own JSONL format. */
function cameoItem(id: string, events: readonly object[], acceptable: readonly object[] = []): GoldItem {
  return parseCameoGold(JSON.stringify({ id, text: `Text of ${id}.`, events, acceptable }), 'fixture')[0];
}

/** A PLOVER gold item: sources/targets as "CODE" or "CODE/SECTOR". */
function ploverItem(id: string, type: string, sources: readonly string[], targets: readonly string[] | string): GoldItem {
  const toActor = (s: string): object => {
    const [code, sector] = s.split('/');
    return sector ? { code, sector } : { code };
  };
  const rec = {
    id, text: `Sentence ${id}.`, event: type, source_actors: sources.map(toActor),
    target_actors: typeof targets === 'string' ? targets : targets.map(toActor),
  };
  return parsePloverGold(JSON.stringify(rec), 'fixture')[0];
}

type Triple = readonly [tp: number, fp: number, fn: number];
function triple(r: EvalReport, level: 'typeOnly' | 'lenient' | 'strict'): Triple {
  const o = r.levels[level].overall;
  return [o.tp, o.fp, o.fn];
}

// ---- fixture table ----------------------------------------------------------------------------

interface Row {
  readonly name: string;
  readonly items: readonly GoldItem[];
  readonly coded: Readonly<Record<string, readonly CodedEvent[]>>;
  readonly typeOnly?: Triple;
  readonly lenient: Triple;
  readonly strict?: Triple;
  readonly acceptable?: number;
}

const visit = { source: { country: 'RUS' }, target: { country: 'CHN' }, cameo: ['042'] };

const rows: readonly Row[] = [
  { name: 'exact CAMEO match', items: [cameoItem('a', [visit])], coded: { a: [ev('RUS/GOV', 'CHN', '042', 'CONSULT')] },
    typeOnly: [1, 0, 0], lenient: [1, 0, 0], strict: [1, 0, 0] },
  { name: 'same root, other code: lenient only', items: [cameoItem('a', [visit])], coded: { a: [ev('RUS', 'CHN', '040', 'CONSULT')] },
    lenient: [1, 0, 0], strict: [0, 1, 1] },
  { name: 'code list: any listed code is right', items: [cameoItem('a', [{ ...visit, cameo: ['042', '036'] }])],
    coded: { a: [ev('RUS', 'CHN', '036', 'AGREE')] }, lenient: [1, 0, 0], strict: [1, 0, 0] },
  { name: 'symmetric swap matches', items: [cameoItem('a', [{ ...visit, symmetric: true }])],
    coded: { a: [ev('CHN', 'RUS', '042', 'CONSULT')] }, lenient: [1, 0, 0], strict: [1, 0, 0] },
  { name: 'swap on a non-symmetric event does not', items: [cameoItem('a', [visit])],
    coded: { a: [ev('CHN', 'RUS', '042', 'CONSULT')] }, typeOnly: [1, 0, 0], lenient: [0, 1, 1] },
  { name: 'IGO wildcard matches an IGO actor', items: [cameoItem('a', [{ ...visit, target: { country: 'IGO' }, cameo: ['112'] }])],
    coded: { a: [ev('RUS', 'IGONAT', '112', 'ACCUSE')] }, lenient: [1, 0, 0] },
  { name: 'IGO wildcard does not match a country', items: [cameoItem('a', [{ ...visit, target: { country: 'IGO' }, cameo: ['112'] }])],
    coded: { a: [ev('RUS', 'BEL', '112', 'ACCUSE')] }, lenient: [0, 1, 1] },
  { name: 'A|B list: any alternative', items: [cameoItem('a', [{ ...visit, target: { country: 'IGO|NATO|USA' }, cameo: ['112'] }])],
    coded: { a: [ev('RUS', 'USA', '112', 'ACCUSE')] }, lenient: [1, 0, 0] },
  { name: 'A|B list: others fail', items: [cameoItem('a', [{ ...visit, target: { country: 'IGO|NATO|USA' }, cameo: ['112'] }])],
    coded: { a: [ev('RUS', 'GBR', '112', 'ACCUSE')] }, lenient: [0, 1, 1] },
  { name: 'acceptable event neither credited nor penalised',
    items: [cameoItem('a', [visit], [{ source: { country: 'CHN' }, target: { country: 'RUS' }, cameo: ['043'] }])],
    coded: { a: [ev('RUS', 'CHN', '042', 'CONSULT'), ev('CHN', 'RUS', '043', 'CONSULT')] },
    lenient: [1, 0, 0], strict: [1, 0, 0], acceptable: 1 },
  { name: 'an expected event is matched at most once', items: [cameoItem('a', [visit])],
    coded: { a: [ev('RUS', 'CHN', '042', 'CONSULT'), ev('RUS', 'CHN', '042', 'CONSULT')] },
    typeOnly: [1, 0, 0], lenient: [1, 1, 0], strict: [1, 1, 0] },
  { name: 'matching is maximal, not greedy',
    items: [cameoItem('a', [{ ...visit, cameo: ['042', '036'] }, { ...visit, cameo: ['036'] }])],
    coded: { a: [ev('RUS', 'CHN', '036', 'AGREE'), ev('RUS', 'CHN', '042', 'CONSULT')] }, lenient: [2, 0, 0], strict: [2, 0, 0] },
  { name: 'PLOVER 2016 name DEMAND scores as REQUEST', items: [ploverItem('p', 'DEMAND', ['USA'], ['IRQ'])],
    coded: { p: [ev('USA', 'IRQ', '100', 'REQUEST')] }, typeOnly: [1, 0, 0], lenient: [1, 0, 0] },
  { name: 'PLOVER FIGHT scores as ASSAULT, JAP as JPN', items: [ploverItem('p', 'FIGHT', ['JAP'], ['CHN'])],
    coded: { p: [ev('JPN', 'CHN', '190', 'ASSAULT')] }, lenient: [1, 0, 0] },
  { name: 'type-only ignores actors; type+actors does not', items: [ploverItem('p', 'THREATEN', ['ISR'], ['LBN'])],
    coded: { p: [ev('SYR', 'LBN', '138', 'THREATEN')] }, typeOnly: [1, 0, 0], lenient: [0, 1, 1] },
  { name: 'strict PLOVER compares sectors on three letters', items: [ploverItem('p', 'ASSAULT', ['TUR/MIL'], ['IRQ/CVLkur'])],
    coded: { p: [ev('TUR/MIL', 'IRQ/CVL', '190', 'ASSAULT')] }, lenient: [1, 0, 0], strict: [1, 0, 0] },
  { name: 'strict PLOVER: wrong sector', items: [ploverItem('p', 'ASSAULT', ['TUR/MIL'], ['IRQ'])],
    coded: { p: [ev('TUR/GOV', 'IRQ', '190', 'ASSAULT')] }, lenient: [1, 0, 0], strict: [0, 1, 1] },
  { name: 'compound sources expand to one symmetric pair', items: [ploverItem('p', 'AGREE', ['HUN/GOV', 'ROU/GOV'], [])],
    coded: { p: [ev('ROU', 'HUN', '030', 'AGREE')] }, typeOnly: [1, 0, 0], lenient: [1, 0, 0] },
  { name: 'compound pair coded both ways: second is a false positive', items: [ploverItem('p', 'AGREE', ['HUN', 'ROU'], [])],
    coded: { p: [ev('ROU', 'HUN', '030', 'AGREE'), ev('HUN', 'ROU', '030', 'AGREE')] }, typeOnly: [1, 0, 0], lenient: [1, 1, 0] },
  { name: 'one source, two targets: two expected pairs', items: [ploverItem('p', 'THREATEN', ['IMG'], ['USA', 'ISR'])],
    coded: { p: [ev('IMG', 'USA', '138', 'THREATEN')] }, typeOnly: [1, 0, 0], lenient: [1, 0, 1] },
  { name: 'pairs differing only in sector: one expected event without sectors',
    items: [ploverItem('p', 'INVESTIGATE', ['IGO/MIL', 'IGO/CVL'], ['BIH'])],
    coded: { p: [ev('IGOUNO/MIL', 'BIH', '090', 'ACCUSE')] }, typeOnly: [1, 0, 0], lenient: [1, 0, 0], strict: [1, 0, 1] },
  { name: 'both sector pairs coded: the second is absorbed, not a false positive',
    items: [ploverItem('p', 'INVESTIGATE', ['IGO/MIL', 'IGO/CVL'], ['BIH'])],
    coded: { p: [ev('IGOUNO/MIL', 'BIH', '090', 'ACCUSE'), ev('IGOUNO/CVL', 'BIH', '090', 'ACCUSE')] },
    typeOnly: [1, 0, 0], lenient: [1, 0, 0], strict: [2, 0, 0] },
  { name: 'no target expected: a coded target misses', items: [ploverItem('p', 'PROTEST', ['FRA/LAB'], [])],
    coded: { p: [ev('FRA', 'DEU', '141', 'PROTEST')] }, lenient: [0, 1, 1] },
  { name: 'no target expected: a coded target with no country has the same (no) country',
    items: [ploverItem('p', 'REJECT', ['SYR'], [])],
    coded: { p: [ev('SYR', '-/REF', '120', 'REJECT')] }, lenient: [1, 0, 0], strict: [0, 1, 1] },
  { name: 'string target_actors means no target', items: [ploverItem('p', 'REJECT', ['SRB'], 'diplomatic')],
    coded: { p: [ev('SRB', null, '120', 'REJECT')] }, lenient: [1, 0, 0] },
  { name: 'events PLOVER does not code are not scored', items: [ploverItem('p', 'REJECT', ['SRB'], [])],
    coded: { p: [ev('SRB', null, '120', 'REJECT'), ev('SRB', null, '010', 'NONE')] }, lenient: [1, 0, 0] },
  { name: 'a gold item with nothing coded', items: [ploverItem('p', 'REJECT', ['SRB'], [])], coded: {},
    typeOnly: [0, 0, 1], lenient: [0, 0, 1], strict: [0, 0, 1] },
];

for (const row of rows) {
  test(`score: ${row.name}`, () => {
    const r = score(row.items, new Map(Object.entries(row.coded)));
    assert.deepEqual(triple(r, 'lenient'), row.lenient, 'lenient');
    if (row.typeOnly) assert.deepEqual(triple(r, 'typeOnly'), row.typeOnly, 'typeOnly');
    if (row.strict) assert.deepEqual(triple(r, 'strict'), row.strict, 'strict');
    if (row.acceptable !== undefined) assert.equal(r.levels.lenient.acceptable, row.acceptable);
  });
}

// ---- details ------------------------------------------------------------------------------------

test('per-type breakdown numbers', () => {
  const items = [
    ploverItem('p1', 'AGREE', ['USA'], ['JOR']),
    ploverItem('p2', 'AGREE', ['FRA'], ['DEU']),
    ploverItem('p3', 'DISAPPROVE', ['RUS'], ['USA']),
    ploverItem('p4', 'PROTEST', ['GBR/LAB'], []),
  ];
  const coded = new Map([
    ['p1', [ev('USA', 'JOR', '030', 'AGREE')]],
    ['p2', [ev('FRA', 'DEU', '111', 'ACCUSE')]],
    ['p3', [ev('RUS', 'USA', '111', 'ACCUSE'), ev('RUS', 'USA', '163', 'COERCE')]],
    ['p4', []],
  ]);
  const r = score(items, coded).levels.lenient;
  const pick = (k: string): Triple => [r.byType[k].tp, r.byType[k].fp, r.byType[k].fn];
  assert.deepEqual(Object.keys(r.byType), ['ACCUSE', 'AGREE', 'COERCE', 'PROTEST']);
  assert.deepEqual(pick('AGREE'), [1, 0, 1]);
  assert.deepEqual(pick('ACCUSE'), [1, 1, 0]);
  assert.deepEqual(pick('COERCE'), [0, 1, 0]);
  assert.deepEqual(pick('PROTEST'), [0, 0, 1]);
  assert.deepEqual([r.overall.tp, r.overall.fp, r.overall.fn], [2, 2, 2]);
  assert.equal(r.overall.precision, 0.5);
  assert.equal(r.overall.recall, 0.5);
  assert.equal(r.overall.f1, 0.5);
  assert.equal(r.byType.AGREE.recall, 0.5);
  assert.equal(r.byType.AGREE.precision, 1);
  assert.ok(Math.abs(r.byType.AGREE.f1 - 2 / 3) < 1e-12);
});

test('misses and false positives say why, with the sentence', () => {
  const item = ploverItem('p', 'THREATEN', ['ISR'], ['LBN']);
  const r = score([item], new Map([['p', [ev('SYR', 'LBN', '138', 'THREATEN'), ev('ISR', 'LBN', '111', 'ACCUSE')]]]));
  const { misses, falsePositives } = r.levels.lenient;
  assert.equal(misses.length, 1);
  assert.equal(misses[0].goldId, 'p');
  assert.equal(misses[0].text, 'Sentence p.');
  assert.match(misses[0].why, /source SYR, expected ISR/);
  assert.equal(falsePositives.length, 2);
  assert.match(falsePositives[0].why, /differs: source SYR, expected ISR/);
  assert.match(falsePositives[1].why, /no expected event of type ACCUSE \(expected: THREATEN\)/);
  assert.equal(falsePositives[1].text, 'Sentence p.');
});

test('a duplicate is reported as such', () => {
  const r = score([cameoItem('a', [visit])], new Map([['a', [ev('RUS', 'CHN', '042', 'CONSULT'), ev('RUS', 'CHN', '042', 'CONSULT')]]]));
  assert.match(r.levels.lenient.falsePositives[0].why, /^duplicate: expected a#1/);
  assert.equal(r.levels.typeOnly.repeats, 1);
});

test('the false positive text is the sentence around the trigger', () => {
  const text = 'Leaders met in Paris. Then Russia attacked the town. Talks went on.';
  const item: GoldItem = { ...cameoItem('a', [visit]), text };
  const bad = { ...ev('RUS', 'UKR', '190', 'ASSAULT'), trigger: { text: 'attacked', start: 34, end: 42 } };
  const fp = score([item], new Map([['a', [bad]]])).levels.lenient.falsePositives[0];
  assert.equal(fp.text, 'Then Russia attacked the town.');
  assert.equal(fp.trigger, 'attacked');
});

test('forbidden roots and modalities are listed apart', () => {
  const seed = parseSeedGold({
    document: { file: 'x.txt', published: '2024-05-14' },
    required: [{ id: 'visit', source: { country: 'RUS' }, target: { country: 'CHN' }, cameo: ['042'], plover: 'CONSULT|AGREE', modality: 'planned' }],
    forbidden: { modality: ['occurred'], cameoRoots: ['19'] },
  }, 'Putin will visit China.', 'x');
  const coded = [ev('RUS', 'CHN', '042', 'CONSULT', 'occurred'), ev('RUS', 'CHN', '190', 'ASSAULT', 'planned'), ev('USA', 'CHN', '042', 'CONSULT', 'occurred')];
  const r = score([seed], new Map([['x', coded]]));
  assert.deepEqual(r.forbidden.map((v) => [v.eventId, v.rule, v.goldId]), [
    [coded[0].id, 'modality', 'visit'],
    [coded[1].id, 'cameoRoot', null],
  ]);
  assert.deepEqual(triple(r, 'strict'), [1, 2, 0]);
});

test('the seed can be scored by PLOVER type', () => {
  const seed = parseSeedGold({
    document: { file: 'x.txt' },
    required: [{ id: 'visit', source: { country: 'RUS' }, target: { country: 'CHN' }, cameo: ['042'], plover: 'CONSULT|AGREE' }],
  }, 'Putin will visit China.', 'x');
  const coded = new Map([['x', [ev('RUS', 'CHN', '036', 'AGREE', 'planned')]]]);
  assert.deepEqual(triple(score([seed], coded), 'strict'), [0, 1, 1]);
  assert.deepEqual(triple(score([seed], coded, { scheme: 'plover' }), 'lenient'), [1, 0, 0]);
});

test('report totals', () => {
  const items = [ploverItem('p', 'THREATEN', ['IMG'], ['USA', 'ISR']), ploverItem('q', 'AID', ['USA'], ['HTI'])];
  const r = score(items, new Map([['p', [ev('IMG', 'USA', '138', 'THREATEN'), ev('IMG', null, '010', 'NONE')]]]));
  assert.equal(r.items, 2);
  assert.equal(r.goldEvents, 3);
  assert.equal(r.codedEvents, 2);
  assert.equal(r.unscored, 1);
  assert.deepEqual(r.missingItems, ['q']);
});

// ---- the shared dev set ------------------------------------------------------------------------

const ploverDev = fileURLToPath(new URL('../../../shared/eval/plover-gsr-dev.jsonl', import.meta.url));

test('a coder that reproduces the PLOVER dev set scores 1 at every level', { skip: !existsSync(ploverDev) && 'needs ../shared' }, () => {
  const items = readGold(ploverDev, 'plover');
  const spec = (g: GoldActor | null): string | null =>
    g === null ? null : `${g.countries[0] ?? 'XXX'}${g.sector ? `/${g.sector}` : ''}`;
  const coded = new Map(items.map((item) => [item.id, item.required.map((g) => ev(spec(g.source), spec(g.target), '010', g.plover[0]))]));
  const r = score(items, coded);
  for (const level of ['typeOnly', 'lenient', 'strict'] as const) {
    assert.equal(r.levels[level].overall.f1, 1, level);
    assert.equal(r.levels[level].falsePositives.length, 0, level);
  }
  assert.equal(r.levels.strict.overall.tp, 173);
  // Pairs that differ only in sector (IGO/MIL and IGO/CVL -> BIH) are one expected event without sectors.
  assert.equal(r.levels.lenient.overall.tp, 168);
  assert.equal(r.levels.lenient.repeats, 5);
  // Dropping every target keeps type-only recall and costs type+actors recall.
  const noTargets = new Map([...coded].map(([id, list]) => [id, list.map((e) => ({ ...e, target: null }))]));
  const r2 = score(items, noTargets);
  assert.equal(r2.levels.typeOnly.overall.recall, 1);
  assert.ok(r2.levels.lenient.overall.recall < 0.25);
});
