/**
 * Pattern data: every three-digit CAMEO code is reachable by a pattern (or listed, with a reason, in
 * data/patterns/coverage/unreachable.yaml); each root file holds only its root's codes; and a table of
 * sentences (our own words), at least one per root 01-20, verbs and noun events, codes the expected
 * root, source country and target country.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadPatterns } from '../src/events/patterns.js';
import { createCoder } from '../src/index.js';
import { loadDataFile } from '../src/knowledge/data-file.js';

const patternDir = fileURLToPath(new URL('../data/patterns/', import.meta.url));
const codebookFile = fileURLToPath(new URL('../data/cameo/codebook.yaml', import.meta.url));
const unreachableFile = fileURLToPath(new URL('../data/patterns/coverage/unreachable.yaml', import.meta.url));

const codebook = loadDataFile(codebookFile, 'cameo', z.object({ id: z.string(), level: z.number() }).passthrough());
const allCodes = new Set(codebook.entries.map((e) => e.value.id));
const threeDigit = codebook.entries.filter((e) => e.value.level === 1).map((e) => e.value.id);
const unreachable = loadDataFile(unreachableFile, 'unreachable', z.object({ id: z.string().regex(/^\d{3}$/), why: z.string().min(20) }).strict());
const patterns = loadPatterns(patternDir, allCodes);

test('every three-digit CAMEO code has a pattern or a reason in unreachable.yaml', () => {
  const covered = new Set(patterns.all.map((p) => p.cameo.slice(0, 3)));
  const excused = new Set(unreachable.entries.map((e) => e.value.id));
  const missing = threeDigit.filter((c) => !covered.has(c) && !excused.has(c));
  assert.deepEqual(missing, [], `codes with neither a pattern nor an unreachable entry: ${missing.join(', ')}`);
  assert.ok(threeDigit.length >= 140, 'the codebook lists the three-digit codes');
});

test('unreachable.yaml lists only real codes that really have no pattern', () => {
  const covered = new Set(patterns.all.map((p) => p.cameo.slice(0, 3)));
  for (const { value } of unreachable.entries) {
    assert.ok(allCodes.has(value.id), `${value.id} is not a CAMEO code`);
    assert.ok(!covered.has(value.id), `${value.id} has a pattern now: drop it from unreachable.yaml`);
  }
});

test('each root file (NN-name.yaml) holds only codes of its root', () => {
  const files = readdirSync(patternDir).filter((f) => f.endsWith('.yaml'));
  assert.equal(files.length, 20, 'one pattern file per root 01-20');
  for (const p of patterns.all) {
    const file = p.file.split('/').pop() ?? '';
    assert.equal(p.cameo.slice(0, 2), file.slice(0, 2), `${p.id} (${p.cameo}) sits in ${file}`);
  }
});

interface Positive {
  readonly text: string;
  readonly root: string;
  readonly source: string;
  readonly target: string | null;
}

/** Our own sentences: verbs and noun events (carried by light verbs), one or more per root. */
const positives: readonly Positive[] = [
  { text: 'Germany expressed concern over the Russian troop movements.', root: '01', source: 'DEU', target: 'RUS' },
  { text: 'France urged Iran to release the detained sailors.', root: '02', source: 'FRA', target: 'IRN' },
  { text: 'Chile flew tents and blankets to survivors in Peru.', root: '07', source: 'CHL', target: 'PER' },
  { text: 'Bolivia declared the Chilean consul persona non grata.', root: '16', source: 'BOL', target: 'CHL' },
  { text: 'Paraguay and Bolivia put their signatures to a water treaty.', root: '05', source: 'PRY', target: 'BOL' },
  { text: 'Kurdish rebels handed over their weapons to Iraqi troops.', root: '08', source: 'IRQ', target: 'IRQ' },
  { text: 'Teachers in Ghana walked off the job over unpaid wages.', root: '14', source: 'GHA', target: null },
  { text: 'Spain called for talks with Morocco.', root: '02', source: 'ESP', target: 'MAR' },
  { text: 'Japan pledged humanitarian aid to Nepal.', root: '03', source: 'JPN', target: 'NPL' },
  { text: 'Chile offered to negotiate with Peru.', root: '03', source: 'CHL', target: 'PER' },
  { text: 'Iran is willing to withdraw its troops from Iraq.', root: '03', source: 'IRN', target: 'IRQ' },
  { text: 'President Macron met with Chancellor Scholz in Berlin.', root: '04', source: 'FRA', target: 'DEU' },
  { text: 'The Japanese prime minister paid a visit to India.', root: '04', source: 'JPN', target: 'IND' },
  { text: 'Pakistan began talks with India.', root: '04', source: 'PAK', target: 'IND' },
  { text: 'Brazil praised Argentina for its economic reforms.', root: '05', source: 'BRA', target: 'ARG' },
  { text: 'Canada and Mexico signed a trade agreement.', root: '05', source: 'CAN', target: 'MEX' },
  { text: 'Kenya extradited two suspects to Uganda.', root: '06', source: 'KEN', target: 'UGA' },
  { text: 'Norway sent humanitarian aid to Sudan.', root: '07', source: 'NOR', target: 'SDN' },
  { text: 'Nigeria sent aid to Niger.', root: '07', source: 'NGA', target: 'NER' },
  { text: 'Colombia released three Venezuelan soldiers.', root: '08', source: 'COL', target: null },
  { text: 'Turkey reduced the restrictions on Syrian traders.', root: '08', source: 'TUR', target: 'SYR' },
  { text: 'Peru opened an investigation into the Chilean company.', root: '09', source: 'PER', target: 'CHL' },
  { text: 'Poland demanded the withdrawal of Russian troops from Belarus.', root: '10', source: 'POL', target: 'RUS' },
  { text: 'China criticized Japan over the disputed islands.', root: '11', source: 'CHN', target: 'JPN' },
  { text: 'China voiced criticism of the United States.', root: '11', source: 'CHN', target: 'USA' },
  { text: 'Brazil derided Argentine claims about the border.', root: '11', source: 'BRA', target: 'ARG' },
  // "X's move drew condemnation from Y": Y criticises X, the possessor standing for the subject phrase.
  { text: "Iran's nuclear test drew condemnation from France.", root: '11', source: 'FRA', target: 'IRN' },
  { text: 'Peru faced criticism from Chile over the border.', root: '11', source: 'CHL', target: 'PER' },
  { text: 'The Kenyan police chief called the Ugandan rebels cowardly thugs.', root: '11', source: 'KEN', target: 'UGA' },
  { text: 'Brazil described Argentina\'s decision as "unacceptable".', root: '11', source: 'BRA', target: 'ARG' },
  { text: 'Chile called Peru\'s claims absurd.', root: '11', source: 'CHL', target: 'PER' },
  { text: 'Russia accused Ukraine of attacking a Russian convoy.', root: '11', source: 'RUS', target: 'UKR' },
  { text: 'The Chilean newspaper El Mercurio published a scathing rebuke of the Peruvian president.', root: '11', source: 'CHL', target: 'PER' },
  { text: 'Peru ruled out talks with Chile on Monday.', root: '12', source: 'PER', target: null },
  { text: 'Kenya demanded to know why Uganda closed the border.', root: '10', source: 'KEN', target: null },
  // byPerson: one person attacks or clashes in words (111); a state, an army, a group with force (19x).
  { text: 'Brazilian senator Paulo Souza attacked Argentina on Monday.', root: '11', source: 'BRA', target: 'ARG' },
  { text: 'Emmanuel Macron clashed with Olaf Scholz over the budget.', root: '11', source: 'FRA', target: 'DEU' },
  { text: 'Brazilian troops attacked Argentina on Monday.', root: '19', source: 'BRA', target: 'ARG' },
  // Ordering a newspaper closed is the sanction itself (172), not a demand; closing schools names no one.
  { text: 'The Malaysian government ordered the closure of two opposition newspapers.', root: '17', source: 'MYS', target: 'MYS' },
  // Refusing to let peacekeepers in is refusing international involvement (1245), not a negated yield.
  { text: 'Indonesia has refused to allow Australian peacekeepers into Aceh.', root: '12', source: 'IDN', target: 'AUS' },
  // Burning someone in effigy protests against them (CAMEO.2.0 BURN * EFFIGY [141]).
  { text: 'Angry Chilean students burned an effigy of the Peruvian president.', root: '14', source: 'CHL', target: 'PER' },
  // Sharing intelligence is mutual: a compound subject pairs up.
  { text: 'Chile and Peru will exchange intelligence on drug traffickers.', root: '06', source: 'CHL', target: 'PER' },
  // Exchanging fire is force both ways (CAMEO.2.0 EXCHANGE * FIRE [193:193]).
  { text: 'Thai and Cambodian soldiers exchanged gunfire near the temple.', root: '19', source: 'THA', target: 'KHM' },
  // bySector: civilians wage no war; their attack is unconventional violence (18), an army's is force (19).
  { text: 'Brazilian students attacked Argentine police on Monday.', root: '18', source: 'BRA', target: 'ARG' },
  { text: 'Brazilian police attacked Argentine students on Monday.', root: '19', source: 'BRA', target: 'ARG' },
  // A gap of up to three words counts no quotation marks and no possessive "'s".
  { text: 'Chile attacked Peru\'s "reckless" policy.', root: '11', source: 'CHL', target: 'PER' },
  { text: 'Egypt rejected the Ethiopian proposal.', root: '12', source: 'EGY', target: null },
  { text: 'North Korea threatened South Korea with military action.', root: '13', source: 'PRK', target: 'KOR' },
  { text: 'Iran issued threats against Israel.', root: '13', source: 'IRN', target: 'ISR' },
  { text: 'Turkey threatened on Monday to cut ties with Israel.', root: '13', source: 'TUR', target: 'ISR' },
  { text: 'Kenyan protesters demonstrated against the Kenyan government.', root: '14', source: 'KEN', target: 'KEN' },
  { text: 'Kenyan workers went on strike.', root: '14', source: 'KEN', target: null },
  { text: 'India deployed troops along the border with China.', root: '15', source: 'IND', target: null },
  { text: 'The United States imposed sanctions on Venezuela.', root: '16', source: 'USA', target: 'VEN' },
  { text: 'Turkish police arrested two Greek journalists.', root: '17', source: 'TUR', target: 'GRC' },
  { text: 'The arrest of the Turkish journalist by Iranian police was condemned.', root: '17', source: 'IRN', target: 'TUR' },
  { text: 'Militants kidnapped two Italian engineers in Nigeria.', root: '18', source: '', target: 'ITA' },
  { text: 'Russian troops shelled Ukrainian positions.', root: '19', source: 'RUS', target: 'UKR' },
  { text: 'Russia launched an attack on Ukraine.', root: '19', source: 'RUS', target: 'UKR' },
  { text: 'The Iraqi army launched an offensive against Kurdish rebels.', root: '19', source: 'IRQ', target: null },
  { text: 'Serbian soldiers massacred Bosnian civilians.', root: '20', source: 'SRB', target: null },
  { text: 'Syria used chemical weapons against Syrian rebels.', root: '20', source: 'SYR', target: 'SYR' },
];

const coder = createCoder();

test('the positive table covers every root 01-20', () => {
  const roots = new Set(positives.map((p) => p.root));
  for (let r = 1; r <= 20; r++) assert.ok(roots.has(String(r).padStart(2, '0')), `no positive sentence for root ${r}`);
});

for (const p of positives) {
  test(`positive ${p.root}: ${p.text}`, () => {
    const events = coder.code({ text: p.text, published: '2024-05-14' }).events;
    const hit = events.find((e) => e.root === p.root
      && (p.source === '' || e.source?.country === p.source)
      && (p.target === null || e.target?.country === p.target));
    assert.ok(hit, `want root ${p.root} ${p.source || '?'} -> ${p.target ?? 'any'}; got ${events.map((e) => `${e.cameo} ${e.source?.code ?? '-'} -> ${e.target?.code ?? '-'}`).join('; ') || 'nothing'}`);
  });
}
