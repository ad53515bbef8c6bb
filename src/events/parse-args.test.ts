/**
 * Source and target read from the dependency parse (parse-args.ts over src/syntax), on sentences of
 * ours: possessor and "of" of an event noun, a passive undone, "talks between X and Y", control
 * ("decided to visit": the one who decided visits), an object-control verb ("urged Israel to ...").
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layer } from '../core/doc.js';
import { createCoder } from '../index.js';
import { syntaxOf } from '../syntax/index.js';
import { triggers } from './coder.js';
import { parsedArguments } from './parse-args.js';

// No time budget: a test must not depend on the machine's load.
const coder = createCoder({ docTimeout: 0 });

interface Row {
  readonly rule: string;
  readonly text: string;
  readonly trigger: string;
  /** Countries of the sources in text order, comma-separated. */
  readonly source: string | null;
  /** Countries of the targets in text order, comma-separated. */
  readonly target: string | null;
  readonly via?: string;
}

const rows: readonly Row[] = [
  { rule: 'parse.noun-possessor-of', text: "Russia's invasion of Ukraine began in February.", trigger: 'invasion', source: 'RUS', target: 'UKR' },
  { rule: 'parse.passive-undone', text: 'Ukraine was attacked by Russia.', trigger: 'attacked', source: 'RUS', target: 'UKR', via: 'agent' },
  { rule: 'parse.talks-between', text: 'Talks between Germany and France ended on Monday.', trigger: 'Talks', source: 'DEU', target: 'FRA' },
  // "talks with X and Y": one side is unnamed, so X and Y are no pair of sides.
  { rule: 'parse.talks-with-not-between', text: 'Talks with Germany and France ended on Monday.', trigger: 'Talks', source: null, target: 'DEU,FRA' },
  // A dateline's place is no part of the subject the parser may join it to.
  { rule: 'parse.dateline-not-subject', text: 'RAFAH - The Egyptian Army is believed to have killed two Israeli soldiers in a border clash.', trigger: 'killed', source: 'EGY', target: 'ISR' },
  // A trigger of several words is read from the word that heads it in the tree ("will give" -> give).
  { rule: 'parse.trigger-tree-head', text: 'Norway will give Kenya a grant of five million dollars.', trigger: 'will', source: 'NOR', target: 'KEN' },
  // An actor between the trigger's words belongs to its object, never its doer.
  { rule: 'parse.no-doer-inside-trigger', text: 'Rebels demanded a truce before allowing U.N. aid convoys into the city.', trigger: 'allowing', source: null, target: null },
  // A demonym before an event noun names its doer.
  { rule: 'parse.demonym-doer', text: 'Serbia rejected an Australian ultimatum.', trigger: 'ultimatum', source: 'AUS', target: null },
  // A noun trigger of several words is read from its head noun; a possessive pronoun stands for the subject.
  { rule: 'parse.noun-tree-head', text: 'The rebels in Chad continued their hunger strike outside the Libyan embassy.', trigger: 'hunger', source: 'TCD', target: 'LBY' },
  // The demonym owning the object the verb acts on, or the pattern's own noun, is the target.
  { rule: 'parse.demonym-owner-target', text: 'Chile rejected an Argentine proposal for new talks.', trigger: 'rejected', source: 'CHL', target: 'ARG' },
  // The object of a later verb of the trigger is the target ("threatened to ban X").
  { rule: 'parse.object-of-trigger-verb', text: 'President Museveni has threatened to ban the Kenyan opposition from the vote.', trigger: 'threatened', source: 'UGA', target: 'KEN' },
  // The verb's prepositional phrase hung on its object is still the verb's.
  { rule: 'parse.pp-on-object', text: 'Rwanda withdrew the last of its soldiers from Congo.', trigger: 'withdrew', source: 'RWA', target: 'COG' },
  // A demand's "that" clause names the one addressed: its subject is the target.
  { rule: 'parse.content-clause-subject', text: 'China demanded that Japan cancel the arms sale.', trigger: 'demanded', source: 'CHN', target: 'JPN' },
  // What the doer's own pronoun owns is its means, not the one acted on.
  { rule: 'parse.own-means-not-target', text: 'Syria is willing to withdraw its troops.', trigger: 'is', source: 'SYR', target: null },
  { rule: 'parse.subject-control', text: 'China has decided to visit Japan.', trigger: 'visit', source: 'CHN', target: 'JPN', via: 'control' },
  { rule: 'parse.object', text: 'Egypt urged Israel to release the prisoners.', trigger: 'urged', source: 'EGY', target: 'ISR', via: 'direct' },
  // A doer the dictionary does not know is still of the country whose demonym owns it.
  { rule: 'parse.demonym-owner-source', text: 'Norwegian trawler crews have asked the Kenyan government for a new port.', trigger: 'asked', source: 'NOR', target: 'KEN' },
  // The other side of a border owns it ("on its border with Turkey"), however the parser hangs "with".
  { rule: 'parse.border-side', text: 'Syria massed troops on its border with Turkey.', trigger: 'massed', source: 'SYR', target: 'TUR' },
  { rule: 'parse.border-side', text: 'India put its armed forces on high alert along the border with Pakistan.', trigger: 'put', source: 'IND', target: 'PAK' },
  // Coordinated modifiers of one noun name one party each: both countries' officials agreed.
  { rule: 'parse.coordinated-modifiers', text: 'Senior Greek and Bulgarian officials agreed to reopen the border.', trigger: 'agreed', source: 'GRC,BGR', target: null },
  { rule: 'parse.coordinated-modifiers', text: 'The Turkish and Greek sides agreed to share information.', trigger: 'agreed', source: 'TUR,GRC', target: null },
  // A name inside the subject's mention shares the phrase with its conjuncts.
  { rule: 'parse.conjoined-owners', text: 'The ambassadors of Peru, Chile and Bolivia criticized Venezuela.', trigger: 'criticized', source: 'PER,CHL,BOL', target: 'VEN' },
  { rule: 'parse.conjoined-owners', text: 'Lawmakers in Peru and Chile criticized Venezuela on Monday.', trigger: 'criticized', source: 'PER,CHL', target: 'VEN' },
  // A passive's by-phrase is the doer, not a target, even when the pattern takes "by" obliques.
  { rule: 'parse.passive-by-not-target', text: 'Kenya was fiercely criticized by Uganda.', trigger: 'criticized', source: 'UGA', target: 'KEN' },
  // An agent noun read as an adjective names no one.
  { rule: 'parse.adjective-not-agent', text: 'The Bolivian president arrived in Peru on an official foreign visit.', trigger: 'visit', source: null, target: null },
  { rule: 'parse.coordinated-modifiers', text: 'Soldiers in Chad have tortured dozens of Sudanese and Nigerian refugees, a rights group said.', trigger: 'tortured', source: 'TCD', target: 'SDN,NGA' },
];

for (const row of rows) {
  test(`${row.rule}: "${row.text}" -> ${row.source ?? '-'} ${row.trigger} ${row.target ?? '-'}`, () => {
    const doc = coder.annotate({ text: row.text, published: '2024-05-14' });
    const sx = syntaxOf(doc);
    const sent = layer(doc, 'sentences')[0];
    const view = { tokens: layer(doc, 'tokens'), from: sent.tokenStart, to: sent.tokenEnd, mentions: layer(doc, 'mentions'), sx };
    const match = triggers(view, coder.knowledge.patterns).find((m) => view.tokens[m.tokens[0]].text === row.trigger);
    assert.ok(match, `a pattern fires on "${row.trigger}"`);
    const args = parsedArguments(sx, view, match, () => false);
    assert.deepEqual(args.sources.map((m) => m.actors[0]?.country ?? null), row.source ? row.source.split(',') : []);
    assert.deepEqual(args.targets.map((m) => m.actors[0]?.country ?? null), row.target ? row.target.split(',') : []);
    if (row.via) assert.equal(args.sourceVia, row.via);
  });
}
