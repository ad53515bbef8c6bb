/**
 * Closed-class words of English that the rules read by form (data/grammar/english.yaml): reporting and
 * control verbs, calendar names, possessives, prepositions, clause breaks, ... Loaded once per process,
 * validated with file:line errors; the knowledge version hashes the file (src/knowledge/load.ts).
 *
 * A rule names the lists it reads (`wordsOf('verb.reporting')`); the words load on first use, so a
 * module may keep its lists as constants.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { KnowledgeError, type KnowledgeIssue } from '../core/errors.js';
import { loadDataFile } from '../knowledge/data-file.js';

/** The lists the code asks for; the file must define each, and no other. */
export const ENGLISH_LISTS = [
  'verb.reporting', 'verb.object-control', 'verb.claiming', 'verb.finding', 'verb.expletive', 'verb.light', 'verb.refusal',
  'verb.concluding', 'verb.travel', 'verb.made-by', 'verb.planned-form', 'verb.reporting-clause',
  'name.weekday', 'name.month', 'name.ambiguous-month', 'name.honorific', 'name.particle', 'name.title',
  'noun.time', 'noun.quantity', 'noun.border', 'noun.part', 'place.lead', 'place.noun', 'place.division',
  'possessive.third-person', 'possessive.our', 'possessive.my-your', 'possessive.clitic', 'possessive.group', 'possessive.person',
  'determiner.definite', 'determiner.indefinite',
  'preposition.common', 'preposition.owner', 'preposition.setting', 'preposition.date', 'preposition.locative', 'preposition.located',
  'clause.break', 'clause.coordinator', 'clause.comma-coordinator', 'clause.verb-joiner', 'clause.condition',
  'pronoun.subject-relative', 'pronoun.person', 'pronoun.person-subject', 'pronoun.group-subject',
  'adverb.degree', 'adverb.speech-adjunct', 'auxiliary.before-verb', 'auxiliary.obligation', 'auxiliary.participle-passive', 'auxiliary.present-perfect', 'auxiliary.conditional', 'noun.meeting', 'noun.act-anaphor',
  'verb.reporting-form', 'time.date-lead', 'time.strong-year-lead', 'time.year-determiner', 'time.future-word', 'time.past-word', 'time.forward-lead',
  'time.relative-this', 'time.relative-next', 'time.relative-last', 'time.relative-rolling', 'time.weekday-modifier', 'time.clause-opener', 'time.perfect-adverb',
] as const;
export type EnglishList = (typeof ENGLISH_LISTS)[number];

const ROLES = ['verb', 'name', 'noun', 'place', 'possessive', 'determiner', 'preposition', 'clause', 'pronoun', 'adverb', 'auxiliary', 'time'] as const;

const entrySchema = z.object({
  id: z.enum(ENGLISH_LISTS),
  role: z.enum(ROLES),
  words: z.array(z.string().min(1).refine((w) => w === w.toLowerCase(), 'words are lower-case')).min(1),
  example: z.string().min(1),
  about: z.string().min(1),
}).strict().refine((e) => e.id.startsWith(`${e.role}.`), { message: 'the id is role.name, e.g. verb.reporting', path: ['id'] });

export interface EnglishEntry {
  readonly id: EnglishList;
  readonly words: readonly string[];
  readonly example: string;
  /** Its line in the file. */
  readonly line: number;
}

export interface EnglishWords {
  readonly file: string;
  readonly version: string;
  readonly entries: readonly EnglishEntry[];
  /** The words of a list, in the file's order. */
  list(id: EnglishList): readonly string[];
}

export const ENGLISH_FILE = fileURLToPath(new URL('../../data/grammar/english.yaml', import.meta.url));

export function loadEnglishWords(file: string = ENGLISH_FILE): EnglishWords {
  const data = loadDataFile(file, 'english', entrySchema);
  const lists = new Map<EnglishList, readonly string[]>(data.entries.map((e) => [e.value.id, e.value.words]));
  const issues: KnowledgeIssue[] = ENGLISH_LISTS.filter((id) => !lists.has(id))
    .map((id) => ({ file: data.file, line: 1, entry: id, message: 'list is not defined (the code asks for it)' }));
  if (issues.length) throw new KnowledgeError(issues);
  return {
    file: data.file,
    version: data.version,
    entries: data.entries.map((e) => ({ id: e.value.id, words: e.value.words, example: e.value.example, line: e.line })),
    list: (id) => lists.get(id) ?? [],
  };
}

let shared: EnglishWords | null = null;

/** The package's English words, loaded on first use. */
export function englishWords(): EnglishWords {
  shared ??= loadEnglishWords();
  return shared;
}

/** A read-only set of words that loads its lists on first use. */
export interface WordSet extends Iterable<string> {
  has(word: string): boolean;
  readonly size: number;
}

class LazyWords implements WordSet {
  private set: ReadonlySet<string> | null = null;

  constructor(private readonly marks: readonly string[], private readonly lists: readonly EnglishList[]) {}

  private words(): ReadonlySet<string> {
    this.set ??= new Set([...this.marks, ...this.lists.flatMap((id) => englishWords().list(id))]);
    return this.set;
  }

  has(word: string): boolean {
    return this.words().has(word);
  }

  get size(): number {
    return this.words().size;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.words()[Symbol.iterator]();
  }
}

/** The words of the lists (in order, without repeats), loaded on first use. */
export function wordsOf(...lists: readonly EnglishList[]): WordSet {
  return new LazyWords([], lists);
}

/**
 * The lists' words and some marks of the annotation scheme (punctuation, which is no English word):
 * `withMarks([';', ':'], 'clause.break')`. The marks come first, as they did in the code.
 */
export function withMarks(marks: readonly string[], ...lists: readonly EnglishList[]): WordSet {
  return new LazyWords(marks, lists);
}

/** The words of the lists (in order, without repeats) as a regular-expression alternation. */
export function alternationOf(...lists: readonly EnglishList[]): string {
  return [...wordsOf(...lists)].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/** A regular expression made on first use (its words load then): `new LazyPattern(() => new RegExp(alternationOf(...)))`. */
export class LazyPattern {
  private made: RegExp | null = null;

  constructor(private readonly make: () => RegExp) {}

  get regex(): RegExp {
    this.made ??= this.make();
    return this.made;
  }

  test(text: string): boolean {
    return this.regex.test(text);
  }
}

/** Verbs that report speech: their subject is who said it, not who did it. */
export const REPORTING_VERBS = wordsOf('verb.reporting');
/** Verbs whose object is the subject of the infinitive after it: "urged Y to support Z". */
export const OBJECT_CONTROL_VERBS = wordsOf('verb.object-control');
export const WEEKDAYS = wordsOf('name.weekday');
/** Weekday and month names: capitalised, but no titles or names ("on Friday they", "called on February 24"). */
export const CALENDAR_NAMES = wordsOf('name.weekday', 'name.month');
/** Nouns that name a time, not a thing: "the Security Council today agreed". */
export const TIME_NOUNS = wordsOf('noun.time');
/** Possessive pronouns of the third person: "reiterated its demand" is the subject's own. */
export const THIRD_PERSON_POSSESSIVES = wordsOf('possessive.third-person');
/** Honorifics before a surname: "Mr Clarke", "Dr. Rice", "Lord Butler". */
export const HONORIFICS = wordsOf('name.honorific');
/** Verbs that allege an act ("accused X of attacking"): the act is coded, as claimed (src/events/claimed.ts). */
export const CLAIMING_VERBS = wordsOf('verb.claiming');
/** Words of a court's finding ("convicted of bombing", "found guilty of"): the act is a charge, no event. */
export const FINDING_VERBS = wordsOf('verb.finding');
/** Lower-case particles inside personal names: "Saleh al-Mutlaq", "Osama bin Laden", "Ursula von der Leyen". */
export const NAME_PARTICLES = wordsOf('name.particle');
/** Verbs after which "it" is the empty subject of English: "it is clear", "it seems", "it emerged". */
export const EXPLETIVE_VERBS = wordsOf('verb.expletive');

/** What follows a news dateline's place: "GAZA - The army ...", "MOSCOW (Reuters) - ..." (marks, not words). */
export const DATELINE_MARKS: ReadonlySet<string> = new Set(['-', '\u2013', '\u2014', '--', '(']);
