/**
 * The import of PETRARCH dictionaries into dyad's generated actor files (scripts/import-phoenix.ts):
 * conflicts with what dyad already knows, and the file layout.
 */
import type { KnowledgeIssue } from '../../core/errors.js';
import type { ActorEntry } from '../schema.js';
import type { Converted, EntryOut } from './convert.js';

/** What dyad already knows, by name: the hand-kept actor files, the country table, the gazetteer. */
export interface KnownNames {
  /** Lower-case name (no leading "the") -> id of the hand-kept entry naming it. */
  readonly hand: ReadonlyMap<string, string>;
  /** Country names, demonyms and capitals of the country table. */
  readonly table: ReadonlySet<string>;
  /** True for a city or region the gazetteer knows: the place stage reads those names. */
  readonly place: (name: string) => boolean;
  /** Lower-case names of the hand-kept titles ("president", "prime minister"). */
  readonly titles?: ReadonlySet<string>;
  /** Lower-case one-word names of the hand-kept agents ("government", "rebels", "police"). */
  readonly agentWords?: ReadonlySet<string>;
}

/** Lower-case one-word names of the hand-kept agents. */
export function agentWords(entries: readonly ActorEntry[]): Set<string> {
  return new Set(entries.flatMap((e) => (e.kind === 'agent' ? e.names.filter((n) => !n.includes(' ')).map((n) => n.toLowerCase()) : [])));
}

/**
 * "government forces", "communist rebels", "riot police": a phrase with a word that is a hand-kept
 * agent is left to dyad, which composes agent nouns and their modifiers itself.
 */
function hasAgentWord(name: string, words: ReadonlySet<string> | undefined): string | null {
  if (!words || !name.includes(' ')) return null;
  return name.toLowerCase().split(' ').find((w) => words.has(w)) ?? null;
}

/** Lower-case names of the hand-kept titles. */
export function titleNames(entries: readonly ActorEntry[]): Set<string> {
  return new Set(entries.flatMap((e) => (e.kind === 'title' ? e.names.map((n) => n.toLowerCase()) : [])));
}

/**
 * "former president", "deputy prime minister": an agent ending in a title is left to dyad's titles,
 * which name the office-holder at the event's date.
 */
function endsInTitle(name: string, titles: ReadonlySet<string> | undefined): string | null {
  if (!titles) return null;
  const words = name.toLowerCase().split(' ');
  for (let k = 1; k < words.length; k++) if (titles.has(words.slice(k).join(' '))) return words.slice(k).join(' ');
  return null;
}

/** "German Chancellor", "US President": a country's name or demonym, then a hand-kept title ("Burger King" is neither). */
function countryTitle(name: string, known: KnownNames): boolean {
  const title = endsInTitle(name, known.titles);
  if (title === null) return false;
  const before = name.slice(0, name.length - title.length).trim();
  return known.table.has(nameKey(before));
}

export function nameKey(name: string): string {
  return name.toLowerCase().replace(/^the /, '');
}

function namesOf(e: ActorEntry): readonly string[] {
  const extra = e.kind === 'person' ? e.titledNames : e.kind === 'ethnic' ? e.adjectives : [];
  return [...e.names, ...extra];
}

/** Lower-case name -> id of the first hand-kept entry that has it. */
export function handNames(entries: readonly ActorEntry[]): Map<string, string> {
  const hand = new Map<string, string>();
  for (const e of entries) for (const n of namesOf(e)) if (!hand.has(nameKey(n))) hand.set(nameKey(n), e.id);
  return hand;
}

function allNames(e: EntryOut): readonly string[] {
  return e.kind === 'person' ? [...e.names, ...(e.titledNames ?? [])] : e.names;
}

/**
 * The hand-kept entry wins: a generated entry sharing a name with one is left out (and reported);
 * a country entry loses only that name. Country names dyad already has from its country table or
 * gazetteer are dropped from country entries without a report.
 */
export function resolveConflicts(file: string, list: readonly Converted[], known: KnownNames, issues: KnowledgeIssue[]): Converted[] {
  const out: Converted[] = [];
  for (const c of list) {
    const e = c.entry;
    if (e.kind === 'country') {
      const names = e.names.filter((n) => {
        const hand = known.hand.get(nameKey(n));
        if (hand) issues.push({ file, line: c.line, entry: e.names[0], message: `name "${n}": the hand-kept ${hand} wins` });
        return !hand && !known.table.has(nameKey(n)) && !known.place(n);
      });
      if (names.length) out.push({ ...c, entry: { ...e, names } });
      continue;
    }
    const title = e.kind === 'agent' ? e.names.map((n) => endsInTitle(n, known.titles)).find((t) => t !== null) : undefined;
    if (title) {
      issues.push({ file, line: c.line, entry: e.names[0], message: `ends in the hand-kept title "${title}"; entry left out` });
      continue;
    }
    // "German Chancellor" as a name of the government: dyad composes country + title itself and names the
    // office-holder at the event's date ("German Chancellor Olaf Scholz" is Scholz), so the name is left out.
    if (e.kind === 'organisation' && e.names.some((n) => countryTitle(n, known))) {
      const titled = e.names.filter((n) => countryTitle(n, known));
      for (const n of titled) issues.push({ file, line: c.line, entry: e.names[0], message: `name "${n}" ends in the hand-kept title "${endsInTitle(n, known.titles)}"; left to dyad's titles` });
      const names = e.names.filter((n) => !titled.includes(n));
      if (names.length) out.push(...resolveConflicts(file, [{ ...c, entry: { ...e, names } }], known, issues));
      continue;
    }
    const word = e.kind === 'agent' ? e.names.map((n) => hasAgentWord(n, known.agentWords)).find((w) => w !== null) : undefined;
    if (word) {
      issues.push({ file, line: c.line, entry: e.names[0], message: `has the hand-kept agent word "${word}"; entry left out` });
      continue;
    }
    const clash = allNames(e).find((n) => known.hand.has(nameKey(n)));
    if (clash) {
      issues.push({ file, line: c.line, entry: e.names[0] ?? null, message: `"${clash}": the hand-kept ${known.hand.get(nameKey(clash))} wins; entry left out` });
      continue;
    }
    out.push(c);
  }
  return out;
}

export interface GeneratedMeta {
  readonly script: string;
  readonly source: string;
  readonly what: string;
  readonly origin: string;
  readonly licence: string;
  readonly version: string;
}

/**
 * A generated actors file: comment lines and a `generated:` header naming the script, the source and
 * its licence, then one JSON object per entry line (JSON is YAML; the loader reads such files fast).
 */
export function formatGenerated(meta: GeneratedMeta, list: readonly Converted[]): string {
  return [
    `# GENERATED by ${meta.script} from ${meta.source} (${meta.what}); do not edit by hand.`,
    `# Source: ${meta.origin}.`,
    `# Licence: ${meta.licence}.`,
    '# Hand-kept files win on conflict; conversion rules in src/actors/petrarch/convert.ts.',
    `generated: ${meta.script}`,
    `source: ${meta.source}`,
    `licence: ${meta.licence.split(',')[0]}`,
    'kind: actors',
    `version: "${meta.version}"`,
    'entries:',
    ...list.map((c) => `  - ${JSON.stringify(c.entry)}`),
    '',
  ].join('\n');
}
