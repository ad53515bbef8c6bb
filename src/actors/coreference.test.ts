/**
 * Coreference rules (src/actors/coreference.ts), each shown by a sentence of ours: what "he", "him",
 * "his" stand for, or that they stay unresolved.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../index.js';

// No time budget: a test must not depend on the machine's load.
const coder = createCoder({ docTimeout: 0 });

interface Row {
  readonly rule: string;
  readonly text: string;
  /** Which occurrence of which pronoun, counted from 1. */
  readonly pronoun: string;
  readonly nth?: number;
  /** The person it stands for, or null: unresolved. */
  readonly person: string | null;
}

const rows: readonly Row[] = [
  { rule: 'coref.subject-first', text: 'Emmanuel Macron told Olaf Scholz he would stay in Paris.', pronoun: 'he', person: 'Emmanuel Macron' },
  { rule: 'coref.subject-first', text: 'Emmanuel Macron met Olaf Scholz in Berlin. He said the talks were useful.', pronoun: 'He', person: 'Emmanuel Macron' },
  { rule: 'coref.object-recent', text: 'Emmanuel Macron praised Olaf Scholz and thanked him.', pronoun: 'him', person: 'Olaf Scholz' },
  { rule: 'coref.window', text: 'Vladimir Putin spoke on Monday. The weather was cold. Markets were calm. He said the talks were useful.', pronoun: 'He', person: null },
  { rule: 'coref.window', text: 'Vladimir Putin spoke on Monday. He said the talks were useful. Markets were calm. He added that they had been long.', pronoun: 'He', nth: 2, person: 'Vladimir Putin' },
  { rule: 'coref.opening-possessive', text: 'Speaking on his first day in office, Emmanuel Macron praised the army.', pronoun: 'his', person: 'Emmanuel Macron' },
  { rule: 'coref.unknown-person', text: 'Vladimir Putin spoke on Monday. Opposition leader Ivan Petrovsky said the vote was rigged. He also criticised the courts.', pronoun: 'He', person: null },
  { rule: 'coref.unknown-person', text: 'Vladimir Putin spoke on Monday. Ivan Petrovsky, a lawyer, said the vote was rigged. He said the courts were slow. Later he left.', pronoun: 'he', nth: 1, person: null },
];

test('coref.office-holder: a pronoun of an office that names no one (no country) names no one either', () => {
  const text = 'In the end the prime minister reneged on his own commitment.';
  const doc = coder.annotate({ text });
  assert.deepEqual((doc.mentions ?? []).map((m) => m.kind), []);
});

function occurrence(text: string, word: string, nth: number): number {
  const re = new RegExp(`\\b${word}\\b`, 'g');
  let m: RegExpExecArray | null = null;
  for (let k = 0; k < nth; k++) m = re.exec(text);
  assert.ok(m, `"${word}" #${nth} is in the text`);
  return m.index;
}

for (const row of rows) {
  test(`${row.rule}: "${row.pronoun}" in "${row.text}" is ${row.person ?? 'unresolved'}`, () => {
    const doc = coder.annotate({ text: row.text, published: '2024-05-14' });
    const at = occurrence(row.text, row.pronoun, row.nth ?? 1);
    const mention = (doc.mentions ?? []).find((m) => m.start === at);
    const names = mention?.actors.map((a) => a.name) ?? [];
    if (row.person === null) assert.deepEqual(names, [], `"${row.pronoun}" stays unresolved`);
    else assert.deepEqual(names, [row.person]);
  });
}
