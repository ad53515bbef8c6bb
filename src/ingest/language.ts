/**
 * The quick half of the language check: the share of English function words
 * (data/language/english.yaml) among a sample's words. Most English news is decided by it; the
 * statistical detector (franc-min) judges the rest. Loaded once, on the first check.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { KnowledgeError } from '../core/errors.js';
import { loadDataFile } from '../knowledge/data-file.js';

const entrySchema = z.object({
  id: z.string().min(1),
  share: z.number().gt(0).lte(1),
  words: z.array(z.string().regex(/^\p{Ll}+$/u, 'expected a lower-case word')).min(10),
});

export interface FunctionWords {
  readonly words: ReadonlySet<string>;
  /** Share of the sample's words in `words` from which a text is English. */
  readonly share: number;
}

const defaultFile = fileURLToPath(new URL('../../data/language/english.yaml', import.meta.url));
let loaded: FunctionWords | null = null;

export function loadFunctionWords(file: string = defaultFile): FunctionWords {
  const data = loadDataFile(file, 'language', entrySchema);
  const entry = data.entries.find((e) => e.value.id === 'english.function-words');
  if (!entry) throw new KnowledgeError([{ file: data.file, line: 1, entry: null, message: 'no entry english.function-words' }]);
  return { words: new Set(entry.value.words), share: entry.value.share };
}

/** True when at least the file's share of the words are English function words. */
export function mostlyEnglish(words: readonly string[], fw: FunctionWords = (loaded ??= loadFunctionWords())): boolean {
  if (words.length === 0) return false;
  let hits = 0;
  for (const w of words) if (fw.words.has(w.toLowerCase())) hits++;
  return hits / words.length >= fw.share;
}
