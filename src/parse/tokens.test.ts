/**
 * The parser reads wink's tokens: where wink and UD tokenise differently, the words are mapped so
 * the parse comes out right ("don't", "U.S.", hyphens, possessive 's, clitics wink leaves on).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Doc } from '../core/doc.js';
import { segmentText } from '../segment/segment-stage.js';
import { loadSyntaxWords, SYNTAX_FILE } from '../syntax/words.js';
import { syntaxOf, headOf, relOf, type Syntax } from '../syntax/index.js';
import { ParseStage } from './parse-stage.js';
import { leadWords, parserWords, splitClitics } from './tokens.js';

function parsed(text: string): Syntax {
  const base: Doc = { id: 't', text, title: null, url: null, source: null, published: null, language: 'en' };
  return syntaxOf(new ParseStage().run({ ...base, ...segmentText(text) }));
}

function at(sx: Syntax, text: string): number {
  const t = sx.tokens.find((x) => x.text === text);
  assert.ok(t, `token "${text}" in ${sx.tokens.map((x) => x.text).join(' ')}`);
  return t.index;
}

test('data/parse/syntax.yaml loads: clitics longest first, negators', () => {
  const w = loadSyntaxWords(SYNTAX_FILE);
  assert.ok(w.clitics.includes("'s") && w.clitics.includes("n't"));
  assert.ok(w.clitics.indexOf("n't") < w.clitics.indexOf("'s"));
  assert.ok(w.negators.has('not') && w.negators.has('never'));
});

test('clitics that wink leaves on a token are split off as UD does', () => {
  assert.deepEqual(splitClitics("I'm"), ['I', "'m"]);
  assert.deepEqual(splitClitics('Russia’s'), ['Russia', '’s']);
  assert.deepEqual(splitClitics("They'd've"), ['They', "'d", "'ve"]);
  assert.deepEqual(splitClitics('don’t'), ['do', 'n’t']);
  assert.deepEqual(splitClitics('U.S.'), ['U.S.']);
  assert.deepEqual(splitClitics('pro-Russian'), ['pro-Russian']);
  assert.deepEqual(splitClitics("'s"), ["'s"]);
});

test('a split token takes the dependency of its word whose head lies outside it', () => {
  const tokens = segmentText("I'm sure.").tokens;
  const words = parserWords(tokens, 0, tokens.length);
  assert.deepEqual(words.forms, ['I', "'m", 'sure', '.']);
  // I -> sure, 'm -> sure, sure root, . -> sure
  assert.deepEqual([...leadWords(words, Int32Array.from([2, 2, -1, 2]))], [0, 2, 3]);
});

test('a clitic wink keeps on its token ("I\'m"): the token takes the role of its first word', () => {
  const sx = parsed("I'm sure the talks will resume.");
  assert.equal(sx.tokens[0].text, "I'm", 'wink keeps "I\'m" whole');
  assert.deepEqual([relOf(sx, 0), headOf(sx, 0)], ['nsubj', at(sx, 'sure')]);
});

test('possessive with a curly apostrophe: the noun is the possessor of the head noun', () => {
  const sx = parsed('Russia’s foreign minister arrived.');
  const poss = sx.tokens.find((t) => t.text.startsWith('Russia'))!.index;
  assert.equal(relOf(sx, poss), 'nmod:poss');
  assert.equal(headOf(sx, poss), at(sx, 'minister'));
});

test('possessive split by wink ("Russia" "\'s"): the noun is the possessor, \'s its case marker', () => {
  const sx = parsed("Russia's foreign minister arrived.");
  assert.equal(relOf(sx, at(sx, 'Russia')), 'nmod:poss');
  assert.equal(headOf(sx, at(sx, "'s")), at(sx, 'Russia'));
});

test('"didn\'t" and "U.S.": the negation and auxiliary attach to the verb, U.S. is its subject', () => {
  const sx = parsed("The U.S. didn't respond to the proposal.");
  const v = at(sx, 'respond');
  assert.equal(headOf(sx, at(sx, 'U.S.')), v);
  assert.equal(relOf(sx, at(sx, 'U.S.')), 'nsubj');
  assert.deepEqual([headOf(sx, at(sx, 'did')), relOf(sx, at(sx, 'did'))], [v, 'aux']);
  assert.deepEqual([headOf(sx, at(sx, "n't")), relOf(sx, at(sx, "n't"))], [v, 'advmod']);
});

test('hyphens: "pro-Russian" (one token) and "long-term" (split by wink) modify their nouns', () => {
  const sx = parsed('Pro-Russian militias attacked a long-term base.');
  assert.equal(headOf(sx, at(sx, 'Pro-Russian')), at(sx, 'militias'));
  const base = at(sx, 'base');
  assert.equal(relOf(sx, base), 'obj');
  const term = at(sx, 'term');
  const long = at(sx, 'long');
  assert.ok([headOf(sx, long), headOf(sx, term)].every((h) => h === base || h === long || h === term), 'long - term stays inside the noun phrase');
  assert.ok(headOf(sx, long) === base || headOf(sx, term) === base);
});
