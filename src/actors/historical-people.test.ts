/**
 * Historical leaders (data/actors/people-historical-*.yaml) resolve to their country, with the GOV
 * sector only while in office at the document's date, across regions and decades.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../index.js';

const coder = createCoder();

interface Row {
  readonly text: string;
  readonly published: string;
  /** The mention to look at, by its text. */
  readonly mention: string;
  readonly code: string;
  readonly name: string;
}

const rows: readonly Row[] = [
  { text: 'President Yoweri Museveni threatened the rebels.', published: '1996-03-02', mention: 'President Yoweri Museveni', code: 'UGAGOV', name: 'Yoweri Museveni' },
  { text: 'President Mugabe rejected the plan.', published: '2002-03-15', mention: 'President Mugabe', code: 'ZWEGOV', name: 'Robert Mugabe' },
  // A surname two leaders share goes to the one whose title fits the date (regression: Guinea's Conte was Italy's).
  { text: 'President Conte was receiving treatment in Switzerland.', published: '2007-01-10', mention: 'President Conte', code: 'GINGOV', name: 'Lansana Conté' },
  { text: 'Prime Minister Conte resigned.', published: '2021-01-26', mention: 'Prime Minister Conte', code: 'ITAGOV', name: 'Giuseppe Conte' },
  { text: 'Mugabe addressed parliament.', published: '1984-06-01', mention: 'Mugabe', code: 'ZWEGOV', name: 'Robert Mugabe' },
  { text: 'Lt. Gen. Prosper Avril resigned.', published: '1990-03-09', mention: 'Gen. Prosper Avril', code: 'HTIGOV', name: 'Prosper Avril' },
  { text: 'President Levy Mwanawasa met donors.', published: '2005-07-01', mention: 'President Levy Mwanawasa', code: 'ZMBGOV', name: 'Levy Mwanawasa' },
  { text: 'President Omar Hassan al-Bashir refused.', published: '2008-07-20', mention: 'President Omar Hassan al-Bashir', code: 'SDNGOV', name: 'Omar al-Bashir' },
  { text: 'Kagame accused Kinshasa.', published: '2012-08-01', mention: 'Kagame', code: 'RWAGOV', name: 'Paul Kagame' },
  { text: 'Habyarimana flew to Dar es Salaam.', published: '1994-04-05', mention: 'Habyarimana', code: 'RWAGOV', name: 'Juvénal Habyarimana' },
  { text: 'Gbagbo refused to step down.', published: '2011-01-10', mention: 'Gbagbo', code: 'CIVGOV', name: 'Laurent Gbagbo' },
  { text: 'Joseph Kony attacked villages.', published: '2008-12-20', mention: 'Joseph Kony', code: 'UGAREB', name: 'Joseph Kony' },
  { text: 'Bouteflika spoke on television.', published: '2005-09-01', mention: 'Bouteflika', code: 'DZAGOV', name: 'Abdelaziz Bouteflika' },
  { text: 'Saddam Hussein defied the inspectors.', published: '1998-11-01', mention: 'Saddam Hussein', code: 'IRQGOV', name: 'Saddam Hussein' },
  { text: 'Yasser Arafat met the envoy.', published: '1999-05-01', mention: 'Yasser Arafat', code: 'PSEGOV', name: 'Yasser Arafat' },
  { text: 'Rabin shook hands with Arafat.', published: '1993-09-13', mention: 'Rabin', code: 'ISRGOV', name: 'Yitzhak Rabin' },
  { text: 'Shevardnadze appealed for calm.', published: '1995-06-01', mention: 'Shevardnadze', code: 'GEOGOV', name: 'Eduard Shevardnadze' },
  { text: 'Shevardnadze flew to Washington.', published: '1988-06-01', mention: 'Shevardnadze', code: 'RUSGOV', name: 'Eduard Shevardnadze' },
  { text: 'Milosevic rejected the ultimatum.', published: '1999-03-20', mention: 'Milosevic', code: 'SRBGOV', name: 'Slobodan Milošević' },
  { text: 'Chancellor Helmut Kohl visited Paris.', published: '1990-10-01', mention: 'Chancellor Helmut Kohl', code: 'DEUGOV', name: 'Helmut Kohl' },
  { text: 'Thatcher criticised Brussels.', published: '1988-09-20', mention: 'Thatcher', code: 'GBRGOV', name: 'Margaret Thatcher' },
  { text: 'Fujimori dissolved Congress.', published: '1992-04-06', mention: 'Fujimori', code: 'PERGOV', name: 'Alberto Fujimori' },
  { text: 'President Menem visited Chile.', published: '1995-05-01', mention: 'President Menem', code: 'ARGGOV', name: 'Carlos Menem' },
  { text: 'Suharto opened the summit.', published: '1994-11-15', mention: 'Suharto', code: 'IDNGOV', name: 'Suharto' },
  { text: 'Rajiv Gandhi visited Colombo.', published: '1987-07-29', mention: 'Rajiv Gandhi', code: 'INDGOV', name: 'Rajiv Gandhi' },
  { text: 'Hun Sen rejected the proposal.', published: '2010-01-01', mention: 'Hun Sen', code: 'KHMGOV', name: 'Hun Sen' },
  // Earlier roles of people in the current-era files, and Yeltsin.
  { text: 'Boris Yeltsin fired the cabinet.', published: '1998-03-23', mention: 'Boris Yeltsin', code: 'RUSGOV', name: 'Boris Yeltsin' },
  { text: 'President Khamenei visited Harare.', published: '1986-01-20', mention: 'President Khamenei', code: 'IRNGOV', name: 'Ali Khamenei' },
  { text: 'Prime Minister Shimon Peres flew to Cairo.', published: '1986-09-11', mention: 'Prime Minister Shimon Peres', code: 'ISRGOV', name: 'Shimon Peres' },
  { text: 'Foreign Minister Shimon Peres signed the accord.', published: '1993-09-13', mention: 'Foreign Minister Shimon Peres', code: 'ISRGOV', name: 'Shimon Peres' },
  { text: 'Defence Minister Ariel Sharon ordered the advance.', published: '1982-06-10', mention: 'Defence Minister Ariel Sharon', code: 'ISRGOV', name: 'Ariel Sharon' },
  { text: 'Vice President Hosni Mubarak flew to Riyadh.', published: '1979-05-01', mention: 'Vice President Hosni Mubarak', code: 'EGYGOV', name: 'Hosni Mubarak' },
  { text: 'Demirel met the Kurdish leaders.', published: '1992-04-01', mention: 'Demirel', code: 'TURGOV', name: 'Süleyman Demirel' },
  { text: 'Prime Minister Jacques Chirac met Mitterrand.', published: '1987-01-15', mention: 'Prime Minister Jacques Chirac', code: 'FRAGOV', name: 'Jacques Chirac' },
  { text: 'Fabius defended the policy.', published: '1985-09-20', mention: 'Fabius', code: 'FRAGOV', name: 'Laurent Fabius' },
  { text: 'Juppe announced the reforms.', published: '1995-11-15', mention: 'Juppe', code: 'FRAGOV', name: 'Alain Juppé' },
  { text: 'Amato devalued the lira.', published: '1992-09-14', mention: 'Amato', code: 'ITAGOV', name: 'Giuliano Amato' },
  { text: 'Ciampi formed a cabinet.', published: '1993-05-01', mention: 'Ciampi', code: 'ITAGOV', name: 'Carlo Azeglio Ciampi' },
  { text: 'Berlusconi met Kohl.', published: '1994-09-01', mention: 'Berlusconi', code: 'ITAGOV', name: 'Silvio Berlusconi' },
  { text: 'Dini won the confidence vote.', published: '1995-06-01', mention: 'Dini', code: 'ITAGOV', name: 'Lamberto Dini' },
  { text: 'Prodi visited Albania.', published: '1997-04-15', mention: 'Prodi', code: 'ITAGOV', name: 'Romano Prodi' },
  { text: 'Prime Minister Sharif ordered the tests.', published: '1998-05-28', mention: 'Prime Minister Sharif', code: 'PAKGOV', name: 'Nawaz Sharif' },
  { text: 'Vajpayee resigned before the vote.', published: '1996-05-28', mention: 'Vajpayee', code: 'INDGOV', name: 'Atal Bihari Vajpayee' },
  { text: 'Yanukovych claimed victory.', published: '2004-11-22', mention: 'Yanukovych', code: 'UKRGOV', name: 'Viktor Yanukovych' },
  { text: 'Yanukovych met the president.', published: '2007-03-01', mention: 'Yanukovych', code: 'UKRGOV', name: 'Viktor Yanukovych' },
  // Out of office at the date: the country, without the GOV sector.
  { text: 'Mugabe spoke to reporters.', published: '2019-01-10', mention: 'Mugabe', code: 'ZWE', name: 'Robert Mugabe' },
  { text: 'Gorbachev criticised the Kremlin.', published: '2005-03-01', mention: 'Gorbachev', code: 'RUS', name: 'Mikhail Gorbachev' },
  { text: 'Yeltsin criticised the Kremlin.', published: '2005-03-01', mention: 'Yeltsin', code: 'RUS', name: 'Boris Yeltsin' },
  { text: 'Vajpayee addressed a rally.', published: '1997-01-10', mention: 'Vajpayee', code: 'IND', name: 'Atal Bihari Vajpayee' },
];

function mention(row: Row): { code: string | undefined; name: string | null | undefined; found: string } {
  const doc = coder.annotate({ text: row.text, published: row.published });
  const mentions = doc.mentions ?? [];
  const m = mentions.find((x) => row.text.slice(x.start, x.end) === row.mention);
  return { code: m?.actors[0]?.code, name: m?.actors[0]?.name, found: mentions.map((x) => row.text.slice(x.start, x.end)).join(', ') };
}

for (const row of rows) {
  test(`historical people: "${row.mention}" on ${row.published} is ${row.code} (${row.name})`, () => {
    const got = mention(row);
    assert.ok(got.code !== undefined, `no mention "${row.mention}"; found ${got.found}`);
    assert.equal(got.code, row.code);
    assert.equal(got.name, row.name);
  });
}

test('historical people: a surname shared by two leaders of one country needs a title ("President Kabila")', () => {
  const at = (text: string, published: string): (string | null)[] =>
    (coder.annotate({ text, published }).mentions ?? []).flatMap((m) => m.actors.map((a) => a.name));
  assert.deepEqual(at('President Kabila arrived.', '1998-01-01'), ['Laurent-Désiré Kabila']);
  assert.deepEqual(at('President Kabila arrived.', '2005-01-01'), ['Joseph Kabila']);
});

test('historical people: "Assad" needs a title or the full name, and the date picks Hafez or Bashar', () => {
  const at = (text: string, published: string): (string | null)[] =>
    (coder.annotate({ text, published }).mentions ?? []).flatMap((m) => m.actors.map((a) => a.name));
  assert.deepEqual(at('President Assad arrived.', '1995-01-01'), ['Hafez al-Assad']);
  assert.deepEqual(at('President Assad arrived.', '2010-01-01'), ['Bashar al-Assad']);
  assert.deepEqual(at('Hafez al-Assad arrived. Assad spoke.', '1995-01-01'), ['Hafez al-Assad', 'Hafez al-Assad']);
  assert.deepEqual(at('Bashar al-Assad arrived. Assad spoke.', '2010-01-01'), ['Bashar al-Assad', 'Bashar al-Assad']);
});
