import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Deadline } from './deadline.js';
import { DyadError } from './errors.js';

/** A clock the test moves by hand. */
function clock(): { wall: number; cpu: number; readonly c: { wall(): number; cpu(): number } } {
  const t = { wall: 0, cpu: 0, c: { wall: () => t.wall, cpu: () => t.cpu } };
  return t;
}

test('a document past its budget in wall and CPU time both is a DOC_TIMEOUT naming it and the stage', () => {
  const t = clock();
  const d = new Deadline(5, 300 * 1024, 'doc-7', t.c);
  assert.equal(d.budgetMs, 15_000, '5 s per 100 KB for 300 KB');
  t.wall = 16_000;
  d.check('actors'); // a loaded machine: the wall clock ran on, the work did not
  t.cpu = 16_000;
  assert.throws(() => d.check('events'), (e) => e instanceof DyadError && e.code === 'DOC_TIMEOUT'
    && e.message === 'document doc-7: coding passed its time budget of 15.0 s (--doc-timeout 5 s per 100 KB) by the end of the events stage; skipped');
});

test('a document shorter than 100 KB gets as long as 100 KB; CPU time alone (other threads) does not stop it', () => {
  const t = clock();
  const d = new Deadline(5, 200, 'short', t.c);
  assert.equal(d.budgetMs, 5000);
  t.cpu = 9000;
  t.wall = 4000;
  d.check('segment');
});

test('one-time work of the process run through excluding() is no part of the document budget', () => {
  const t = clock();
  const d = new Deadline(1, 200, 'first-dated', t.c);
  const out = d.excluding(() => {
    t.wall += 3000; // compiling a library's patterns on a busy machine
    t.cpu += 3000;
    return 'compiled';
  });
  assert.equal(out, 'compiled');
  t.wall += 900;
  t.cpu += 900;
  d.check('time'); // 0.9 s of the document's own work: within its 1 s
  t.wall += 200;
  t.cpu += 200;
  assert.throws(() => d.check('assemble'), (e) => e instanceof DyadError && e.code === 'DOC_TIMEOUT');
});
