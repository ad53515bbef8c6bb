/**
 * SQL for PostgreSQL from the SQL both stores share: `?` (and, for the store's own statements,
 * `@name`) placeholders become $1..$n, outside string literals, quoted identifiers, dollar-quoted
 * strings and comments; numbers come back as JS numbers.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';

/** A statement with $n placeholders; `slots[i]` says what $i+1 is: a `?` index or an `@name`. */
export interface PositionalSql {
  readonly text: string;
  readonly slots: readonly (number | string)[];
}

export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>>;

const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_$]/;

/** End (exclusive) of the quoted run that opens at `i` with `quote`; a doubled quote is an escaped one. */
function quotedEnd(sql: string, i: number, quote: string, backslash: boolean): number {
  let j = i + 1;
  while (j < sql.length) {
    const c = sql[j];
    if (backslash && c === '\\') j += 2;
    else if (c === quote && sql[j + 1] === quote) j += 2;
    else if (c === quote) return j + 1;
    else j++;
  }
  return sql.length;
}

/** End (exclusive) of a comment opening at `i`, or -1 when none opens there. Block comments nest. */
function commentEnd(sql: string, i: number): number {
  if (sql.startsWith('--', i)) {
    const nl = sql.indexOf('\n', i);
    return nl < 0 ? sql.length : nl + 1;
  }
  if (!sql.startsWith('/*', i)) return -1;
  let depth = 0;
  let j = i;
  while (j < sql.length) {
    if (sql.startsWith('/*', j)) { depth++; j += 2; }
    else if (sql.startsWith('*/', j)) { depth--; j += 2; if (depth === 0) return j; }
    else j++;
  }
  return sql.length;
}

/** End (exclusive) of a dollar-quoted string ($$...$$, $tag$...$tag$) opening at `i`, or -1. */
function dollarEnd(sql: string, i: number): number {
  if (i > 0 && IDENT.test(sql[i - 1])) return -1;
  const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 64));
  if (!m) return -1;
  const close = sql.indexOf(m[0], i + m[0].length);
  return close < 0 ? sql.length : close + m[0].length;
}

/** The end of a literal, identifier or comment starting at `i`, or -1 when `i` starts none. */
function skipEnd(sql: string, i: number): number {
  const c = sql[i];
  if (c === "'") {
    const escaped = i > 0 && /[Ee]/.test(sql[i - 1]) && (i < 2 || !IDENT.test(sql[i - 2]));
    return quotedEnd(sql, i, "'", escaped);
  }
  if (c === '"') return quotedEnd(sql, i, '"', false);
  if (c === '$') return dollarEnd(sql, i);
  if (c === '-' || c === '/') return commentEnd(sql, i);
  return -1;
}

/** Rewrites `?` (and with `named`, `@name`) placeholders to $1..$n. */
export function toPositional(sql: string, named = false): PositionalSql {
  const slots: (number | string)[] = [];
  const byName = new Map<string, number>();
  let out = '';
  let question = 0;
  let i = 0;
  while (i < sql.length) {
    const end = skipEnd(sql, i);
    if (end > i) {
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    const c = sql[i];
    if (c === '?') {
      slots.push(question++);
      out += `$${slots.length}`;
      i++;
    } else if (named && c === '@' && IDENT_START.test(sql[i + 1] ?? '')) {
      const name = /^@([A-Za-z_][A-Za-z0-9_]*)/.exec(sql.slice(i))?.[1] ?? '';
      let n = byName.get(name);
      if (n === undefined) {
        slots.push(name);
        n = slots.length;
        byName.set(name, n);
      }
      out += `$${n}`;
      i += name.length + 1;
    } else {
      out += c;
      i++;
    }
  }
  return { text: out, slots };
}

/** The values for a statement's $n, from `?`-ordered values or named ones; undefined binds NULL. */
export function bindValues(sql: PositionalSql, params: SqlParams = []): unknown[] {
  const list = Array.isArray(params) ? (params as readonly unknown[]) : null;
  const named = list ? null : (params as Readonly<Record<string, unknown>>);
  return sql.slots.map((slot) => {
    const v = typeof slot === 'number' ? list?.[slot] : named?.[slot];
    return v === undefined ? null : v;
  });
}

/** A name for a server-side prepared statement, derived from its text. */
export function statementName(text: string): string {
  return `dyad_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
}

const INT8 = 20;
const NUMERIC = 1700;

/** BIGINT (COUNT, SUM of integers) and NUMERIC (AVG, SUM of BIGINT) come back as JS numbers. */
export const PG_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if ((oid === INT8 || oid === NUMERIC) && format !== 'binary') return (value: string): number => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};
