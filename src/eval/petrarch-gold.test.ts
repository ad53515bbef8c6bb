/** PETRARCH's suite scored by its own rule: exact sets of triples, require_dyad, "---" for unknown countries. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ActorOut, CodedEvent } from '../core/event.js';
import { codedTriples, parsePetrarchGold, scorePetrarch } from './petrarch-gold.js';

const actor = (code: string, country: string | null, sector: string | null): ActorOut => ({ code, country, sector, name: null, role: null, text: code, start: 0, end: 1 });
const event = (source: ActorOut | null, target: ActorOut | null, cameo: string): CodedEvent => ({ source, target, cameo } as unknown as CodedEvent);

const gold = [
  { id: 'A-1', text: 'a', events: [{ eventcode: '064', sourcecode: 'ARN', targetcode: 'GON' }], active: true, config: {} },
  { id: 'A-2', text: 'b', events: [{ eventcode: '023', sourcecode: '---GOV', targetcode: '---' }], active: true, config: { require_dyad: 'False' } },
  { id: 'A-3', text: 'c', events: [], noevents: true, active: true, config: { require_dyad: 'true' } },
  { id: 'A-4', text: 'd', events: [], active: false },
].map((r) => JSON.stringify(r)).join('\n');

test('a record passes when the coded triples equal the expected set; require_dyad drops one-sided events', () => {
  const records = parsePetrarchGold(gold, 'gold.jsonl');
  assert.deepEqual(records.map((r) => [r.id, r.requireDyad, r.active]), [['A-1', true, true], ['A-2', false, true], ['A-3', true, true], ['A-4', true, false]]);
  const coded = new Map<string, readonly CodedEvent[]>([
    ['A-1', [event(actor('ARN', 'ARN', null), actor('GON', 'GON', null), '064'), event(actor('ARN', 'ARN', null), null, '023')]],
    ['A-2', [event(actor('GOV', null, 'GOV'), null, '023')]],
    ['A-3', [event(actor('ARN', 'ARN', null), null, '023')]],
  ]);
  const report = scorePetrarch(records, coded);
  assert.equal(report.active, 3);
  assert.equal(report.passed, 3);
  assert.deepEqual(codedTriples(coded.get('A-2')!, false), ['---GOV --- 023']);
  const wrong = scorePetrarch(records, new Map([['A-1', [event(actor('ARN', 'ARN', null), actor('GON', 'GON', null), '064'), event(actor('GON', 'GON', null), actor('ARN', 'ARN', null), '064')]]]));
  assert.deepEqual(wrong.records.map((r) => r.pass), [false, false, true]);
});
