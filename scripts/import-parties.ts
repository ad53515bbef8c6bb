/**
 * Writes data/actors/parties.yaml (generated) from ../shared/reference/parties (README there):
 *
 *  - ParlGov (CC0) for the 37 democracies it covers: every party, with the periods it sat in
 *    cabinet (a cabinet lasts from its start_date to the start of the cabinet that follows it,
 *    by previous_cabinet_id; the last one is open); a party is GOV then and OPP otherwise.
 *  - Party Facts core parties (MIT) for every other country: names only, no sector (no cabinet data).
 *  - data/parties/common-names.yaml (hand-kept): the forms news uses ("Labour", "the Tories").
 *
 * Names: the English name, the original name when it differs, and the short name when it is an
 * acronym of three or more capitals ("CDU", "UKIP"). Filters (each drop reported in
 * data/actors/parties-import.report.txt): a name several parties share names none of them ("Labour
 * Party"); a one-word name or acronym that is a common English word ("Forward", "ACT") is dropped; a
 * name the hand-kept actor files, the country table or the gazetteer know is theirs; a name any actor
 * file knows as a generic agent noun ("Sunni") names no party.
 *
 * Run: node --import tsx scripts/import-parties.ts   (npm run build:knowledge). Deterministic.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadCountries } from '../src/knowledge/countries.js';
import { loadDataFile } from '../src/knowledge/data-file.js';
import { loadGazetteer } from '../src/place/gazetteer.js';
import { actorEntrySchema } from '../src/actors/schema.js';
import { formatGenerated, handNames, nameKey } from '../src/actors/petrarch/import.js';
import type { Converted } from '../src/actors/petrarch/convert.js';
import { lexiconWord } from './lexicon-word.js';

const VERSION = '2026.12.2';
const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const srcDir = fileURLToPath(new URL('../../shared/reference/parties/', import.meta.url));

/** RFC 4180 CSV rows as objects keyed by the header. */
function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(join(srcDir, file), 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = ''; } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  const [head, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(head.map((h, k) => [h, r[k] ?? ''])));
}

interface Party {
  readonly id: string;
  readonly country: string;
  readonly short: string;
  readonly names: string[];
  readonly periods: { sector: string; start: string; end?: string }[];
  readonly covered: boolean;
  readonly line: string;
}

function cleanNames(raw: readonly string[]): string[] {
  return [...new Set(raw.flatMap((n) => n.split(/ \/ | -- | – /)).map((n) => n.replace(/\s+/g, ' ').trim())
    .filter((n) => /\p{L}{2}/u.test(n) && !/[()[\]"]/.test(n)))];
}

function acronym(short: string): string[] {
  return /^[A-Z][A-Z0-9]{2,7}$/.test(short) ? [short] : [];
}

function slug(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

/** Cabinet spells per ParlGov party id: GOV from a cabinet's start to its successor's. */
function cabinetPeriods(): Map<string, { start: string; end?: string }[]> {
  const rows = readCsv('parlgov-view_cabinet.csv');
  const startOf = new Map(rows.map((r) => [r.cabinet_id, r.start_date]));
  const next = new Map<string, string>();
  for (const r of rows) if (r.previous_cabinet_id && startOf.has(r.cabinet_id)) next.set(r.previous_cabinet_id, r.start_date);
  const spells = new Map<string, { start: string; end?: string }[]>();
  for (const r of rows.filter((x) => x.cabinet_party === '1')) {
    const end = next.get(r.cabinet_id);
    spells.set(r.party_id, [...(spells.get(r.party_id) ?? []), { start: r.start_date, ...(end ? { end } : {}) }]);
  }
  for (const [id, list] of spells) spells.set(id, merge(list));
  return spells;
}

/** Sorted, with touching spells joined. */
function merge(list: readonly { start: string; end?: string }[]): { start: string; end?: string }[] {
  const out: { start: string; end?: string }[] = [];
  for (const s of [...list].sort((a, b) => a.start.localeCompare(b.start))) {
    const last = out[out.length - 1];
    if (last && last.end !== undefined && s.start <= last.end) {
      if (s.end === undefined || s.end > last.end) last.end = s.end;
      if (s.end === undefined) delete last.end;
    } else if (!last || last.end !== undefined) out.push({ ...s });
  }
  return out;
}

function parties(): Party[] {
  const spells = cabinetPeriods();
  const covered = new Set(readCsv('parlgov-view_cabinet.csv').map((r) => r.country_name_short));
  const out: Party[] = [];
  readCsv('parlgov-view_party.csv').forEach((r, k) => out.push({
    id: `party.${r.country_name_short.toLowerCase()}.${slug(r.party_name_short)}`, country: r.country_name_short, short: r.party_name_short,
    names: cleanNames([r.party_name_english, r.party_name_ascii === r.party_name ? r.party_name : '']).concat(acronym(r.party_name_short)),
    periods: (spells.get(r.party_id) ?? []).map((s) => ({ sector: 'GOV', ...s })), covered: true, line: `parlgov-view_party.csv:${k + 2}`,
  }));
  readCsv('partyfacts-core-parties.csv').forEach((r, k) => {
    if (covered.has(r.country) || !/^[A-Z]{3}$/.test(r.country)) return;
    out.push({
      id: `party.${r.country.toLowerCase()}.${slug(r.name_short || r.partyfacts_id)}`, country: r.country, short: r.name_short,
      names: cleanNames([r.name_english, /^[\p{Script=Latin}\s\d'.-]+$/u.test(r.name) ? r.name : '']).concat(acronym(r.name_short)),
      periods: [], covered: false, line: `partyfacts-core-parties.csv:${k + 2}`,
    });
  });
  const used = new Set<string>();
  return out.map((p) => {
    let id = p.id;
    for (let n = 2; used.has(id); n++) id = `${p.id}-${n}`;
    used.add(id);
    return { ...p, id };
  });
}

const commonSchema = z.object({ id: z.string(), country: z.string().regex(/^[A-Z]{3}$/), party: z.string().min(1), names: z.array(z.string().min(1)).min(1) }).strict();

function main(): void {
  const report: string[] = [];
  const list = parties();
  const common = loadDataFile(join(dataDir, 'parties', 'common-names.yaml'), 'party-names', commonSchema);
  const given = new Map<string, string[]>();
  for (const e of common.entries) {
    const party = list.find((p) => p.country === e.value.country && p.short === e.value.party);
    if (!party) report.push(`data/parties/common-names.yaml:${e.line} (${e.value.id}): no party ${e.value.party} in ${e.value.country}`);
    else given.set(party.id, [...(given.get(party.id) ?? []), ...e.value.names]);
  }
  const actorsDir = join(dataDir, 'actors');
  const hand = handNames(readdirSync(actorsDir).filter((f) => f.endsWith('.yaml')).sort()
    .filter((f) => !/^generated:/m.test(readFileSync(join(actorsDir, f), 'utf8')))
    .flatMap((f) => loadDataFile(join(actorsDir, f), 'actors', actorEntrySchema).entries.map((e) => e.value)));
  // "Sunni", "Christian": a name every actor file (the generated ones too) knows as a generic agent noun.
  const agentNouns = new Set(readdirSync(actorsDir).filter((f) => f.endsWith('.yaml') && f !== 'parties.yaml').sort()
    .flatMap((f) => loadDataFile(join(actorsDir, f), 'actors', actorEntrySchema).entries.map((e) => e.value))
    .filter((e) => e.kind === 'agent').flatMap((e) => e.names).map(nameKey));
  const table = new Set(loadCountries(dataDir).all().flatMap((c) => [...c.names, ...c.demonyms, ...c.capitals.map((k) => k.name)]).map(nameKey));
  const places = loadGazetteer(dataDir);
  const isWord = lexiconWord();
  const holders = new Map<string, Set<string>>();
  for (const p of list) for (const n of p.names) holders.set(nameKey(n), (holders.get(nameKey(n)) ?? new Set()).add(p.id));
  const handGiven = new Set([...given.values()].flat().map(nameKey));
  const out: Converted[] = [];
  for (const p of list) {
    const names = p.names.filter((n) => {
      const why = handGiven.has(nameKey(n)) ? 'a hand-kept common form names another party'
        : (holders.get(nameKey(n))?.size ?? 0) > 1 ? `shared by ${holders.get(nameKey(n))?.size} parties`
          : !n.includes(' ') && isWord(n.toLowerCase()) ? 'a common English word'
            : hand.has(nameKey(n)) ? `the hand-kept ${hand.get(nameKey(n))} wins`
              : agentNouns.has(nameKey(n)) ? 'a generic agent noun'
              : table.has(nameKey(n)) || places.lookup(n) ? 'a country or place name' : null;
      if (why) report.push(`${p.line} (${p.id}): name "${n}" dropped: ${why}`);
      return why === null;
    });
    const all = [...new Set([...(given.get(p.id) ?? []), ...names])];
    if (!all.length) continue;
    const sector = p.covered ? 'OPP' : null;
    out.push({ line: 0, entry: { id: p.id, kind: 'organisation', code: p.country + (sector ?? ''), country: p.country, sector, ...(p.periods.length ? { periods: p.periods } : {}), names: all } });
  }
  const meta = {
    script: 'scripts/import-parties.ts', source: 'parlgov-view_party.csv, parlgov-view_cabinet.csv, partyfacts-core-parties.csv, data/parties/common-names.yaml',
    what: 'political parties; GOV while in cabinet, OPP otherwise where ParlGov covers the country', version: VERSION,
    origin: 'ParlGov development data (via hdigital/parlgov-snippets f140fa7f2ea2); Party Facts core parties (hdigital/partyfactsdata 764de8978f84)',
    licence: 'MIT (Party Facts) and CC0 1.0 (ParlGov)',
  };
  writeFileSync(join(actorsDir, 'parties.yaml'), formatGenerated(meta, out));
  writeFileSync(join(actorsDir, 'parties-import.report.txt'), `# GENERATED by scripts/import-parties.ts: names left out, and why.\n${report.join('\n')}\n`);
  process.stdout.write(`parties: ${list.length} read, ${out.length} written, ${report.length} names dropped or unmatched\n`);
}

main();
