import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { KnowledgeError } from '../core/errors.js';
import { smallDataCopy, smallDataDir, smallDataVersion } from '../../test/small-data.js';
import { createCoder } from '../index.js';
import type { Knowledge } from './knowledge.js';
import { defaultDataDir, loadKnowledge } from './load.js';

const scratch = mkdtempSync(join(tmpdir(), 'dyad-knowledge-'));
// The copies of the data below are loaded without the knowledge cache (cache.test.ts tests it): each is
// used once, and caching it would only push the files in steady use out of .cache/knowledge.
after(() => rmSync(scratch, { recursive: true, force: true }));

// A cold load of the full data costs some 4.5 s of CPU. The full data is loaded cold here once (an
// identical copy has data/'s version); the edited copies are of the small data folder
// (test/small-data.ts: data/ without the bulk actor entries) and are compared with its unedited copy,
// loaded cold once. data/ itself is loaded once, from the knowledge cache.
let loaded: Knowledge | undefined;
const knowledge = (): Knowledge => (loaded ??= loadKnowledge());

test('knowledge: loads, with a version that changes when a file version changes', () => {
  const k = knowledge();
  assert.match(k.version, /^dyad-\d+\.\d+\.\d+\+[0-9a-f]{8}$/);
  assert.ok(k.sources.length >= 10, 'every file is listed as a source');
  const copy = smallDataCopy(join(scratch, 'data-version'));
  const cues = join(copy, 'modality', 'cues.yaml');
  writeFileSync(cues, readFileSync(cues, 'utf8').replace(/^version: "[^"]+"/m, 'version: "1999.1.1"'));
  assert.notEqual(loadKnowledge({ dataDir: copy, cacheDir: false }).version, smallDataVersion(scratch));
});

test('knowledge: the version changes when a file changes without a version bump (so recode sees it)', () => {
  const k = knowledge();
  const copy = join(scratch, 'data-content');
  cpSync(defaultDataDir(), copy, { recursive: true });
  assert.equal(loadKnowledge({ dataDir: copy, cacheDir: false }).version, k.version, 'an identical copy has the same version');
  const small = smallDataCopy(join(scratch, 'data-content-small'));
  assert.equal(loadKnowledge({ dataDir: small, cacheDir: false }).version, smallDataVersion(scratch), 'an identical small copy has the same version');
  const agents = join(small, 'actors', 'agents.yaml');
  writeFileSync(agents, readFileSync(agents, 'utf8').replace('names: [police,', 'names: [police, constables,'));
  assert.notEqual(loadKnowledge({ dataDir: small, cacheDir: false }).version, smallDataVersion(scratch));
});

test('knowledge: a user dictionary adds a minister the data lacks (--dictionary)', () => {
  const file = join(scratch, 'my-actors.yaml');
  writeFileSync(file, [
    'kind: actors',
    'version: "1"',
    'entries:',
    '  - id: person.est.maria-tamm',
    '    kind: person',
    '    country: EST',
    '    names: [Maria Tamm]',
    '    roles:',
    '      - { role: Foreign Minister, office: foreign_minister, start: "2024-01-01" }',
  ].join('\n'));
  const coder = createCoder({ dictionaries: [file] });
  const { events } = coder.code({ text: 'Estonian Foreign Minister Maria Tamm met Latvian officials in Riga.', published: '2024-05-14' });
  const e = events.find((x) => x.source?.name === 'Maria Tamm');
  assert.ok(e, 'the new minister is the source');
  assert.equal(e.source?.code, 'ESTGOV');
  assert.equal(e.source?.role, 'Foreign Minister');
  assert.equal(e.target?.code, 'LVAGOV');
});

test('knowledge: every mistake in a user dictionary is reported with file:line', () => {
  const file = join(scratch, 'bad-actors.yaml');
  writeFileSync(file, [
    'kind: actors',
    'version: "1"',
    'entries:',
    '  - id: person.xxx.no-country',
    '    kind: person',
    '    names: [Nobody]',
    '  - id: agent.bad-sector',
    '    kind: agent',
    '    names: [wizards]',
    '    sector: wizardry',
  ].join('\n'));
  assert.throws(() => loadKnowledge({ dataDir: smallDataDir(scratch), dictionaries: [file] }), (err: unknown) => {
    assert.ok(err instanceof KnowledgeError);
    const lines = err.issues.map((i) => `${i.file.split(/[\\/]/).pop()}:${i.line}:${i.entry}`);
    assert.ok(lines.includes('bad-actors.yaml:4:person.xxx.no-country'), lines.join(' '));
    assert.ok(lines.includes('bad-actors.yaml:10:agent.bad-sector'), lines.join(' '));
    return true;
  });
});

test('knowledge: a pattern with an unknown CAMEO code names its file and line', () => {
  const copy = smallDataCopy(join(scratch, 'data-bad-pattern'));
  writeFileSync(join(copy, 'patterns', 'zz-bad.yaml'), 'kind: patterns\nversion: "1"\nentries:\n  - { id: bad.code, cameo: "999", phrase: "frobnicate" }\n  - { id: bad.phrase, cameo: "042", phrase: "Visit" }\n');
  assert.throws(() => loadKnowledge({ dataDir: copy }), (err: unknown) => {
    assert.ok(err instanceof KnowledgeError);
    const text = err.message;
    assert.match(text, /zz-bad\.yaml:4 \(bad\.code\): cameo: unknown CAMEO code "999"/);
    assert.match(text, /zz-bad\.yaml:5 \(bad\.phrase\)/);
    return true;
  });
});

test('knowledge: the means-of-attack lexicon is data, and a bad entry names its file and line', () => {
  assert.ok(knowledge().patterns.means.has('bomb'), 'data/patterns/lexicon/means.yaml is loaded');
  const copy = smallDataCopy(join(scratch, 'data-bad-means'));
  const means = join(copy, 'patterns', 'lexicon', 'means.yaml');
  writeFileSync(means, readFileSync(means, 'utf8').replace('  - {id: bomb}', '  - {id: Roadside Bomb}'));
  assert.throws(() => loadKnowledge({ dataDir: copy }), (err: unknown) => {
    assert.ok(err instanceof KnowledgeError);
    assert.match(err.message, /means\.yaml:\d+ \(Roadside Bomb\): id: a lower-case noun/);
    return true;
  });
});

test('knowledge: the parser model and its word lists are part of the version (a retrained model is new knowledge)', () => {
  const k = knowledge();
  assert.ok(k.sources.some((s) => s.file.endsWith('parse/en_ewt.dyadparse')), 'the model is a source');
  const copy = smallDataCopy(join(scratch, 'data-parse'));
  const model = join(copy, 'parse', 'en_ewt.dyadparse');
  const bytes = readFileSync(model);
  bytes[bytes.length - 1] ^= 1;
  writeFileSync(model, bytes);
  assert.notEqual(loadKnowledge({ dataDir: copy, cacheDir: false }).version, smallDataVersion(scratch));
});

test('knowledge: the English words and the CAMEO categories are part of the version (an edit is new knowledge)', () => {
  const k = knowledge();
  for (const [i, [dir, file, from, to]] of [
    ['grammar', 'english.yaml', 'words: [border, frontier, boundary]', 'words: [border, frontier]'],
    ['cameo', 'categories.yaml', 'codes: ["17", "18", "19", "20"]', 'codes: ["18", "19", "20"]'],
  ].entries()) {
    assert.ok(k.sources.some((s) => s.file.endsWith(`${dir}/${file}`)), `${file} is a source`);
    const copy = smallDataCopy(join(scratch, `data-words-${i}`));
    const path = join(copy, dir, file);
    const text = readFileSync(path, 'utf8');
    assert.ok(text.includes(from));
    writeFileSync(path, text.replace(from, to));
    assert.notEqual(loadKnowledge({ dataDir: copy, cacheDir: false }).version, smallDataVersion(scratch));
  }
});
