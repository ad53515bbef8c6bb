/** The turn queue: waiters go through in the order they came, at most `perTurn` per turn of the event loop. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTurnQueue } from './turns.js';

/** Counts turns of the event loop (one setImmediate a turn) until stopped. */
function turnCounter(): { readonly now: () => number; stop(): void } {
  let turns = 0;
  let running = true;
  const tick = (): void => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => turns, stop: () => { running = false; } };
}

for (const perTurn of [1, 4]) {
  test(`waiters go through in the order they came, at most ${perTurn} a turn`, async () => {
    const queue = createTurnQueue(perTurn);
    const counter = turnCounter();
    const seen: Array<{ i: number; turn: number }> = [];
    await Promise.all(Array.from({ length: 10 }, (_, i) => queue.wait().then(() => seen.push({ i, turn: counter.now() }))));
    counter.stop();
    assert.deepEqual(seen.map((s) => s.i), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const turns = [...new Set(seen.map((s) => s.turn))];
    assert.equal(turns.length, Math.ceil(10 / perTurn), `waiters by turn: ${seen.map((s) => s.turn).join(' ')}`);
    for (let k = 1; k < turns.length; k++) assert.ok(turns[k] > turns[k - 1]);
    assert.equal(queue.waiting, 0);
  });
}

test('I/O is polled between two waiters: a timer due meanwhile runs before the next waiter', async () => {
  const queue = createTurnQueue(1);
  const order: string[] = [];
  const busy = (ms: number): void => {
    const until = Date.now() + ms;
    while (Date.now() < until); // synchronous work, as a store read
  };
  const first = queue.wait().then(() => {
    order.push('first');
    busy(3);
    setTimeout(() => order.push('timer'), 1);
  });
  const second = queue.wait().then(() => {
    order.push('second');
    busy(3);
  });
  const third = queue.wait().then(() => order.push('third'));
  await Promise.all([first, second, third]);
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.deepEqual(order.filter((o) => o !== 'timer').join(' '), 'first second third');
  assert.ok(order.indexOf('timer') < order.indexOf('third'), `the timer waited for every queued request: ${order.join(' ')}`);
});

test('a long queue is let through in full and keeps no waiters', async () => {
  const queue = createTurnQueue();
  let done = 0;
  const all = Array.from({ length: 3000 }, () => queue.wait().then(() => done++));
  assert.equal(queue.waiting, 3000);
  await Promise.all(all);
  assert.equal(done, 3000);
  assert.equal(queue.waiting, 0);
  await queue.wait();
  assert.equal(queue.waiting, 0);
});
