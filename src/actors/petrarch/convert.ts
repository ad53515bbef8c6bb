/**
 * Turns PETRARCH actors and agents into dyad actor entries (the schema of data/actors/*.yaml).
 *
 *  - an entry whose codes carry dates is a person: each code is a role with its dates (the code's
 *    first three letters its country, the rest its sector); undated codes are defaults, kept last, so
 *    they hold only when no dated role does, as in PETRARCH.
 *  - an entry with one undated country code (`AFGHANISTAN_ [AFG]`) adds names of that country.
 *  - any other entry with an undated code is an organisation with that fixed code (`[AFGMIL]`, `[IGOUNO]`).
 *  - a code that is only a sector (`[ELI]` after `[IGOUNO 920101-961231]`) takes the country of the
 *    entry's other codes.
 *
 * Filters against false matches (each dropped name is reported with its reason):
 *  - a one-word person name ("PUTIN") matches only after a title or the full name (a titledName);
 *  - a one-word organisation name of up to six letters is an acronym, matched in upper case only
 *    ("ANSF", not "Who" at the start of a sentence);
 *  - a one-word organisation or country name that is a common English word ("Justice", "Unity") is dropped.
 */
import type { KnowledgeIssue } from '../../core/errors.js';
import type { PetrarchActor, PetrarchCode } from './actors-file.js';
import type { PetrarchAgent } from './agents-file.js';

export interface RoleOut {
  readonly role: string;
  readonly office: 'coded';
  readonly country?: string;
  readonly sector: string | null;
  readonly start?: string;
  readonly end?: string;
}

export type EntryOut =
  | { readonly id: string; readonly kind: 'person'; readonly country: string; readonly names: readonly string[]; readonly titledNames?: readonly string[]; readonly roles: readonly RoleOut[] }
  | { readonly id: string; readonly kind: 'organisation'; readonly code: string; readonly country: string; readonly sector: string | null; readonly periods?: readonly { readonly sector: string; readonly start: string; readonly end?: string }[]; readonly names: readonly string[] }
  | { readonly id: string; readonly kind: 'country'; readonly country: string; readonly names: readonly string[] }
  | { readonly id: string; readonly kind: 'agent'; readonly sector: string; readonly standalone?: false; readonly names: readonly string[] };

export interface Converted {
  readonly entry: EntryOut;
  readonly line: number;
}

export interface ConvertOptions {
  readonly file: string;
  /** Id prefix: "phoenix.countries". */
  readonly idPrefix: string;
  /** ISO-3166 alpha-3 codes of countries: a lone undated one of these names a country. */
  readonly countries: ReadonlySet<string>;
  /** True for a lower-case word that is ordinary English; such one-word names are dropped. */
  readonly isCommonWord?: (word: string) => boolean;
  /**
   * A user's dictionary is taken as written: PETRARCH writes every name in capitals, so a short one-word
   * organisation name ("GONDOR") is matched capitalised ("Gondor") as well as in capitals.
   */
  readonly asWritten?: boolean;
}

export interface ConvertResult {
  readonly entries: readonly Converted[];
  /** Entries or names left out, with file:line and why. */
  readonly issues: readonly KnowledgeIssue[];
}

const ACRONYM_IN_PARENS = /^[A-Z][A-Z0-9&-]{1,7}$/;

/** "VLADIMIR_PUTIN_" -> "Vladimir Putin"; "ANSF" stays; "(AAIA)" becomes a second name. */
export function phraseNames(phrase: string): { names: string[]; bad: string | null } {
  const names: string[] = [];
  const stripped = phrase.replace(/\(([^)]*)\)/g, (_, inner: string) => {
    if (ACRONYM_IN_PARENS.test(inner.trim())) names.push(inner.trim());
    return ' ';
  });
  // A lone "-" between words ("NUCLEI_-_COMBATANT") and stray parentheses are no part of the name.
  const words = stripped.replace(/[()]/g, ' ').split(/[_\s]+/).filter((w) => w !== '' && w !== '-');
  if (words.length === 0) return { names, bad: null };
  const badWord = words.find((w) => !/^[\p{L}0-9][\p{L}0-9'.&/-]*$/u.test(w));
  if (badWord) return { names, bad: `"${badWord}" has characters a name cannot have` };
  if (!words.some((w) => /\p{L}/u.test(w))) return { names, bad: 'a name needs a letter' };
  const cased = words.map((w) => (/^(\p{L}\.)+\p{L}?\.?$/u.test(w) ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1).toLowerCase()));
  // "THE_UN_": a leading "the" is optional in text and lower case.
  if (cased.length > 1 && cased[0] === 'The') cased[0] = 'the';
  names.unshift(cased.join(' '));
  return { names, bad: null };
}

function slug(name: string): string {
  return name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

/** The single word of a name, "the" aside, or null when it has several. */
function oneWord(name: string): string | null {
  const words = name.split(' ').filter((w) => w !== 'the');
  return words.length === 1 ? words[0] : null;
}

interface NameSplit {
  readonly names: string[];
  readonly titled: string[];
}

function splitNames(kind: EntryOut['kind'], raw: readonly string[], opts: ConvertOptions, line: number, issues: KnowledgeIssue[]): NameSplit {
  const names: string[] = [];
  const titled: string[] = [];
  for (const name of raw) {
    const word = oneWord(name);
    if (word === null || kind === 'agent') {
      names.push(name);
      continue;
    }
    const acronym = word.replace(/\./g, '').length <= 6 && /^[\p{L}.&-]+$/u.test(word);
    if (kind === 'organisation' && acronym) {
      // (Indexed capitalised, "GONDOR" in capitals matches too.)
      names.push(opts.asWritten && word.replace(/\./g, '').length > 3 ? name : name.replace(word, word.toUpperCase()));
      continue;
    }
    if (kind !== 'person' && opts.isCommonWord?.(word.toLowerCase())) {
      issues.push({ file: opts.file, line, entry: raw[0], message: `name "${name}" dropped: a common English word` });
      continue;
    }
    // A user's one-word person name ("SMEAGOL") is a name as written; dyad's own imports need a title first.
    (kind === 'person' && opts.asWritten !== true ? titled : names).push(name);
  }
  return { names: [...new Set(names)], titled: [...new Set(titled.filter((t) => !names.includes(t)))] };
}

/**
 * "PHILIPPINES [PHL]": the primary phrase of a country's entry is the country's name even when it ends
 * in -s like a people's ("Russians"); written with its optional "the", it is not read as the people.
 */
function countryFirst(names: readonly string[]): string[] {
  return names.map((n, k) => (k === 0 && /s$/.test(n) && !/^the /i.test(n) ? `the ${n}` : n));
}

function countryOf(code: string): string {
  return code.slice(0, 3);
}

function withCountry(codes: readonly PetrarchCode[]): PetrarchCode[] {
  const home = [...codes].reverse().find((c) => c.code.length > 3 || c.start !== undefined || c.end !== undefined);
  return codes.map((c) => (c.code.length === 3 && home && c.start === undefined && c.end === undefined && !/^(IGO|NGO|IMG|MNC)$/.test(c.code) && countryOf(home.code) !== c.code
    ? { ...c, code: countryOf(home.code) + c.code } : c));
}

function personEntry(id: string, codes: readonly PetrarchCode[], split: NameSplit): EntryOut {
  const dated = codes.filter((c) => c.start !== undefined || c.end !== undefined);
  const defaults = codes.filter((c) => c.start === undefined && c.end === undefined);
  const latest = [...dated].sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''))[dated.length - 1];
  const country = countryOf((defaults[0] ?? latest).code);
  const roles: RoleOut[] = [...dated, ...defaults].map((c) => ({
    role: c.code,
    office: 'coded' as const,
    ...(countryOf(c.code) !== country ? { country: countryOf(c.code) } : {}),
    sector: c.code.length > 3 ? c.code.slice(3) : null,
    ...(c.start ? { start: c.start } : {}),
    ...(c.end ? { end: c.end } : {}),
  }));
  return { id, kind: 'person', country, names: split.names, ...(split.titled.length ? { titledNames: split.titled } : {}), roles };
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** Converts PETRARCH actor entries; entries with no usable code or name are reported and left out. */
export function convertActors(actors: readonly PetrarchActor[], opts: ConvertOptions): ConvertResult {
  const entries: Converted[] = [];
  const issues: KnowledgeIssue[] = [];
  const used = new Set<string>();
  for (const a of actors) {
    const raw: string[] = [];
    for (const p of a.phrases) {
      const { names, bad } = phraseNames(p);
      if (bad) issues.push({ file: opts.file, line: a.line, entry: a.phrases[0], message: `phrase "${p}" skipped: ${bad}` });
      raw.push(...names);
    }
    if (a.codes.length === 0) {
      issues.push({ file: opts.file, line: a.line, entry: a.phrases[0], message: 'entry has no code' });
      continue;
    }
    const codes = withCountry(a.codes);
    const dated = codes.some((c) => c.start !== undefined || c.end !== undefined);
    // "IRAQ_ [IRQ <20030320] [IRQOCC ...] [IRQ >20060520]": a bare country code, dated or not, makes the
    // entry the country's; its names name the country.
    // In a user's dictionary a lone undated three-letter code is a country in PETRARCH's sense (the first
    // three letters of every code are its country): "GONDOR [GON]" composes with agents ("GONGOV").
    const lone = codes.find((c) => c.code.length === 3 && (opts.countries.has(c.code) || (opts.asWritten === true && codes.length === 1 && !dated && /^[A-Z]{3}$/.test(c.code) && !/^(IGO|NGO|IMG|MNC)$/.test(c.code))));
    const kind = lone ? 'country' : dated ? 'person' : 'organisation';
    if (lone && codes.length > 1) issues.push({ file: opts.file, line: a.line, entry: a.phrases[0], message: `a country's entry: its other codes (${codes.filter((c) => c !== lone).map((c) => c.code).join(', ')}) are left out` });
    const split = splitNames(kind, [...new Set(raw)], opts, a.line, issues);
    if (split.names.length === 0) {
      // "HASSAN_": a person known by one word only could be anyone of that name.
      issues.push({ file: opts.file, line: a.line, entry: a.phrases[0], message: split.titled.length ? 'a person with only a one-word name; left out' : 'entry has no name left' });
      continue;
    }
    // People's ids begin "person." as the hand-kept ones do: roles re-resolve at each event's date by it.
    const id = uniqueId(`${kind === 'person' ? 'person.' : ''}${opts.idPrefix}.${slug(split.names[0])}`, used);
    if (kind === 'person') entries.push({ line: a.line, entry: personEntry(id, codes, split) });
    else if (kind === 'country' && lone) entries.push({ line: a.line, entry: { id, kind, country: lone.code, names: opts.asWritten ? countryFirst(split.names) : split.names } });
    else {
      const code = codes[0].code;
      if (codes.length > 1) issues.push({ file: opts.file, line: a.line, entry: a.phrases[0], message: `${codes.length} undated codes; the first, ${code}, is kept` });
      entries.push({ line: a.line, entry: { id, kind, code, country: countryOf(code), sector: code.length > 3 ? code.slice(3) : null, names: split.names } });
    }
  }
  return { entries, issues };
}

/**
 * Converts PETRARCH agents: [~MIL] is the sector MIL; [NGO~] (a code before the actor's) the sector NGO.
 * `standalone: false` (with `general`) keeps each one from naming an actor without its country.
 */
export function convertAgents(agents: readonly PetrarchAgent[], opts: Pick<ConvertOptions, 'file' | 'idPrefix'> & { readonly general?: boolean }): ConvertResult {
  const used = new Set<string>();
  const entries = agents.map((a) => ({
    line: a.line,
    entry: { id: uniqueId(`${opts.idPrefix}.${slug(a.names[0])}`, used), kind: 'agent' as const, sector: a.code, ...(opts.general ? { standalone: false as const } : {}), names: a.names },
  }));
  return { entries, issues: [] };
}
