import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DyadError } from '../core/errors.js';
import {
  addDays, addYears, daysBetween, isIsoDate, monthRange, rangeWithin, weekRange, weekdayOf, yearRange,
} from './iso.js';

const WEEKS: readonly (readonly [string, number, string, string])[] = [
  ['2024-05-14', 0, '2024-05-13', '2024-05-19'], // Tuesday
  ['2024-05-13', 0, '2024-05-13', '2024-05-19'], // Monday
  ['2024-05-19', 0, '2024-05-13', '2024-05-19'], // Sunday belongs to the week that began on Monday
  ['2024-05-14', 1, '2024-05-20', '2024-05-26'],
  ['2024-05-14', -1, '2024-05-06', '2024-05-12'],
  ['2024-12-31', 0, '2024-12-30', '2025-01-05'], // across a year
  ['2024-03-01', 0, '2024-02-26', '2024-03-03'], // across a leap February
];

for (const [iso, offset, start, end] of WEEKS) {
  test(`weekRange(${iso}, ${offset}) = ${start}..${end}`, () => {
    assert.deepEqual(weekRange(iso, offset), { start, end, precision: 'week' });
  });
}

const MONTHS: readonly (readonly [number, number, string, string])[] = [
  [2024, 2, '2024-02-01', '2024-02-29'],
  [2023, 2, '2023-02-01', '2023-02-28'],
  [2024, 13, '2025-01-01', '2025-01-31'],
  [2024, 0, '2023-12-01', '2023-12-31'],
  [2024, 4, '2024-04-01', '2024-04-30'],
];

for (const [year, month, start, end] of MONTHS) {
  test(`monthRange(${year}, ${month}) = ${start}..${end}`, () => {
    assert.deepEqual(monthRange(year, month), { start, end, precision: 'month' });
  });
}

test('day arithmetic crosses months, years and leap days', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2023-12-31', 1), '2024-01-01');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.equal(daysBetween('2024-05-14', '2024-05-17'), 3);
  assert.equal(weekdayOf('2024-05-14'), 2);
  assert.equal(addYears('2024-02-29', 1), '2025-02-28');
  assert.deepEqual(yearRange(1962), { start: '1962-01-01', end: '1962-12-31', precision: 'year' });
});

test('rangeWithin compares calendar order', () => {
  const week = weekRange('2024-05-14');
  assert.equal(rangeWithin({ start: '2024-05-16', end: '2024-05-17', precision: 'day' }, week), true);
  assert.equal(rangeWithin({ start: '2024-05-19', end: '2024-05-20', precision: 'day' }, week), false);
});

test('invalid ISO dates are INPUT_DATE errors', () => {
  for (const bad of ['2024-02-30', '2024-5-14', '14/05/2024', '']) {
    assert.equal(isIsoDate(bad), false, bad);
    assert.throws(() => addDays(bad, 1), (e: unknown) => e instanceof DyadError && e.code === 'INPUT_DATE');
  }
  assert.equal(isIsoDate('2024-02-29'), true);
});
