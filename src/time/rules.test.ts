import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Span } from '../core/doc.js';
import { DurationParser, DurationRefiner, durationFor } from './duration.js';
import { OverlapRefiner, resolveWeekday } from './refiners.js';
import { relativePeriod } from './relative-period-parser.js';
import type { DateCandidate, DateFrame, Direction } from './types.js';
import { YearParser } from './year-parser.js';

function frameOf(text: string, published: string | null = '2024-05-14'): DateFrame {
  return { text, start: 0, end: text.length, sentence: 0, published, tokens: [], direction: () => 'nearest' };
}

const DURATIONS: readonly (readonly [string, number | null])[] = [
  ['a two-day official visit', 2],
  ['a three-day visit', 3],
  ['a 4-day trip', 4],
  ['a week-long trip', 7],
  ['a weeklong tour', 7],
  ['a two-week mission', 14],
  ['talks for three days', 3],
  ['he stayed for a week', 7],
  ['a day of talks', null],
  ['a two-day-old ceasefire', null],
];

for (const [text, days] of DURATIONS) {
  test(`DurationParser: "${text}" → ${days ?? 'nothing'}`, () => {
    const found = new DurationParser().parse(text, { start: 0, end: text.length }, 0);
    assert.deepEqual(found.map((d) => d.days), days === null ? [] : [days]);
  });
}

test('durationFor attaches a duration to the trigger it modifies, not across a clause', () => {
  const text = 'After a two-day summit, the leaders will visit Kyiv.';
  const durations = new DurationParser().parse(text, { start: 0, end: text.length }, 0);
  const at = (w: string): Span => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
  assert.equal(durationFor(text, at('summit'), durations)?.days, 2);
  assert.equal(durationFor(text, at('visit'), durations), null);
});

test('DurationRefiner stretches only a single day', () => {
  const r = new DurationRefiner();
  const d = { start: 0, end: 7, sentence: 0, days: 3 };
  assert.deepEqual(r.refine({ start: '2024-05-16', end: '2024-05-16', precision: 'day' }, d),
    { start: '2024-05-16', end: '2024-05-18', precision: 'day' });
  const week = { start: '2024-05-13', end: '2024-05-19', precision: 'week' } as const;
  assert.deepEqual(r.refine(week, d), week);
});

const WEEKDAYS: readonly (readonly [number, Direction, string])[] = [
  [1, 'past', '2024-05-13'], [1, 'future', '2024-05-20'], [1, 'nearest', '2024-05-13'],
  [4, 'past', '2024-05-09'], [4, 'future', '2024-05-16'], [4, 'nearest', '2024-05-16'],
  [2, 'past', '2024-05-14'], [2, 'future', '2024-05-14'], [2, 'nearest', '2024-05-14'],
];

for (const [weekday, direction, expected] of WEEKDAYS) {
  test(`resolveWeekday(2024-05-14, ${weekday}, ${direction}) = ${expected}`, () => {
    assert.equal(resolveWeekday('2024-05-14', weekday, direction), expected);
  });
}

test('relativePeriod: weekends and rolling periods', () => {
  assert.deepEqual(relativePeriod('2024-05-14', 'weekend', 0), { start: '2024-05-18', end: '2024-05-19', precision: 'day' });
  assert.deepEqual(relativePeriod('2024-05-14', 'weekend', -1), { start: '2024-05-11', end: '2024-05-12', precision: 'day' });
  assert.deepEqual(relativePeriod('2024-05-14', 'week', 'rolling'), { start: '2024-05-08', end: '2024-05-14', precision: 'week' });
});

const YEARS: readonly (readonly [string, readonly string[]])[] = [
  ['since 2014', ['2014']],
  ['in the 2020 election', ['2020']],
  ['Vision 2030 targets', []],
  ['2,024 troops', []],
  ['in the 1990s', []],
  ['a fine of 1500 dollars', []],
  ['in 1453', ['1453']],
  ['between 2019 and 2021', ['2019 and 2021']],
  ['over 2019-21', []],
  ['in 2019-21', ['2019-21']],
];

for (const [text, expected] of YEARS) {
  test(`YearParser: "${text}"`, () => {
    const found = new YearParser().parse(frameOf(text)).map((c) => text.slice(c.start, c.end));
    assert.deepEqual(found, expected);
  });
}

test('OverlapRefiner keeps the higher priority, then the longer candidate', () => {
  const base = { range: { start: '2024-05-16', end: '2024-05-16', precision: 'day' }, weekdays: null, yearImplied: false } as const;
  const cands: DateCandidate[] = [
    { ...base, start: 10, end: 16, parser: 'chrono', priority: 2 },
    { ...base, start: 0, end: 16, parser: 'day-range', priority: 3 },
    { ...base, start: 20, end: 24, parser: 'year', priority: 1 },
  ];
  const kept = new OverlapRefiner().refine(cands).map((c) => c.parser);
  assert.deepEqual(kept, ['day-range', 'year']);
});
