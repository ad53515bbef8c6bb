import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asciiName, regionAltNames } from './place-names.js';
import { ambiguousNames, sharedAcrossCountries } from './ambiguity.js';
import { parseRegionRow } from './region-data.js';

const asciiRows: readonly [string, string][] = [
  ['Sāmarrā’', 'Samarra'],
  ['Karbalā\'', 'Karbala'],
  ['‘Ajlūn', 'Ajlun'],
  ['Ta‘izz', "Ta'izz"],
  ['Mazār-e Sharīf', 'Mazar-e Sharif'],
  ['Zürich', 'Zurich'],
];

for (const [name, want] of asciiRows) {
  test(`asciiName ${JSON.stringify(name)}`, () => assert.equal(asciiName(name), want));
}

const altRows: readonly [string, readonly string[]][] = [
  ['Al Anbār', ['Anbār', 'Al Anbar', 'Anbar']],
  ['Republic of Dagestan', ['Dagestan']],
  ['Amur Oblast', ['Amur']],
  ['Donetska oblast', ['Donetska']],
  ['Sakha (Yakutia) Republic', ['Sakha Republic']],
  // "Chechen" names a people, not the region
  ['Chechen Republic', []],
  ['Sindh', []],
];

for (const [name, want] of altRows) {
  test(`regionAltNames ${JSON.stringify(name)}`, () => assert.deepEqual(regionAltNames(name), want));
}

const words = new Set(['delta', 'rivers', 'split', 'orange']);
const rules = { isCommonWord: (w: string) => words.has(w), personWords: new Set(['santos']), keep: new Set(['orange']) };

test('ambiguousNames flags one-word English words and people\'s names, not kept or longer names', () => {
  assert.deepEqual(ambiguousNames(['Delta', 'Delta State', 'Santos', 'Split', 'Orange', 'Samarra', 'Rivers', 'Delta'], rules), [
    { id: 'Delta', why: 'common word' },
    { id: 'Rivers', why: 'common word' },
    { id: 'Santos', why: "person's name" },
    { id: 'Split', why: 'common word' },
  ]);
});

test('sharedAcrossCountries finds names of regions in several countries only', () => {
  const shared = sharedAcrossCountries([
    { names: ['Punjab'], country: 'PAK' },
    { names: ['Punjab'], country: 'IND' },
    { names: ['Sindh', 'Sindh Province'], country: 'PAK' },
    { names: ['Central'], country: 'GHA' },
    { names: ['Central'], country: 'KEN' },
  ]);
  assert.deepEqual([...shared].sort(), ['central', 'punjab']);
});

const regionRows: readonly [string, string | RegExp][] = [
  ['rg:PK-SD | Sindh | PAK |', 'Sindh/PAK/'],
  ['rg:IQ-AN | Al Anbār | IRQ | Anbar; Al Anbar', 'Al Anbār/IRQ/Anbar,Al Anbar'],
  ['rg:PK-SD | Sindh | PAKISTAN', /alpha-3/],
  ['PK-SD | Sindh | PAK', /rg:/],
  ['rg:PK-SD | Sindh', /3 or 4 fields/],
];

for (const [row, want] of regionRows) {
  test(`region row ${JSON.stringify(row)}`, () => {
    const got = parseRegionRow(row);
    if (typeof want === 'string') {
      assert.ok(typeof got !== 'string', String(got));
      assert.equal(`${got.name}/${got.country}/${got.alt.join(',')}`, want);
      assert.deepEqual([got.lat, got.lon], [null, null]);
    } else {
      assert.equal(typeof got, 'string');
      assert.match(String(got), want);
    }
  });
}
