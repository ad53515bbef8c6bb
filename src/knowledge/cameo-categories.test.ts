import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeError } from '../core/errors.js';
import {
  ACTOR_TYPES_FILE, CAMEO_CATEGORIES, CATEGORIES_FILE, cameoCategories, isActorType, isCameo, loadCameoActorTypes, loadCameoCategories, type CameoCategory,
} from './cameo-categories.js';
import { loadCameo } from './cameo.js';
import { smallDataCopy } from '../../test/small-data.js';
import { createCoder } from '../index.js';

const original = readFileSync(CATEGORIES_FILE, 'utf8');

/** The categories file with `edit` applied, loaded from a temp dir (`known`: the codebook's codes). */
function loadEdited(edit: (text: string) => string, known: ReadonlySet<string> | null = null): void {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-categories-'));
  try {
    const file = join(dir, 'categories.yaml');
    writeFileSync(file, edit(original));
    loadCameoCategories(file, known);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

test('every category the code asks for is defined, and every code is a codebook code', () => {
  const cameo = loadCameo(join(CATEGORIES_FILE, '..', '..'));
  const file = loadCameoCategories(CATEGORIES_FILE, new Set(cameo.codes.keys()));
  for (const name of CAMEO_CATEGORIES) assert.equal(typeof file.has(name, '01'), 'boolean');
  assert.ok(cameo.sources.some((s) => s.file.endsWith('categories.yaml')), 'the categories are part of the knowledge version');
});

/** What each category holds: codes in it, and codes out of it (the rules' behaviour before the file). */
const cases: readonly (readonly [CameoCategory, readonly string[], readonly string[]])[] = [
  ['force', ['17', '172', '18', '190', '2042'], ['16', '14', '21']],
  ['violent', ['18', '1823', '19', '20'], ['17', '14']],
  ['material-conflict', ['14', '145', '15', '17', '20'], ['13', '02', '1']],
  ['protest', ['14', '141'], ['13', '15']],
  ['threaten', ['13', '138'], ['12', '14']],
  ['content', ['02', '03', '10', '11', '12', '13', '036'], ['01', '04', '14']],
  ['clause-content', ['02', '10', '112', '12', '13'], ['03', '04']],
  ['demand', ['02', '021', '10', '1041'], ['03', '11']],
  ['disapprove', ['11', '112'], ['10', '12']],
  ['accuse', ['112', '1121'], ['11', '111']],
  ['intend', ['03', '036'], ['04', '02']],
  ['consult', ['04', '042', '046'], ['03', '05']],
  ['symmetric', ['04', '043'], ['03', '05']],
  ['visit', ['042'], ['04', '043']],
  ['host', ['043'], ['042']],
  ['container', ['042', '043', '044'], ['04', '045', '0421']],
  ['meeting', ['04', '040', '044', '046', '036'], ['042', '043', '03', '05']],
  ['outcome', ['03', '036', '05', '057'], ['04', '06']],
  ['visit-context', ['03', '04', '042', '05'], ['02', '06']],
  ['sign', ['057'], ['05', '056']],
  ['related-meet', ['03', '04'], ['05']],
  ['related-cooperate', ['05', '06'], ['04', '07']],
  ['related-complain', ['10', '11', '12'], ['13', '09']],
  ['domestic-concession', ['081', '0811', '083', '0832'], ['0831', '08', '082']],
];

for (const [category, inside, outside] of cases) {
  test(`category ${category}`, () => {
    for (const c of inside) assert.ok(isCameo(category, c), `${c} is ${category}`);
    for (const c of outside) assert.ok(!isCameo(category, c), `${c} is not ${category}`);
  });
}

test('categories as code ranges for SQL, adjacent branches joined', () => {
  assert.deepEqual(cameoCategories().ranges('visit'), [['042', '043']]);
  assert.deepEqual(cameoCategories().ranges('visit-context'), [['03', '06']]);
  assert.deepEqual(cameoCategories().ranges('force'), [['17', '21']]);
  assert.throws(() => cameoCategories().ranges('meeting'), /not whole branches/);
});

test('a malformed entry is reported with file:line', () => {
  const edited = original.replace('codes: ["042"]', 'codes: [42]');
  const line = lineOf(edited, 'codes: [42]');
  assert.throws(() => loadEdited(() => edited), (e: unknown) => {
    assert.ok(e instanceof KnowledgeError);
    assert.equal(e.issues[0].line, line);
    assert.equal(e.issues[0].entry, 'visit');
    assert.match(e.message, new RegExp(`categories\\.yaml:${line} \\(visit\\)`));
    return true;
  });
});

test('an unknown category, a missing one and a code the codebook lacks are reported', () => {
  assert.throws(() => loadEdited((t) => t.replace('id: host', 'id: hosting')), /hosting|host.*not defined/);
  assert.throws(() => loadEdited((t) => t.replace(/  - id: sign\n(    .*\n)+/, '')), /sign.*category is not defined/);
  assert.throws(() => loadEdited((t) => t.replace('codes: ["057"]', 'codes: ["0579"]'), new Set(['01'])), /0579 is not a code of the CAMEO codebook/);
});

test('actor types: the codes that stand in a country\'s place but name no state', () => {
  for (const c of ['IGO', 'NGO', 'IMG']) assert.ok(isActorType('non-state', c) && isActorType('non-state-or-company', c), c);
  assert.ok(!isActorType('non-state', 'MNC') && isActorType('non-state-or-company', 'MNC'));
  assert.ok(!isActorType('non-state', 'USA') && !isActorType('non-state-or-company', 'RUS'));
  assert.ok(isActorType('organisation-or-company', 'MNC') && !isActorType('organisation-or-company', 'IMG'));
});

test('a malformed actor type is reported with file:line, a missing one by name', () => {
  const text = readFileSync(ACTOR_TYPES_FILE, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'dyad-actor-types-'));
  try {
    const file = join(dir, 'actor-types.yaml');
    writeFileSync(file, text.replace('codes: [IGO, NGO, IMG]', 'codes: [IGO, NGO, imgs]'));
    const line = lineOf(readFileSync(file, 'utf8'), 'imgs');
    assert.throws(() => loadCameoActorTypes(file), (e: unknown) => e instanceof KnowledgeError && e.issues[0].line === line && /actor-types\.yaml:\d+ \(non-state\)/.test(e.message));
    writeFileSync(file, text.replace(/  - id: non-state-or-company\n(    .*\n)+/, ''));
    assert.throws(() => loadCameoActorTypes(file), /non-state-or-company.*not defined/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a coder reads the categories of its own data folder (dataDir), loaded with its knowledge', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-categories-data-'));
  const cache = process.env.DYAD_KNOWLEDGE_CACHE;
  try {
    // A copy of the small data folder (test/small-data.ts: data/ without the bulk actor entries, a third
    // of the cold load); its countries, patterns and categories are data/'s.
    smallDataCopy(dir);
    // In this copy signing (057) is no longer the "sign" category; 056 is.
    const file = join(dir, 'cameo', 'categories.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - id: sign\n    codes: ["057"]', '  - id: sign\n    codes: ["056"]'));
    process.env.DYAD_KNOWLEDGE_CACHE = 'off'; // a copy used once: kept out of the package's cache
    const custom = createCoder({ dataDir: dir, docTimeout: 0 });
    assert.equal(custom.knowledge.cameo.categories.file, file);
    assert.ok(custom.knowledge.cameo.categories.has('sign', '056') && !custom.knowledge.cameo.categories.has('sign', '057'));
    const text = { text: 'Canada will sign a trade agreement with Mexico next week.', published: '2024-05-14' };
    const planned = (coder: typeof custom): string[] => coder.code(text).events.filter((e) => e.cameo === '057').map((e) => `${e.modality} ${e.plover.type}`);
    // A planned signing is AGREE by the package's categories (PLOVER's modality rule), the crosswalk's SUPPORT by the copy's.
    assert.deepEqual(planned(custom), ['planned SUPPORT']);
    if (cache === undefined) delete process.env.DYAD_KNOWLEDGE_CACHE;
    else process.env.DYAD_KNOWLEDGE_CACHE = cache;
    assert.deepEqual(planned(createCoder({ docTimeout: 0 })), ['planned AGREE']);
    // Outside a coder's run the package's categories answer again.
    assert.ok(isCameo('sign', '057') && !isCameo('sign', '056'));
  } finally {
    if (cache === undefined) delete process.env.DYAD_KNOWLEDGE_CACHE;
    else process.env.DYAD_KNOWLEDGE_CACHE = cache;
    rmSync(dir, { recursive: true, force: true });
  }
});
