import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGazetteer } from './gazetteer.js';
import { defaultDataDir, parsePlaceRow } from './place-data.js';
import { makeDoc } from './test-doc.js';
import { KnowledgeError } from '../core/errors.js';

const gaz = loadGazetteer(defaultDataDir());

const lookups: readonly [string, { name: string; country: string; kind: 'country' | 'city' | 'region' } | null][] = [
  ['China', { name: 'China', country: 'CHN', kind: 'country' }],
  // A town under 250,000 does not hide a region (regression: "governor of Virginia" was South African).
  ['Virginia', { name: 'Virginia', country: 'USA', kind: 'region' }],
  ['Kent', { name: 'Kent', country: 'GBR', kind: 'region' }],
  ['Beijing', { name: 'Beijing', country: 'CHN', kind: 'city' }],
  ['the United States', { name: 'United States', country: 'USA', kind: 'country' }],
  ['U.S.', { name: 'United States', country: 'USA', kind: 'country' }],
  ['Moscow', { name: 'Moscow', country: 'RUS', kind: 'city' }],
  ['moscow', { name: 'Moscow', country: 'RUS', kind: 'city' }],
  ['Geneva', { name: 'Geneva', country: 'CHE', kind: 'city' }],
  ['Washington', { name: 'Washington D.C.', country: 'USA', kind: 'city' }],
  ['Turkey', { name: 'Türkiye', country: 'TUR', kind: 'country' }],
  ['Armenia', { name: 'Armenia', country: 'ARM', kind: 'country' }],
  ['Nice', null],
  ['Vladimir', null],
  ['Atlantis', null],
  // towns of 100,000-250,000 people, by their ASCII name (no trailing quote mark)
  ['Samarra', { name: 'Sāmarrā’', country: 'IRQ', kind: 'city' }],
  ["Samarra'", null],
  // first-level regions (country-region-data), with or without their division word
  ['Sindh', { name: 'Sindh', country: 'PAK', kind: 'region' }],
  ['Sindh province', { name: 'Sindh', country: 'PAK', kind: 'region' }],
  ['Tigray', { name: 'Tigray', country: 'ETH', kind: 'region' }],
  ['Aceh', { name: 'Aceh', country: 'IDN', kind: 'region' }],
  ['Anbar', { name: 'Al Anbār', country: 'IRQ', kind: 'region' }],
  ['Dagestan', { name: 'Republic of Dagestan', country: 'RUS', kind: 'region' }],
  ['Delta State', { name: 'Delta', country: 'NGA', kind: 'region' }],
  // informal regions (region-extras.yaml)
  ['Darfur', { name: 'Darfur', country: 'SDN', kind: 'region' }],
  ['West Darfur State', { name: 'West Darfur', country: 'SDN', kind: 'region' }],
  ['Kurdistan', { name: 'Kurdistan', country: 'IRQ', kind: 'region' }],
  ['Chechnya', { name: 'Chechnya', country: 'RUS', kind: 'region' }],
  ['Mindanao', { name: 'Mindanao', country: 'PHL', kind: 'region' }],
  ['Niger Delta', { name: 'Niger Delta', country: 'NGA', kind: 'region' }],
  ['the West Bank', { name: 'West Bank', country: 'PSE', kind: 'region' }],
  // countries and cities keep their names before regions ("Niger" the country, not the Nigerian state)
  ['Niger', { name: 'Niger', country: 'NER', kind: 'country' }],
  ['Lagos', { name: 'Lagos', country: 'NGA', kind: 'city' }],
  ['Gaza', { name: 'Gaza', country: 'PSE', kind: 'city' }],
  // ambiguous: a region of two countries, English words, people's names (ambiguous-words.yaml)
  ['Punjab', null],
  ['Kashmir', null],
  ['Delta', null],
  ['Rivers', null],
  ['Santos', null],
  // the generated list never hides a capital
  ['Brussels', { name: 'Brussels', country: 'BEL', kind: 'city' }],
  ['Tehran', { name: 'Tehran', country: 'IRN', kind: 'city' }],
];

for (const [name, want] of lookups) {
  test(`lookup ${JSON.stringify(name)}`, () => {
    const got = gaz.lookup(name);
    assert.deepEqual(got && { name: got.name, country: got.country, kind: got.kind }, want);
  });
}

test('regions have no coordinates', () => {
  const sindh = gaz.lookup('Sindh');
  assert.deepEqual(sindh && [sindh.lat, sindh.lon, sindh.population], [null, null, null]);
});

test('country() gives the centroid', () => {
  const chn = gaz.country('CHN');
  assert.deepEqual(chn && [chn.name, chn.lat, chn.lon, chn.kind], ['China', 35, 105, 'country']);
});

/** Every place match in the text, as "matched words=>place name". */
function matches(text: string): string[] {
  const doc = makeDoc(text);
  const tokens = doc.tokens ?? [];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = gaz.matchAt(tokens, i);
    if (!m) continue;
    out.push(`${doc.text.slice(tokens[m.start].start, tokens[m.end - 1].end)}=>${m.place.name}`);
    i = m.end - 1;
  }
  return out;
}

const texts: readonly [string, string[]][] = [
  ['Nice weather in Paris today.', ['Paris=>Paris']],
  ['Talks in Geneva and Kyiv.', ['Geneva=>Geneva', 'Kyiv=>Kyiv']],
  ['A visit to the People’s Republic of China.', ['People’s Republic of China=>China']],
  ['Officials in Washington, D.C. and the United States agreed.', ['Washington, D.C.=>Washington D.C.', 'United States=>United States']],
  ['Vladimir Putin met in Moscow.', ['Moscow=>Moscow']],
  ['He was reading about china and turkey.', []],
  ['Talks in El Salvador.', ['El Salvador=>El Salvador']],
  ['Clashes near Samarra and in Sindh province.', ['Samarra=>Sāmarrā’', 'Sindh province=>Sindh']],
  ['Fighting in West Darfur State and in Darfur.', ['West Darfur State=>West Darfur', 'Darfur=>Darfur']],
  ['Delta Air Lines and Rivers of Babylon.', []],
  ['Militants in Delta State and Rivers State.', ['Delta State=>Delta', 'Rivers State=>Rivers']],
];

for (const [text, want] of texts) {
  test(`matchAt over ${JSON.stringify(text)}`, () => {
    assert.deepEqual(matches(text), want);
  });
}

test('sources list the place files with their versions', () => {
  const files = gaz.sources.map((s) => s.file);
  for (const f of ['cities.yaml', 'regions.yaml', 'region-extras.yaml', 'ambiguous.yaml', 'ambiguous-words.yaml']) {
    assert.ok(files.some((x) => x.endsWith(f)), f);
  }
});

const badRows: readonly [string, RegExp][] = [
  ['gn:1 | X | RUSSIA | 1 | 2 | 3 | |', /alpha-3/],
  ['gn:1 | X | RUS | 95 | 2 | 3 | |', /lat/],
  ['gn:1 | X | RUS | 1 | 2 | 3.5 | |', /population/],
  ['gn:1 | X | RUS | 1 | 2', /7 or 8 fields/],
  ['1 | X | RUS | 1 | 2 | 3 | |', /gn:/],
];

for (const [row, message] of badRows) {
  test(`place row ${JSON.stringify(row)} is rejected`, () => {
    const got = parsePlaceRow(row);
    assert.equal(typeof got, 'string');
    assert.match(String(got), message);
  });
}

test('a broken place file is reported with file:line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-places-'));
  mkdirSync(join(dir, 'places'));
  for (const f of ['capitals.yaml', 'country-names.yaml', 'ambiguous.yaml', 'ambiguous-words.yaml', 'regions.yaml', 'region-extras.yaml']) copyFileSync(join(defaultDataDir(), 'places', f), join(dir, 'places', f));
  writeFileSync(join(dir, 'places', 'cities.yaml'), [
    'kind: places',
    'version: "1"',
    'entries:',
    '  - gn:1 | Goodtown | RUS | 1 | 2 | 3 | |',
    '  - gn:2 | Badtown | RUS | 100 | 2 | 3 | |',
    '',
  ].join('\n'));
  assert.throws(() => loadGazetteer(dir), (err: unknown) => {
    assert.ok(err instanceof KnowledgeError);
    assert.equal(err.issues.length, 1);
    assert.match(err.message, /cities\.yaml:5\b.*lat/);
    return true;
  });
});
