/**
 * Measures wink-nlp's UPOS tags (the segment stage's `Token.pos`) against the gold tags of a
 * UD English-EWT split, next to dyad's own tagger. wink tokenises the sentence text itself; a wink
 * token is scored when its character span is exactly one gold word's span.
 *
 *   node --import tsx scripts/measure-wink-tags.ts [test|dev]
 */
import { fileURLToPath } from 'node:url';
import { readConllu } from '../src/parse/conllu.js';
import { evaluateParser } from '../src/parse/evaluate.js';
import { parser } from '../src/parse/parse-stage.js';
import { segmentText } from '../src/segment/segment-stage.js';

const split = process.argv[2] ?? 'test';
const dir = fileURLToPath(new URL('../../shared/treebank/en_ewt/', import.meta.url));
const sents = readConllu(`${dir}en_ewt-ud-${split}.conllu`);
let gold = 0;
let aligned = 0;
let right = 0;
const confusions = new Map<string, number>();
for (const s of sents) {
  const spans = new Map<string, string>();
  let at = 0;
  for (const w of s.words) {
    const i = s.text.indexOf(w.form, at);
    if (i < 0) continue;
    spans.set(`${i}:${i + w.form.length}`, w.upos);
    at = i + w.form.length;
  }
  gold += s.words.length;
  for (const t of segmentText(s.text).tokens) {
    const g = spans.get(`${t.start}:${t.end}`);
    if (g === undefined) continue;
    aligned++;
    if (g === t.pos) right++;
    else confusions.set(`${g}->${t.pos}`, (confusions.get(`${g}->${t.pos}`) ?? 0) + 1);
  }
}
const own = evaluateParser(parser(), sents);
console.log(`${split}: ${gold} gold words, ${aligned} wink tokens aligned one-to-one`);
console.log(`wink UPOS accuracy on aligned tokens: ${(right / aligned).toFixed(4)}`);
console.log(`dyad tagger UPOS accuracy (gold tokens): ${own.tagAccuracy.toFixed(4)}`);
console.log('most frequent wink errors:', [...confusions].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, v]) => `${k} ${v}`).join(', '));
