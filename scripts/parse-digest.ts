/**
 * Digest of the parser's output (tags, heads, relations) on a CoNLL-U file with gold tokenisation,
 * and the parser's speed on it by CPU time: `node --import tsx scripts/parse-digest.ts [file] [sentences]`.
 * Used to check that a change to the run-time code leaves every tag, head and relation as it was.
 */
import { readConllu } from '../src/parse/conllu.js';
import { outputDigest } from '../src/parse/digest.js';
import { readCompiledModel } from '../src/parse/model-file.js';
import { MODEL_FILE } from '../src/parse/parse-stage.js';
import { Parser } from '../src/parse/parser.js';

const file = process.argv[2] ?? '../shared/treebank/en_ewt/en_ewt-ud-test.conllu';
const limit = Number(process.argv[3] ?? Infinity);
const sents = readConllu(file).slice(0, limit).map((s) => s.words.map((w) => w.form));
const parser = new Parser(readCompiledModel(MODEL_FILE));
outputDigest(parser, sents.slice(0, 200)); // warm-up
const cpu = process.cpuUsage();
const { digest, words } = outputDigest(parser, sents);
const used = process.cpuUsage(cpu);
const secs = (used.user + used.system) / 1e6;
console.log(`${file}: ${sents.length} sentences, ${words} words, digest ${digest}; ${Math.round(words / secs)} words/s (CPU time)`);
