import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { KnowledgeError } from '../core/errors.js';
import { createCoder } from '../index.js';
import { compilePhrase, loadPatterns } from './patterns.js';
import { phraseProblems } from './phrase.js';

const scratch = mkdtempSync(join(tmpdir(), 'dyad-phrase-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('phrase: the grammar\'s forms pass (words, a|b, ?word, ?a|b, *)', () => {
  for (const p of ['visit', 'talk|discussion', 'pay * visit|trip', '?be scheduled|slated|due to|for', "ca|can n't|not", 'test-fire * ?into|over sea']) {
    assert.deepEqual(phraseProblems(p, true).length, p.startsWith('?') ? 1 : 0, p);
    assert.deepEqual(phraseProblems(p, false), [], p);
  }
});

test('phrase: "|" binds tighter than a space: "a|b c" is two elements, (a or b) then c', () => {
  const [first, second] = compilePhrase('phone|telephone call|conversation');
  assert.equal(compilePhrase('phone|telephone call|conversation').length, 2);
  assert.ok(first.kind === 'word' && [...first.words].join() === 'phone,telephone');
  assert.ok(second.kind === 'word' && [...second.words].join() === 'call,conversation');
});

test('phrase: a "|" beside a space is named, not split into stray elements', () => {
  for (const p of ['gunfire | gun', 'gunfire |gun battle', 'gunfire| gun']) {
    const problems = phraseProblems(p, true);
    assert.equal(problems.length, 1, p);
    assert.match(problems[0], /"\|" stands beside a space/);
  }
});

test('phrase: several words joined inside one alternative, empty alternatives, upper case, stray marks', () => {
  assert.match(phraseProblems('gunfire|gun_battle', true)[0], /"gun_battle" joins words/);
  assert.match(phraseProblems('a||b', true)[0], /empty alternative/);
  assert.match(phraseProblems('Visit', true)[0], /not lower case/);
  assert.match(phraseProblems('visit ??to', true)[0], /one "\?"/);
  assert.match(phraseProblems('visit to*', true)[0], /"\*" is a gap on its own/);
  assert.match(phraseProblems('', true)[0], /empty/);
  assert.match(phraseProblems(' visit', true)[0], /starts or ends with a space/);
});

test('phrase: an event pattern\'s head is a required word; a modality cue may start with an optional one', () => {
  assert.match(phraseProblems('* visit', true)[0], /head/);
  assert.match(phraseProblems('?official visit', true)[0], /head/);
  assert.deepEqual(phraseProblems('?be set to', false), []);
});

test('phrase: the pattern loader rejects a malformed phrase with file:line, the entry and what is wrong', () => {
  const dir = join(scratch, 'patterns');
  mkdirSync(join(dir, 'lexicon'), { recursive: true });
  writeFileSync(join(dir, 'lexicon', 'means.yaml'), 'kind: means\nversion: "1"\nentries:\n  - { id: bomb }\n');
  writeFileSync(join(dir, '19-fight.yaml'), [
    'kind: patterns', 'version: "1"', 'entries:',
    '  - { id: fight.ok, cameo: "193", phrase: "gunfire|shootout" }',
    '  - { id: fight.bad, cameo: "193", phrase: "gunfire | gun battle" }',
    '',
  ].join('\n'));
  let caught: unknown;
  try {
    loadPatterns(dir, new Set(['193']));
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof KnowledgeError, 'a KnowledgeError');
  assert.equal(caught.code, 'KNOWLEDGE_INVALID');
  assert.equal(caught.issues.length, 1);
  const [issue] = caught.issues;
  assert.equal(issue.line, 5);
  assert.equal(issue.entry, 'fight.bad');
  assert.match(issue.file, /19-fight\.yaml$/);
  assert.match(issue.message, /^phrase: element 2 "\|": a "\|" stands beside a space/);
  assert.match(caught.message, /19-fight\.yaml:5 \(fight\.bad\): phrase: element 2/);
});

test('phrase: "gunfire" and its kin code alone, and "gun battle" as before (they were one phrase, read as gunfire|gun then battle)', () => {
  const coder = createCoder({ docTimeout: 0 });
  const code = (text: string): string[] => coder.code({ text, published: '2024-05-14' }).events.map((e) => `${e.cameo} ${e.source?.code} ${e.target?.code} ${e.rule}`);
  assert.deepEqual(code('Ugandan troops were involved in a gun battle with Kenyan police on Monday.'), ['193 UGAMIL KENCOP fight.small-arms.gun-battle']);
  assert.deepEqual(code('Kenyan police ended the shootout with Ugandan troops.'), ['193 KENCOP UGAMIL fight.small-arms.gunfire']);
});
