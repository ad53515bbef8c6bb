import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readConllu } from './conllu.js';
import { outputDigest } from './digest.js';
import { decodeCompiledModel, readCompiledModel, readModel } from './model-file.js';
import { sparseTable } from './perceptron.js';
import { MODEL_FILE } from './parse-stage.js';
import { Parser } from './parser.js';
import { tagAtoms } from './tagger.js';
import { sentenceAtoms } from './atoms.js';

const TEST_FILE = fileURLToPath(new URL('../../../shared/treebank/en_ewt/en_ewt-ud-test.conllu', import.meta.url));

// The tags, heads and relations the committed model gave on the first 300 sentences of the
// en_ewt test file (5,224 words) when the run-time scored its tables densely, before the
// run-time was made faster. A change to the run-time code must leave them exactly as they were;
// retraining the model changes them, and then this digest is recomputed with
// `node --import tsx scripts/parse-digest.ts ../shared/treebank/en_ewt/en_ewt-ud-test.conllu 300`.
const SLICE = 300;
const SLICE_DIGEST = 'd3ff801a099dbfb5699ddb2ca686e987e13036d9c3b6f944d7fce84ec99c14c1';

test('the run-time parser gives the same tags, heads and relations as before it was made faster (en_ewt test slice)', (t) => {
  if (!existsSync(TEST_FILE)) {
    t.skip(`skipped: ${TEST_FILE} is absent (../shared/treebank beside the project)`);
    return;
  }
  const sents = readConllu(TEST_FILE).slice(0, SLICE).map((s) => s.words.map((w) => w.form));
  const { digest, words } = outputDigest(new Parser(readCompiledModel(MODEL_FILE)), sents);
  assert.equal(words, 5224);
  assert.equal(digest, SLICE_DIGEST);
});

test('tagging with the dense run-time table (as training does) and with the parser give the same tags', () => {
  const model = readModel(MODEL_FILE);
  const parser = new Parser(model);
  const forms = ['The', 'talks', ',', 'held', 'in', 'Geneva', ',', 'failed', 'on', 'Monday', '.'];
  const atoms = sentenceAtoms(forms);
  assert.deepEqual(Array.from(parser.tag(atoms)), Array.from(tagAtoms(model.tagger, atoms)));
  assert.deepEqual(parser.parse(forms).tags.slice(0, 2), ['DET', 'NOUN']);
});

test('reading the model file straight into the run-time tables gives the same tables as compiling its dense tables', () => {
  const dense = readModel(MODEL_FILE);
  const compiled = readCompiledModel(MODEL_FILE);
  assert.deepEqual(compiled.labels, dense.labels);
  const tagger = sparseTable(dense.tagger);
  const relations = sparseTable(dense.relations);
  for (const [name, a, b] of [['tagger index', compiled.tagger.index, tagger.index], ['tagger data', compiled.tagger.data, tagger.data],
    ['relations index', compiled.relations.index, relations.index], ['relations data', compiled.relations.data, relations.data],
    ['tagger offsets', compiled.tagger.offsets, tagger.offsets], ['relations offsets', compiled.relations.offsets, relations.offsets],
    ['actions', compiled.actions.weights, dense.actions.weights]] as const) {
    assert.equal(a.length, b.length, name);
    assert.ok(a.every((v, i) => v === b[i]), name);
  }
});

test('a truncated model file is refused by the run-time reader too', () => {
  const buf = readFileSync(MODEL_FILE);
  assert.throws(() => decodeCompiledModel(buf.subarray(0, buf.length - 1000), 'cut.dyadparse'), /cut\.dyadparse: parser model: table "relations" is truncated/);
});
