/**
 * Loads a versioned knowledge file (YAML) and validates every entry against a schema.
 *
 * File layout, the same for every kind of knowledge:
 *
 *   kind: actors            # what the file holds; checked against what the loader expects
 *   version: 2026.11.1      # the file's own version; part of the knowledge version of events
 *   entries:
 *     - id: ...
 *
 * All problems in a file are collected and reported together, each with file:line and the
 * entry's id, so a user fixing a dictionary sees every mistake at once.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { z } from 'zod';
import { DyadError, KnowledgeError, type KnowledgeIssue } from '../core/errors.js';

export interface DataFile<T> {
  readonly file: string;
  readonly kind: string;
  readonly version: string;
  readonly entries: readonly LocatedEntry<T>[];
}

export interface LocatedEntry<T> {
  readonly value: T;
  readonly line: number;
}

/** Shown in messages: relative to the working directory when shorter. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.length < file.length && !rel.startsWith('..') ? rel : file;
}

function lineOf(node: Node | null | undefined, counter: LineCounter): number {
  const offset = node?.range?.[0];
  return offset === undefined ? 1 : counter.linePos(offset).line;
}

function entryName(raw: unknown, index: number): string {
  if (raw && typeof raw === 'object' && 'id' in raw && typeof (raw as { id: unknown }).id === 'string') {
    return (raw as { id: string }).id;
  }
  return `entry ${index + 1}`;
}

/** Parses and validates; throws KnowledgeError listing every issue. */
export function loadDataFile<T>(file: string, kind: string, schema: z.ZodType<T>): DataFile<T> {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    throw new DyadError('KNOWLEDGE_MISSING', `cannot read knowledge file: ${(err as Error).message}`, displayPath(file));
  }
  return parseDataFile(source, displayPath(file), kind, schema);
}

export function parseDataFile<T>(source: string, file: string, kind: string, schema: z.ZodType<T>): DataFile<T> {
  return parseFlatDataFile(source, file, kind, schema) ?? parseYamlDataFile(source, file, kind, schema);
}

/**
 * Generated files (scripts/import-phoenix.ts) write one entry per line as a JSON object after
 * `entries:`; JSON is YAML, and reading those lines with JSON.parse is many times faster than a YAML
 * parse of a file of 20,000 entries. Null when the file is not laid out that way.
 */
function parseFlatDataFile<T>(source: string, file: string, kind: string, schema: z.ZodType<T>): DataFile<T> | null {
  const at = source.indexOf('\nentries:\n');
  if (at < 0 || !/^generated:/m.test(source.slice(0, at))) return null;
  const lines = source.slice(at + 10).split('\n');
  if (!lines.every((l) => l === '' || (l.startsWith('  - {') && l.endsWith('}')))) return null;
  const head = parseYamlDataFile(`${source.slice(0, at)}\nentries: []\n`, file, kind, schema);
  const first = source.slice(0, at).split('\n').length + 2;
  const issues: KnowledgeIssue[] = [];
  const entries: LocatedEntry<T>[] = [];
  const seenIds = new Map<string, number>();
  lines.forEach((text, k) => {
    if (text === '') return;
    const line = first + k;
    let raw: unknown;
    try {
      raw = JSON.parse(text.slice(4));
    } catch (err) {
      issues.push({ file, line, entry: null, message: (err as Error).message });
      return;
    }
    const name = entryName(raw, entries.length);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ file, line, entry: name, message: `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}` });
      return;
    }
    const prev = seenIds.get(name);
    if (prev !== undefined) {
      issues.push({ file, line, entry: name, message: `duplicate id (first at line ${prev})` });
      return;
    }
    seenIds.set(name, line);
    entries.push({ value: parsed.data, line });
  });
  if (issues.length) throw new KnowledgeError(issues);
  return { ...head, entries };
}

function parseYamlDataFile<T>(source: string, file: string, kind: string, schema: z.ZodType<T>): DataFile<T> {
  const counter = new LineCounter();
  const yamlDoc = parseDocument(source, { lineCounter: counter, uniqueKeys: true });
  const issues: KnowledgeIssue[] = [];
  for (const err of yamlDoc.errors) {
    issues.push({ file, line: counter.linePos(err.pos[0]).line, entry: null, message: err.message.split('\n')[0] });
  }
  if (issues.length) throw new KnowledgeError(issues);

  const root = yamlDoc.contents;
  if (!isMap(root)) throw new KnowledgeError([{ file, line: 1, entry: null, message: 'expected a mapping with kind, version and entries' }]);
  const header = yamlDoc.toJS() as { kind?: unknown; version?: unknown; entries?: unknown };
  if (header.kind !== kind) {
    issues.push({ file, line: 1, entry: null, message: `kind is ${JSON.stringify(header.kind)}, expected "${kind}"` });
  }
  if (typeof header.version !== 'string' && typeof header.version !== 'number') {
    issues.push({ file, line: 1, entry: null, message: 'version is missing (a string such as "2026.11.1")' });
  }
  const seq = root.get('entries', true);
  if (!isSeq(seq)) {
    issues.push({ file, line: 1, entry: null, message: 'entries is missing or not a list' });
    throw new KnowledgeError(issues);
  }

  const rawEntries = Array.isArray(header.entries) ? header.entries : [];
  const entries: LocatedEntry<T>[] = [];
  const seenIds = new Map<string, number>();
  rawEntries.forEach((raw, index) => {
    const node = seq.items[index] as Node | undefined;
    const line = lineOf(node, counter);
    const name = entryName(raw, index);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
        issues.push({ file, line: lineOfPath(node, issue.path, counter) ?? line, entry: name, message: where + issue.message });
      }
      return;
    }
    const prev = seenIds.get(name);
    if (prev !== undefined && name !== `entry ${index + 1}`) {
      issues.push({ file, line, entry: name, message: `duplicate id (first at line ${prev})` });
      return;
    }
    seenIds.set(name, line);
    entries.push({ value: parsed.data, line });
  });
  if (issues.length) throw new KnowledgeError(issues);
  return { file, kind, version: String(header.version), entries };
}

/** The line of the field that failed, when it can be found in the YAML tree. */
function lineOfPath(node: Node | undefined, path: readonly PropertyKey[], counter: LineCounter): number | null {
  let current: unknown = node;
  for (const key of path) {
    if (isMap(current) || isSeq(current)) {
      const next = current.get(key as never, true) as Node | undefined;
      if (!next) break;
      current = next;
    } else break;
  }
  return current && current !== node ? lineOf(current as Node, counter) : null;
}
