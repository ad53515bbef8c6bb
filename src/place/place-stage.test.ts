import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActorMention, Doc, EventMention, Modality } from '../core/doc.js';
import { loadGazetteer } from './gazetteer.js';
import { defaultDataDir } from './place-data.js';
import { PlaceStage } from './place-stage.js';
import { contextWith, countryMention, event, makeDoc, withLayers, type EventSpec } from './test-doc.js';

const ctx = contextWith({ places: loadGazetteer(defaultDataDir()) });
const stage = new PlaceStage();

interface Row {
  readonly name: string;
  readonly text: string;
  /** Country mentions: [word, ISO-3]. */
  readonly mentions?: readonly (readonly [string, string])[];
  readonly events: readonly EventSpec[];
  readonly modality?: readonly Modality['value'][];
  /** Expected per event: [name, country, evidence text] or null. */
  readonly want: readonly (readonly [string, string, string] | null)[];
}

const rows: readonly Row[] = [
  {
    name: 'locative after the trigger', text: 'Iran and the United States held talks in Geneva on Monday.',
    events: [{ trigger: 'talks', cameo: '040' }], want: [['Geneva', 'CHE', 'Geneva']],
  },
  {
    name: 'locative with a direction adjective', text: 'Fierce clashes erupted near Kharkiv in eastern Ukraine.',
    events: [{ trigger: 'clashes', cameo: '190' }], want: [['Kharkiv', 'UKR', 'Kharkiv']],
  },
  {
    name: 'locative before the trigger when none follows', text: 'In Moscow, the ministers signed a deal.',
    events: [{ trigger: 'signed', cameo: '057' }], want: [['Moscow', 'RUS', 'Moscow']],
  },
  {
    name: 'the closest place after the trigger wins', text: 'Officials from Beijing met in Vienna after talks in Geneva.',
    events: [{ trigger: 'met', cameo: '040' }], want: [['Vienna', 'AUT', 'Vienna']],
  },
  {
    name: 'visit destination: a country', text: 'Putin will pay a visit to China next week.',
    mentions: [['China', 'CHN']], events: [{ trigger: 'visit', cameo: '042', targets: [0] }], want: [['China', 'CHN', 'China']],
  },
  {
    name: 'visit destination: a city', text: 'The president travelled to Beijing for the summit.',
    events: [{ trigger: 'travelled', cameo: '042' }], want: [['Beijing', 'CHN', 'Beijing']],
  },
  {
    name: 'direct object of a visit verb', text: 'Blinken visited Kyiv on Tuesday.',
    events: [{ trigger: 'visited', cameo: '042' }], want: [['Kyiv', 'UKR', 'Kyiv']],
  },
  {
    name: '042 without a destination: the target country', text: 'Putin will visit Xi next month.',
    mentions: [['Xi', 'CHN']], events: [{ trigger: 'visit', cameo: '042', targets: [0] }], want: [['China', 'CHN', 'Xi']],
  },
  {
    name: 'an origin is not a destination', text: 'The envoy from Paris is on a visit.',
    events: [{ trigger: 'visit', cameo: '042' }], want: [null],
  },
  {
    name: 'the antecedent gives its place', text: 'The leaders met in Ankara. The meeting was long.',
    events: [{ trigger: 'met', cameo: '040' }, { trigger: 'meeting', cameo: '040', antecedent: 0 }],
    want: [['Ankara', 'TUR', 'Ankara'], ['Ankara', 'TUR', 'Ankara']],
  },
  {
    name: 'no place', text: 'Nice weather helped the talks.',
    events: [{ trigger: 'talks', cameo: '040' }], want: [null],
  },
  {
    name: 'dateline for occurred events only', text: 'MOSCOW (Reuters) - Russia criticised Japan. Russia will meet Japan.',
    events: [{ trigger: 'criticised', cameo: '111' }, { trigger: 'meet', cameo: '036' }], modality: ['occurred', 'planned'],
    want: [['Moscow', 'RUS', 'MOSCOW'], null],
  },
  {
    name: 'dateline with a date', text: 'BEIJING, May 16 — China protested.',
    events: [{ trigger: 'protested', cameo: '140' }], want: [['Beijing', 'CHN', 'BEIJING']],
  },
  {
    name: 'no dateline without the pattern', text: 'NATO - the alliance - met.',
    events: [{ trigger: 'met', cameo: '040' }], want: [null],
  },
  {
    name: 'a town of 100,000-250,000 people', text: 'Gunmen attacked villages near Samarra on Sunday.',
    events: [{ trigger: 'attacked', cameo: '190' }], want: [['Sāmarrā’', 'IRQ', 'Samarra']],
  },
  {
    name: 'a province with its division word', text: 'Police clashed with protesters in Sindh province.',
    events: [{ trigger: 'clashed', cameo: '190' }], want: [['Sindh', 'PAK', 'Sindh province']],
  },
  {
    name: 'an informal region', text: 'Rebels attacked a convoy in Darfur.',
    events: [{ trigger: 'attacked', cameo: '190' }], want: [['Darfur', 'SDN', 'Darfur']],
  },
  {
    name: 'a place noun and "of" between the cue and the name', text: 'A bomb exploded near the town of Mosul on Sunday.',
    events: [{ trigger: 'exploded', cameo: '183' }], want: [['Mosul', 'IRQ', 'Mosul']],
  },
];

function build(row: Row): Doc {
  const doc = makeDoc(row.text);
  const mentions: ActorMention[] = (row.mentions ?? []).map(([w, c], i) => countryMention(doc, i, w, c));
  const events: EventMention[] = row.events.map((spec, i) => event(doc, i, spec));
  const modality = row.modality?.map((value) => ({ value, cue: null }));
  return withLayers(doc, mentions, events, modality);
}

for (const row of rows) {
  test(`place: ${row.name}`, () => {
    const doc = build(row);
    const out = stage.run(doc, ctx);
    const got = (out.places ?? []).map((p) => p && [p.name, p.country ?? '', p.evidence ? doc.text.slice(p.evidence.start, p.evidence.end) : ''] as const);
    assert.deepEqual(got, row.want);
  });
}

test('places carry coordinates: a country centroid, a city point', () => {
  const doc = build(rows[4]);
  const [china] = stage.run(doc, ctx).places ?? [];
  assert.deepEqual([china?.lat, china?.lon], [35, 105]);
  const geneva = (stage.run(build(rows[0]), ctx).places ?? [])[0];
  assert.ok(geneva && Math.abs((geneva.lat ?? 0) - 46.2) < 0.1 && Math.abs((geneva.lon ?? 0) - 6.15) < 0.1);
});

test('the stage declares its layers and leaves the input Doc alone', () => {
  assert.equal(stage.name, 'place');
  assert.deepEqual([...stage.requires], ['sentences', 'tokens', 'mentions', 'events']);
  assert.deepEqual([...stage.provides], ['places']);
  const doc = build(rows[0]);
  stage.run(doc, ctx);
  assert.equal(doc.places, undefined);
});

test('a region has no coordinates', () => {
  const row = rows.find((r) => r.name === 'an informal region');
  assert.ok(row);
  const darfur = (stage.run(build(row), ctx).places ?? [])[0];
  assert.deepEqual(darfur && [darfur.name, darfur.country, darfur.lat, darfur.lon], ['Darfur', 'SDN', null, null]);
});
