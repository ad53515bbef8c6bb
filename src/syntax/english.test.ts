import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeError } from '../core/errors.js';
import { alternationOf, ENGLISH_FILE, ENGLISH_LISTS, englishWords, LazyPattern, loadEnglishWords, withMarks, wordsOf, type EnglishList } from './english.js';

const original = readFileSync(ENGLISH_FILE, 'utf8');

function loadEdited(edit: (text: string) => string): void {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-english-'));
  try {
    const file = join(dir, 'english.yaml');
    writeFileSync(file, edit(original));
    loadEnglishWords(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The word as a word of the sentence: no letter joined to it on a side where it begins or ends with a letter. */
function contains(sentence: string, word: string): boolean {
  const before = /^[a-z]/.test(word) ? '(?<![a-z])' : '';
  const after = /[a-z]$/.test(word) ? '(?![a-z])' : '';
  return new RegExp(`${before}${escape(word)}${after}`).test(sentence.toLowerCase().replace(/\u2019/g, "'"));
}

test('every list the code asks for is defined', () => {
  for (const id of ENGLISH_LISTS) assert.ok(englishWords().list(id).length > 0, id);
});

for (const e of englishWords().entries) {
  test(`${e.id} (english.yaml:${e.line}): its example sentence has one of its words`, () => {
    assert.ok(e.words.some((w) => contains(e.example, w)), `"${e.example}" has none of ${e.words.join(', ')}`);
  });
}

test('a word set loads its lists on first use, in order, with the marks first', () => {
  assert.ok(wordsOf('verb.reporting').has('say'));
  assert.ok(!wordsOf('verb.reporting').has('attack'));
  assert.deepEqual([...wordsOf('possessive.third-person', 'possessive.our')], ['its', 'his', 'her', 'their', 'our']);
  assert.deepEqual([...wordsOf('preposition.common')].slice(0, 3), ['of', 'in', 'to']);
  const breaks = withMarks([';', ':'], 'clause.break');
  assert.ok(breaks.has(';') && breaks.has('whereas') && !breaks.has(','));
  assert.equal(wordsOf('name.weekday').size, 7);
});

test('a malformed entry is reported with file:line', () => {
  const edited = original.replace('words: [border, frontier, boundary]', 'words: border');
  const line = lineOf(edited, 'words: border');
  assert.throws(() => loadEdited(() => edited), (e: unknown) => {
    assert.ok(e instanceof KnowledgeError);
    assert.equal(e.issues[0].line, line);
    assert.equal(e.issues[0].entry, 'noun.border');
    assert.match(e.message, new RegExp(`english\\.yaml:${line} \\(noun\\.border\\)`));
    return true;
  });
});

test('an unknown list, a missing one, a wrong role and a capitalised word are reported', () => {
  assert.throws(() => loadEdited((t) => t.replace('id: noun.border', 'id: noun.borders')), /noun\.borders|noun\.border.*not defined/);
  assert.throws(() => loadEdited((t) => t.replace(/  - id: verb\.refusal\n(    .*\n)+?(?=  - id:|  #)/, '')), /verb\.refusal.*list is not defined/);
  assert.throws(() => loadEdited((t) => t.replace(/id: noun\.border\n    role: noun/, 'id: noun.border\n    role: verb')), /id is role\.name/);
  assert.throws(() => loadEdited((t) => t.replace('words: [border,', 'words: [Border,')), /lower-case/);
});

test('lists moved out of the code keep the words the code held (time, place, modality)', () => {
  assert.deepEqual(englishWords().list('auxiliary.participle-passive'), ['is', 'are', 'am', 'be', 'being', 'get', 'gets']);
  assert.deepEqual(englishWords().list('time.forward-lead'), ['until', 'till', 'by', 'through', 'from', 'starting', 'beginning', 'before']);
  assert.deepEqual(englishWords().list('place.division'), ['province', 'state', 'region', 'governorate', 'oblast']);
  assert.deepEqual(englishWords().list('verb.planned-form'), ['expected', 'scheduled', 'set', 'planned']);
  // monthNumber reads a month's first three letters from name.month, in calendar order.
  assert.deepEqual(englishWords().list('name.month').map((m) => m.slice(0, 3)), ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);
});

test('lists moved out of the code keep the words the code held (clause, pronouns, determiners)', () => {
  const moved: readonly (readonly [EnglishList, readonly string[]])[] = [
    ['verb.reporting-clause', ['say', 'tell']],
    ['clause.coordinator', ['and', 'but', 'or']],
    ['clause.comma-coordinator', ['and', 'but', 'or', 'yet']],
    ['clause.verb-joiner', ['and', 'but', 'while']],
    ['clause.condition', ['if', 'unless']],
    ['pronoun.group-subject', ['it', 'they']],
    ['possessive.person', ['his', 'her']],
    ['determiner.definite', ['the', 'this', 'that', 'these', 'those', 'his', 'her', 'their']],
    ['determiner.indefinite', ['a', 'an']],
    ['auxiliary.present-perfect', ['has', 'have', "'ve", "'s"]],
  ];
  for (const [id, words] of moved) assert.deepEqual(englishWords().list(id), words, id);
});

test('the time rules\' lists, as the alternations of their expressions, keep the words and order the code held', () => {
  assert.equal(alternationOf('time.relative-this', 'time.relative-next', 'time.relative-last', 'time.relative-rolling'), 'this|current|next|coming|last|previous|past');
  assert.equal(alternationOf('time.weekday-modifier'), 'next|last|this|coming|past|previous');
  assert.equal(alternationOf('time.clause-opener'), 'which|who|whom|while|whereas|but|although|though|after|before|when|as');
  assert.equal(alternationOf('time.perfect-adverb'), 'not|never|already|just|also|long|earlier|previously|once|first|been');
  assert.equal(alternationOf('possessive.clitic'), "'s", 'an apostrophe needs no escape');
  const lazy = new LazyPattern(() => new RegExp(`^(?:${alternationOf('clause.condition')})$`));
  assert.ok(lazy.test('unless') && !lazy.test('until'));
});
