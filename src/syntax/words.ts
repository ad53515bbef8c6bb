/**
 * The few words syntax must know by form (data/parse/syntax.yaml): clitics that UD writes as
 * words of their own, and negating adverbs. Loaded once per process, validated with file:line errors.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadDataFile } from '../knowledge/data-file.js';

const entrySchema = z.object({
  id: z.string().regex(/^[a-z]+\.[a-z-]+$/, 'id is role.name, e.g. negator.not'),
  role: z.enum(['clitic', 'negator']),
  words: z.array(z.string().min(1)).min(1),
  example: z.string().min(1),
}).strict();

export interface SyntaxWords {
  readonly version: string;
  /** Lower-case, straight apostrophes. */
  readonly clitics: readonly string[];
  readonly negators: ReadonlySet<string>;
}

export const SYNTAX_FILE = fileURLToPath(new URL('../../data/parse/syntax.yaml', import.meta.url));

export function loadSyntaxWords(file: string = SYNTAX_FILE): SyntaxWords {
  const data = loadDataFile(file, 'syntax', entrySchema);
  const of = (role: string): string[] => data.entries.filter((e) => e.value.role === role).flatMap((e) => e.value.words);
  // Longest first, so "n't" is tried before shorter endings.
  const clitics = of('clitic').sort((a, b) => b.length - a.length || a.localeCompare(b));
  return { version: data.version, clitics, negators: new Set(of('negator')) };
}

let shared: SyntaxWords | null = null;

export function syntaxWords(): SyntaxWords {
  shared ??= loadSyntaxWords();
  return shared;
}
