/**
 * The words of visit records (data/diplomacy/words.yaml): kinds of visit, the invitation, cancellation,
 * kinds of outcome. Validated with file:line errors; loaded once per process from the package's data on
 * first use (visit records are built from stored events, without a coder's knowledge at hand).
 *
 * A list's words become a regular expression: whole words, case-insensitive, a space for any white
 * space, a trailing `*` for the beginning of a word.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { KnowledgeError, type KnowledgeIssue } from '../core/errors.js';
import { loadDataFile } from '../knowledge/data-file.js';

/** The lists the code asks for; the file must define each, and no other. */
export const VISIT_WORD_LISTS = [
  'visit.kind', 'invitation.lead', 'invitation.noun', 'invitation.from', 'cancel',
  'outcome.joint-statement', 'outcome.joint-declaration', 'outcome.memorandum', 'outcome.treaty', 'outcome.agreement', 'outcome.deal',
] as const;
export type VisitWordList = (typeof VISIT_WORD_LISTS)[number];

const entrySchema = z.object({
  id: z.enum(VISIT_WORD_LISTS),
  words: z.array(z.string().regex(/^[a-z]+( [a-z]+)*\*?$/, 'lower-case words, one space between them, an optional * at the end')).min(1),
  outcome: z.string().regex(/^[a-z]+( [a-z]+)*$/).optional(),
  example: z.string().min(1),
  about: z.string().min(1),
}).strict()
  .refine((e) => e.id.startsWith('outcome.') === (e.outcome !== undefined), { message: 'an outcome.* list names its outcome, and only those do', path: ['outcome'] })
  .refine((e) => e.id !== 'visit.kind' || e.words.every((w) => ['state', 'official', 'working'].includes(w)), {
    message: 'a kind of visit is one the visit record knows (state, official, working: VisitKind in src/diplomacy/visit.ts)', path: ['words'],
  });

export interface VisitWordEntry {
  readonly id: VisitWordList;
  readonly words: readonly string[];
  readonly outcome: string | null;
  readonly example: string;
  readonly line: number;
}

export interface VisitWords {
  readonly file: string;
  readonly version: string;
  /** In the file's order (the outcome lists are tried in it). */
  readonly entries: readonly VisitWordEntry[];
  list(id: VisitWordList): readonly string[];
}

export const VISIT_WORDS_FILE = fileURLToPath(new URL('../../data/diplomacy/words.yaml', import.meta.url));

export function loadVisitWords(file: string = VISIT_WORDS_FILE): VisitWords {
  const data = loadDataFile(file, 'visit-words', entrySchema);
  const lists = new Map<VisitWordList, readonly string[]>(data.entries.map((e) => [e.value.id, e.value.words]));
  const issues: KnowledgeIssue[] = VISIT_WORD_LISTS.filter((id) => !lists.has(id))
    .map((id) => ({ file: data.file, line: 1, entry: id, message: 'list is not defined (the code asks for it)' }));
  if (issues.length) throw new KnowledgeError(issues);
  return {
    file: data.file,
    version: data.version,
    entries: data.entries.map((e) => ({ id: e.value.id, words: e.value.words, outcome: e.value.outcome ?? null, example: e.value.example, line: e.line })),
    list: (id) => lists.get(id) ?? [],
  };
}

let shared: VisitWords | null = null;

/** The package's visit words, loaded on first use. */
export function visitWords(): VisitWords {
  shared ??= loadVisitWords();
  return shared;
}

/** One word of a list as a regular expression: white space between words, a word boundary unless it ends in `*`. */
function wordPattern(word: string): string {
  const prefix = word.endsWith('*');
  return (prefix ? word.slice(0, -1) : word).split(' ').join('\\s+') + (prefix ? '' : '\\b');
}

/** The words of the lists as one alternation (no group), for a rule's expression. */
export function alternation(...ids: readonly VisitWordList[]): string {
  return ids.flatMap((id) => visitWords().list(id)).map(wordPattern).join('|');
}

/** A case-insensitive expression that finds any word of the lists, starting at a word boundary. */
export function anyWordOf(...ids: readonly VisitWordList[]): RegExp {
  return new RegExp(`\\b(?:${alternation(...ids)})`, 'i');
}
