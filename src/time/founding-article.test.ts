import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StageContext } from '../core/stage.js';
import { TimeStage } from './stage.js';
import { buildDoc, sentenceContaining, type EventSpec } from './test-helpers.js';

const seed = fileURLToPath(new URL('../../../shared/seed/state-visit.txt', import.meta.url));

test('founding article: the visit and the talks get 2024-05-16..17', { skip: !existsSync(seed) && 'needs ../shared' }, () => {
  const text = readFileSync(seed, 'utf8');
  const at = (phrase: string): number => sentenceContaining(text, phrase);
  const putin = { text: 'Putin', country: 'RUS' };
  const events: EventSpec[] = [
    { sentence: at('official visit to China'), trigger: 'visit', cameo: '042', modality: 'planned',
      sources: [putin], targets: [{ text: 'China', country: 'CHN' }] },
    { sentence: at('The visit, scheduled'), trigger: 'visit', cameo: '042', modality: 'planned', antecedent: 0 },
    { sentence: at('detailed discussions on'), trigger: 'discussions', cameo: '040', modality: 'planned',
      sources: [putin], targets: [{ text: 'Xi Jinping', country: 'CHN' }] },
    { sentence: at('also meet with Chinese Premier'), trigger: 'meet', cameo: '040', modality: 'planned',
      sources: [putin], targets: [{ text: 'Li Qiang', country: 'CHN' }] },
  ];
  const doc = new TimeStage().run(buildDoc(text, '2024-05-14', events), {} as StageContext);
  const got = (doc.eventDates ?? []).map((d) => d && [d.start, d.end, d.precision, d.basis]);
  assert.deepEqual(got, [
    ['2024-05-16', '2024-05-17', 'day', 'text'],
    ['2024-05-16', '2024-05-17', 'day', 'text'],
    ['2024-05-16', '2024-05-17', 'day', 'attributed'],
    ['2024-05-16', '2024-05-17', 'day', 'attributed'],
  ]);
  assert.deepEqual((doc.dates ?? []).map((d) => d.range.precision), ['week', 'day']);
});
