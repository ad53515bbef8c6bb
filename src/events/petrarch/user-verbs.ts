/**
 * PETRARCH `.verbs` and `.discards` files given with --dictionary: read unchanged (the kind told by the
 * content, ../../actors/petrarch/user-files.ts), converted into dyad patterns and discard phrases.
 * What a verbs file holds that dyad cannot express is kept as notes (file:line and why), not errors.
 */
import { basename } from 'node:path';
import { KnowledgeError, type KnowledgeIssue } from '../../core/errors.js';
import type { KnowledgeSource } from '../../knowledge/knowledge.js';
import type { Pattern } from '../patterns.js';
import { mergeDiscards, parseDiscardsFile, type Discards } from './discards-file.js';
import { convertVerbs } from './verbs-convert.js';
import { parseVerbsFile } from './verbs-file.js';

export interface DictionaryFile {
  /** As the user named it, for messages: "PETR.Validate.verbs.txt". */
  readonly file: string;
  readonly text: string;
  readonly kind: 'verbs' | 'discards';
}

export interface DictionaryEvents {
  readonly patterns: readonly Pattern[];
  readonly discards: Discards;
  readonly sources: readonly KnowledgeSource[];
  /** Patterns left out or read in part, with file:line and the reason. */
  readonly notes: readonly KnowledgeIssue[];
}

const prefixOf = (file: string): string => `user.${basename(file).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}`;

/**
 * Reads the files as far as they can be read, as the actor files are: the lines that cannot be read and
 * the patterns that cannot be expressed are notes (file:line, why); a file with nothing usable is an error.
 */
export function loadDictionaryEvents(files: readonly DictionaryFile[], codeKnown: (code: string) => boolean): DictionaryEvents {
  const patterns: Pattern[] = [];
  const discards: Discards[] = [];
  const issues: KnowledgeIssue[] = [];
  const notes: KnowledgeIssue[] = [];
  for (const f of files) {
    if (f.kind === 'discards') {
      const read = parseDiscardsFile(f.text, f.file);
      notes.push(...read.issues);
      if (read.discards.origins.length === 0 && read.issues.length) issues.push(...read.issues);
      discards.push(read.discards);
      continue;
    }
    const parsed = parseVerbsFile(f.text, f.file);
    const converted = convertVerbs(parsed, { file: f.file, idPrefix: prefixOf(f.file), codeKnown });
    if (converted.patterns.length === 0 && parsed.issues.length) issues.push(...parsed.issues);
    patterns.push(...converted.patterns);
    notes.push(...parsed.issues, ...converted.skipped);
  }
  if (issues.length) throw new KnowledgeError(issues);
  return { patterns, discards: mergeDiscards(discards), sources: files.map((f) => ({ file: f.file, version: 'petrarch' })), notes };
}
