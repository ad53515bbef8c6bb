import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DyadError } from '../core/errors.js';
import { parsePublicationDate } from './date.js';

test('publication dates: ISO dates and date-times are accepted, the rest refused with INPUT_DATE', () => {
  const good: [string, string][] = [
    ['2024-05-14', '2024-05-14'], [' 2024-05-14 ', '2024-05-14'], ['2024-02-29', '2024-02-29'],
    ['1987-02-26T15:01:01', '1987-02-26'], ['2024-05-14T08:30:00Z', '2024-05-14'], ['2024-05-14T08:30:00.5+02:00', '2024-05-14'], ['2024-05-14 08:30', '2024-05-14'],
  ];
  for (const [value, expected] of good) assert.equal(parsePublicationDate(value), expected, value);
  const bad = ['', '14/05/2024', '2024-5-14', '2024-13-01', '2023-02-29', '2024-05-14x', 'yesterday', '20240514'];
  for (const value of bad) {
    assert.throws(() => parsePublicationDate(value, '--date'), (err: unknown) => err instanceof DyadError && err.code === 'INPUT_DATE' && err.message.startsWith('--date: '), value);
  }
});
