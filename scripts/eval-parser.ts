/**
 * npm run eval:parser: UAS and LAS of the committed model (data/parse/en_ewt.dyadparse) on the
 * UD English-EWT test and dev splits (../shared/treebank/en_ewt), with gold tokenisation and the
 * tags the pipeline uses at run time (the model's own tagger), punctuation included.
 *
 *   npm run eval:parser
 *   npm run eval:parser -- --model /tmp/other.dyadparse --gold-tags
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readConllu } from '../src/parse/conllu.js';
import { evaluateParser } from '../src/parse/evaluate.js';
import { readModel } from '../src/parse/model-file.js';
import { MODEL_FILE } from '../src/parse/parse-stage.js';
import { Parser } from '../src/parse/parser.js';

const at = process.argv.indexOf('--model');
const file = at > 0 ? process.argv[at + 1] : MODEL_FILE;
const tags = process.argv.includes('--gold-tags') ? 'gold' : 'own';
const dir = fileURLToPath(new URL('../../shared/treebank/en_ewt/', import.meta.url));
if (!existsSync(dir)) {
  console.error(`eval:parser: ${dir} is missing (the UD English-EWT treebank)`);
  process.exit(1);
}
const t0 = performance.now();
const parser = new Parser(readModel(file));
console.log(`model ${file} loaded in ${(performance.now() - t0).toFixed(0)} ms; tags: ${tags === 'own' ? "the model's tagger" : 'gold'}`);
for (const split of ['test', 'dev']) {
  const sents = readConllu(`${dir}en_ewt-ud-${split}.conllu`);
  const t1 = performance.now();
  const s = evaluateParser(parser, sents, tags);
  const secs = (performance.now() - t1) / 1000;
  console.log(`${split.padEnd(5)} ${s.words} words  UAS ${s.uas.toFixed(4)}  LAS ${s.las.toFixed(4)}  UPOS ${s.tagAccuracy.toFixed(4)}  (${Math.round(s.words / secs)} words/s tagging + parsing)`);
}
