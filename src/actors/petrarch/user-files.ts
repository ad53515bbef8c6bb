/**
 * PETRARCH/TABARI dictionaries given with --dictionary, read unchanged: the kind of file is told by
 * its content, not its name, and it is converted to dyad actor entries in memory (the rules of
 * ./convert.ts, without the filters for dyad's own imports: a user's dictionary is taken as written).
 *
 *   .actors   entries with `+synonyms` and `[CODE dates]` lines
 *   .agents   `PHRASE [~CODE]` lines
 *   .verbs / .discards   recognised, and refused with a clear error: dyad does not read them yet
 */
import { basename } from 'node:path';
import { DyadError, KnowledgeError, type KnowledgeIssue } from '../../core/errors.js';
import { actorEntrySchema, type ActorEntry } from '../schema.js';
import { parseActorsFile } from './actors-file.js';
import { parseAgentsFile } from './agents-file.js';
import { convertActors, convertAgents } from './convert.js';

export type PetrarchKind = 'actors' | 'agents' | 'verbs' | 'discards';

function bodyLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.replace(/#.*$/, '').replace(/<!--.*?-->/g, '')).filter((l) => l.trim() !== '');
}

/** What kind of PETRARCH dictionary `text` is, or null for a dyad YAML file or anything else. */
export function petrarchKind(text: string): PetrarchKind | null {
  if (/^kind:\s*\S/m.test(text) && /^entries:/m.test(text)) return null;
  const lines = bodyLines(text);
  if (lines.length === 0) return null;
  if (lines.some((l) => /^\s*---.*\[.*\].*---\s*$/.test(l) || /^\s*-\s.*\*.*\[[^\]]*\]/.test(l))) return 'verbs';
  if (lines.some((l) => /\[\s*~[A-Z]{3,}\s*\]|\[\s*[A-Z]{3,}~\s*\]/.test(l))) return 'agents';
  if (lines.some((l) => /\[\s*[A-Z]{3,}[^\]~]*\]/.test(l))) return 'actors';
  return lines.every((l) => /^\+?[A-Za-z0-9][\w .'&-]*$/.test(l.trim())) ? 'discards' : null;
}

/** The file's entries as dyad actor entries, each validated; problems reported with file:line. */
export function readPetrarchDictionary(text: string, file: string, kind: PetrarchKind, countries: ReadonlySet<string>): ActorEntry[] {
  if (kind === 'verbs' || kind === 'discards') {
    throw new DyadError('USAGE', `a PETRARCH .${kind} file; dyad reads PETRARCH .actors and .agents dictionaries, not .${kind} yet`, file);
  }
  const prefix = `user.${basename(file).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}`;
  const parsed = kind === 'actors' ? parseActorsFile(text, file) : parseAgentsFile(text, file);
  const converted = 'actors' in parsed
    ? convertActors(parsed.actors, { file, idPrefix: prefix, countries, asWritten: true })
    : convertAgents(parsed.agents, { file, idPrefix: prefix });
  const issues: KnowledgeIssue[] = [...parsed.issues];
  const entries: ActorEntry[] = [];
  for (const c of converted.entries) {
    const r = actorEntrySchema.safeParse(c.entry);
    if (r.success) entries.push(r.data);
    else issues.push(...r.error.issues.map((i) => ({ file, line: c.line, entry: c.entry.id, message: `${i.path.join('.')}: ${i.message}` })));
  }
  // A user's file is read as far as it can be: the broken lines are reported, the rest is used.
  if (entries.length === 0 && issues.length) throw new KnowledgeError(issues);
  return entries;
}
