/**
 * The actor knowledge files (data/actors/*.yaml): they load, their ids are unique, dated roles
 * do not overlap, key facts are right, and short names are not ambiguous.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import { loadDataFile, parseDataFile } from '../src/knowledge/data-file.js';
import { actorEntrySchema, type ActorEntry, type PersonEntry, type RoleEntry } from '../src/actors/schema.js';
import { KnowledgeError } from '../src/core/errors.js';

const dataDir = new URL('../data/actors/', import.meta.url);
const agentCodesFile = new URL('../../shared/reference/cameo-agent-codes.tsv', import.meta.url);
const ploverSectorsFile = new URL('../../shared/reference/plover-sectors.tsv', import.meta.url);
const TODAY = '2026-11-29';
const countries = createRequire(import.meta.url)('world-countries') as Countries;

/** The hand-kept files; generated ones (a `generated:` header, scripts/import-phoenix.ts) have their own tests. */
const fileNames = readdirSync(fileURLToPath(dataDir)).filter((f) => f.endsWith('.yaml'))
  .filter((f) => !/^generated:/m.test(readFileSync(fileURLToPath(new URL(f, dataDir)), 'utf8'))).sort();

interface Loaded {
  readonly file: string;
  readonly entry: ActorEntry;
}

function loadAll(): readonly Loaded[] {
  return fileNames.flatMap((name) => {
    const data = loadDataFile(fileURLToPath(new URL(name, dataDir)), 'actors', actorEntrySchema);
    return data.entries.map((e) => ({ file: name, entry: e.value }));
  });
}

const all = loadAll();
const entries = all.map((l) => l.entry);
const persons = entries.filter((e): e is PersonEntry => e.kind === 'person');
const byId = new Map(entries.map((e) => [e.id, e]));

function person(id: string): PersonEntry {
  const e = byId.get(id);
  assert.ok(e, `missing ${id}`);
  assert.equal(e.kind, 'person');
  return e as PersonEntry;
}

function roleCountry(p: PersonEntry, r: RoleEntry): string {
  return r.country ?? p.country;
}

function holds(r: RoleEntry, date: string): boolean {
  return (r.start ?? '0000-01-01') <= date && (r.end === undefined || date < r.end);
}

// ------------------------------------------------------------------ loading

test('the actor data folder has the expected files', () => {
  for (const f of ['organisations.yaml', 'seats.yaml', 'countries.yaml', 'agents.yaml', 'titles.yaml', 'groups.yaml',
    'people-americas.yaml', 'people-europe.yaml', 'people-asia.yaml', 'people-africa-me.yaml', 'people-igo.yaml']) {
    assert.ok(fileNames.includes(f), `data/actors/${f} is missing`);
  }
});

for (const name of fileNames) {
  test(`${name} loads with the actor schema`, () => {
    const data = loadDataFile(fileURLToPath(new URL(name, dataDir)), 'actors', actorEntrySchema);
    assert.equal(data.kind, 'actors');
    assert.match(data.version, /^\d{4}\.\d{1,2}\.\d+$/, 'a version such as "2026.11.1"');
    assert.ok(data.entries.length > 0);
  });
}

test('ids are unique across all files', () => {
  const seen = new Map<string, string>();
  const dups: string[] = [];
  for (const { file, entry } of all) {
    const prev = seen.get(entry.id);
    if (prev !== undefined) dups.push(`${entry.id} in ${prev} and ${file}`);
    seen.set(entry.id, file);
  }
  assert.deepEqual(dups, []);
});

test('person ids follow person.<iso3>.<slug> with the person\'s country', () => {
  const bad = persons.filter((p) => !p.id.startsWith(`person.${p.country.toLowerCase()}.`)).map((p) => p.id);
  assert.deepEqual(bad, []);
});

test('entries of each kind live in their own file', () => {
  const expected: Readonly<Record<ActorEntry['kind'], RegExp>> = {
    person: /^people-/, organisation: /^organisations\.yaml$/, country: /^countries\.yaml$/, seat: /^seats\.yaml$/,
    agent: /^agents\.yaml$/, title: /^titles\.yaml$/, group: /^groups\.yaml$/, ethnic: /^ethnic-groups\.yaml$/,
  };
  const misplaced = all.filter(({ file, entry }) => !expected[entry.kind].test(file)).map(({ file, entry }) => `${entry.id} in ${file}`);
  assert.deepEqual(misplaced, []);
});

// ------------------------------------------------------------------ roles in time

/** Real overlaps: acting office-holders while the titular holder was suspended. person id|office|country. */
const overlapExceptions: ReadonlySet<string> = new Set([
  'person.bra.michel-temer|head_of_state|BRA',            // acting while Rousseff was suspended, 2016
  'person.kor.goh-kun|head_of_state|KOR',                 // acting while Roh was suspended, 2004
  'person.kor.hwang-kyo-ahn|head_of_state|KOR',           // acting while Park was suspended, 2016-17
  'person.kor.han-duck-soo|head_of_state|KOR',            // acting while Yoon was suspended, 2024-25
  'person.kor.choi-sang-mok|head_of_state|KOR',           // acting while Yoon was suspended, 2024-25
]);

const checkedOffices: ReadonlySet<string> = new Set(['head_of_state', 'head_of_government', 'foreign_minister']);

interface Held {
  readonly who: string;
  readonly role: RoleEntry;
}

function rolesByOfficeAndCountry(): Map<string, Held[]> {
  const groups = new Map<string, Held[]>();
  for (const p of persons) {
    for (const r of p.roles) {
      if (!checkedOffices.has(r.office)) continue;
      const key = `${r.office}|${roleCountry(p, r)}`;
      groups.set(key, [...(groups.get(key) ?? []), { who: p.id, role: r }]);
    }
  }
  return groups;
}

function overlaps(a: RoleEntry, b: RoleEntry): boolean {
  const aEnd = a.end ?? '9999-12-31';
  const bEnd = b.end ?? '9999-12-31';
  return (a.start ?? '0000-01-01') < bEnd && (b.start ?? '0000-01-01') < aEnd;
}

function excepted(h: Held, key: string): boolean {
  return overlapExceptions.has(`${h.who}|${key}`);
}

test('no two holders of the same office in the same country overlap in time', () => {
  const clashes: string[] = [];
  for (const [key, held] of rolesByOfficeAndCountry()) {
    for (let i = 0; i < held.length; i++) {
      for (let j = i + 1; j < held.length; j++) {
        const a = held[i];
        const b = held[j];
        if (!overlaps(a.role, b.role) || excepted(a, key) || excepted(b, key)) continue;
        clashes.push(`${key}: ${a.who} ${a.role.start}..${a.role.end ?? ''} vs ${b.who} ${b.role.start}..${b.role.end ?? ''}`);
      }
    }
  }
  assert.deepEqual(clashes, []);
});

test('the overlap exceptions are all still needed', () => {
  const groups = rolesByOfficeAndCountry();
  for (const exception of overlapExceptions) {
    const [who, office, country] = exception.split('|');
    const key = `${office}|${country}`;
    const held = groups.get(key) ?? [];
    const mine = held.filter((h) => h.who === who);
    const others = held.filter((h) => h.who !== who);
    assert.ok(mine.some((m) => others.some((o) => overlaps(m.role, o.role))), `exception ${exception} has no overlap`);
  }
});

test('no role starts after today, and every date is a real calendar day', () => {
  for (const p of persons) {
    for (const r of p.roles) {
      for (const d of [r.start, r.end].filter((x): x is string => x !== undefined)) {
        assert.equal(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10), d, `${p.id}: ${d}`);
      }
      assert.ok(r.start !== undefined && r.start <= TODAY, `${p.id} role ${r.role} starts in the future`);
    }
  }
});

// ------------------------------------------------------------------ facts

interface RoleFact {
  readonly id: string;
  readonly role: string;
  readonly office: RoleEntry['office'];
  readonly start: string;
  readonly end?: string;
  readonly country?: string;
}

const roleFacts: readonly RoleFact[] = [
  { id: 'person.rus.vladimir-putin', role: 'President', office: 'head_of_state', start: '2000-05-07', end: '2008-05-07' },
  { id: 'person.rus.vladimir-putin', role: 'Prime Minister', office: 'head_of_government', start: '2008-05-08', end: '2012-05-07' },
  { id: 'person.rus.vladimir-putin', role: 'President', office: 'head_of_state', start: '2012-05-07' },
  { id: 'person.rus.dmitry-medvedev', role: 'President', office: 'head_of_state', start: '2008-05-07', end: '2012-05-07' },
  { id: 'person.rus.dmitry-medvedev', role: 'Prime Minister', office: 'head_of_government', start: '2012-05-08', end: '2020-01-16' },
  { id: 'person.rus.sergey-lavrov', role: 'Foreign Minister', office: 'foreign_minister', start: '2004-03-09' },
  { id: 'person.chn.xi-jinping', role: 'President', office: 'head_of_state', start: '2013-03-14' },
  { id: 'person.chn.li-qiang', role: 'Premier', office: 'head_of_government', start: '2023-03-11' },
  { id: 'person.chn.li-keqiang', role: 'Premier', office: 'head_of_government', start: '2013-03-15', end: '2023-03-11' },
  { id: 'person.chn.wen-jiabao', role: 'Premier', office: 'head_of_government', start: '2003-03-16', end: '2013-03-15' },
  { id: 'person.chn.wang-yi', role: 'Foreign Minister', office: 'foreign_minister', start: '2013-03-16', end: '2022-12-30' },
  { id: 'person.chn.wang-yi', role: 'Foreign Minister', office: 'foreign_minister', start: '2023-07-25' },
  { id: 'person.chn.qin-gang', role: 'Foreign Minister', office: 'foreign_minister', start: '2022-12-30', end: '2023-07-25' },
  { id: 'person.usa.joe-biden', role: 'President', office: 'head_of_state', start: '2021-01-20', end: '2025-01-20' },
  { id: 'person.usa.donald-trump', role: 'President', office: 'head_of_state', start: '2017-01-20', end: '2021-01-20' },
  { id: 'person.usa.donald-trump', role: 'President', office: 'head_of_state', start: '2025-01-20' },
  { id: 'person.usa.marco-rubio', role: 'Secretary of State', office: 'foreign_minister', start: '2025-01-21' },
  { id: 'person.deu.olaf-scholz', role: 'Chancellor', office: 'head_of_government', start: '2021-12-08', end: '2025-05-06' },
  { id: 'person.deu.friedrich-merz', role: 'Chancellor', office: 'head_of_government', start: '2025-05-06' },
  { id: 'person.deu.angela-merkel', role: 'Chancellor', office: 'head_of_government', start: '2005-11-22', end: '2021-12-08' },
  { id: 'person.gbr.charles-iii', role: 'King', office: 'head_of_state', start: '2022-09-08' },
  { id: 'person.gbr.elizabeth-ii', role: 'Queen', office: 'head_of_state', start: '1952-02-06', end: '2022-09-08' },
  { id: 'person.gbr.keir-starmer', role: 'Prime Minister', office: 'head_of_government', start: '2024-07-05' },
  { id: 'person.ind.narendra-modi', role: 'Prime Minister', office: 'head_of_government', start: '2014-05-26' },
  { id: 'person.ind.subrahmanyam-jaishankar', role: 'External Affairs Minister', office: 'foreign_minister', start: '2019-05-30' },
  { id: 'person.jpn.naruhito', role: 'Emperor', office: 'head_of_state', start: '2019-05-01' },
  { id: 'person.sau.salman-bin-abdulaziz', role: 'King', office: 'head_of_state', start: '2015-01-23' },
  { id: 'person.sau.mohammed-bin-salman', role: 'Crown Prince', office: 'other', start: '2017-06-21' },
  { id: 'person.fra.emmanuel-macron', role: 'President', office: 'head_of_state', start: '2017-05-14' },
  { id: 'person.tur.recep-tayyip-erdogan', role: 'President', office: 'head_of_state', start: '2014-08-28' },
  { id: 'person.irn.ali-khamenei', role: 'Supreme Leader', office: 'head_of_state', start: '1989-06-04' },
  { id: 'person.kor.ban-ki-moon', role: 'Secretary-General of the United Nations', office: 'other', start: '2007-01-01', end: '2017-01-01', country: 'IGO' },
  { id: 'person.prt.antonio-guterres', role: 'Secretary-General of the United Nations', office: 'other', start: '2017-01-01', country: 'IGO' },
  { id: 'person.nld.mark-rutte', role: 'Secretary-General of NATO', office: 'other', start: '2024-10-01', country: 'IGO' },
  { id: 'person.deu.ursula-von-der-leyen', role: 'President of the European Commission', office: 'other', start: '2019-12-01', country: 'IGO' },
];

for (const fact of roleFacts) {
  test(`fact: ${fact.id} ${fact.role} ${fact.start}..${fact.end ?? ''}`, () => {
    const p = person(fact.id);
    const match = p.roles.find((r) => r.start === fact.start && r.office === fact.office && r.role === fact.role);
    assert.ok(match, `${fact.id} has no ${fact.role} role from ${fact.start}`);
    assert.equal(match.end, fact.end);
    assert.equal(roleCountry(p, match), fact.country ?? p.country);
  });
}

/** Who holds an office on a date: [country, office, date, person id]. */
const holderFacts: readonly (readonly [string, RoleEntry['office'], string, string])[] = [
  ['RUS', 'head_of_state', '2010-06-01', 'person.rus.dmitry-medvedev'],
  ['RUS', 'head_of_government', '2010-06-01', 'person.rus.vladimir-putin'],
  ['USA', 'head_of_state', '2005-06-01', 'person.usa.george-w-bush'],
  ['USA', 'foreign_minister', '2014-06-01', 'person.usa.john-kerry'],
  ['GBR', 'head_of_government', '2017-06-01', 'person.gbr.theresa-may'],
  ['GBR', 'foreign_minister', '2017-06-01', 'person.gbr.boris-johnson'],
  ['CHN', 'foreign_minister', '2023-03-01', 'person.chn.qin-gang'],
  ['JPN', 'head_of_government', '2015-01-01', 'person.jpn.shinzo-abe'],
  ['FRA', 'head_of_government', '2010-01-01', 'person.fra.francois-fillon'],
  ['ITA', 'head_of_government', '2020-01-01', 'person.ita.giuseppe-conte'],
  ['IND', 'head_of_government', '2010-01-01', 'person.ind.manmohan-singh'],
  ['BRA', 'head_of_state', '2020-01-01', 'person.bra.jair-bolsonaro'],
  ['SAU', 'head_of_state', '2010-01-01', 'person.sau.abdullah-bin-abdulaziz'],
  ['ZAF', 'head_of_state', '2015-01-01', 'person.zaf.jacob-zuma'],
  ['KOR', 'head_of_state', '2019-01-01', 'person.kor.moon-jae-in'],
  ['TUR', 'head_of_government', '2010-01-01', 'person.tur.recep-tayyip-erdogan'],
  ['AUS', 'head_of_government', '2020-01-01', 'person.aus.scott-morrison'],
  ['ISR', 'head_of_government', '2024-01-01', 'person.isr.benjamin-netanyahu'],
];

for (const [country, office, date, id] of holderFacts) {
  test(`fact: ${country} ${office} on ${date} is ${id}`, () => {
    const holders = persons.filter((p) => p.roles.some((r) => r.office === office && roleCountry(p, r) === country && holds(r, date)));
    assert.deepEqual(holders.map((p) => p.id), [id]);
  });
}

const g20 = ['ARG', 'AUS', 'BRA', 'CAN', 'CHN', 'FRA', 'DEU', 'IND', 'IDN', 'ITA', 'JPN', 'MEX', 'RUS', 'SAU', 'ZAF', 'KOR', 'TUR', 'GBR', 'USA'];

function currentHolders(country: string, officesWanted: readonly string[]): readonly string[] {
  return persons
    .filter((p) => p.roles.some((r) => officesWanted.includes(r.office) && roleCountry(p, r) === country && holds(r, TODAY)))
    .map((p) => p.id);
}

for (const country of g20) {
  test(`G20 member ${country} has a current head of state or government and foreign minister`, () => {
    assert.ok(currentHolders(country, ['head_of_state', 'head_of_government']).length > 0, `${country} has no current leader`);
    assert.equal(currentHolders(country, ['foreign_minister']).length, 1, `${country} needs exactly one current foreign minister`);
  });
}

test('the EU, AU, UN and NATO offices have a current holder', () => {
  const igoRoles = ['President of the European Commission', 'President of the European Council', 'High Representative of the European Union',
    'Chairperson of the African Union Commission', 'Secretary-General of the United Nations', 'Secretary-General of NATO'];
  for (const role of igoRoles) {
    const holders = persons.filter((p) => p.roles.some((r) => r.role === role && r.country === 'IGO' && holds(r, TODAY)));
    assert.equal(holders.length, 1, role);
  }
});

test('every IGO role is office other in sector GOV and names its organisation', () => {
  for (const p of persons) {
    for (const r of p.roles.filter((x) => x.country === 'IGO')) {
      assert.equal(r.office, 'other', `${p.id} ${r.role}`);
      assert.equal(r.sector, 'GOV', `${p.id} ${r.role}`);
      assert.match(r.role, /\b(United Nations|UN|NATO|European|African Union|Arab League|World|International|IMF|Bank)\b/, `${p.id} ${r.role}`);
    }
  }
});

// ------------------------------------------------------------------ names

test('no titledName also appears in any names list', () => {
  const names = new Set(entries.flatMap((e) => e.names.map((n) => n.toLowerCase())));
  const clashes = persons.flatMap((p) => p.titledNames.filter((t) => names.has(t.toLowerCase())).map((t) => `${p.id}: ${t}`));
  assert.deepEqual(clashes, []);
});

test('no name is listed for two different people', () => {
  const owner = new Map<string, string>();
  const shared: string[] = [];
  for (const p of persons) {
    for (const n of new Set(p.names.map((x) => x.toLowerCase()))) {
      const prev = owner.get(n);
      if (prev !== undefined) shared.push(`${n}: ${prev} and ${p.id}`);
      owner.set(n, p.id);
    }
  }
  assert.deepEqual(shared, []);
});

test('common English words are never a name alone', () => {
  const words = ['may', 'brown', 'rice', 'bush', 'green', 'fox', 'moon', 'cook', 'straw', 'hunt', 'truss', 'bishop', 'ping', 'ban', 'champagne', 'cannon', 'downer', 'sultan'];
  const found = entries.flatMap((e) => e.kind === 'person' ? e.names.filter((n) => words.includes(n.toLowerCase())).map((n) => `${e.id}: ${n}`) : []);
  assert.deepEqual(found, []);
});

test('short forms from the brief are present', () => {
  const rows: readonly (readonly [string, string, 'names' | 'titledNames'])[] = [
    ['person.rus.vladimir-putin', 'Putin', 'names'],
    ['person.chn.xi-jinping', 'Xi', 'names'],
    ['person.ind.narendra-modi', 'Modi', 'names'],
    ['person.chn.li-qiang', 'Li', 'titledNames'],
    ['person.chn.li-keqiang', 'Li', 'titledNames'],
    ['person.chn.wang-yi', 'Wang', 'titledNames'],
    ['person.gbr.theresa-may', 'May', 'titledNames'],
    ['person.gbr.gordon-brown', 'Brown', 'titledNames'],
    ['person.prk.kim-jong-un', 'Kim', 'titledNames'],
  ];
  for (const [id, name, field] of rows) assert.ok(person(id)[field].includes(name), `${id} ${field} lacks ${name}`);
});

// ------------------------------------------------------------------ other kinds

function ofKind<K extends ActorEntry['kind']>(kind: K): Extract<ActorEntry, { kind: K }>[] {
  return entries.filter((e): e is Extract<ActorEntry, { kind: K }> => e.kind === kind);
}

test('organisations follow the code scheme: IGO/NGO prefix matches the country', () => {
  for (const o of ofKind('organisation')) {
    if (o.country === 'IGO') assert.match(o.code, /^IGO[A-Z0-9]+$/, o.id);
    else if (o.country === 'NGO') assert.match(o.code, /^NGO[A-Z0-9]+$/, o.id);
    else assert.ok(o.code.startsWith(o.country) || o.code.startsWith('IMG'), `${o.id}: ${o.code} / ${o.country}`);
  }
  const codes = ofKind('organisation').map((o) => o.code);
  assert.equal(new Set(codes).size, codes.length, 'organisation codes are unique');
});

test('key organisations resolve by name to the right code and sector', () => {
  const rows: readonly (readonly [string, string, string | null])[] = [
    ['United Nations', 'IGOUN', null], ['U.N.', 'IGOUN', null], ['NATO', 'IGONATO', null], ['European Union', 'IGOEU', null],
    ['International Criminal Court', 'IGOICC', 'JUD'], ['Arab League', 'IGOARL', null], ['Hamas', 'PSEREB', 'REB'],
    ['Wagner Group', 'RUSMIL', 'MIL'], ['Amnesty International', 'NGOAMN', null], ['Islamic State', 'IMGREB', 'REB'],
  ];
  const orgs = ofKind('organisation');
  for (const [name, code, sector] of rows) {
    const o = orgs.find((x) => x.names.includes(name));
    assert.ok(o, `no organisation named ${name}`);
    assert.ok(o.code.startsWith(code), `${name}: ${o.code}`);
    if (sector !== null) assert.equal(o.sector, sector, name);
  }
});

function tsvFirstColumn(url: URL): ReadonlySet<string> {
  return new Set(readFileSync(url, 'utf8').split('\n').slice(1).map((l) => l.split('\t')[0]).filter(Boolean));
}

test('agent, title and seat sectors are CAMEO or PLOVER sector codes', () => {
  const known = new Set([...tsvFirstColumn(agentCodesFile), ...tsvFirstColumn(ploverSectorsFile)]);
  const withSector = [...ofKind('agent'), ...ofKind('seat'), ...ofKind('title'), ...ofKind('organisation')];
  for (const e of withSector) if (e.sector !== null) assert.ok(known.has(e.sector), `${e.id}: ${e.sector}`);
});

test('generic agents map to the sectors in the brief', () => {
  const rows: readonly (readonly [string, string])[] = [
    ['troops', 'MIL'], ['soldier', 'MIL'], ['police', 'COP'], ['rebels', 'REB'], ['protesters', 'OPP'], ['journalists', 'MED'],
    ['lawmakers', 'LEG'], ['judges', 'JUD'], ['civilians', 'CVL'], ['refugees', 'REF'], ['students', 'EDU'], ['unions', 'LAB'],
    ['diplomats', 'GOV'], ['terrorists', 'UAF'], ['government', 'GOV'], ['companies', 'BUS'], ['parties', 'PTY'],
  ];
  const agents = ofKind('agent');
  for (const [name, sector] of rows) {
    const a = agents.find((x) => x.names.includes(name));
    assert.ok(a, `no agent ${name}`);
    assert.equal(a.sector, sector, name);
  }
});

test('titles map to offices', () => {
  const rows: readonly (readonly [string, RoleEntry['office']])[] = [
    ['president', 'head_of_state'], ['premier', 'head_of_government'], ['chancellor', 'head_of_government'],
    ['secretary of state', 'foreign_minister'], ['top diplomat', 'foreign_minister'], ['defense secretary', 'defence_minister'],
    ['treasury secretary', 'finance_minister'], ['supreme leader', 'head_of_state'], ['home secretary', 'interior_minister'],
    ['envoy', 'diplomat'], ['general', 'military_commander'], ['spokeswoman', 'other'], ['vice president', 'other'], ['adviser', 'other'],
  ];
  const titles = ofKind('title');
  for (const [name, office] of rows) {
    const t = titles.find((x) => x.names.includes(name));
    assert.ok(t, `no title ${name}`);
    assert.equal(t.office, office, name);
  }
  assert.equal(titles.find((x) => x.names.includes('general'))?.sector, 'MIL');
});

test('seats and groups resolve', () => {
  const seats = ofKind('seat');
  const seat = (n: string) => seats.find((s) => s.names.includes(n));
  assert.equal(seat('the Kremlin')?.country, 'RUS');
  assert.equal(seat('Pentagon')?.sector, 'MIL');
  assert.equal(seat('Downing Street')?.country, 'GBR');
  assert.equal(seat('Knesset')?.sector, 'LEG');
  assert.equal(seat('Élysée')?.country, 'FRA');
  const groups = ofKind('group');
  assert.equal(groups.find((g) => g.names.includes('the two leaders'))?.refers, 'persons');
  assert.equal(groups.find((g) => g.names.includes('both sides'))?.refers, 'countries');
});

test('country aliases are real countries and add names world-countries lacks', () => {
  const byCode = new Map(countries.map((c) => [c.cca3, c]));
  const repeated: string[] = [];
  for (const c of ofKind('country')) {
    const wc = byCode.get(c.country);
    assert.ok(wc, `${c.id}: ${c.country} is not a world-countries code`);
    assert.equal(c.id, `country.${c.country.toLowerCase()}`);
    const known = new Set([wc.name.common, wc.name.official, ...wc.altSpellings, wc.demonyms?.eng?.m, wc.demonyms?.eng?.f]);
    repeated.push(...c.names.filter((n) => known.has(n)).map((n) => `${c.id}: ${n}`));
  }
  assert.deepEqual(repeated, [], 'names world-countries already has');
  const codes = ofKind('country').map((c) => c.country);
  assert.equal(new Set(codes).size, codes.length, 'one entry per country');
  const aliases = ofKind('country');
  const countryOf = (n: string) => aliases.find((c) => c.names.includes(n))?.country;
  assert.equal(countryOf('U.S.'), 'USA');
  assert.equal(countryOf('Britain'), 'GBR');
  assert.equal(countryOf('Gaza'), 'PSE');
  assert.equal(countryOf('Russians'), 'RUS');
  assert.equal(countryOf('Burma'), undefined, 'Burma is in world-countries already');
});

// ------------------------------------------------------------------ error reporting

test('a bad actor file reports every mistake with its line', () => {
  const source = [
    'kind: actors',
    'version: "2026.11.1"',
    'entries:',
    '  - id: person.xxx.someone',
    '    kind: person',
    '    country: Narnia',
    '    names: [Someone]',
    '  - id: person.yyy.other',
    '    kind: person',
    '    country: YYY',
    '    names: [Other]',
    '    roles:',
    '      - {role: President, office: head_of_state, start: "2020-01-01", end: "2019-01-01"}',
  ].join('\n');
  assert.throws(() => parseDataFile(source, 'bad.yaml', 'actors', actorEntrySchema), (err: unknown) => {
    assert.ok(err instanceof KnowledgeError);
    const found = err.issues.map((i) => [i.line, i.entry]);
    assert.deepEqual(found, [[6, 'person.xxx.someone'], [13, 'person.yyy.other']]);
    assert.match(err.issues[0].message, /country/);
    assert.match(err.issues[1].message, /ends before it starts/);
    return true;
  });
});
