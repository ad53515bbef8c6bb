/**
 * Writes dyad's generated actor files from the Phoenix/PETRARCH dictionaries (MIT, Open Event Data
 * Alliance; ../shared/reference/phoenix, README there):
 *
 *   Phoenix.Countries.actors.txt      -> data/actors/phoenix-countries.yaml
 *   Phoenix.International.actors.txt  -> data/actors/phoenix-international.yaml
 *   Phoenix.MilNonState.actors.txt    -> data/actors/phoenix-milnonstate.yaml
 *   Phoenix.agents.txt                -> data/actors/phoenix-agents.yaml
 *
 * and data/actors/phoenix-import.report.txt: every entry it could not read (file:line), every
 * conflict with the hand-kept files (the hand-kept entry wins), every name the filters dropped.
 * Conversion rules: src/actors/petrarch/convert.ts. Names dyad already knows from the country table
 * (names, demonyms, capitals) or the gazetteer (cities, regions: the place stage reads those) are
 * left out of the country entries without a report line.
 *
 * Run: node --import tsx scripts/import-phoenix.ts [--source DIR]   (npm run build:knowledge)
 * Deterministic: the same inputs give the same files, byte for byte.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { KnowledgeIssue } from '../src/core/errors.js';
import { loadCountries } from '../src/knowledge/countries.js';
import { loadDataFile } from '../src/knowledge/data-file.js';
import { loadGazetteer } from '../src/place/gazetteer.js';
import { actorEntrySchema, type ActorEntry } from '../src/actors/schema.js';
import { parseActorsFile } from '../src/actors/petrarch/actors-file.js';
import { parseAgentsFile } from '../src/actors/petrarch/agents-file.js';
import { convertActors, convertAgents, type Converted } from '../src/actors/petrarch/convert.js';
import { agentWords, formatGenerated, handNames, nameKey, resolveConflicts, titleNames, type KnownNames } from '../src/actors/petrarch/import.js';
import { lexiconWord } from './lexicon-word.js';

const VERSION = '2026.12.1';
const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const actorsDir = join(dataDir, 'actors');
const sourceAt = process.argv.indexOf('--source');
const sourceDir = sourceAt > 0 ? process.argv[sourceAt + 1] : fileURLToPath(new URL('../../shared/reference/phoenix/', import.meta.url));

const JOBS = [
  { source: 'Phoenix.Countries.actors.txt', out: 'phoenix-countries.yaml', prefix: 'phoenix.countries', what: 'countries, their people with dated roles, national institutions' },
  { source: 'Phoenix.International.actors.txt', out: 'phoenix-international.yaml', prefix: 'phoenix.international', what: 'IGOs, NGOs, multinational actors and their people' },
  { source: 'Phoenix.MilNonState.actors.txt', out: 'phoenix-milnonstate.yaml', prefix: 'phoenix.milnonstate', what: 'armed non-state groups' },
] as const;

/** Hand-kept actor files: every data/actors/*.yaml without a `generated:` header. */
function handKept(): ActorEntry[] {
  return readdirSync(actorsDir).filter((f) => f.endsWith('.yaml')).sort()
    .filter((f) => !/^generated:/m.test(readFileSync(join(actorsDir, f), 'utf8')))
    .flatMap((f) => loadDataFile(join(actorsDir, f), 'actors', actorEntrySchema).entries.map((e) => e.value));
}

function known(): KnownNames {
  const table = new Set<string>();
  for (const c of loadCountries(dataDir).all()) {
    for (const n of [...c.names, ...c.demonyms, ...c.capitals.flatMap((k) => [k.name, ...k.alt])]) table.add(nameKey(n));
  }
  const places = loadGazetteer(dataDir);
  const hand = handKept();
  return { hand: handNames(hand), table, place: (n) => places.lookup(n) !== null, titles: titleNames(hand), agentWords: agentWords(hand) };
}

const exclusionSchema = z.object({ id: z.string().min(1), why: z.string().min(10) }).strict();

/** Hand-kept: agent nouns not to import, by their first name, with the reason. */
function exclusions(): Map<string, string> {
  const file = loadDataFile(join(dataDir, 'imports', 'phoenix-exclusions.yaml'), 'import-exclusions', exclusionSchema);
  return new Map(file.entries.map((e) => [e.value.id, e.value.why]));
}

function write(out: string, source: string, what: string, list: readonly Converted[]): void {
  const meta = {
    script: 'scripts/import-phoenix.ts', source, what, version: VERSION,
    origin: 'Phoenix/PETRARCH dictionaries, openeventdata/petrarch2 676801cd9cb2 (CountryInfo.140130)',
    licence: 'MIT, (c) 2014 Open Event Data Alliance (../shared/reference/phoenix/LICENSE)',
  };
  writeFileSync(join(actorsDir, out), formatGenerated(meta, list));
}

function main(): void {
  const k = known();
  const report: string[] = [];
  const countries = new Set(loadCountries(dataDir).all().map((c) => c.code));
  const isCommonWord = lexiconWord();
  const show = (i: KnowledgeIssue): string => `${i.file}:${i.line}${i.entry ? ` (${i.entry})` : ''}: ${i.message}`;
  for (const job of JOBS) {
    const parsed = parseActorsFile(readFileSync(join(sourceDir, job.source), 'utf8'), job.source);
    const converted = convertActors(parsed.actors, { file: job.source, idPrefix: job.prefix, countries, isCommonWord });
    const conflicts: KnowledgeIssue[] = [];
    const kept = resolveConflicts(job.source, converted.entries, k, conflicts);
    write(job.out, job.source, job.what, kept);
    report.push(`## ${job.source} -> data/actors/${job.out}: ${parsed.actors.length} entries read, ${kept.length} written`,
      `### unreadable (${parsed.issues.length})`, ...parsed.issues.map(show),
      `### left out or changed by the conversion rules (${converted.issues.length})`, ...converted.issues.map(show),
      `### conflicts with hand-kept files (${conflicts.length})`, ...conflicts.map(show), '');
  }
  const agentsSource = 'Phoenix.agents.txt';
  const parsed = parseAgentsFile(readFileSync(join(sourceDir, agentsSource), 'utf8'), agentsSource);
  const converted = convertAgents(parsed.agents, { file: agentsSource, idPrefix: 'phoenix.agents', general: true });
  const conflicts: KnowledgeIssue[] = [];
  const excluded = exclusions();
  const wanted = converted.entries.filter((c) => {
    const why = excluded.get(c.entry.names[0]);
    if (why) conflicts.push({ file: agentsSource, line: c.line, entry: c.entry.names[0], message: `excluded by data/imports/phoenix-exclusions.yaml: ${why}` });
    return !why;
  });
  const kept = resolveConflicts(agentsSource, wanted, k, conflicts);
  write('phoenix-agents.yaml', agentsSource, 'agent nouns and their sectors', kept);
  report.push(`## ${agentsSource} -> data/actors/phoenix-agents.yaml: ${parsed.agents.length} entries read, ${kept.length} written`,
    `### unreadable (${parsed.issues.length})`, ...parsed.issues.map(show),
    `### conflicts with hand-kept files (${conflicts.length})`, ...conflicts.map(show), '');
  writeFileSync(join(actorsDir, 'phoenix-import.report.txt'), `# GENERATED by scripts/import-phoenix.ts: what the import left out, and why.\n\n${report.join('\n')}`);
  for (const line of report.filter((l) => l.startsWith('#'))) process.stdout.write(`${line}\n`);
}

main();
