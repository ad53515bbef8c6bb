/**
 * time.simple-past-undated: an occurred event told in the simple past, with no date of its own and
 * none from a dated saying, is not dated by the publication: the text says it happened, not when
 * ("Police arrested 20 people" in a paper of 5 January may tell of the 2nd). The present perfect
 * ("have arrested") and the present tell today's news and take the publication date. Sentences of ours.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../index.js';

// No time budget: a test must not depend on the machine's load.
const coder = createCoder({ docTimeout: 0 });

const rows: readonly { readonly text: string; readonly trigger: string; readonly date: string | null }[] = [
  { text: 'Iraq invaded Kuwait.', trigger: 'invaded', date: null },
  { text: 'Police arrested twenty protesters in Cairo.', trigger: 'arrested', date: null },
  { text: 'Twenty protesters were arrested by police in Cairo.', trigger: 'arrested', date: null },
  // The perfect and the present are today's news.
  { text: 'Iraq has invaded Kuwait.', trigger: 'invaded', date: '2005-01-05/2005-01-05' },
  { text: "Iraqi officials said they've invaded Kuwait.", trigger: 'invaded', date: '2005-01-05/2005-01-05' },
  { text: 'Police have arrested twenty protesters in Cairo.', trigger: 'arrested', date: '2005-01-05/2005-01-05' },
  { text: 'Egypt condemns the Iraqi invasion of Kuwait.', trigger: 'condemns', date: '2005-01-05/2005-01-05' },
  // A date of its own, or of the saying, still dates a simple past.
  { text: 'Iraq invaded Kuwait on Monday.', trigger: 'invaded', date: '2005-01-03/2005-01-03' },
  { text: 'Iraq invaded Kuwait, the minister said on Monday.', trigger: 'invaded', date: '2005-01-03/2005-01-03' },
];

for (const row of rows) {
  test(`time.simple-past-undated: "${row.text}" dates "${row.trigger}" ${row.date ?? 'not at all'}`, () => {
    const events = coder.code({ text: row.text, published: '2005-01-05' }).events.filter((e) => e.trigger.text === row.trigger);
    assert.equal(events.length, 1, `one event on "${row.trigger}"`);
    const d = events[0].date;
    assert.equal(d ? `${d.start}/${d.end}` : null, row.date);
  });
}
