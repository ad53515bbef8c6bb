/**
 * PETRARCH .verbs and .discards files through --dictionary: the reader, the conversion, and coding with
 * --only-dictionaries on sentences and dictionaries written for dyad (test/fixtures/petrarch/events.*).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createCoder } from '../../index.js';
import { parseDiscardsFile } from './discards-file.js';
import { convertVerbs, verbForms } from './verbs-convert.js';
import { parseVerbsFile, readCode } from './verbs-file.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/petrarch/', import.meta.url));
const files = ['actors', 'agents', 'verbs', 'discards'].map((k) => join(fixtures, `events.${k}.txt`));

test('the reader: synsets (with plurals, phrases, a synset inside another), verb forms, codes and pair codes', () => {
  const parsed = parseVerbsFile('&CURRENCY\n+DOLLAR\n+SWISS FRANC\n&MONEY_\n+&CURRENCY\n+GOLD\n--- GIVE [070] ---\nGIVE {GAVE GIVEN}\nWIRE_+TAP [081]\n- * &MONEY [071]\n- NOT * [:112]\n', 'x.verbs');
  assert.deepEqual(parsed.issues, []);
  assert.deepEqual(parsed.synsets.get('CURRENCY'), [['dollar'], ['dollars'], ['swiss', 'franc'], ['swiss', 'francs']]);
  assert.deepEqual(parsed.synsets.get('MONEY'), [['dollar'], ['dollars'], ['swiss', 'franc'], ['swiss', 'francs'], ['gold']]);
  const [block] = parsed.blocks;
  assert.deepEqual(block.verbs.map((v) => [v.forms.map((f) => f.words.join(' ')), v.code]), [[['give', 'gave', 'given'], '070'], [['wire tap'], '081']]);
  assert.equal(block.verbs[1].forms[0].head, 1);
  assert.deepEqual(block.patterns.map((p) => [p.code, p.reverse]), [['071', null], [null, '112']]);
  assert.deepEqual(readCode('032:033'), { code: '032', reverse: '033' });
  assert.deepEqual(readCode('---'), { code: null, reverse: null });
  assert.deepEqual(verbForms('arrive'), ['arrive', 'arrives', 'arrived', 'arriving']);
  assert.deepEqual(verbForms('deny'), ['deny', 'denies', 'denied', 'denying']);
});

test('the reader reports what it cannot read with file:line and reads the rest', () => {
  const parsed = parseVerbsFile('--- GIVE [070] ---\nGIVE\n- * AID [07?]\n- AID [071]\n- * &NOSUCH [072]\n--- BROKEN\n- * LOAN [073]\n', 'x.verbs');
  assert.deepEqual(parsed.issues.map((i) => `${i.file}:${i.line}`), ['x.verbs:3', 'x.verbs:4', 'x.verbs:5', 'x.verbs:6']);
  assert.match(parsed.issues[1].message, /exactly one \*/);
  assert.match(parsed.issues[2].message, /&NOSUCH is not defined/);
  assert.equal(parsed.blocks[0].patterns.length, 1);
});

test('the conversion says what it cannot express, and names each pattern by file and line', () => {
  const parsed = parseVerbsFile('--- GIVE [070] ---\nGIVE\n- * OF $ FROM + [071]\n- * XYZ [abc]\n- * AID [073]\n', 'x.verbs');
  const out = convertVerbs(parsed, { file: 'x.verbs', idPrefix: 'user.x', codeKnown: (c) => /^\d+$/.test(c) });
  assert.deepEqual(out.skipped.map((s) => s.line), [3, 4]);
  assert.deepEqual(out.patterns.map((p) => [p.id, p.cameo, p.file, p.line]), [['user.x.l2', '070', 'x.verbs', 2], ['user.x.l5', '073', 'x.verbs', 5]]);
});

test('discards: a phrase vetoes its sentence, a + phrase the whole story', () => {
  const { discards, issues } = parseDiscardsFile('FOOTBALL\n+HURRICANE\nWORLD_CUP\n+bad [line]\n', 'x.discards');
  assert.deepEqual(discards.sentence, [['football'], ['world', 'cup']]);
  assert.deepEqual(discards.story, [['hurricane']]);
  assert.deepEqual(issues.map((i) => i.line), [4]);
});

let coder: ReturnType<typeof createCoder> | undefined;
function triples(text: string): string[] {
  coder ??= createCoder({ dictionaries: files, onlyDictionaries: true, docTimeout: 0 });
  return coder.code({ text, published: '2001-05-14' }).events.map((e) => `${e.source?.code ?? '---'} ${e.target?.code ?? '---'} ${e.cameo}`).sort();
}

test('--only-dictionaries codes with the dictionaries alone: synsets of several words, words as written, contractions', () => {
  assert.deepEqual(triples('Valdoria will donate a million swiss francs to Kestria.'), ['VAL KES 071']);
  assert.deepEqual(triples('Valdoria will donate gold to Kestria.'), ['VAL KES 071']);
  // The pattern says RESOLUTION: "resolutions" is not it, and the verb's own code holds.
  assert.deepEqual(triples('Valdoria will donate two resolutions to Kestria.'), ['VAL KES 070']);
  assert.deepEqual(triples("The Valdoria government won't clash with Kestria."), ['VALGOV KES 191']);
  // dyad's own actors are not loaded: France is nobody here, and a clash with no source is no event.
  assert.deepEqual(triples('France clashed with Kestria.'), []);
  assert.deepEqual(triples('Norland clashed with Kestria.'), ['NRL KES 190']);
});

test('compounds (%), pair codes, [---] and [:code]', () => {
  assert.deepEqual(triples('Valdoria and Kestria agree that the border should stay open.'), ['KES VAL 036', 'VAL KES 036']);
  assert.deepEqual(triples('Valdoria agrees with Kestria and Norland on the border.'), ['VAL KES 031', 'VAL NRL 031']);
  assert.deepEqual(triples('Valdoria arrived in Kestria on Monday.'), ['KES VAL 033', 'VAL KES 032']);
  // LEFT lists its own form: it wins over LEAVE, reached through the lemma.
  assert.deepEqual(triples('Valdoria left for Kestria on Monday.'), ['KES VAL 033', 'VAL KES 032']);
  assert.deepEqual(triples('Valdoria met friends in Kestria.'), []);
  assert.deepEqual(triples('Valdoria met Kestria privately.'), ['KES VAL 036']);
});

test('slots: + before and $ after the verb, ^ passes over an actor, words before the verb owned by the subject', () => {
  assert.deepEqual(triples('Valdoria fled from Kestria.'), ['KES VAL 202']);
  assert.deepEqual(triples('Valdoria celebrated the festival in Norland with Kestria.'), ['VAL KES 043']);
  assert.deepEqual(triples("Valdoria's death toll has risen in the fighting with Kestria."), ['VAL KES 223']);
  assert.deepEqual(triples('Valdoria broke down the talks with Kestria.'), ['VAL KES 161']);
});

test('actors as PETRARCH writes them: an office-holder after the office, an office of each country in a list, a country named in -s', () => {
  assert.deepEqual(triples('Valdoria Prime Minister Arven Toll met Kestria on Monday.'), ['VALGOV KES 031']);
  assert.deepEqual(triples('Lawmakers in Valdoria and Norland met Kestria.'), ['NRLLEG KES 031', 'VALLEG KES 031']);
  assert.deepEqual(triples('The ambassadors of Valdoria, Norland and Kestria met the Philippines.'), ['KESGOV PHL 031', 'NRLGOV PHL 031', 'VALGOV PHL 031']);
  assert.deepEqual(triples('Philippines met Kestria.'), ['PHL KES 031']);
});

test('discards veto a sentence, or the story', () => {
  assert.deepEqual(triples('Valdoria met Kestria at the football final. Norland met Kestria.'), ['NRL KES 031']);
  assert.deepEqual(triples('Valdoria met Kestria. A hurricane hit the coast.'), []);
});

test('converted patterns written as a data file (scripts/import-cameo-verbs.ts) read back the same, and are validated', async () => {
  const { fileEntries, loadPetrarchPatterns } = await import('./pattern-file.js');
  const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const parsed = parseVerbsFile(readFileSync(files[2], 'utf8'), 'events.verbs.txt');
  const converted = convertVerbs(parsed, { file: 'events.verbs.txt', idPrefix: 'test-verbs', codeKnown: () => true });
  const dir = mkdtempSync(join(tmpdir(), 'dyad-pf-'));
  const file = join(dir, 'p.yaml');
  writeFileSync(file, ['kind: petrarch-patterns', 'version: "1"', 'entries:', ...fileEntries(converted.patterns).map((e) => `  - ${JSON.stringify(e)}`), ''].join('\n'));
  const back = loadPetrarchPatterns(file, () => true).patterns;
  const canon = (v: unknown): unknown => (v instanceof Set ? [...v].sort() : Array.isArray(v) ? v.map(canon)
    : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k, x]) => k !== 'file' && x !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canon(x)])) : v);
  const shape = (p: (typeof back)[number]): string => JSON.stringify(canon(p));
  assert.ok(back.every((p) => p.generated === true));
  assert.deepEqual(back.map((p) => shape({ ...p, generated: undefined })), converted.patterns.map((p) => shape({ ...p, generated: undefined })));
  writeFileSync(file, 'kind: petrarch-patterns\nversion: "1"\nentries:\n  - {"set":"h1","words":["Give"]}\n  - {"id":"x.l1","cameo":"070","head":"h2","target":"any","origin":"v.txt:1"}\n');
  assert.throws(() => loadPetrarchPatterns(file, () => true), /lower-case word|h2 is not defined/);
});
