/**
 * False positives: sentences (our own words) in the sport, business, metaphor and history senses of
 * conflict words. They must yield no event at all, or, where a cooperative reading is fair, no event
 * of the violent roots 18-20 (and, for history, no occurred 19x/20x event).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodedEvent } from '../src/core/event.js';
import { createCoder } from '../src/index.js';

type Rule = 'none' | 'no-violence' | 'no-occurred-violence';

interface Row {
  readonly text: string;
  readonly rule: Rule;
  readonly kind: 'sport' | 'business' | 'metaphor' | 'history' | 'sense' | 'slogan';
}

const rows: readonly Row[] = [
  { kind: 'sport', rule: 'none', text: 'Madrid attacked from the start.' },
  { kind: 'sport', rule: 'none', text: 'The striker shot wide.' },
  { kind: 'sport', rule: 'none', text: 'Real Madrid attacked Barcelona from the start.' },
  { kind: 'sport', rule: 'no-violence', text: 'Germany beat France 2-0 in the final.' },
  { kind: 'sport', rule: 'no-violence', text: 'Brazil crushed Argentina in the World Cup qualifier.' },
  { kind: 'sport', rule: 'no-violence', text: 'The Italian midfielder struck twice against Spain.' },
  { kind: 'sport', rule: 'no-violence', text: 'England fought back to draw with Wales in the second half of the match.' },
  { kind: 'business', rule: 'none', text: "The company's hostile bid for its rival failed." },
  { kind: 'business', rule: 'none', text: 'Shares fell sharply in Tokyo.' },
  { kind: 'business', rule: 'none', text: 'Chinese stocks rallied on Monday.' },
  { kind: 'business', rule: 'none', text: 'Microsoft killed the project.' },
  { kind: 'business', rule: 'no-violence', text: 'The French group launched a takeover attack on its German rival, shares rose.' },
  { kind: 'business', rule: 'no-violence', text: 'The bank shot down the merger proposal from its Swiss competitor.' },
  { kind: 'business', rule: 'no-violence', text: 'The American airline asked for approval to take control of its rival.' },
  { kind: 'business', rule: 'no-violence', text: "The publisher's stock closed off 3/4 to 33-1/2 in New York." },
  { kind: 'business', rule: 'no-violence', text: 'The Canadian firm said it executed a formal share purchase agreement with a Swiss insurer.' },
  { kind: 'metaphor', rule: 'none', text: 'The two leaders engaged in a war of words.' },
  { kind: 'metaphor', rule: 'none', text: 'The Bank of England is fighting inflation.' },
  { kind: 'metaphor', rule: 'none', text: 'Apple and Samsung are locked in a battle for market share.' },
  { kind: 'metaphor', rule: 'no-violence', text: 'The Kenyan government fought corruption.' },
  { kind: 'metaphor', rule: 'no-violence', text: 'Canada is waging a war on drugs.' },
  { kind: 'metaphor', rule: 'no-violence', text: 'The French minister was bombarded with questions about the budget.' },
  { kind: 'history', rule: 'none', text: 'The 1962 blockade was a turning point.' },
  // Word senses: carried somewhere is no visit (consult.visit.travel is activeOnly).
  { kind: 'sense', rule: 'none', text: 'The wounded Kenyan soldier was flown to France for treatment.' },
  { kind: 'sense', rule: 'none', text: 'Two injured Swiss climbers were flown to Italy by helicopter.' },
  // Quoted slogans and posters (quote.slogan): nobody is reported to have acted.
  { kind: 'slogan', rule: 'none', text: "Protesters in Cairo carried posters reading 'Attack Israel now'." },
  { kind: 'slogan', rule: 'none', text: 'Students in Seoul held banners saying "Boycott Japan".' },
  { kind: 'history', rule: 'no-occurred-violence', text: 'The 1962 Cuban blockade by the United States was a turning point.' },
];

// No time budget: a test must not depend on the machine's load.
const coder = createCoder({ docTimeout: 0 });

function violent(e: CodedEvent): boolean {
  return Number(e.root) >= 18;
}

function offending(rule: Rule, events: readonly CodedEvent[], published: string): CodedEvent[] {
  if (rule === 'none') return [...events];
  if (rule === 'no-violence') return events.filter(violent);
  // An event "now" (dated by the publication) in the 19x/20x roots would be wrong for a historical mention.
  return events.filter((e) => Number(e.root) >= 19 && e.modality === 'occurred' && (e.date === null || e.date.start.startsWith(published.slice(0, 4))));
}

for (const row of rows) {
  test(`${row.kind} (${row.rule}): ${row.text}`, () => {
    const published = '2024-05-14';
    const events = coder.code({ text: row.text, published }).events;
    const bad = offending(row.rule, events, published);
    assert.deepEqual(bad.map((e) => `${e.cameo} ${e.rule} "${row.text.slice(e.trigger.start, e.trigger.end)}"`), []);
  });
}
