/**
 * ActorDictionary: every name dyad knows for an actor, indexed by token sequence.
 *
 * Sources: data/actors/*.yaml (people with dated roles, organisations, seats, agents, titles, groups,
 * extra country names), user dictionaries given with --dictionary (same format), and the country table
 * (names, demonyms and capitals from the world-countries package).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActorRef } from '../core/doc.js';
import { KnowledgeError, type KnowledgeIssue } from '../core/errors.js';
import { displayPath, loadDataFile } from '../knowledge/data-file.js';
import { petrarchKind, readPetrarchDictionary, type PetrarchKind } from './petrarch/user-files.js';
import type { CountryTable } from '../knowledge/countries.js';
import type { KnowledgeSource } from '../knowledge/knowledge.js';
import { normalise, wink } from '../segment/segment-stage.js';
import { actorEntrySchema, type ActorEntry, type Office, type OrganisationEntry, type PersonEntry, type RoleEntry } from './schema.js';

/** What a dictionary phrase stands for. */
export type PhraseTarget =
  | { readonly kind: 'person'; readonly person: PersonEntry; readonly titledOnly: boolean }
  | { readonly kind: 'organisation'; readonly id: string; readonly code: string; readonly country: string; readonly sector: string | null; readonly name: string }
  /** `people`: a plural naming the country's people ("Algerians", "South Koreans"), coded country + CVL. */
  | { readonly kind: 'country'; readonly id: string; readonly country: string; readonly demonym: boolean; readonly people?: boolean }
  | { readonly kind: 'seat'; readonly id: string; readonly country: string; readonly sector: string; readonly capital: boolean }
  | { readonly kind: 'agent'; readonly id: string; readonly sector: string; readonly inherits: boolean; readonly standalone: boolean }
  /** `adjective`: "Kurdish" names the group only before an agent ("Kurdish rebels"). */
  | { readonly kind: 'ethnic'; readonly id: string; readonly country: string; readonly lands: readonly string[]; readonly tag: string; readonly name: string; readonly adjective: boolean }
  | { readonly kind: 'title'; readonly id: string; readonly office: Office; readonly sector: string; readonly role: string }
  | { readonly kind: 'group'; readonly id: string; readonly refers: 'persons' | 'countries'; readonly count: number };

export interface Phrase {
  /** Normalised tokens, as the segmenter makes them. */
  readonly tokens: readonly string[];
  /** Case rule: 'exact' for acronyms ("US", "UN"), 'capital' for names, 'any' for common nouns. */
  readonly caseRule: 'exact' | 'capital' | 'any';
  readonly surface: readonly string[];
  readonly target: PhraseTarget;
  /** The name began with "the" and matches only after it ("the leaders" is a group, "leaders" is not). */
  readonly afterThe?: boolean;
}

export interface ResolvedRole {
  readonly role: RoleEntry;
  readonly country: string;
}

export class ActorDictionary {
  /** Phrases by their first normalised token, longest first. */
  private readonly index = new Map<string, Phrase[]>();
  /** Keys of the phrases already indexed, so a name given twice for one actor is indexed once (while indexing). */
  private readonly seen = new Set<string>();
  private readonly people = new Map<string, PersonEntry>();
  /** Organisations whose sector changes with the date (parties), by id. */
  private readonly dated = new Map<string, OrganisationEntry>();
  /** People by the offices they held, for holderOf. */
  private readonly byOffice = new Map<Office, PersonEntry[]>();
  readonly sources: readonly KnowledgeSource[];

  /**
   * `capitalNamed` says whether a capital's name is read as that capital in text; the gazetteer's
   * ambiguity list says it is not for "Victoria" (Seychelles), a person's and many places' name.
   */
  constructor(entries: readonly ActorEntry[], countries: CountryTable, sources: readonly KnowledgeSource[], capitalNamed: (name: string, country: string) => boolean = () => true, countryNames = true) {
    this.sources = sources;
    // With --only-dictionaries the country table gives no names: the user's dictionaries name the countries.
    for (const c of countryNames ? countries.all() : []) {
      for (const n of c.names) this.add(n, { kind: 'country', id: `country.${c.code.toLowerCase()}`, country: c.code, demonym: false });
      for (const n of c.demonyms) this.add(n, { kind: 'country', id: `country.${c.code.toLowerCase()}`, country: c.code, demonym: true });
      for (const n of c.demonyms.flatMap(pluralDemonym)) this.add(n, { kind: 'country', id: `country.${c.code.toLowerCase()}`, country: c.code, demonym: true, people: true });
      for (const cap of c.capitals) {
        for (const n of [cap.name, ...cap.alt].filter((x) => capitalNamed(x, c.code))) {
          this.add(n, { kind: 'seat', id: `capital.${c.code.toLowerCase()}`, country: c.code, sector: 'GOV', capital: true });
        }
      }
    }
    for (const entry of entries) this.addEntry(entry);
    for (const [first, list] of this.index) this.index.set(first, overridden(list).sort((a, b) => b.tokens.length - a.tokens.length));
    // Needed while indexing only: kept, the keys of every name would stay resident (and in the knowledge cache).
    this.seen.clear();
  }

  private addEntry(entry: ActorEntry): void {
    switch (entry.kind) {
      case 'person':
        this.people.set(entry.id, entry);
        for (const office of new Set(entry.roles.map((r) => r.office))) {
          const list = this.byOffice.get(office);
          if (list) list.push(entry);
          else this.byOffice.set(office, [entry]);
        }
        for (const n of entry.names) this.add(n, { kind: 'person', person: entry, titledOnly: false });
        for (const n of entry.titledNames) this.add(n, { kind: 'person', person: entry, titledOnly: true });
        return;
      case 'organisation':
        if (entry.periods.length) this.dated.set(entry.id, entry);
        for (const n of entry.names) this.add(n, { kind: 'organisation', id: entry.id, code: entry.code, country: entry.country, sector: entry.sector, name: entry.names[0] });
        return;
      case 'country':
        for (const n of entry.names) {
          const people = isPeopleName(n);
          this.add(n, { kind: 'country', id: entry.id, country: entry.country, demonym: /(an|ish|ese|i|ch)s?$/.test(n) && !/^the /i.test(n), ...(people ? { people } : {}) });
        }
        return;
      case 'ethnic': {
        const base = { kind: 'ethnic' as const, id: entry.id, country: entry.country, lands: entry.lands, tag: entry.tag, name: entry.names[0] };
        for (const n of entry.names) this.add(n, { ...base, adjective: false });
        for (const n of entry.adjectives) this.add(n, { ...base, adjective: true });
        return;
      }
      case 'seat':
        for (const n of entry.names) this.add(n, { kind: 'seat', id: entry.id, country: entry.country, sector: entry.sector, capital: false });
        return;
      case 'agent':
        for (const n of entry.names) this.add(n, { kind: 'agent', id: entry.id, sector: entry.sector, inherits: entry.inherits, standalone: entry.standalone });
        return;
      case 'title':
        for (const n of entry.names) this.add(n, { kind: 'title', id: entry.id, office: entry.office, sector: entry.sector, role: entry.names[0] });
        return;
      case 'group':
        for (const n of entry.names) this.add(n, { kind: 'group', id: entry.id, refers: entry.refers, count: entry.count });
        return;
    }
  }

  private add(name: string, target: PhraseTarget): void {
    const surface = tokeniseName(name);
    if (surface.length === 0) return;
    // A leading "the" is optional in text: index the phrase without it; the matcher absorbs it.
    const start = surface[0].toLowerCase() === 'the' && surface.length > 1 ? 1 : 0;
    const words = surface.slice(start);
    // "the leaders" refers back; bare "leaders" is a title ("Palestinian leaders").
    const afterThe = start === 1 && target.kind === 'group';
    const tokens = words.map(normalise);
    const hasUpper = /[A-Z]/.test(name);
    const acronym = words.length === 1 && /^[A-Z.]{2,6}$/.test(words[0]);
    const caseRule = acronym ? 'exact' : hasUpper ? 'capital' : 'any';
    const phrase: Phrase = { tokens, caseRule, surface: words, target, ...(afterThe ? { afterThe } : {}) };
    const key = phraseKey(phrase);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const list = this.index.get(tokens[0]);
    if (list) list.push(phrase);
    else this.index.set(tokens[0], [phrase]);
  }

  /** Phrases that may start with this normalised token, longest first. */
  candidates(first: string): readonly Phrase[] {
    return this.index.get(first) ?? [];
  }

  person(id: string): PersonEntry | undefined {
    return this.people.get(id);
  }

  /** The person's role on `date` (ISO day), preferring the given office when several are held. */
  roleAt(person: PersonEntry, date: string | null, office?: Office): ResolvedRole | null {
    const held = person.roles.filter((r) => holds(r, date));
    const pick = (office && held.find((r) => r.office === office)) || held[0];
    return pick ? { role: pick, country: pick.country ?? person.country } : null;
  }

  /** Who held `office` in `country` on `date` ("the Chinese premier" in 2024 is Li Qiang). */
  holderOf(country: string, office: Office, date: string | null): PersonEntry | null {
    for (const person of this.byOffice.get(office) ?? []) {
      for (const r of person.roles) {
        if (r.office !== office || (r.country ?? person.country) !== country) continue;
        if (holds(r, date)) return person;
      }
    }
    return null;
  }

  /**
   * The actor an organisation stands for on `date`; for one with dated sectors (a party in and out of
   * cabinet), the country and the sector then. Null for an id with no dated sectors.
   */
  datedOrganisation(id: string, date: string | null): ActorRef | null {
    const org = this.dated.get(id);
    if (!org) return null;
    const period = date === null ? undefined : org.periods.find((p) => p.start <= date && (p.end === undefined || date < p.end));
    const sector = period?.sector ?? org.sector;
    return { code: org.country + (sector ?? ''), country: org.country, sector, name: org.names[0], role: null, entityId: org.id };
  }

  /** The actor a person stands for on `date`: code from the role's country and sector. */
  personActor(person: PersonEntry, date: string | null, office?: Office): ActorRef {
    // "UK Foreign Secretary Jack Straw" in an undated text: the title says which of his offices he holds.
    const titled = date === null && office ? person.roles.find((r) => r.office === office) : undefined;
    const held = this.roleAt(person, date, office)?.role.office === office || !titled
      ? this.roleAt(person, date, office) : { role: titled, country: titled.country ?? person.country };
    const country = held?.country ?? person.country;
    const sector = held?.role.sector ?? null;
    return {
      code: country + (sector ?? ''),
      country,
      sector,
      name: person.names[0],
      role: held?.role.role ?? null,
      entityId: person.id,
    };
  }
}

/** A role holds on `date` (ISO day) from its start (or always, with none) until its end; with no date, while it has no end. */
function holds(r: RoleEntry, date: string | null): boolean {
  return date === null ? r.end === undefined : (r.start === undefined || r.start <= date) && (r.end === undefined || date < r.end);
}

/** Same tokens, same "the" rule, same target: a person by id and kind of match, anything else by value. */
function phraseKey(p: Phrase): string {
  const t = p.target;
  const target = t.kind === 'person' ? `person:${t.person.id}:${t.titledOnly}` : JSON.stringify(t);
  return `${p.tokens.join(' ')}|${p.afterThe === true}|${target}`;
}

function generated(p: Phrase): boolean {
  return (p.target.kind === 'seat' && p.target.capital) || (p.target.kind === 'country' && p.target.people === true);
}

/**
 * Names the data files give override generated ones: "Brussels" (the EU) the capital of Belgium,
 * "Albanians" (an ethnic group) the plural of the demonym "Albanian".
 */
function overridden(list: readonly Phrase[]): Phrase[] {
  const named = new Set(list.filter((p) => !generated(p)).map((p) => p.tokens.join(' ')));
  return list.filter((p) => !generated(p) || !named.has(p.tokens.join(' ')));
}

/**
 * Plural of a demonym naming the people: "Algerian" -> "Algerians", "Iraqi" -> "Iraqis". Demonyms in
 * -ese, -ch, -sh, -ss are their own plural ("the Chinese", "the French") and are left out.
 */
export function pluralDemonym(demonym: string): string[] {
  if (!/^[A-Z][a-z]+( [A-Z][a-z]+)*$/.test(demonym) || /(ese|ch|sh|ss|s)$/.test(demonym)) return [];
  return [`${demonym}s`];
}

/** A country alias naming its people: "Russians", "North Koreans", "Japanese people". */
function isPeopleName(name: string): boolean {
  return !/^the /i.test(name) && (/^([A-Z][a-z]+ )*[A-Z][a-z]+s$/.test(name) || / people$/.test(name));
}

/** A user file that is a PETRARCH dictionary, with its text; null for anything else. */
function petrarchFile(file: string): { text: string; kind: PetrarchKind } | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const kind = petrarchKind(text);
  return kind ? { text, kind } : null;
}

const nameCache = new Map<string, string[]>();

/** Splits a name the way the segmenter splits text, so phrases and text tokens line up. */
export function tokeniseName(name: string): string[] {
  const hit = nameCache.get(name);
  if (hit) return hit;
  // Plain words (letters only, no hyphen, apostrophe or dot) split at blanks, as wink splits them
  // (all 450,000 such names in data/actors agree); wink alone splits "cannot" into "can not".
  if (/^[A-Za-z]+( [A-Za-z]+)*$/.test(name) && !/cannot/i.test(name)) {
    const words = name.split(' ');
    nameCache.set(name, words);
    return words;
  }
  const values = wink().read(name, (doc, nlp) => doc.tokens().out(nlp.its.value) as string[]);
  const words = values.filter((v) => v.trim() !== '');
  nameCache.set(name, words);
  return words;
}

/**
 * Loads every actors file in `dir` and the user's dictionaries (dyad YAML, or PETRARCH .actors and
 * .agents files, told apart by content); reports all problems at once. `countries`: ISO alpha-3
 * codes, for a PETRARCH entry with a lone country code (`AFGHANISTAN_ [AFG]`).
 */
export function loadActorEntries(dir: string, extraFiles: readonly string[], countries: ReadonlySet<string> = new Set(), own = true): { entries: ActorEntry[]; sources: KnowledgeSource[] } {
  const files = !own ? [] : readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f));
  const entries: ActorEntry[] = [];
  const sources: KnowledgeSource[] = [];
  const issues: KnowledgeIssue[] = [];
  for (const file of [...files, ...extraFiles]) {
    try {
      const petrarch = extraFiles.includes(file) ? petrarchFile(file) : null;
      if (petrarch) {
        entries.push(...readPetrarchDictionary(petrarch.text, displayPath(file), petrarch.kind, countries));
        sources.push({ file: displayPath(file), version: 'petrarch' });
        continue;
      }
      const data = loadDataFile(file, 'actors', actorEntrySchema);
      for (const e of data.entries) entries.push(e.value);
      sources.push({ file: data.file, version: data.version });
    } catch (err) {
      if (err instanceof KnowledgeError) issues.push(...err.issues);
      else throw err;
    }
  }
  if (issues.length) throw new KnowledgeError(issues);
  return { entries, sources };
}
