/**
 * The coder on single sentences of our own: source, target, code and modality from the clause.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodedEvent } from '../core/event.js';
import { createCoder } from '../index.js';

const coder = createCoder();

interface Row {
  readonly name: string;
  readonly text: string;
  readonly source: string;
  readonly target: string | null;
  /** The expected CAMEO code, or its root (2 digits). */
  readonly cameo: string;
  readonly modality?: string;
  readonly attribution?: string;
}

const rows: readonly Row[] = [
  { name: 'active voice', text: 'Russia attacked Ukraine on Monday.', source: 'RUS', target: 'UKR', cameo: '19', modality: 'occurred' },
  { name: 'passive voice', text: 'Ukraine was attacked by Russia on Monday.', source: 'RUS', target: 'UKR', cameo: '19', modality: 'occurred' },
  { name: 'meet with', text: 'Egyptian President Abdel Fattah el-Sisi met with Israeli officials in Cairo.', source: 'EGYGOV', target: 'ISRGOV', cameo: '040' },
  { name: 'talks with (light verb)', text: 'France held talks with Germany on Tuesday.', source: 'FRA', target: 'DEU', cameo: '040', modality: 'occurred' },
  { name: 'a visit to (nominal)', text: 'Narendra Modi will pay a visit to Japan next month.', source: 'INDGOV', target: 'JPN', cameo: '042', modality: 'planned' },
  { name: 'compound subject with a symmetric verb', text: 'Brazil and Argentina signed a trade agreement.', source: 'BRA', target: 'ARG', cameo: '057', modality: 'occurred' },
  { name: 'reported speech: the speaker is not the actor', text: 'Kyiv said Russian troops attacked Ukrainian villages.', source: 'RUSMIL', target: 'UKR', cameo: '19', attribution: 'UKRGOV' },
  { name: 'according to', text: 'According to the Kremlin, Russia will sign an agreement with China.', source: 'RUS', target: 'CHN', cameo: '057', modality: 'planned', attribution: 'RUSGOV' },
  { name: 'criticism', text: 'Germany condemned Iran for the missile test.', source: 'DEU', target: 'IRN', cameo: '111' },
  { name: 'sanctions on (light verb)', text: 'The European Union imposed sanctions on Belarus.', source: 'IGOEU', target: 'BLR', cameo: '163' },
  { name: 'negation', text: 'China did not attend the summit with Japan.', source: 'CHN', target: 'JPN', cameo: '04', modality: 'negated' },
  { name: 'threat', text: 'North Korea threatened South Korea with missile strikes.', source: 'PRK', target: 'KOR', cameo: '13' },
  { name: 'accusation', text: 'India accused Pakistan of shelling border villages.', source: 'IND', target: 'PAK', cameo: '112' },
  { name: 'aid', text: 'Japan pledged humanitarian aid to the Philippines.', source: 'JPN', target: 'PHL', cameo: '03' },
  { name: 'the object is a thing the target owns', text: 'Israeli tanks shelled positions of the Palestinian security forces.', source: 'ISRMIL', target: 'PSECOP', cameo: '19' },
  { name: 'the phrase a preposition governs is owned by the target', text: 'North Korea tried to hack into the computers of South Korean officials.', source: 'PRK', target: 'KORGOV', cameo: '17' },
  { name: 'the subject stands for the actor its "for" names', text: 'A camp for Congolese refugees was attacked by Burundian soldiers.', source: 'BDIMIL', target: 'CODREF', cameo: '19' },
  { name: 'a pattern whose phrase holds the target', text: 'Switzerland expelled two Russian diplomats.', source: 'CHE', target: 'RUSGOV', cameo: '161' },
  { name: 'a progressive verb is not passive', text: 'Britain is demanding that Iran release the sailors.', source: 'GBR', target: 'IRN', cameo: '10' },
  { name: 'a demand noun names its target in a that-clause', text: 'The ILO reiterated its demand today that Israel ease restrictions.', source: 'IGOILO', target: 'ISR', cameo: '100' },
  { name: 'a reported obligation of a compound subject', text: 'The Red Cross said US and British forces must ensure security.', source: 'NGOICRC', target: 'GBRMIL', cameo: '100' },
  { name: 'a conclusion that another must act', text: 'The United Nations concluded on Saturday that the US and other rich nations must allocate more money.', source: 'IGOUN', target: 'USA', cameo: '100' },
  { name: 'an attack whose subject is its means is by an unidentified armed force where it happened', text: 'A roadside bomb near Kabul killed two Russian soldiers.', source: 'AFGUAF', target: 'RUSMIL', cameo: '19' },
  { name: 'a subject pronoun after a weekday is no prepositional object', text: 'French farmers said on Friday they would blockade Paris.', source: 'FRAAGR', target: 'FRAGOV', cameo: '1381' },
  { name: 'a participle inside a compound is no verb', text: 'Israel today mounted its long-threatened invasion of Lebanon.', source: 'ISR', target: 'LBN', cameo: '190' },
  { name: 'the invasion of X is against X', text: 'The Iraqi invasion of Kuwait was condemned.', source: 'IRQ', target: 'KWT', cameo: '190' },
  { name: 'the owner noun may be tagged as an adjective', text: 'Hezbollah guerrillas killed the deputy chief of the Israeli army.', source: 'LBNREBHEZBOLLAH', target: 'ISRMIL', cameo: '190' },
  { name: 'an actor inside a comma-enclosed apposition is not the subject', text: 'Pakistan, a key U.S. ally, has refused to deploy troops in Iraq and has urged Iran to help.', source: 'PAK', target: 'IRN', cameo: '02' },
  { name: 'an actor phrase running past the pattern gives the target', text: 'Uganda threatened to ban Kenyan opposition candidates from the vote.', source: 'UGA', target: 'KENOPP', cameo: '1322' },
  { name: 'failing to agree on a matter pairs the parties', text: 'Palestinians and Israelis failed to reach agreement on the fate of Palestinian offices.', source: 'PSECVL', target: 'ISRCVL', cameo: '127' },
  { name: 'insisting on something is a demand', text: 'Britain insisted on the release of the sailors by Iran.', source: 'GBR', target: 'IRN', cameo: '100' },
  { name: 'a pronoun naming the doer itself is no target; the condition names it', text: 'Iran warned that it would strike back if Iraq went ahead with the drills.', source: 'IRN', target: 'IRQ', cameo: '130' },
  { name: 'a threat is aimed at whom its condition names', text: 'Russia threatened to stop negotiations if the United States goes ahead with the deployment.', source: 'RUS', target: 'USA', cameo: '13' },
  { name: 'an agreement of a compound subject is between its members', text: 'The Turkish and Greek sides agreed to share information on missing people.', source: 'TUR', target: 'GRC', cameo: '03' },
  { name: 'a countryless actor followed by "of" and an actor stands for it', text: 'Egyptian officials met the envoys of the Arab League.', source: 'EGYGOV', target: 'IGOARL', cameo: '04' },
  { name: 'force used to act on someone is used against them', text: 'Egyptian police opened fire to disperse Islamist demonstrators in Cairo.', source: 'EGYCOP', target: 'EGYOPP', cameo: '19' },
  { name: 'a government\'s concession at home is to its own country', text: 'The Sudanese government lifted the state of emergency on Sunday.', source: 'SDNGOV', target: 'SDN', cameo: '081' },
  { name: 'a word after a demonym modifying it is a noun ("Palestinian riots")', text: 'Palestinian riots against Israeli policies continued.', source: 'PSE', target: 'ISR', cameo: '145' },
  { name: 'a past form tagged as a noun between subject and object is the verb', text: 'Hutu militiamen abducted three Italian aid workers.', source: 'RWAUAFINTERAHAMWE', target: 'ITALAB', cameo: '181' },
  { name: 'a weekday with its "on" may stand inside a phrase', text: 'The Kenyan government bowed on Friday to pressure from donors.', source: 'KENGOV', target: null, cameo: '080' },
  { name: 'the other side of a border is the target of a troop build-up', text: 'Syria massed troops on its border with Turkey.', source: 'SYR', target: 'TUR', cameo: '154' },
  { name: 'an alert along a border is aimed at the neighbour, not at the own forces', text: 'India put its armed forces on alert along the border with Pakistan.', source: 'IND', target: 'PAK', cameo: '152' },
  { name: 'a possessive pronoun only determines the object ("his Japanese counterpart")', text: 'The Chinese foreign minister met his Japanese counterpart in Beijing.', source: 'CHNGOV', target: 'JPNGOV', cameo: '04' },
  { name: 'a possessive pronoun after a preposition only determines the phrase', text: 'Egyptian officials shared intelligence with their Jordanian counterparts.', source: 'EGYGOV', target: 'JORGOV', cameo: '064' },
  { name: 'weapons supplied are military aid without the word "aid"', text: 'The United States is supplying missiles to Afghan rebels.', source: 'USA', target: 'AFGREB', cameo: '072' },
  { name: 'tonnes of food delivered are humanitarian aid', text: 'Britain delivered 500 tonnes of grain to Sudan.', source: 'GBR', target: 'SDN', cameo: '073' },
  { name: 'tonnes of food that will be delivered are a pledge', text: 'Japan will deliver 300 tons of rice to North Korea.', source: 'JPN', target: 'PRK', cameo: '03' },
  { name: 'turning down a plan rejects it', text: 'Serbia turned down a Russian peace plan.', source: 'SRB', target: 'RUS', cameo: '12' },
  { name: 'house arrest is an arrest', text: 'Kenyan police placed two opposition activists under house arrest.', source: 'KENCOP', target: 'KENOPP', cameo: '173' },
  { name: 'word forms the lemmatiser misses ("reneged")', text: 'Zambia reneged on its commitment to Malawi.', source: 'ZMB', target: 'MWI', cameo: '120' },
  { name: 'a multi-word alternative is its own pattern ("go back on")', text: 'Zambia went back on its promise to Malawi.', source: 'ZMB', target: 'MWI', cameo: '120' },
  { name: 'a coordinated modifier fills a gap; an -ing word after an auxiliary is a verb', text: 'A terror group based in Trinidad is building chemical and biological weapons to use against Britain.', source: 'TTOUAF', target: 'GBR', cameo: '1385' },
  { name: 'a hyphenated compound is one word in a gap', text: 'The Israeli army lifted Friday a day-old blockade on Palestinian lorries.', source: 'ISRMIL', target: 'PSE', cameo: '0872' },
  { name: 'a means owned through "whose" is its owner\'s', text: 'The judge charged three U.S. soldiers whose tank fire killed a Spanish journalist.', source: 'USAMIL', target: 'ESPMED', cameo: '190' },
  { name: 'a participle with "by" is passive without "be"', text: 'A convoy of Sri Lankan officials attacked by Tamil rebels was hit.', source: 'LKAREBTAM', target: 'LKAGOV', cameo: '190' },
  { name: 'a verb wink tags as a noun does not make the agent before it a modifier ("Gunmen shot dead")', text: 'Gunmen shot dead two policemen in Karachi.', source: 'PAKUAF', target: 'PAKCOP', cameo: '193' },
  { name: 'a name or a number of several tokens is one word in a gap ("gave the Ivory Coast 5.1 million")', text: 'The European Union gave the Ivory Coast 5.1 million dollars of aid.', source: 'IGOEU', target: 'CIV', cameo: '071' },
  { name: 'a quantity\'s "of" stands in a gap ("suspended part of a military aid program")', text: 'The United States suspended part of a military aid program for Bosnia.', source: 'USA', target: 'BIH', cameo: '1622' },
  { name: 'a count\'s "of" stands in a gap ("sent hundreds of soldiers")', text: 'Chad sent hundreds of soldiers to its border with Sudan.', source: 'TCD', target: 'SDN', cameo: '154' },
  { name: 'violence named by a passive\'s by-phrase is done to its subject (parse.passive-by-event)', text: 'A school in Gaza was destroyed by Israeli air strikes.', source: 'ISR', target: 'PSEEDU', cameo: '195' },
  { name: 'a past form wink reads as an adjective, between its subject and its object, is the verb', text: 'Chile branded the Peruvian decision unacceptable.', source: 'CHL', target: 'PER', cameo: '111' },
  { name: 'a passive that names its doer acts on whose its subject is ("Indonesian sailors were freed by")', text: 'Twelve Indonesian sailors were freed by Somali pirates.', source: 'SOMCRM', target: 'IDN', cameo: '084' },
  { name: 'a hostile act told as conditional is a threat of it, aimed at whom the condition names (threat.conditional)', text: 'Chile said it would recall its ambassador from Peru if Peru kept its troops at the border.', source: 'CHL', target: 'PER', cameo: '131' },
  { name: 'violence told as conditional is a threat of force', text: 'Serbia said its army would attack the rebels if they crossed the river.', source: 'SRBMIL', target: 'SRBREB', cameo: '138' },
  { name: 'a passive expulsion with no doer is done by the country it sends its subject out of (passive.expelled-from)', text: 'A British reporter was deported from Iran on Monday.', source: 'IRN', target: 'GBRMED', cameo: '174' },
  { name: 'a phone call is no visit', text: 'Russia made a phone call to China.', source: 'RUS', target: 'CHN', cameo: '041' },
];

function find(events: readonly CodedEvent[], row: Row): CodedEvent | undefined {
  return events.find((e) => e.source?.code === row.source && (e.target?.code ?? null) === row.target
    && (row.cameo.length === 2 ? e.root === row.cameo : e.cameo === row.cameo));
}

for (const row of rows) {
  test(`events: ${row.name}`, () => {
    const { events } = coder.code({ text: row.text, published: '2024-05-14' });
    const hit = find(events, row);
    const got = events.map((e) => `${e.source?.code}->${e.target?.code ?? '-'}:${e.cameo}/${e.modality}`).join(' ');
    assert.ok(hit, `expected ${row.source}->${row.target ?? '-'}:${row.cameo}; got ${got || 'nothing'}`);
    if (row.modality) assert.equal(hit.modality, row.modality);
    if (row.attribution) assert.equal(hit.attribution?.code, row.attribution);
    assert.ok(hit.rule && hit.knowledge, 'the rule and the knowledge version are recorded');
    assert.equal(row.text.slice(hit.trigger.start, hit.trigger.end), hit.trigger.text);
  });
}

test('events: a noun that refers back merges into the event it names', () => {
  const text = 'Vladimir Putin will visit China next week. The visit is scheduled from May 16 to 17.';
  const { events } = coder.code({ text, published: '2024-05-10' });
  const visits = events.filter((e) => e.cameo === '042');
  assert.equal(visits.length, 1);
  assert.equal(visits[0].mentions.length, 2);
  assert.deepEqual([visits[0].date?.start, visits[0].date?.end], ['2024-05-16', '2024-05-17']);
});

test('events: no actors, no event', () => {
  const { events } = coder.code({ text: 'Sanctions and trade barriers pose challenges.', published: '2024-05-14' });
  assert.equal(events.length, 0);
});

test('events: --compound expand gives one event per pair; list keeps the actors in lists', () => {
  const text = 'Hungary and Romania condemned Serbia and Croatia.';
  const expanded = coder.code({ text, published: '2024-05-14' }).events.filter((e) => e.cameo === '111');
  assert.deepEqual(expanded.map((e) => `${e.source?.code}->${e.target?.code}`).sort(), ['HUN->HRV', 'HUN->SRB', 'ROU->HRV', 'ROU->SRB']);
  const listed = createCoder({ compound: 'list' }).code({ text, published: '2024-05-14' }).events.filter((e) => e.cameo === '111');
  assert.equal(listed.length, 1);
  assert.deepEqual(listed[0].sources?.map((a) => a.code), ['HUN', 'ROU']);
  assert.deepEqual(listed[0].targets?.map((a) => a.code), ['SRB', 'HRV']);
});

test('events: "X said Y must ..." is a demand from X to Y', () => {
  const { events } = coder.code({ text: 'Russia said on Tuesday that Sudan must return the helicopter.', published: '2024-05-14' });
  const demand = events.find((e) => e.cameo === '100');
  assert.equal(demand?.source?.code, 'RUS');
  assert.equal(demand?.target?.code, 'SDN');
  assert.equal(demand?.rule, 'construction.reported-obligation');
  const obligation = events.find((e) => e.source?.code === 'SDN');
  if (obligation) assert.equal(obligation.modality, 'hypothetical');
});

test('events: the content of an offer, appeal, threat or rejection is not an event of its own', () => {
  const rows: readonly [string, string][] = [
    ['Egypt rejected a French offer to host a summit with Israel.', '12'],
    ['Turkey threatened to invade Syria.', '13'],
    ['Germany urged Russia to attack nobody.', '02'],
  ];
  for (const [text, root] of rows) {
    const roots = coder.code({ text, published: '2024-05-14' }).events.map((e) => e.root);
    assert.ok(roots.includes(root), `${text}: ${roots.join(',')}`);
    assert.ok(roots.every((r) => r === root), `${text}: only the ${root} event, got ${roots.join(',')}`);
  }
  const coordinated = coder.code({ text: 'Egypt rejected the offer and attacked Israel.', published: '2024-05-14' }).events;
  assert.ok(coordinated.some((e) => e.root === '19'), 'a coordinated verb is an event of its own');
});

test('events: a cancelled visit is a negated visit with its cue (regression: no event was coded)', () => {
  const { events } = coder.code({ text: 'Vladimir Putin has cancelled a planned visit to China next week.', published: '2024-05-14' });
  const visit = events.find((e) => e.cameo === '042');
  assert.equal(visit?.source?.name, 'Vladimir Putin');
  assert.equal(visit?.target?.code, 'CHN');
  assert.equal(visit?.modality, 'negated');
  assert.match(visit?.modalityCue?.text ?? '', /cancel/);
});

test('events: "March" as a month is no protest march (regression)', () => {
  const { events } = coder.code({ text: 'The talks between France and Germany will run from March 11 to 13.', published: '2024-02-14' });
  assert.ok(!events.some((e) => e.root === '14'), events.map((e) => e.cameo).join(','));
});

test('events: an agentless passive keeps its target with an unknown source', () => {
  const { events } = coder.code({ text: 'At least three Iraqi civilians were killed in Baghdad on Monday.', published: '2024-05-14' });
  const e = events.find((x) => x.root === '18' || x.root === '19' || x.root === '20');
  assert.ok(e, events.map((x) => x.cameo).join(','));
  assert.equal(e.source, null);
  assert.equal(e.target?.country, 'IRQ');
});

test('events: an infinitive of purpose is the aim of an event, not an event', () => {
  const { events } = coder.code({ text: 'Kenyan students staged demonstrations in Nairobi to demand the resignation of the minister.', published: '2024-05-14' });
  assert.ok(events.some((e) => e.root === '14'), events.map((e) => e.cameo).join(','));
  assert.ok(!events.some((e) => e.root === '10'), 'the demand is the aim of the protest');
});

test('events: a protest with no target named is against the protesters\' own government', () => {
  const { events } = coder.code({ text: 'Thousands of Serbian workers demonstrated in Belgrade on Monday.', published: '2024-05-14' });
  const protest = events.find((e) => e.root === '14');
  assert.equal(protest?.source?.code, 'SRBLAB');
  assert.equal(protest?.target?.code, 'SRBGOV');
});

test('events: a demand told after a protest is its aim, and names whom the protest is against', () => {
  const { events } = coder.code({ text: 'Thousands of Kenyan students demonstrated on Sunday calling for reforms from the Ugandan government.', published: '2024-05-14' });
  const protest = events.find((e) => e.root === '14');
  assert.equal(protest?.target?.code, 'UGAGOV');
  assert.ok(!events.some((e) => e.root === '02' || e.root === '10'), events.map((e) => e.cameo).join(','));
});

test('events: an event noun modifying another noun names no event ("truce monitors")', () => {
  const { events } = coder.code({ text: 'A Serbian jet shot down a helicopter carrying EU truce monitors.', published: '2024-05-14' });
  assert.ok(!events.some((e) => e.rule.includes('ceasefire')), events.map((e) => e.rule).join(','));
});

test('events: an act someone is convicted of is a charge, not an event', () => {
  for (const text of ['Two Libyan men were convicted of bombing the Israeli embassy.', 'The court found two Libyan men guilty of bombing the Israeli embassy.']) {
    const { events } = coder.code({ text, published: '2024-05-14' });
    assert.ok(!events.some((e) => e.root === '18' || e.root === '19'), `${text}: ${events.map((e) => e.cameo).join(',')}`);
  }
});

test('claim.accused-act: "X accused Y of attacking Z" is 112 X -> Y and the attack Y -> Z, claimed', () => {
  for (const [text, cue] of [['Russia accused Ukraine of attacking a Russian convoy.', 'accused'], ['Russia accused Ukraine of shelling a Russian convoy.', 'accused'],
    ['Ukraine was accused by Russia of shelling a Russian convoy.', 'accused'], ['Kenyan police suspect Somali gunmen of attacking a Kenyan convoy.', 'suspect']] as const) {
    const { events } = coder.code({ text, published: '2024-05-14' });
    const show = events.map((e) => `${e.cameo} ${e.source?.country}>${e.target?.country} ${e.modality}`).join(', ');
    const accusation = events.find((e) => e.root === '11' || e.root === '17');
    const act = events.find((e) => e.modality === 'claimed');
    assert.ok(act && act.modalityCue?.text === cue, `${text}: ${show}`);
    assert.notEqual(act.source?.country, accusation?.source?.country, `${text}: the act is the accused's: ${show}`);
    assert.ok(act.target?.country !== undefined, `${text}: ${show}`);
  }
});

test('events: insisting that something is so demands nothing', () => {
  const { events } = coder.code({ text: 'The United States insisted unrest there reflected old tensions.', published: '2024-05-14' });
  assert.ok(!events.some((e) => e.root === '10'), events.map((e) => e.cameo).join(','));
});

test('events: a noun event in a time adjunct is the background of the verb event', () => {
  const { events } = coder.code({ text: 'Five hundred Ugandan rebels surrendered last week following a government offensive.', published: '2024-05-14' });
  assert.ok(events.some((e) => e.cameo.startsWith('087')), events.map((e) => e.cameo).join(','));
  assert.ok(!events.some((e) => e.root === '19'), events.map((e) => e.cameo).join(','));
});

test('events: a target that is the source itself leaves the event without a target, not without the event', () => {
  const { events } = coder.code({ text: 'President Vladimir Putin reneged on his own commitment.', published: '2024-05-14' });
  const e = events.find((x) => x.root === '12');
  assert.ok(e, events.map((x) => x.cameo).join(','));
  assert.equal(e.target, null);
});

test('events: two offices of one government are two people; "his" is the office-holder before it', () => {
  // No date: neither office names a person, yet the prime minister and the chancellor are not one actor.
  const text = 'Labour held a rally in Britain. Appearing together, the prime minister praised his chancellor\'s budget.';
  const { events } = coder.code({ text });
  const e = events.find((x) => x.root === '05');
  assert.ok(e, events.map((x) => x.cameo).join(','));
  assert.equal(e.source?.role, 'prime minister');
  assert.equal(e.target?.role, 'chancellor');
  const doc = coder.annotate({ text });
  const his = (doc.mentions ?? []).find((m) => m.start === text.indexOf('his'));
  assert.deepEqual(his?.actors.map((a) => `${a.code} ${a.role}`), ['GBRGOV prime minister']);
});

test('events: the same office-holder acting on "his" own thing leaves no target', () => {
  const { events } = coder.code({ text: 'The British prime minister reneged on his own commitment.' });
  const e = events.find((x) => x.root === '12');
  assert.ok(e, events.map((x) => x.cameo).join(','));
  assert.equal(e.target, null);
});

test('events: a subject relative pronoun stands for the phrase before it ("X, who will hold talks")', () => {
  const { events } = coder.code({ text: 'The Japanese foreign minister, who will hold talks with China on Monday, praised the plan.', published: '2024-05-14' });
  const talks = events.find((x) => x.root === '04');
  assert.equal(talks?.source?.code, 'JPNGOV', events.map((x) => `${x.cameo} ${x.source?.code}>${x.target?.code}`).join(','));
  assert.equal(talks?.target?.country, 'CHN');
  const passive = coder.code({ text: 'Peru, which was condemned by Chile on Monday, rejected the charge.', published: '2024-05-14' }).events;
  assert.ok(passive.some((x) => x.root === '11' && x.source?.code === 'CHL' && x.target?.code === 'PER'), passive.map((x) => `${x.cameo} ${x.source?.code}>${x.target?.code}`).join(','));
});

test('events: a participle clause after a comma has the main verb\'s subject ("bombed Gaza, killing ten")', () => {
  const { events } = coder.code({ text: 'Israel bombed Gaza on Monday, killing ten Palestinian civilians.', published: '2024-05-14' });
  const killing = events.find((x) => x.trigger.text === 'killing');
  assert.equal(killing?.source?.code, 'ISR', events.map((x) => `${x.cameo} ${x.source?.code}>${x.target?.code}`).join(','));
  assert.equal(killing?.target?.code, 'PSECVL');
});

test('events: a noun\'s "by" names its doer, who stands for the phrase ("the move by the generals drew condemnation")', () => {
  const drew = coder.code({ text: 'The move by the Burmese generals had been expected, but still drew condemnation from France.', published: '2024-05-14' }).events;
  assert.ok(drew.some((x) => x.root === '11' && x.source?.code === 'FRA' && x.target?.country === 'MMR'), drew.map((x) => `${x.cameo} ${x.source?.code}>${x.target?.code}`).join(','));
  const attack = coder.code({ text: 'France condemned the attack by Malian rebels.', published: '2024-05-14' }).events;
  assert.ok(attack.some((x) => x.root === '11' && x.source?.code === 'FRA' && x.target?.code === 'MLIREB'), attack.map((x) => `${x.cameo} ${x.source?.code}>${x.target?.code}`).join(','));
});

test('events: a verb after "and" that follows a reported copula shares the reporting verb\'s subject; an official is not the government', () => {
  const { events } = coder.code({ text: 'A Bolivian official said the vote was a farce and accused the Bolivian government of fraud.', published: '2024-05-14' });
  const e = events.find((x) => x.root === '11');
  assert.ok(e, events.map((x) => `${x.cameo} ${x.source?.code}>${x.target?.code}`).join(','));
  assert.equal(e.source?.code, 'BOLGOV');
  assert.equal(e.target?.code, 'BOLGOV');
});

test('consult.host-seat: talks held in another government\'s seat are with that government; not for its own or an IGO', () => {
  const show = (es: readonly { cameo: string; source: { code: string } | null; target: { code: string } | null }[]): string => es.map((x) => `${x.cameo} ${x.source?.code}>${x.target?.code}`).join(',');
  const held = coder.code({ text: 'The Japanese foreign minister held talks in Beijing on Monday.', published: '2024-05-14' }).events;
  assert.ok(held.some((x) => x.root === '04' && x.source?.code === 'JPNGOV' && x.target?.code === 'CHNGOV'), show(held));
  for (const text of ['EU foreign ministers met in Brussels on Monday.', 'Chinese officials held talks in Beijing on Monday.']) {
    const events = coder.code({ text, published: '2024-05-14' }).events;
    assert.ok(events.every((x) => x.target === null), `${text}: ${show(events)}`);
  }
});

test('events: no false events from election wins, made-in compounds or particles', () => {
  for (const text of ['Clinton beat Obama by a very narrow margin.', 'A Russian-made aircraft was detained in Ahmedabad.', 'The court may send him back to prison.']) {
    const { events } = coder.code({ text, published: '2024-05-14' });
    assert.deepEqual(events.map((e) => `${e.cameo} ${e.source?.code ?? '-'}>${e.target?.code ?? '-'}`).filter((x) => !x.startsWith('17')), [], text);
  }
});

test('events: a participle after a degree adverb is an adjective ("the most visited monument")', () => {
  const { events } = coder.code({ text: 'The memorial is the most visited monument in Vietnam.', published: '2024-05-14' });
  assert.deepEqual(events.map((e) => e.cameo), []);
});

test('events: a mention before its own verb after "and" is a subject, not the object', () => {
  const { events } = coder.code({ text: 'Hamas expelled three of its members and Fatah expelled seven.', published: '2024-05-14' });
  assert.ok(!events.some((e) => e.target?.code.includes('FATAH')), events.map((e) => `${e.source?.code}>${e.target?.code}`).join(','));
});

test('events: a relative clause between commas holds no subject ("X, the student who killed Y, began")', () => {
  const { events } = coder.code({ text: 'Yigal Amir, the student who assassinated Israeli Prime Minister Yitzhak Rabin, began a hunger strike.', published: '2005-07-17' });
  // The hunger strike is the student's (the apposition names Amir), never the victim's.
  const strikes = events.filter((e) => e.root === '14');
  assert.ok(strikes.every((e) => e.source?.code === 'ISREDU'), events.map((e) => `${e.cameo} ${e.source?.code}`).join(','));
});

test('syntax.nonrestrictive-relative: the verb after a clause set off by commas ("X, which ..., V") has X as subject', () => {
  const rows: readonly [string, string, string][] = [
    ['Norway, which has funded clinics in Malawi for years, met Malawi on Monday.', '040', 'NOR>MWI'],
    ['Chile, which shares a long border with Peru, has now expelled two Peruvian diplomats.', '161', 'CHL>PERGOV'],
  ];
  for (const [text, cameo, dyad] of rows) {
    const { events } = coder.code({ text, published: '2024-05-14' });
    const got = events.filter((e) => e.cameo === cameo).map((e) => `${e.source?.code}>${e.target?.code}`);
    assert.deepEqual(got, [dyad], `${text}: ${events.map((e) => `${e.cameo} ${e.source?.code}>${e.target?.code}`).join(', ')}`);
  }
});

test('actors: a country\'s adviser is an office of its government, also in an apposition to a name it does not know', () => {
  for (const text of ['Ana Ruiz, Peru\'s adviser on trade, criticised Chile on Monday.', 'Peru\'s senior adviser on trade criticised Chile on Monday.']) {
    const { events } = coder.code({ text, published: '2024-05-14' });
    assert.deepEqual(events.map((e) => `${e.cameo} ${e.source?.code}>${e.target?.code}`), ['111 PERGOV>CHL'], text);
  }
});

test('events: no events from names, noun compounds, reduced relatives or business senses', () => {
  const texts = [
    'U.S. Trade Representative Clayton Yeutter said the dollar would fall.',
    'Private Brazil trade sources said arrivals rose.',
    'Calero linked payments received for his forces to a company.',
    'Gold assays from the Congress property yielded higher grades.',
    'The British minister pledged the government would fight against the proposed tax.',
  ];
  for (const text of texts) {
    const { events } = coder.code({ text, published: '1987-03-01' });
    assert.deepEqual(events.map((e) => `${e.cameo} ${e.rule}`), [], text);
  }
});

test('events: force done to an object named right before a participle ("journalists kidnapped in Iraq") has an unknown doer', () => {
  const { events } = coder.code({ text: 'Officials named the three Romanian journalists kidnapped in Iraq in March.', published: '2005-04-10' });
  const e = events.find((x) => x.root === '18');
  assert.equal(e?.source, null);
  assert.equal(e?.target?.code, 'ROUMED');
});

test('events: a warning with no addressee and a return home are no events', () => {
  for (const text of ['Former Soviet leader Mikhail Gorbachev has warned that rapid globalization has widened the gap.', 'Tony Blair returned home this morning.']) {
    const { events } = coder.code({ text, published: '2005-01-10' });
    assert.deepEqual(events.map((e) => e.cameo), [], text);
  }
});

test('events: air strikes are attacks, not labour strikes; a date after "called on" is no appeal', () => {
  const a = coder.code({ text: 'Israel launched several air strikes on Friday on an area near Rafah.', published: '2008-01-10' }).events;
  assert.ok(a.some((e) => e.root === '19') && !a.some((e) => e.root === '14'), a.map((e) => e.cameo).join(','));
  const b = coder.code({ text: 'The snap election was called on February 24 by the prime minister.', published: '2006-03-01' }).events;
  assert.ok(!b.some((e) => e.root === '02'), b.map((e) => e.cameo).join(','));
});
