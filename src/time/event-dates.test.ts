import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc, EventDate } from '../core/doc.js';
import { DyadError } from '../core/errors.js';
import type { StageContext } from '../core/stage.js';
import { TimeStage } from './stage.js';
import { buildDoc, type EventSpec } from './test-helpers.js';

/** 2024-05-14 is a Tuesday. */
const PUB = '2024-05-14';
const RUS = { text: 'Putin', country: 'RUS' };
const CHN = { text: 'China', country: 'CHN' };
const ctx = {} as StageContext;
const stage = new TimeStage();

type Expected = readonly [start: string, end: string, precision: string, basis: string, evidence: string | null] | null;

interface Row {
  readonly name: string;
  readonly text: string;
  readonly published: string | null;
  readonly events: readonly EventSpec[];
  readonly expect: readonly Expected[];
}

function shape(doc: Doc, d: EventDate | null): Expected {
  if (!d) return null;
  const evidence = d.evidence ? doc.text.slice(d.evidence.start, d.evidence.end) : null;
  return [d.start, d.end, d.precision, d.basis, evidence];
}

const ROWS: readonly Row[] = [
  {
    name: 'founding article: "this week" narrowed by the coreferent "from May 16 to 17"; talks attributed',
    text: 'Russian President Vladimir Putin will make a two-day official visit to China this week. '
      + 'The visit, scheduled from May 16 to 17, follows an invitation from Beijing. '
      + 'Putin and Xi will hold talks on trade with China.',
    published: PUB,
    events: [
      { sentence: 0, trigger: 'visit', cameo: '042', modality: 'planned', sources: [RUS], targets: [CHN] },
      { sentence: 1, trigger: 'visit', cameo: '042', modality: 'planned', antecedent: 0 },
      { sentence: 2, trigger: 'talks', cameo: '040', modality: 'planned', sources: [RUS], targets: [CHN] },
    ],
    expect: [
      ['2024-05-16', '2024-05-17', 'day', 'text', 'from May 16 to 17'],
      ['2024-05-16', '2024-05-17', 'day', 'text', 'from May 16 to 17'],
      ['2024-05-16', '2024-05-17', 'day', 'attributed', 'from May 16 to 17'],
    ],
  },
  {
    name: 'rule 1: the date after "said" dates the saying; the meeting takes the other one',
    text: 'The ministry said on Monday that the ministers will meet on Friday.',
    published: PUB,
    events: [
      { sentence: 0, trigger: 'said', cameo: '010', modality: 'occurred' },
      { sentence: 0, trigger: 'meet', cameo: '036', modality: 'planned' },
    ],
    expect: [
      ['2024-05-13', '2024-05-13', 'day', 'text', 'Monday'],
      ['2024-05-17', '2024-05-17', 'day', 'text', 'Friday'],
    ],
  },
  {
    name: 'rule 1: a nearer date that follows "said" is passed over for the event\'s own',
    text: 'Ministers will meet, the ministry said on 13 May 2024, in Geneva on 17 May 2024.',
    published: null,
    events: [{ sentence: 0, trigger: 'meet', cameo: '036', modality: 'planned' }],
    expect: [['2024-05-17', '2024-05-17', 'day', 'text', '17 May 2024']],
  },
  {
    name: 'rule 1: a bare weekday follows the event modality (occurred → past, planned → future)',
    text: 'The envoys met on Wednesday. The envoys meet on Wednesday.',
    published: PUB,
    events: [
      { sentence: 0, trigger: 'met', modality: 'occurred' },
      { sentence: 1, trigger: 'meet', modality: 'planned' },
    ],
    expect: [
      ['2024-05-08', '2024-05-08', 'day', 'text', 'Wednesday'],
      ['2024-05-15', '2024-05-15', 'day', 'text', 'Wednesday'],
    ],
  },
  {
    name: 'rule 1: a date across a clause break loses to a farther one in the same clause',
    text: 'Talks ended on 2 May 2024; a signing is planned in Geneva on 20 May 2024.',
    published: null,
    events: [
      { sentence: 0, trigger: 'ended', modality: 'occurred' },
      { sentence: 0, trigger: 'signing', modality: 'planned' },
    ],
    expect: [
      ['2024-05-02', '2024-05-02', 'day', 'text', '2 May 2024'],
      ['2024-05-20', '2024-05-20', 'day', 'text', '20 May 2024'],
    ],
  },
  {
    name: 'duration: a start day plus "three-day" gives a three-day range',
    text: 'Modi will begin a three-day visit to Japan on Thursday.',
    published: PUB,
    events: [{ sentence: 0, trigger: 'visit', cameo: '042', modality: 'planned' }],
    expect: [['2024-05-16', '2024-05-18', 'day', 'text', 'Thursday']],
  },
  {
    name: 'duration: "this week" plus "two-day" stays the week',
    text: 'Putin will make a two-day visit to China this week.',
    published: PUB,
    events: [{ sentence: 0, trigger: 'visit', cameo: '042', modality: 'planned' }],
    expect: [['2024-05-13', '2024-05-19', 'week', 'text', 'this week']],
  },
  {
    name: 'rule 2: an undated event takes the date of a later mention that refers back to it',
    text: 'Egypt will host talks between the two sides. The talks are expected on 20 May.',
    published: PUB,
    events: [
      { sentence: 0, trigger: 'host', cameo: '043', modality: 'planned' },
      { sentence: 1, trigger: 'talks', modality: 'expected', antecedent: 0 },
    ],
    expect: [
      ['2024-05-20', '2024-05-20', 'day', 'text', '20 May'],
      ['2024-05-20', '2024-05-20', 'day', 'text', '20 May'],
    ],
  },
  {
    name: 'rule 3 needs the same modality class and shared countries',
    text: 'Putin will visit China on 20 May. Putin criticised China. Iran will send envoys to Oman.',
    published: PUB,
    events: [
      { sentence: 0, trigger: 'visit', cameo: '042', modality: 'planned', sources: [RUS], targets: [CHN] },
      { sentence: 1, trigger: 'criticised', cameo: '111', modality: 'occurred', sources: [RUS], targets: [CHN] },
      { sentence: 2, trigger: 'send', cameo: '042', modality: 'planned',
        sources: [{ text: 'Iran', country: 'IRN' }], targets: [{ text: 'Oman', country: 'OMN' }] },
    ],
    expect: [
      ['2024-05-20', '2024-05-20', 'day', 'text', '20 May'],
      ['2024-05-14', '2024-05-14', 'day', 'published', null],
      null,
    ],
  },
  {
    name: 'rule 3: a background date (a month or more before publication) stays with its own event',
    text: 'Police have held the activist since 2019. Supporters marched in Lima.',
    published: PUB,
    events: [
      { sentence: 0, trigger: 'held', cameo: '173', modality: 'occurred', sources: [{ text: 'Police', country: 'PER' }], targets: [{ text: 'activist', country: 'PER' }] },
      { sentence: 1, trigger: 'marched', cameo: '141', modality: 'occurred', sources: [{ text: 'Supporters', country: 'PER' }] },
    ],
    expect: [
      ['2019-01-01', '2019-12-31', 'year', 'text', '2019'],
      ['2024-05-14', '2024-05-14', 'day', 'published', null],
    ],
  },
  {
    name: 'rule 3: a date of the news period carries to the story\'s next sentence',
    text: 'Police arrested the activist on Sunday. Supporters marched in Lima.',
    published: PUB,
    events: [
      { sentence: 0, trigger: 'arrested', cameo: '173', modality: 'occurred', sources: [{ text: 'Police', country: 'PER' }], targets: [{ text: 'activist', country: 'PER' }] },
      { sentence: 1, trigger: 'marched', cameo: '141', modality: 'occurred', sources: [{ text: 'Supporters', country: 'PER' }] },
    ],
    expect: [
      ['2024-05-12', '2024-05-12', 'day', 'text', 'Sunday'],
      ['2024-05-12', '2024-05-12', 'day', 'attributed', 'Sunday'],
    ],
  },
  {
    name: 'rule 4/5: occurred gets the publication date; planned gets null, never the publication date',
    text: 'Protesters clashed with police in Paris. Iran will send a delegation to Oman.',
    published: PUB,
    events: [
      { sentence: 0, trigger: 'clashed', cameo: '145', modality: 'occurred' },
      { sentence: 1, trigger: 'send', cameo: '042', modality: 'planned' },
    ],
    expect: [['2024-05-14', '2024-05-14', 'day', 'published', null], null],
  },
  {
    name: 'rule 5: without a publication date an undated occurred event gets null',
    text: 'Protesters clashed with police in Paris.',
    published: null,
    events: [{ sentence: 0, trigger: 'clashed', cameo: '145', modality: 'occurred' }],
    expect: [null],
  },
  {
    name: 'a planned event does not take a past date (the announcement date)',
    text: 'The summit, announced last month, will take place in Geneva.',
    published: PUB,
    events: [{ sentence: 0, trigger: 'summit', cameo: '043', modality: 'planned' }],
    expect: [null],
  },
  {
    name: 'rule 2: a conflicting chain date does not override the event\'s own date',
    text: 'Talks were held on 2 May. The talks resume on 20 May.',
    published: PUB,
    events: [
      { sentence: 0, trigger: 'held', modality: 'occurred' },
      { sentence: 1, trigger: 'resume', modality: 'planned', antecedent: 0 },
    ],
    expect: [
      ['2024-05-02', '2024-05-02', 'day', 'text', '2 May'],
      ['2024-05-20', '2024-05-20', 'day', 'text', '20 May'],
    ],
  },
];

for (const row of ROWS) {
  test(`event dates: ${row.name}`, () => {
    const doc = stage.run(buildDoc(row.text, row.published, row.events), ctx);
    const eventDates = doc.eventDates ?? [];
    assert.equal(eventDates.length, row.events.length);
    assert.deepEqual(eventDates.map((d) => shape(doc, d)), row.expect);
  });
}

test('TimeStage: a publication date that is not a date is an INPUT_DATE error', () => {
  const doc = { ...buildDoc('Talks ended yesterday.', PUB, []), published: '14 May 2024' };
  assert.throws(() => stage.run(doc, ctx), (e: unknown) => e instanceof DyadError && e.code === 'INPUT_DATE');
});

test('TimeStage declares its contract', () => {
  assert.equal(stage.name, 'time');
  assert.deepEqual(stage.requires, ['sentences', 'tokens', 'events', 'modality']);
  assert.deepEqual(stage.provides, ['dates', 'eventDates']);
});

test('TimeStage: dates carry their sentence; the modal "may" is not a date but the month is', () => {
  const doc = stage.run(buildDoc('Nothing happened. Officials say Putin may visit in May.', PUB, []), ctx);
  const dates = doc.dates ?? [];
  assert.deepEqual(dates.map((d) => [doc.text.slice(d.start, d.end), d.sentence, d.range.precision]), [['May', 1, 'month']]);
  assert.deepEqual(doc.eventDates, []);
});

test('TimeStage: keeps the other layers and does not mutate its input', () => {
  const input = buildDoc('Talks ended yesterday.', PUB, [{ sentence: 0, trigger: 'ended', modality: 'occurred' }]);
  const out = stage.run(input, ctx);
  assert.equal(input.dates, undefined);
  assert.equal(out.events, input.events);
  assert.deepEqual(out.eventDates?.[0], {
    start: '2024-05-13', end: '2024-05-13', precision: 'day', basis: 'text', evidence: { start: 12, end: 21 },
  });
});

test('TimeStage: sentences of punctuation only (a 91 KB fuzz page of 17,550 of them spent a fifth of its time in chrono) get no date parsing; dates next to them are found', () => {
  const doc = stage.run(buildDoc('?! ... (!) ; "" -- !? Putin arrived on 16 May. ,,, !! ...', PUB, []), ctx);
  assert.deepEqual((doc.dates ?? []).map((d) => doc.text.slice(d.start, d.end)), ['16 May']);
  const only = stage.run(buildDoc('!'.repeat(3) + ' ?. '.repeat(200), PUB, []), ctx);
  assert.deepEqual(only.dates, []);
});
