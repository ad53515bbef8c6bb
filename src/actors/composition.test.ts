/**
 * Actor recognition on news phrasing: agent chains ("Afghan rebel leaders"), plural demonyms, ethnic
 * groups placed by country, armed and political groups, weapons as military agents, national media.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../index.js';
import { pluralDemonym } from './dictionary.js';

const coder = createCoder();

function mentionsOf(text: string): { text: string; codes: string[] }[] {
  const doc = coder.annotate({ text, published: '2000-01-01' });
  return (doc.mentions ?? []).map((m) => ({ text: text.slice(m.start, m.end), codes: m.actors.map((a) => a.code) }));
}

/** [sentence, mention text, codes]. */
const rows: readonly (readonly [string, string, readonly string[]])[] = [
  // demonym + agent + agent/title: the most specific agent gives the sector
  ['Afghan rebel leaders attacked the town.', 'Afghan rebel leaders', ['AFGREB']],
  // an organisation before a title or agent is the actor (regression: "Hamas leaders" gave no actor)
  ['Hamas leaders said the truce was over.', 'Hamas leaders', ['PSEREBHAMAS']],
  ['A terror group based in Trinidad made threats.', 'terror group based in Trinidad', ['TTOUAF']],
  ['Fabius held talks with leaders of Romania\'s new government.', 'leaders of Romania\'s new government', ['ROUGOV']],
  ['US drones killed eight top al-Qaeda leaders.', 'al-Qaeda leaders', ['IMGREBALQAEDA']],
  ['Palestinian leaders met Israeli officials.', 'Palestinian leaders', ['PSEGOV']],
  ['Ugandan opposition candidates protested.', 'Ugandan opposition candidates', ['UGAOPP']],
  ['South Korean army officers met.', 'South Korean army officers', ['KORMIL']],
  ['Serbian military police arrested him.', 'Serbian military police', ['SRBMILCOP']],
  ['The Sudanese government accused the rebels.', 'Sudanese government', ['SDNGOV']],
  ['Sudanese government troops attacked.', 'Sudanese government troops', ['SDNMIL']],
  // members of a government, in the plural (the singular is a title)
  ['Chilean ministers rejected the plan.', 'Chilean ministers', ['CHLGOV']],
  // an agent before a full name the dictionary lacks: the name runs on through a particle ("al-"), and a
  // known person's surname ("Saleh") starting a longer name is not that person
  ['Iraqi official Saleh al-Mutlaq accused the government.', 'Iraqi official Saleh al-Mutlaq', ['IRQGOV']],
  ['The Yemeni official Saleh Ahmed criticized Oman.', 'Yemeni official Saleh Ahmed', ['YEMGOV']],
  // a gerund modifier between demonym and agent, though the tagger reads it as a verb
  ['Chilean mining companies criticized the plan.', 'Chilean mining companies', ['CHLBUS']],
  // a demonym before a group placed elsewhere names its branch there; an organisation keeps its code
  ['The Pakistani Taliban attacked a checkpoint.', 'Pakistani Taliban', ['PAKREBTALIBAN']],
  ['Syrian Hezbollah crossed the border.', 'Syrian Hezbollah', ['SYRREBHEZBOLLAH']],
  ['The Afghan Taliban attacked a checkpoint.', 'Taliban', ['AFGREBTALIBAN']],
  ['The American Red Cross sent tents.', 'Red Cross', ['NGOICRC']],
  // the place after the other side of a meeting is where they meet
  ['Colombia will resume talks with the rebels in Havana.', 'rebels', ['REB']],
  ['Rebel leaders met in the capital.', 'Rebel leaders', ['REB']],
  ['Israeli helicopters and tanks attacked Gaza.', 'Israeli helicopters and tanks', ['ISRMIL']],
  ['Israeli troops and police entered the town.', 'police', ['ISRCOP']],
  // agent + in + country
  ['Opposition groups in Zimbabwe protested.', 'Opposition groups in Zimbabwe', ['ZWEOPP']],
  ['Rebels in the Ivory Coast attacked.', 'Rebels in the Ivory Coast', ['CIVREB']],
  ['Security forces in Guinea fired.', 'Security forces in Guinea', ['GINCOP']],
  // plural demonyms: the country's people, CVL
  ['Palestinians, Algerians and Ghanaians protested.', 'Palestinians', ['PSECVL']],
  ['Palestinians, Algerians and Ghanaians protested.', 'Algerians', ['DZACVL']],
  ['Palestinians, Algerians and Ghanaians protested.', 'Ghanaians', ['GHACVL']],
  // ethnic groups: modifier, then the sentence's lands, then home
  ['Bosnian Serbs attacked.', 'Bosnian Serbs', ['BIHCVLSRP']],
  ['Thousands of Iraqi Kurds demonstrated.', 'Iraqi Kurds', ['IRQCVLKUR']],
  ['Kurds in Syria protested.', 'Kurds in Syria', ['SYRCVLKUR']],
  ['Ethnic Albanians protested in Macedonia.', 'Albanians', ['MKDCVLALB']],
  ['Serbs attacked villages in Bosnia.', 'Serbs', ['BIHCVLSRP']],
  ['Kurds protested in Germany.', 'Kurds', ['TURCVLKUR']],
  ['Tamils protested.', 'Tamils', ['LKACVLTAM']],
  ['Kurdish rebels attacked.', 'Kurdish rebels', ['TURREBKUR']],
  ['Bosnian Serb forces shelled the town.', 'Bosnian Serb forces', ['BIHMILSRP']],
  ['Yoruba leaders met.', 'Yoruba leaders', ['NGAELIYOR']],
  // armed and political groups
  ['The Islamic Salvation Front called a strike.', 'Islamic Salvation Front', ['DZAOPPFIS']],
  ['The Tamil Tigers attacked.', 'Tamil Tigers', ['LKAREBLTTE']],
  ['The KLA attacked.', 'KLA', ['SRBREBKLA']],
  ['UNITA rebels attacked.', 'UNITA rebels', ['AGOREBUNITA']],
  ['The IRA declared a ceasefire.', 'IRA', ['GBRREBIRA']],
  ['FARC guerrillas attacked.', 'FARC guerrillas', ['COLREBFARC']],
  ['The mujahideen attacked.', 'mujahideen', ['AFGREBMUJAHIDEEN']],
  ['The Janjaweed attacked villages.', 'Janjaweed', ['SDNUAFJANJAWEED']],
  ['The MDC and ZANU-PF met.', 'MDC', ['ZWEOPPMDC']],
  ['The MDC and ZANU-PF met.', 'ZANU-PF', ['ZWEPTYZANUPF']],
  // weapons as military agents
  ['Israeli tanks fired.', 'Israeli tanks', ['ISRMIL']],
  ['US Predator drones attacked.', 'US Predator drones', ['USAMIL']],
  ['A US Predator fired a missile.', 'US Predator', ['USAMIL']],
  ['Russian warplanes bombed the town.', 'Russian warplanes', ['RUSMIL']],
  // national media
  ['An official Syrian newspaper criticized Israel.', 'Syrian newspaper', ['SYRMED']],
  ['The state-owned Egyptian newspaper criticized Israel.', 'Egyptian newspaper', ['EGYMED']],
  // "the leaders" is a group; "leaders" alone is a title
  ['Putin met Xi Jinping. The two leaders signed a deal.', 'two leaders', ['RUSGOV', 'CHN']],
  ['Palestinian leaders met.', 'Palestinian leaders', ['PSEGOV']],
];

for (const [text, mention, codes] of rows) {
  test(`composition: "${mention}" in "${text}" is ${codes.join(',')}`, () => {
    const found = mentionsOf(text);
    const m = found.find((x) => x.text === mention);
    assert.ok(m, `no mention "${mention}"; found ${found.map((x) => `${x.text}:${x.codes}`).join(', ')}`);
    assert.deepEqual(m.codes, codes);
  });
}

const noActor: readonly (readonly [string, string])[] = [
  ['An official Syrian newspaper criticized Israel.', 'official'],
  ['The think tank published a report.', 'tank'],
  ['Kurdish music was played.', 'Kurdish'],
  ['Let us go.', 'Let'],
];

for (const [text, word] of noActor) {
  test(`composition: "${word}" in "${text}" is no actor`, () => {
    assert.ok(!mentionsOf(text).some((m) => m.text === word && m.codes.some((c) => !c.startsWith('NGO'))));
  });
}

test('composition: plural demonyms are generated for -an/-i demonyms only', () => {
  assert.deepEqual(pluralDemonym('Algerian'), ['Algerians']);
  assert.deepEqual(pluralDemonym('Iraqi'), ['Iraqis']);
  assert.deepEqual(pluralDemonym('Chinese'), []);
  assert.deepEqual(pluralDemonym('French'), []);
  assert.deepEqual(pluralDemonym('Swiss'), []);
});

test('a capital name on the places ambiguity list is no seat of government ("Victoria Palace")', () => {
  assert.ok(!mentionsOf('The demonstrators marched to Victoria Palace.').some((m) => m.codes.some((c) => c.startsWith('SYC'))));
  assert.deepEqual(mentionsOf('Putin flew to Washington.').find((m) => m.text === 'Washington')?.codes, ['USAGOV']);
});

test('a capital qualified by a place of another country is a town there, no seat ("San Jose, California")', () => {
  assert.ok(!mentionsOf('San Jose, California mayor Ron Gonzales is being investigated.').some((m) => m.codes.some((c) => c.startsWith('CRI'))));
  assert.deepEqual(mentionsOf('Officials in San Jose, Costa Rica, protested.').find((m) => m.text === 'San Jose')?.codes, ['CRIGOV']);
});
