/**
 * The PETRARCH dictionary readers and the Phoenix import, on small files we wrote
 * (test/fixtures/petrarch/mini.*) with the traps of the real ones: a malformed date (`2004017`),
 * synonym lines, a dated role that ends, a default code, a sector-only code, a lone date with no
 * range, agents with sectors, substitution sets, irregular and absent plurals, broken lines.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadDataFile } from '../../knowledge/data-file.js';
import { loadCountries } from '../../knowledge/countries.js';
import { ActorDictionary } from '../dictionary.js';
import { actorEntrySchema, type PersonEntry } from '../schema.js';
import { parseActorsFile, petrarchDate } from './actors-file.js';
import { parseAgentsFile, pluralOf } from './agents-file.js';
import { convertActors, convertAgents, type Converted } from './convert.js';
import { formatGenerated, handNames, resolveConflicts } from './import.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/petrarch/', import.meta.url));
const actorsText = readFileSync(join(fixtures, 'mini.actors.txt'), 'utf8');
const agentsText = readFileSync(join(fixtures, 'mini.agents.txt'), 'utf8');
const opts = { file: 'mini.actors.txt', idPrefix: 'test.mini', countries: new Set(['FRD']), isCommonWord: (w: string) => w === 'justice' };

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

test('PETRARCH dates: YYMMDD (years below 30 are 20YY) and YYYYMMDD; impossible days are null', () => {
  assert.equal(petrarchDate('991231'), '1999-12-31');
  assert.equal(petrarchDate('040101'), '2004-01-01');
  assert.equal(petrarchDate('19450703'), '1945-07-03');
  assert.equal(petrarchDate('2004017'), null);
  assert.equal(petrarchDate('990231'), null);
});

test('the actors reader reports each unreadable code with file:line and keeps the rest', () => {
  const { actors, issues } = parseActorsFile(actorsText, 'mini.actors.txt');
  const lines = issues.map((i) => `${i.line}: ${i.message}`);
  assert.ok(lines.some((l) => l.startsWith(`${lineOf(actorsText, '2004017')}: malformed date "2004017"`)), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith(`${lineOf(actorsText, 'FRDCOP 990101')}: cannot read the date restriction "990101"`)), lines.join('\n'));
  assert.equal(issues.length, 2);
  const arnold = actors.find((a) => a.phrases[0] === 'ARNOLD_QUILLFEATHER_');
  assert.deepEqual(arnold?.phrases, ['ARNOLD_QUILLFEATHER_', 'QUILLFEATHER_', 'PRESIDENT_QUILLFEATHER_']);
  assert.deepEqual(arnold?.codes.map((c) => [c.code, c.start ?? null, c.end ?? null]), [
    ['FRDGOV', '1999-01-01', '2004-01-01'], ['FRDELI', '2004-01-01', null], ['FRDOPP', null, null],
  ]);
  // Berta's malformed role is skipped; the one before 30 June 1998 ends the day after.
  const berta = actors.find((a) => a.phrases[0] === 'BERTA_MALLOWAY_');
  assert.deepEqual(berta?.codes.map((c) => [c.code, c.start ?? null, c.end ?? null]), [['FRDGOV', null, '1998-07-01']]);
});

function converted(): Converted[] {
  const { actors } = parseActorsFile(actorsText, 'mini.actors.txt');
  return [...convertActors(actors, opts).entries];
}

test('conversion: country names, people with roles in order (defaults last), organisations, filters', () => {
  const list = converted();
  const byName = new Map(list.map((c) => [c.entry.names[0], c.entry]));
  assert.deepEqual(byName.get('Freedonia'), { id: 'test.mini.freedonia', kind: 'country', country: 'FRD', names: ['Freedonia', 'Freedonian', 'Grand Fenwick'] });
  const arnold = byName.get('Arnold Quillfeather');
  assert.equal(arnold?.kind, 'person');
  assert.deepEqual(arnold.kind === 'person' && arnold.titledNames, ['Quillfeather']);
  assert.deepEqual(arnold.kind === 'person' && arnold.roles.map((r) => `${r.sector}:${r.start ?? ''}:${r.end ?? ''}`), ['GOV:1999-01-01:2004-01-01', 'ELI:2004-01-01:', 'OPP::']);
  // [ELI] after an IGO code is a sector of that code's country.
  const celestine = byName.get('Celestine Orbako');
  assert.deepEqual(celestine?.kind === 'person' && celestine.roles.map((r) => r.role), ['IGOUNO', 'IGOELI']);
  // The acronym in parentheses is a second name; the common word "Justice" is dropped.
  const guard = byName.get('Freedonian National Guard');
  assert.deepEqual(guard, { id: 'test.mini.freedonian-national-guard', kind: 'organisation', code: 'FRDMIL', country: 'FRD', sector: 'MIL', names: ['Freedonian National Guard', 'FNG', 'Orphan Synonym'] });
});

test('the hand-kept entry wins a conflict, and the conflict is reported with file:line', () => {
  const hand = handNames([{ id: 'person.frd.quillfeather', kind: 'person', country: 'FRD', names: ['Arnold Quillfeather'], titledNames: [], roles: [] }]);
  const issues: { file: string; line: number; entry: string | null; message: string }[] = [];
  const kept = resolveConflicts('mini.actors.txt', converted(), { hand, table: new Set(['grand fenwick']), place: () => false }, issues);
  assert.ok(!kept.some((c) => c.entry.names[0] === 'Arnold Quillfeather'));
  assert.deepEqual(kept.find((c) => c.entry.kind === 'country')?.entry.names, ['Freedonia', 'Freedonian']);
  assert.equal(issues.length, 1);
  assert.equal(issues[0].line, lineOf(actorsText, 'ARNOLD_QUILLFEATHER_'));
  assert.match(issues[0].message, /hand-kept person\.frd\.quillfeather wins/);
});

test('a generated file loads through the validated loader and its dated roles resolve at the event date', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-petrarch-'));
  const file = join(dir, 'mini.yaml');
  const meta = { script: 'test', source: 'mini.actors.txt', what: 'test', origin: 'our own test file', licence: 'MIT', version: '1' };
  writeFileSync(file, formatGenerated(meta, converted()));
  const loaded = loadDataFile(file, 'actors', actorEntrySchema);
  assert.equal(loaded.entries.length, converted().length);
  assert.equal(loaded.entries[0].line, 11, 'entries keep their line in the generated file');
  const dict = new ActorDictionary(loaded.entries.map((e) => e.value), loadCountries(), []);
  const arnold = dict.person('person.test.mini.arnold-quillfeather') as PersonEntry;
  assert.equal(dict.personActor(arnold, '2002-06-01').code, 'FRDGOV');
  assert.equal(dict.personActor(arnold, '2005-06-01').code, 'FRDELI');
  // Before any dated role, the default code holds.
  assert.equal(dict.personActor(arnold, '1990-06-01').code, 'FRDOPP');
  const berta = dict.person('person.test.mini.berta-malloway') as PersonEntry;
  assert.equal(dict.personActor(berta, '1998-06-30').code, 'FRDGOV');
  assert.equal(dict.personActor(berta, '1998-07-01').code, 'FRD');
});

test('a broken generated line is reported with file:line by the loader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-petrarch-'));
  const file = join(dir, 'bad.yaml');
  const meta = { script: 'test', source: 'x', what: 'test', origin: 'test', licence: 'MIT', version: '1' };
  writeFileSync(file, formatGenerated(meta, converted()).replace('"kind":"organisation"', '"kind":"organisatio"'));
  assert.throws(() => loadDataFile(file, 'actors', actorEntrySchema), (err: Error) => /bad\.yaml:\d+ \(test\.mini\.freedonian-national-guard\)/.test(err.message));
});

test('the agents reader: sectors, substitution sets, plurals, and broken lines with file:line', () => {
  const { agents, issues } = parseAgentsFile(agentsText, 'mini.agents.txt');
  const by = new Map(agents.map((a) => [a.names[0], a]));
  assert.deepEqual(by.get('lighthouse keeper'), { line: lineOf(agentsText, 'LIGHTHOUSE'), names: ['lighthouse keeper', 'lighthouse keepers'], code: 'MAR', prefix: false });
  assert.deepEqual(by.get('ferryman')?.names, ['ferryman', 'ferrymen', 'ferrywoman', 'ferrywomen']);
  assert.deepEqual(by.get('harbour militia')?.names, ['harbour militia', 'harbour militias']);
  assert.deepEqual(by.get('town crier')?.names, ['town crier', 'town criers at large']);
  assert.deepEqual(by.get('sheep herder')?.names, ['sheep herder']);
  assert.deepEqual(by.get('quarry guards')?.names, ['quarry guards']);
  assert.deepEqual(by.get('relief body'), { line: lineOf(agentsText, 'RELIEF_BODY'), names: ['relief body', 'relief bodies'], code: 'NGO', prefix: true });
  assert.deepEqual(issues.map((i) => i.line), [lineOf(agentsText, 'COUNTY_DEPUTY'), lineOf(agentsText, 'BROKEN LINE')]);
  const out = convertAgents(agents, { file: 'mini.agents.txt', idPrefix: 'test.agents' });
  assert.deepEqual(out.entries[0].entry, { id: 'test.agents.lighthouse-keeper', kind: 'agent', sector: 'MAR', names: ['lighthouse keeper', 'lighthouse keepers'] });
});

test('English plurals of agent nouns', () => {
  assert.deepEqual(['army', 'attorney', 'witness', 'church', 'soldier'].map(pluralOf), ['armies', 'attorneys', 'witnesses', 'churches', 'soldiers']);
});

test('imported agents that end in a hand-kept title or contain a hand-kept agent word are left to dyad', () => {
  const agents = parseAgentsFile('FORMER_PRESIDENT [~ELI]\nHARBOUR_POLICE {} [~COP]\nLIGHTHOUSE_KEEPER [~MAR]\n', 'x.agents').agents;
  const list = convertAgents(agents, { file: 'x.agents', idPrefix: 't', general: true }).entries;
  const issues: { file: string; line: number; entry: string | null; message: string }[] = [];
  const known = { hand: new Map<string, string>(), table: new Set<string>(), place: () => false, titles: new Set(['president']), agentWords: new Set(['police']) };
  const kept = resolveConflicts('x.agents', list, known, issues);
  assert.deepEqual(kept.map((c) => c.entry), [{ id: 't.lighthouse-keeper', kind: 'agent', sector: 'MAR', standalone: false, names: ['lighthouse keeper', 'lighthouse keepers'] }]);
  assert.deepEqual(issues.map((i) => `${i.line}: ${i.message}`), ['1: ends in the hand-kept title "president"; entry left out', '2: has the hand-kept agent word "police"; entry left out']);
});

test('a person known by one word only is left out', () => {
  const { actors } = parseActorsFile('HASSELBRINK_\n\t[FRDGOV 990101-000101]\n', 'x.actors');
  const out = convertActors(actors, opts);
  assert.equal(out.entries.length, 0);
  assert.match(out.issues[0].message, /only a one-word name/);
});
