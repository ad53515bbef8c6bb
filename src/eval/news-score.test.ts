import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActorMention, ModalityValue } from '../core/doc.js';
import { DyadError } from '../core/errors.js';
import type { ActorOut, CodedEvent, DateOut } from '../core/event.js';
import { actorRecall, probesOfNews } from './actor-recall.js';
import { parseNewsGold, type NewsItem } from './news-gold.js';
import { scoreNews } from './news-score.js';

// A lede of ours: three sentences, each telling one event.
const TEXT = 'Norway accused Sweden of spying on Monday. The two foreign ministers met in Oslo. '
  + 'Protesters marched in Bergen.';

function actor(spec: string | null): ActorOut | null {
  if (spec === null) return null;
  const [country, sector = null] = spec.split('/');
  const c = country === '-' ? null : country;
  return { code: (c ?? '') + (sector ?? ''), country: c, sector, name: null, role: null, text: spec, start: 0, end: 0 };
}

let next = 0;
function coded(trigger: string, cameo: string, src: string | null, tgt: string | null, extra: { modality?: ModalityValue; date?: DateOut | null } = {}): CodedEvent {
  const start = TEXT.indexOf(trigger);
  assert.ok(start >= 0, `trigger ${trigger} is in the text`);
  next++;
  return {
    id: `e${next}`, doc: 'd', sentence: 0, source: actor(src), target: actor(tgt), cameo, root: cameo.slice(0, 2),
    quadClass: 1, goldstein: 0, plover: { type: '', mode: null, contexts: [] }, modality: extra.modality ?? 'occurred',
    modalityCue: null, date: extra.date ?? null, place: null, topics: [], trigger: { text: trigger, start, end: start + trigger.length },
    rule: 'test', confidence: 1, knowledge: 'test', attribution: null, mentions: [],
  };
}

const gActor = (country: string | null, sector: string | null = null): object => ({ country, sector, name: null });

function item(events: readonly object[]): NewsItem {
  return parseNewsGold(JSON.stringify({ id: 'n1', text: TEXT, date: '2024-05-14', events }), 'fixture')[0];
}

const accuse = {
  quote: 'Norway accused Sweden of spying on Monday.', trigger: 'accused', cameo: '112',
  source: gActor('NOR', 'GOV'), target: gActor('SWE'), modality: 'occurred',
  date: { start: '2024-05-13', end: '2024-05-13' }, required: true,
};
const meet = {
  quote: 'The two foreign ministers met in Oslo.', trigger: 'met', cameo: '040',
  source: gActor('NOR', 'GOV'), target: gActor('SWE', 'GOV'), modality: 'occurred', date: null, required: true,
};
const march = {
  quote: 'Protesters marched in Bergen.', trigger: 'marched', cameo: '141',
  source: gActor('NOR', 'CVL'), target: null, modality: 'occurred', date: null, required: false,
};

function run(events: readonly object[], codedEvents: readonly CodedEvent[]) {
  return scoreNews([item(events)], new Map([['n1', codedEvents]]));
}

test('a coded event matches when its trigger starts in the quote and root and countries agree', () => {
  const r = run([accuse], [coded('accused', '111', 'NOR', 'SWE')]);
  assert.deepEqual([r.full.overall.tp, r.full.overall.fp, r.full.overall.fn], [1, 0, 0]);
  assert.equal(r.attributes.fullCode.share, 0, 'root 11 matches, but 111 is not the full code 112');
});

test('a trigger outside the quote is a miss and a false positive, even with the right root and actors', () => {
  const r = run([accuse], [coded('met', '112', 'NOR', 'SWE')]);
  assert.deepEqual([r.full.overall.tp, r.full.overall.fp, r.full.overall.fn], [0, 1, 1]);
  assert.equal(r.full.misses[0].why, 'nothing coded in the quote');
});

test('root 04 is symmetric; other roots are not', () => {
  assert.equal(run([meet], [coded('met', '040', 'SWE/GOV', 'NOR/GOV')]).full.overall.tp, 1);
  assert.equal(run([accuse], [coded('accused', '112', 'SWE', 'NOR')]).full.overall.tp, 0);
});

test('SUN, USR and RUS are one country', () => {
  const soviet = { ...accuse, source: gActor('SUN', 'GOV') };
  assert.equal(run([soviet], [coded('accused', '112', 'RUS', 'SWE')]).full.overall.tp, 1);
  assert.equal(run([soviet], [coded('accused', '112', 'USR', 'SWE')]).full.overall.tp, 1);
});

test('null equals null: no target, or a coded target with no country', () => {
  const noTarget = { ...march, required: true };
  assert.equal(run([noTarget], [coded('marched', '141', 'NOR', null)]).full.overall.tp, 1);
  assert.equal(run([noTarget], [coded('marched', '141', 'NOR', '-/CVL')]).full.overall.tp, 1);
  assert.equal(run([noTarget], [coded('marched', '141', 'NOR', 'NOR')]).full.overall.tp, 0);
  const noCountry = { ...noTarget, source: gActor(null, 'CVL') };
  assert.equal(run([noCountry], [coded('marched', '141', 'NOR', null)]).full.overall.tp, 0, 'a gold source with no country wants none');
});

test('a coded event on an optional gold event is neither credited nor penalised', () => {
  const r = run([accuse, march], [coded('accused', '112', 'NOR', 'SWE'), coded('marched', '141', 'NOR', null)]);
  assert.deepEqual([r.full.overall.tp, r.full.overall.fp, r.full.overall.fn], [1, 0, 0]);
  assert.equal(r.full.optional, 1);
  assert.equal(r.requiredEvents, 2 - 1);
});

test('greedy, required first: the one coded event goes to the required gold event, listed after the optional one', () => {
  const optionalFirst = { ...accuse, cameo: '111', required: false };
  const r = run([optionalFirst, accuse], [coded('accused', '112', 'NOR', 'SWE')]);
  assert.deepEqual([r.full.overall.tp, r.full.overall.fn, r.full.optional], [1, 0, 0]);
});

test('each coded event is used once: a second coded event for the same gold event is a false positive', () => {
  const r = run([accuse], [coded('accused', '112', 'NOR', 'SWE'), coded('accused', '111', 'NOR', 'SWE')]);
  assert.deepEqual([r.full.overall.tp, r.full.overall.fp], [1, 1]);
  assert.equal(r.full.falsePositives[0].why, 'duplicate of a matched gold event');
});

test('event + root ignores the actors; the per-root table counts tp/fn under the gold root, fp under the coded root', () => {
  const r = run([accuse, meet], [coded('accused', '112', 'DNK', null), coded('met', '190', 'NOR', 'SWE')]);
  assert.deepEqual([r.eventRoot.overall.tp, r.eventRoot.overall.fp, r.eventRoot.overall.fn], [1, 1, 1]);
  assert.deepEqual([r.full.overall.tp, r.full.overall.fp, r.full.overall.fn], [0, 2, 2]);
  assert.deepEqual([r.eventRoot.byRoot['11'].tp, r.eventRoot.byRoot['04'].fn, r.eventRoot.byRoot['19'].fp], [1, 1, 1]);
});

test('over matched required events: modality, date, no date, source sector and full code shares', () => {
  const monday: DateOut = { start: '2024-05-13', end: '2024-05-13', precision: 'day', basis: 'text' };
  const r = run([accuse, meet], [
    coded('accused', '112', 'NOR/GOV', 'SWE', { date: monday }),
    coded('met', '042', 'NOR/MIL', 'SWE', { modality: 'planned', date: monday }),
  ]);
  const a = r.attributes;
  assert.deepEqual([a.modality.right, a.modality.of], [1, 2]);
  assert.deepEqual([a.date.right, a.date.of], [1, 1]);
  assert.deepEqual([a.noDate.right, a.noDate.of], [0, 1], 'the meeting has no date in the gold but was given one');
  assert.deepEqual([a.sourceSector.right, a.sourceSector.of], [1, 2]);
  assert.deepEqual([a.fullCode.right, a.fullCode.of], [1, 2]);
});

test('a quote that is not in the text is an error naming the file and record', () => {
  assert.throws(() => item([{ ...accuse, quote: 'Denmark met Finland.' }]), (e: unknown) => e instanceof DyadError && e.code === 'INPUT_JSONL' && /fixture/.test(e.input ?? ''));
});

test('actor recall: a gold source counts as found when a mention in its quote has its country', () => {
  const it = item([accuse, meet]);
  const mention = (text: string, country: string): ActorMention => {
    const start = TEXT.indexOf(text);
    return {
      index: 0, sentence: 0, tokenStart: 0, tokenEnd: 1, kind: 'country', start, end: start + text.length, ruleId: 't',
      actors: [{ code: country, country, sector: null, name: null, role: null, entityId: null }],
    };
  };
  // "Norway" is in the first quote; the second quote's source ("the two foreign ministers") has no mention.
  const r = actorRecall(probesOfNews([it]), new Map([['n1', [mention('Norway', 'NOR'), mention('Oslo', 'NOR')]]]));
  assert.deepEqual([r.found, r.of], [2, 2], 'Oslo is inside the second quote and stands for Norway');
  const r2 = actorRecall(probesOfNews([it]), new Map([['n1', [mention('Norway', 'NOR')]]]));
  assert.deepEqual([r2.found, r2.of], [1, 2]);
  assert.equal(r2.missed[0].label.startsWith('n1#2'), true);
});
