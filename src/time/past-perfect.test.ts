/**
 * time.past-perfect-background: an event told in the past perfect is background before the time of
 * the telling. It keeps a date of its own ("in 1990"), but takes neither the date of the saying nor
 * the publication date. Sentences of ours.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../index.js';

// No time budget: a test must not depend on the machine's load.
const coder = createCoder({ docTimeout: 0 });

const rows: readonly { readonly text: string; readonly date: string | null }[] = [
  { text: 'Iraq had invaded Kuwait, the minister said on Monday.', date: null },
  { text: 'Iraq had already invaded Kuwait.', date: null },
  { text: 'Iraq had invaded Kuwait in 1990, the minister said on Monday.', date: '1990-01-01/1990-12-31' },
  // Not the past perfect: the saying's date and the publication date still apply.
  { text: 'Iraq invaded Kuwait, the minister said on Monday.', date: '2005-01-03/2005-01-03' },
  { text: 'Iraq has invaded Kuwait.', date: '2005-01-05/2005-01-05' },
];

for (const row of rows) {
  test(`time.past-perfect-background: "${row.text}" dates the invasion ${row.date ?? 'not at all'}`, () => {
    const events = coder.code({ text: row.text, published: '2005-01-05' }).events.filter((e) => e.trigger.text === 'invaded');
    assert.equal(events.length, 1);
    const d = events[0].date;
    assert.equal(d ? `${d.start}/${d.end}` : null, row.date);
  });
}
