/**
 * Reader for PETRARCH/TABARI `.actors` files (format: ../shared/reference/phoenix/dictionaries-format.rst).
 *
 *   VLADIMIR_PUTIN_  # comment          an entry: a phrase (words joined by `_` or blanks)
 *   +PUTIN_                             a synonym of the entry
 *   	[RUSGOV 991231-080507]             a code with the dates it holds (YYMMDD or YYYYMMDD, both ends included)
 *   	[RUSGOV >120507]                   ... from a date on;  [CODE <date] up to a date;  [CODE] the default
 *   AFGHANISTAN_  [AFG]                 codes may also stand on the entry's own line
 *
 * Every line that cannot be read (a malformed date such as `2004017`, a code line with no entry) is
 * reported with file:line and skipped; the rest of the file is still read.
 */
import type { KnowledgeIssue } from '../../core/errors.js';

export interface PetrarchCode {
  /** The code as written: "RUSGOV", "IGOUNOKID", "ELI". */
  readonly code: string;
  /** First day it holds (ISO), absent for "always before". */
  readonly start?: string;
  /** First day it no longer holds (ISO; the file's last day plus one), absent while it holds. */
  readonly end?: string;
  readonly line: number;
}

export interface PetrarchActor {
  /** Line of the entry's first phrase. */
  readonly line: number;
  /** Phrases as written, `_` and blanks kept: "VLADIMIR_PUTIN_", "PUTIN_". */
  readonly phrases: readonly string[];
  readonly codes: readonly PetrarchCode[];
}

export interface ParsedActors {
  readonly actors: readonly PetrarchActor[];
  readonly issues: readonly KnowledgeIssue[];
}

/** "991231" or "19991231" -> "1999-12-31"; null when it is not a real day. Two-digit years below 30 are 20YY. */
export function petrarchDate(text: string): string | null {
  if (!/^(\d{6}|\d{8})$/.test(text)) return null;
  const long = text.length === 8;
  const yy = Number(text.slice(0, long ? 4 : 2));
  const year = long ? yy : yy < 30 ? 2000 + yy : 1900 + yy;
  const month = Number(text.slice(long ? 4 : 2, long ? 6 : 4));
  const day = Number(text.slice(long ? 6 : 4));
  const d = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function minusCentury(iso: string): string {
  return `${String(Number(iso.slice(0, 4)) - 100).padStart(4, '0')}${iso.slice(4)}`;
}

/** One `[CODE restriction]`; an error message when it cannot be read. */
export function parseCode(inner: string, line: number): PetrarchCode | string {
  const m = /^\s*([A-Z0-9-]{3,})\s*(?:([<>])\s*(\S+)|(\S+?)\s*-\s*(\S+)|(\S+))?\s*$/.exec(inner);
  if (!m) return `cannot read the code [${inner}]`;
  const [, code, op, opDate, from, to, lone] = m;
  if (lone !== undefined) return `cannot read the date restriction "${lone}" in [${inner}] (expected <date, >date or date-date)`;
  if (op) {
    const d = petrarchDate(opDate);
    if (!d) return `malformed date "${opDate}" in [${inner}] (expected YYMMDD or YYYYMMDD)`;
    return op === '>' ? { code, start: d, line } : { code, end: nextDay(d), line };
  }
  if (from !== undefined && to !== undefined) {
    const a = petrarchDate(from);
    const b = petrarchDate(to);
    if (!a || !b) return `malformed date "${a ? to : from}" in [${inner}] (expected YYMMDD or YYYYMMDD)`;
    // "250101-331108": a six-digit start after its end is a year of the previous century.
    const start = a > b && from.length === 6 ? minusCentury(a) : a;
    if (start > b) return `the dates in [${inner}] end before they start`;
    return { code, start, end: nextDay(b), line };
  }
  return { code, line };
}

interface Draft {
  line: number;
  phrases: string[];
  codes: PetrarchCode[];
}

/** Splits "PHRASE [A] [B 990101-000101]" into the phrase and its bracketed codes. */
function splitCodes(text: string, file: string, line: number, issues: KnowledgeIssue[]): { phrase: string; codes: PetrarchCode[] } {
  const codes: PetrarchCode[] = [];
  const phrase = text.replace(/\[([^\]]*)\]/g, (_, inner: string) => {
    const c = parseCode(inner, line);
    if (typeof c === 'string') issues.push({ file, line, entry: null, message: c });
    else if (c.code !== '---') codes.push(c);
    return ' ';
  }).replace(/;.*$/, '').trim();
  if (/[[\]]/.test(phrase)) issues.push({ file, line, entry: null, message: `unbalanced brackets in "${text.trim()}"` });
  return { phrase: phrase.replace(/[[\]]/g, '').trim(), codes };
}

export function parseActorsFile(text: string, file: string): ParsedActors {
  const actors: PetrarchActor[] = [];
  const issues: KnowledgeIssue[] = [];
  let current: Draft | null = null;
  const close = (): void => {
    if (current && current.phrases.length) actors.push(current);
    current = null;
  };
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = k + 1;
    const body = raw.replace(/#.*$/, '');
    if (!body.trim()) return;
    const indented = /^\s/.test(body);
    const { phrase, codes } = splitCodes(body, file, line, issues);
    if (indented || phrase === '') {
      if (!current) {
        issues.push({ file, line, entry: null, message: 'a code line with no entry before it' });
        return;
      }
      if (phrase !== '') issues.push({ file, line, entry: null, message: `text "${phrase}" on a code line is ignored` });
      current.codes.push(...codes);
      return;
    }
    if (phrase.startsWith('+')) {
      if (!current) {
        issues.push({ file, line, entry: null, message: `synonym "${phrase}" with no entry before it` });
        return;
      }
      const syn = phrase.slice(1).trim();
      if (syn) current.phrases.push(syn);
      current.codes.push(...codes);
      return;
    }
    close();
    current = { line, phrases: [phrase], codes };
  });
  close();
  return { actors, issues };
}
