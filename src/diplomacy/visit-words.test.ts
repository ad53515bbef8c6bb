import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { KnowledgeError } from '../core/errors.js';
import { anyWordOf, loadVisitWords, VISIT_WORD_LISTS, VISIT_WORDS_FILE, visitWords } from './visit-words.js';
import { outcomeKind } from './words.js';

test('every list the code asks for is defined, each with words', () => {
  for (const id of VISIT_WORD_LISTS) assert.ok(visitWords().list(id).length > 0, id);
});

for (const e of visitWords().entries) {
  test(`${e.id} (words.yaml:${e.line}): its example has one of its words${e.outcome ? `, and names the outcome ${e.outcome}` : ''}`, () => {
    assert.ok(anyWordOf(e.id).test(e.example), `"${e.example}" has none of ${e.words.join(', ')}`);
    if (e.outcome) assert.equal(outcomeKind(e.example), e.outcome);
  });
}

test('words are whole words, a space any white space, a trailing * a beginning', () => {
  const cancel = anyWordOf('cancel');
  assert.ok(cancel.test('The trip was CALLED\n off.') && cancel.test('they scrapped it') && !cancel.test('cancellation') && !cancel.test('scrapbook'));
  assert.equal(outcomeKind('signed two agreements'), 'agreement');
  assert.equal(outcomeKind('a joint communiqué'), 'joint declaration');
  assert.equal(outcomeKind('the MoU'), 'memorandum');
  assert.equal(outcomeKind('accords'), null);
  assert.equal(outcomeKind('a dealer'), null);
  assert.equal(outcomeKind('contracts'), 'deal');
  // The first list that matches wins: a joint statement on a treaty is a joint statement.
  assert.equal(outcomeKind('a joint statement on the treaty'), 'joint statement');
});

test('a malformed entry is reported with file:line; a missing list by name', () => {
  const original = readFileSync(VISIT_WORDS_FILE, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'dyad-visit-words-'));
  try {
    const file = join(dir, 'words.yaml');
    writeFileSync(file, original.replace('words: [state, official, working]', 'words: [state, official, Working, private]'));
    const line = original.split('\n').findIndex((l) => l.includes('words: [state, official, working]')) + 1;
    assert.throws(() => loadVisitWords(file), (e: unknown) => {
      assert.ok(e instanceof KnowledgeError);
      assert.ok(e.issues.every((i) => i.line === line && i.entry === 'visit.kind'), JSON.stringify(e.issues));
      assert.match(e.message, /words\.yaml:\d+ \(visit\.kind\): words\.2: lower-case words/);
      return true;
    });
    writeFileSync(file, original.replace('words: [state, official, working]', 'words: [state, private]'));
    assert.throws(() => loadVisitWords(file), /a kind of visit is one the visit record knows/);
    writeFileSync(file, original.replace(/  - id: cancel\n(    .*\n)+?(?=  - id:)/, ''));
    assert.throws(() => loadVisitWords(file), /\(cancel\): list is not defined/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
