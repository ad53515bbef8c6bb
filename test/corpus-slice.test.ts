/**
 * Speed work must not change what dyad codes: the events on a fixed slice of ../shared/corpus
 * (120 Reuters, 60 Wikinews articles) equal test/fixtures/corpus-slice.expected.tsv, which dyad
 * itself wrote before the speed changes (scripts/corpus-slice.ts; see test/corpus-slice.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createCoder } from '../src/index.js';
import { eventLine, expectedFile, sliceAvailable, sliceInputs } from './corpus-slice.js';

const skip = sliceAvailable() ? false : 'needs ../shared/corpus (reuters21578.jsonl, wikinews-politics.jsonl): corpus slice not checked';

test('corpus slice: the events on 180 corpus articles are byte-identical to the committed fixture', { skip }, () => {
  // No time budget: a test must not depend on the machine's load.
  const coder = createCoder({ docTimeout: 0 });
  const lines: string[] = [];
  for (const input of sliceInputs()) for (const e of coder.code(input).events) lines.push(eventLine(e));
  const expected = readFileSync(expectedFile, 'utf8').trimEnd().split('\n');
  assert.deepEqual(lines, expected);
});
