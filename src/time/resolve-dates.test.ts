import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveDates } from './extract.js';
import { DyadError } from '../core/errors.js';

/** 2024-05-14 is a Tuesday. */
const PUB = '2024-05-14';

interface Row {
  readonly text: string;
  readonly published: string | null;
  /** [matched text, start, end, precision] per expected mention, in text order. */
  readonly expect: readonly (readonly [string, string, string, string])[];
}

const ROWS: readonly Row[] = [
  // The cases measured in shared/notes (section 3).
  { text: 'The visit, scheduled from May 16 to 17, comes at the invitation of Xi.', published: PUB,
    expect: [['from May 16 to 17', '2024-05-16', '2024-05-17', 'day']] },
  { text: 'Putin is set to embark on a two-day official visit to China this week.', published: PUB,
    expect: [['this week', '2024-05-13', '2024-05-19', 'week']] },
  { text: 'The leaders will meet next Tuesday.', published: PUB,
    expect: [['next Tuesday', '2024-05-21', '2024-05-21', 'day']] },
  { text: 'The ministers met on Monday.', published: PUB, expect: [['Monday', '2024-05-13', '2024-05-13', 'day']] },
  { text: 'He will travel to Moscow on Thursday.', published: PUB,
    expect: [['Thursday', '2024-05-16', '2024-05-16', 'day']] },
  { text: 'Talks were held last week in Beijing.', published: PUB,
    expect: [['last week', '2024-05-06', '2024-05-12', 'week']] },
  { text: 'The summit is planned for May 16-17.', published: PUB,
    expect: [['May 16-17', '2024-05-16', '2024-05-17', 'day']] },
  { text: 'The treaty was signed on 16 May 2024.', published: PUB,
    expect: [['16 May 2024', '2024-05-16', '2024-05-16', 'day']] },
  { text: 'Sanctions imposed last month remain.', published: PUB,
    expect: [['last month', '2024-04-01', '2024-04-30', 'month']] },
  { text: 'Talks ended yesterday.', published: PUB, expect: [['yesterday', '2024-05-13', '2024-05-13', 'day']] },
  { text: 'The summit will take place between 16 and 17 May.', published: PUB,
    expect: [['between 16 and 17 May', '2024-05-16', '2024-05-17', 'day']] },
  { text: 'Trade reached new heights in recent years.', published: PUB, expect: [] },
  { text: 'Putin may visit China.', published: PUB, expect: [] },
  // Weekday direction: past tense reads back, future reads forward (nearest would be tomorrow).
  { text: 'The ministers met on Wednesday.', published: PUB, expect: [['Wednesday', '2024-05-08', '2024-05-08', 'day']] },
  { text: 'The ministers will meet on Monday.', published: PUB, expect: [['Monday', '2024-05-20', '2024-05-20', 'day']] },
  { text: 'Talks on Wednesday.', published: PUB, expect: [['Wednesday', '2024-05-15', '2024-05-15', 'day']] },
  { text: 'He said on Friday that Xi will come.', published: PUB, expect: [['Friday', '2024-05-10', '2024-05-10', 'day']] },
  // Ranges chrono misses or misreads.
  { text: 'from 16 to 17 May', published: PUB, expect: [['from 16 to 17 May', '2024-05-16', '2024-05-17', 'day']] },
  { text: 'The talks are set for May 16\u201317.', published: PUB,
    expect: [['May 16\u201317', '2024-05-16', '2024-05-17', 'day']] },
  { text: 'They meet between May 16 and 17.', published: PUB,
    expect: [['between May 16 and 17', '2024-05-16', '2024-05-17', 'day']] },
  { text: 'They meet between 30 May and 2 June.', published: PUB,
    expect: [['between 30 May and 2 June', '2024-05-30', '2024-06-02', 'day']] },
  { text: 'They met 30-31 December.', published: '2025-01-03', expect: [['30-31 December', '2024-12-30', '2024-12-31', 'day']] },
  // Relative periods.
  { text: 'Trade grew this month.', published: PUB, expect: [['this month', '2024-05-01', '2024-05-31', 'month']] },
  { text: 'Talks resume next month.', published: '2024-12-20', expect: [['next month', '2025-01-01', '2025-01-31', 'month']] },
  { text: 'He arrives next week.', published: PUB, expect: [['next week', '2024-05-20', '2024-05-26', 'week']] },
  { text: 'This week saw protests.', published: '2024-05-19', expect: [['This week', '2024-05-13', '2024-05-19', 'week']] },
  { text: 'Exports fell last year.', published: PUB, expect: [['last year', '2023-01-01', '2023-12-31', 'year']] },
  // Months and years.
  { text: 'Elections are due in March.', published: PUB, expect: [['March', '2025-03-01', '2025-03-31', 'month']] },
  { text: 'The accord was signed in March 2024.', published: PUB,
    expect: [['March 2024', '2024-03-01', '2024-03-31', 'month']] },
  { text: 'Inflation peaked in 2023.', published: PUB, expect: [['2023', '2023-01-01', '2023-12-31', 'year']] },
  { text: 'It recalled the 1962 blockade of Cuba.', published: PUB, expect: [['1962', '1962-01-01', '1962-12-31', 'year']] },
  { text: 'The two sides first met in 1988.', published: null, expect: [['1988', '1988-01-01', '1988-12-31', 'year']] },
  { text: 'Sanctions lasted from 2019 to 2021.', published: PUB, expect: [['2019 to 2021', '2019-01-01', '2021-12-31', 'year']] },
  // Things chrono over-reads, or that are not dates.
  { text: 'The protest march drew 10,000 people.', published: PUB, expect: [] },
  { text: 'Leaders backed Agenda 2030 and Euro 2024 plans.', published: PUB, expect: [] },
  { text: 'Music of the 1990s returned.', published: PUB, expect: [] },
  { text: 'April Ryan asked a question.', published: PUB, expect: [] },
  { text: 'The vote is at 5pm.', published: PUB, expect: [] },
  { text: 'A decision is due within a week.', published: PUB, expect: [] },
  { text: 'Between 10 and 12 may attend.', published: PUB, expect: [] },
  // Over-reads found on real news, reworded: words that look like weekdays, months or years.
  { text: 'The envoy sat down with rebels.', published: PUB, expect: [] },
  { text: 'Both sides backed the Good Friday Agreement.', published: PUB, expect: [] },
  { text: 'Voters turned out on Super Tuesday.', published: PUB, expect: [] },
  { text: 'The report is at www.example.org/news/2004/12/08/story online.', published: PUB, expect: [] },
  { text: 'Shares rose 4% by 1200 GMT.', published: PUB, expect: [] },
  { text: 'Wheat Feb 48.7, Mar 13.2 and Apr 10.0 tonnes.', published: PUB, expect: [] },
  { text: 'The stock fell 1/8 in trading.', published: PUB, expect: [] },
  { text: 'Talks may last months, and by now few expect a deal.', published: PUB, expect: [] },
  { text: 'The vote came a day after the hearing and six years later a court ruled.', published: PUB, expect: [] },
  { text: 'Profit for the three months to December rose.', published: PUB, expect: [['December', '2023-12-01', '2023-12-31', 'month']] },
  { text: 'Growth was 6.5% in the year to March 2005.', published: PUB, expect: [['March 2005', '2005-03-01', '2005-03-31', 'month']] },
  { text: 'Exports fell in the 1985/86 season.', published: PUB, expect: [] },
  // Year phrases anchor year-less dates; forward-looking leads and modal cues pick the year.
  { text: 'Exports fell in March last year.', published: PUB, expect: [['March last year', '2023-03-01', '2023-03-31', 'month']] },
  { text: 'The budget must pass by the end of March.', published: PUB, expect: [['end of March', '2025-03-31', '2025-03-31', 'day']] },
  { text: 'The vote was postponed until the start of June.', published: PUB, expect: [['June', '2024-06-01', '2024-06-30', 'month']] },
  { text: 'Protesters rallied this weekend.', published: PUB, expect: [['this weekend', '2024-05-11', '2024-05-12', 'day']] },
  { text: 'Protesters will rally this weekend.', published: PUB, expect: [['this weekend', '2024-05-18', '2024-05-19', 'day']] },
  { text: 'Timeline: * Sun. Nov. 21: runoff vote.', published: PUB, expect: [['Sun. Nov. 21', '2023-11-21', '2023-11-21', 'day']] },
  // Without a publication date only absolute dates resolve.
  { text: 'The treaty was signed on 16 May 2024, and talks resume next week.', published: null,
    expect: [['16 May 2024', '2024-05-16', '2024-05-16', 'day']] },
  { text: 'Talks ended yesterday, between 16 and 17 May.', published: null, expect: [] },
];

for (const row of ROWS) {
  test(`resolveDates: ${row.text} (${row.published ?? 'no date'})`, () => {
    const got = resolveDates(row.text, row.published).map(
      (m) => [row.text.slice(m.start, m.end), m.range.start, m.range.end, m.range.precision] as const,
    );
    assert.deepEqual(got, row.expect);
  });
}

test('resolveDates: mentions carry sentence -1 and offsets into the text', () => {
  const text = 'Nothing here. Talks ended yesterday.';
  const [m] = resolveDates(text, PUB);
  assert.equal(m.sentence, -1);
  assert.equal(text.slice(m.start, m.end), 'yesterday');
});

test('resolveDates: a publication date that is not a date is an INPUT_DATE error', () => {
  assert.throws(() => resolveDates('Talks ended yesterday.', '2024-02-30'),
    (e: unknown) => e instanceof DyadError && e.code === 'INPUT_DATE');
});

const seed = fileURLToPath(new URL('../../../shared/seed/state-visit.txt', import.meta.url));
test('resolveDates on the founding article finds this week and May 16 to 17', { skip: !existsSync(seed) && 'needs ../shared' }, () => {
  const text = readFileSync(seed, 'utf8');
  const got = resolveDates(text, PUB).map((m) => [m.range.start, m.range.end, m.range.precision]);
  assert.deepEqual(got, [['2024-05-13', '2024-05-19', 'week'], ['2024-05-16', '2024-05-17', 'day']]);
});
