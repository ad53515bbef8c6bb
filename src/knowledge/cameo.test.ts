import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModalityValue } from '../core/doc.js';
import { DyadError, KnowledgeError } from '../core/errors.js';
import { loadCameo, PLOVER_NONE } from './cameo.js';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));
const cameo = loadCameo(dataDir);

/** A copy of data/cameo in a temp dir, with `edit` applied to one file's text. */
function withCopy(file: 'codebook.yaml' | 'plover.yaml', edit: (text: string) => string, run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-cameo-'));
  try {
    mkdirSync(join(dir, 'cameo'));
    for (const name of ['codebook.yaml', 'plover.yaml', 'categories.yaml', 'actor-types.yaml']) {
      const text = readFileSync(join(dataDir, 'cameo', name), 'utf8');
      writeFileSync(join(dir, 'cameo', name), name === file ? edit(text) : text);
    }
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Line number (1-based) of the first line containing `needle` after the line containing `after`. */
function lineOf(text: string, after: string, needle: string): number {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes(after));
  const offset = lines.slice(start).findIndex((l) => l.includes(needle));
  return start + offset + 1;
}

test('all 312 CAMEO codes load, with string codes', () => {
  assert.equal(cameo.codes.size, 312);
  for (const [key, c] of cameo.codes) {
    assert.equal(typeof key, 'string');
    assert.equal(key, c.code);
    assert.ok(c.code.startsWith(c.root));
  }
  assert.equal([...cameo.codes.values()].filter((c) => c.level === 0).length, 20);
  assert.deepEqual(cameo.sources.map((s) => s.version), ['2026.11.1', '2026.11.1', '2026.12.2', '2026.12.2']);
});

const codeRows: readonly { code: string; root: string; level: number; quad: number; goldstein: number; label: string }[] = [
  { code: '042', root: '04', level: 1, quad: 1, goldstein: 1.9, label: 'Make a visit' },
  { code: '04', root: '04', level: 0, quad: 1, goldstein: 1, label: 'Consult' },
  { code: '057', root: '05', level: 1, quad: 1, goldstein: 8, label: 'Sign formal agreement' },
  { code: '190', root: '19', level: 1, quad: 4, goldstein: -10, label: 'Use conventional military force' },
  { code: '1213', root: '12', level: 2, quad: 3, goldstein: -4, label: 'Reject judicial cooperation' },
  { code: '010', root: '01', level: 1, quad: 1, goldstein: 0, label: 'Make statement' },
];

for (const row of codeRows) {
  test(`code ${row.code}: root ${row.root}, quad ${row.quad}, goldstein ${row.goldstein}`, () => {
    const c = cameo.code(row.code);
    assert.deepEqual(
      { root: c.root, level: c.level, quad: c.quadClass, goldstein: c.goldstein, label: c.label },
      { root: row.root, level: row.level, quad: row.quad, goldstein: row.goldstein, label: row.label },
    );
  });
}

test('an unknown code throws KNOWLEDGE_INVALID', () => {
  for (const bad of ['42', '999', '0421', '']) {
    assert.throws(() => cameo.code(bad), (e: unknown) => e instanceof DyadError && e.code === 'KNOWLEDGE_INVALID');
    assert.throws(() => cameo.plover(bad), (e: unknown) => e instanceof DyadError && e.code === 'KNOWLEDGE_INVALID');
  }
});

const ploverRows: readonly { code: string; type: string; mode: string | null; contexts: readonly string[] }[] = [
  { code: '042', type: 'CONSULT', mode: 'visit', contexts: [] },
  { code: '036', type: 'AGREE', mode: null, contexts: ['diplomatic'] },
  { code: '057', type: 'SUPPORT', mode: null, contexts: ['diplomatic'] },
  { code: '091', type: 'ACCUSE', mode: 'investigate', contexts: ['crime', 'corruption'] },
  { code: '163', type: 'COERCE', mode: 'restrict', contexts: ['diplomatic'] },
  { code: '0861', type: 'RETREAT', mode: 'access', contexts: ['peacekeeping'] },
  { code: '08', type: 'CONCEDE', mode: null, contexts: [] },
  // Appeals take the row of their demand twin (project rule, data/cameo/README.md): 0211 as 1011.
  { code: '0211', type: 'REQUEST', mode: 'assist', contexts: ['economic'] },
  { code: '026', type: 'REQUEST', mode: 'meet', contexts: ['diplomatic'] },
  { code: '010', type: PLOVER_NONE, mode: null, contexts: [] },
];

for (const row of ploverRows) {
  test(`plover(${row.code}) = ${row.type}/${row.mode}`, () => {
    assert.deepEqual(cameo.plover(row.code), { type: row.type, mode: row.mode, contexts: row.contexts });
  });
}

const modalityRows: readonly { code: string; modality: ModalityValue; type: string; mode: string | null; contexts: readonly string[] }[] = [
  { code: '042', modality: 'planned', type: 'AGREE', mode: 'visit', contexts: ['diplomatic'] },
  { code: '042', modality: 'expected', type: 'AGREE', mode: 'visit', contexts: ['diplomatic'] },
  { code: '046', modality: 'planned', type: 'AGREE', mode: null, contexts: ['diplomatic'] },
  { code: '057', modality: 'planned', type: 'AGREE', mode: null, contexts: ['diplomatic'] },
  { code: '042', modality: 'occurred', type: 'CONSULT', mode: 'visit', contexts: [] },
  { code: '042', modality: 'hypothetical', type: 'CONSULT', mode: 'visit', contexts: [] },
  { code: '042', modality: 'negated', type: 'CONSULT', mode: 'visit', contexts: [] },
  { code: '042', modality: 'claimed', type: 'CONSULT', mode: 'visit', contexts: [] },
  { code: '057', modality: 'occurred', type: 'SUPPORT', mode: null, contexts: ['diplomatic'] },
  { code: '190', modality: 'planned', type: 'ASSAULT', mode: null, contexts: ['military'] },
  { code: '051', modality: 'planned', type: 'SUPPORT', mode: null, contexts: ['diplomatic'] },
];

for (const row of modalityRows) {
  test(`ploverFor(${row.code}, ${row.modality}) = ${row.type}`, () => {
    assert.deepEqual(cameo.ploverFor(row.code, row.modality), { type: row.type, mode: row.mode, contexts: row.contexts });
  });
}

test('a 4-digit code without its own crosswalk row falls back to its parent', () => {
  withCopy('plover.yaml', (t) => t.replace(/  - id: "0841"\n(    .*\n)+?(?=  - id:)/, ''), (dir) => {
    const k = loadCameo(dir);
    assert.deepEqual(k.plover('0841'), { type: 'RETREAT', mode: null, contexts: [] });
    assert.deepEqual(k.plover('0842'), { type: 'RETREAT', mode: 'return', contexts: ['legal'] });
  });
});

test('a corrupted data file reports file:line of the bad field', () => {
  const original = readFileSync(join(dataDir, 'cameo', 'codebook.yaml'), 'utf8');
  const corrupted = original.replace(/(id: "042"\n(?:    .*\n)*?    goldstein: )1\.9/, '$1high');
  assert.notEqual(corrupted, original);
  const line = lineOf(corrupted, 'id: "042"', 'goldstein: high');
  withCopy('codebook.yaml', () => corrupted, (dir) => {
    assert.throws(() => loadCameo(dir), (e: unknown) => {
      assert.ok(e instanceof KnowledgeError);
      assert.equal(e.issues.length, 1);
      assert.equal(e.issues[0].line, line);
      assert.equal(e.issues[0].entry, '042');
      assert.match(e.message, new RegExp(`codebook\\.yaml:${line} \\(042\\)`));
      return true;
    });
  });
});

test('an unquoted code in the crosswalk is reported with its line', () => {
  withCopy('plover.yaml', (t) => t.replace('id: "043"', 'id: 043'), (dir) => {
    const text = readFileSync(join(dir, 'cameo', 'plover.yaml'), 'utf8');
    const line = lineOf(text, 'id: 043', 'id: 043');
    assert.throws(() => loadCameo(dir), (e: unknown) => {
      assert.ok(e instanceof KnowledgeError);
      assert.ok(e.issues.some((i) => i.line === line && i.file.endsWith('plover.yaml')), e.message);
      return true;
    });
  });
});

test('a crosswalk row for a code the codebook lacks is reported', () => {
  withCopy('plover.yaml', (t) => t.replace('id: "0841"', 'id: "0849"'), (dir) => {
    assert.throws(() => loadCameo(dir), (e: unknown) => e instanceof KnowledgeError && /0849.*not a code/.test(e.message));
  });
});
