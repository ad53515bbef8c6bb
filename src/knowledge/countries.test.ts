import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCountries } from './countries.js';

const table = loadCountries();

test('one record per world-countries entry, by alpha-3 code', () => {
  assert.equal(table.all().length, 250);
  assert.equal(table.byCode('chn')?.iso2, 'CN');
  assert.equal(table.byCode('XXX'), undefined);
  assert.equal(table.byCode('UNK'), undefined, 'Kosovo is KSV');
});

const rows: readonly { code: string; name: string; has: string[]; lacks: string[]; demonym: string; capital: string }[] = [
  { code: 'USA', name: 'United States', has: ['United States of America', 'U.S.', 'USA'], lacks: ['US'], demonym: 'American', capital: 'Washington D.C.' },
  { code: 'CHN', name: 'China', has: ["People's Republic of China"], lacks: ['CN', 'Zhongguo', '中华人民共和国'], demonym: 'Chinese', capital: 'Beijing' },
  { code: 'RUS', name: 'Russia', has: ['Russian Federation'], lacks: ['Российская Федерация', 'RU'], demonym: 'Russian', capital: 'Moscow' },
  { code: 'TUR', name: 'Türkiye', has: ['Turkey', 'Republic of Turkey'], lacks: ['Türkiye Cumhuriyeti'], demonym: 'Turkish', capital: 'Ankara' },
  { code: 'GBR', name: 'United Kingdom', has: ['Great Britain', 'Britain', 'UK'], lacks: ['GB'], demonym: 'British', capital: 'London' },
  { code: 'ISL', name: 'Iceland', has: ['Republic of Iceland'], lacks: ['Island'], demonym: 'Icelander', capital: 'Reykjavik' },
  // Kosovo has no ISO alpha-3 code: CAMEO's KSV, not world-countries' UNK (regression: places said UNK, people KSV).
  { code: 'KSV', name: 'Kosovo', has: ['Republic of Kosovo'], lacks: ['XK'], demonym: 'Kosovar', capital: 'Pristina' },
];

for (const row of rows) {
  test(`${row.code}: names, demonyms and capital`, () => {
    const c = table.byCode(row.code);
    assert.ok(c);
    assert.equal(c.name, row.name);
    for (const n of row.has) assert.ok(c.names.includes(n), `${row.code} should have name ${n}`);
    for (const n of row.lacks) assert.ok(!c.names.includes(n), `${row.code} should not have name ${n}`);
    assert.equal(new Set(c.names).size, c.names.length, 'names are deduplicated');
    assert.ok(c.demonyms.includes(row.demonym));
    assert.equal(new Set(c.demonyms).size, c.demonyms.length, 'demonyms are deduplicated');
    assert.equal(c.capitals[0]?.name, row.capital);
  });
}

test('capital and centroid coordinates are plausible', () => {
  const rus = table.byCode('RUS');
  const moscow = rus?.capitals[0];
  assert.ok(moscow && Math.abs(moscow.lat - 55.75) < 0.1 && Math.abs(moscow.lon - 37.62) < 0.1);
  assert.deepEqual([rus?.lat, rus?.lon], [60, 100]);
  assert.equal(table.byCode('ZAF')?.capitals.length, 3, 'South Africa has three capitals');
  assert.ok(table.byCode('USA')?.capitals[0].alt.includes('Washington'));
});

test('every country name is Latin script and not the ISO 2-letter code', () => {
  for (const c of table.all()) {
    for (const n of c.names) {
      assert.notEqual(n, c.iso2, `${c.code}: ${n}`);
      assert.ok(/^[\p{Script=Latin}\p{N}\s'’.,()&-]+$/u.test(n), `${c.code}: ${n}`);
    }
  }
});

test('sources name the package and the data files with versions', () => {
  assert.ok(table.sources.some((s) => s.file === 'world-countries@5.1.0'));
  assert.ok(table.sources.some((s) => s.file.endsWith('capitals.yaml') && s.version === '2026.11.1'));
});
