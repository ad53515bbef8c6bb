/**
 * Event filters → a standard-SQL WHERE clause with `?` placeholders, run through `Store.query` by
 * both the SQLite and the PostgreSQL store. No dialect functions: equality, IN, LIKE on lowered
 * text, ranges on ISO date strings.
 *
 * Matching rules:
 * - an actor given as an upper-case code matches a side's country when it has 3 letters ("RUS",
 *   "IGO") and the side's full actor code otherwise ("RUSGOV", "IGONATO"); anything else ("Putin",
 *   "vladimir putin") matches inside the actor's name, ignoring case.
 * - a CAMEO code matches itself and the codes below it ("031" also matches "0311"); one or two
 *   digits are a root ("04").
 * - --from/--to keep events whose date range [date_start, date_end] overlaps [from, to]; undated
 *   events are then left out (a dated event always has both ends).
 */
import { DyadError } from '../core/errors.js';

export interface EventQuery {
  /** Code, country or name, on either side. */
  readonly actor?: string;
  /** Source A and target B (codes or countries); with `undirected`, either way round. */
  readonly dyad?: readonly [string, string];
  readonly undirected?: boolean;
  /** CAMEO codes or prefixes ("042", "03"); any of them. */
  readonly cameo?: readonly string[];
  readonly root?: string;
  readonly quad?: number;
  readonly plover?: string;
  readonly modality?: string;
  readonly from?: string;
  readonly to?: string;
  /** Place country (ISO alpha-3) or name. */
  readonly place?: string;
  /** A PLOVER context or topic ("economic"). */
  readonly topic?: string;
  readonly story?: string;
}

export interface SqlPart {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export type Side = 'source' | 'target';

const CODE_LIKE = /^[A-Z0-9]{2,}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `str` made safe inside a LIKE pattern (with ESCAPE '\'). */
export function likeEscape(str: string): string {
  return str.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function part(sql: string, ...params: unknown[]): SqlPart {
  return { sql, params };
}

/** Joins parts with AND or OR, parenthesised. */
export function join(parts: readonly SqlPart[], op: 'AND' | 'OR'): SqlPart {
  if (parts.length === 0) return part(op === 'AND' ? '1 = 1' : '1 = 0');
  if (parts.length === 1) return parts[0];
  return { sql: `(${parts.map((p) => p.sql).join(` ${op} `)})`, params: parts.flatMap((p) => p.params) };
}

/** The column a code is matched on: a 3-letter code is a country (RUS), a longer one an actor code (RUSGOV). */
export function codeColumn(side: Side, code: string): string {
  return /^[A-Z]{3}$/.test(code) ? `${side}_country` : `${side}_code`;
}

/** One side's actor is any of `codes` (countries or actor codes). `alias` prefixes the columns ("e."). */
export function sideIn(side: Side, codes: readonly string[], alias = ''): SqlPart {
  const byColumn = new Map<string, string[]>();
  for (const c of codes) byColumn.set(codeColumn(side, c), [...(byColumn.get(codeColumn(side, c)) ?? []), c]);
  const parts = [...byColumn].map(([col, vals]) =>
    vals.length === 1 ? part(`${alias}${col} = ?`, vals[0]) : part(`${alias}${col} IN (${vals.map(() => '?').join(', ')})`, ...vals));
  return join(parts, 'OR');
}

/** One side's actor, by code/country or by name (see the module comment). */
export function sideMatches(side: Side, actor: string, alias = ''): SqlPart {
  if (CODE_LIKE.test(actor)) return sideIn(side, [actor], alias);
  return part(`LOWER(${alias}${side}_name) LIKE ? ESCAPE '\\'`, `%${likeEscape(actor.toLowerCase())}%`);
}

/** The dyad A→B (and B→A when `undirected`): one indexable conjunction per direction. */
export function dyadIs(a: string, b: string, alias = '', undirected = false): SqlPart {
  const pairs: Array<[string, string]> = undirected && a !== b ? [[a, b], [b, a]] : [[a, b]];
  return join(pairs.map(([s, t]) => join([sideIn('source', [s], alias), sideIn('target', [t], alias)], 'AND')), 'OR');
}

/** One side's actor is none of `codes` (an empty side counts as none). */
export function sideNotIn(side: Side, codes: readonly string[], alias = ''): SqlPart {
  const columns = [...new Set(codes.map((c) => codeColumn(side, c)))];
  return join(columns.map((col) => {
    const vals = codes.filter((c) => codeColumn(side, c) === col);
    return part(`(${alias}${col} IS NULL OR ${alias}${col} NOT IN (${vals.map(() => '?').join(', ')}))`, ...vals);
  }), 'AND');
}

/** CAMEO codes as exact, indexable values: a code and its children, or a root. */
export function cameoCondition(codes: readonly string[], alias = ''): SqlPart {
  const exact: string[] = [];
  const roots: string[] = [];
  for (const c of codes) {
    if (!/^\d{1,4}$/.test(c)) throw new DyadError('USAGE', `"${c}" is not a CAMEO code (1-4 digits)`, '--cameo');
    if (c.length === 1) roots.push(...digits(c));
    else if (c.length === 2) roots.push(c);
    else exact.push(c, ...(c.length === 3 ? digits(c) : []));
  }
  const parts: SqlPart[] = [];
  if (exact.length) parts.push(part(`${alias}cameo IN (${exact.map(() => '?').join(', ')})`, ...exact));
  if (roots.length) parts.push(part(`${alias}root IN (${roots.map(() => '?').join(', ')})`, ...roots));
  return join(parts, 'OR');
}

const digits = (prefix: string): string[] => Array.from({ length: 10 }, (_, i) => `${prefix}${i}`);

export function checkDay(value: string, option: string): string {
  if (!ISO_DAY.test(value) || Number.isNaN(Date.parse(value))) {
    throw new DyadError('INPUT_DATE', `"${value}" is not a date (YYYY-MM-DD)`, option);
  }
  return value;
}

/** Every condition of the query, ANDed; `alias` prefixes the events table's columns. */
export function whereClause(q: EventQuery, alias = ''): SqlPart {
  const c = (col: string): string => `${alias}${col}`;
  const parts: SqlPart[] = [];
  if (q.actor) parts.push(join([sideMatches('source', q.actor, alias), sideMatches('target', q.actor, alias)], 'OR'));
  if (q.dyad) parts.push(dyadIs(q.dyad[0], q.dyad[1], alias, q.undirected === true));
  if (q.cameo?.length) parts.push(cameoCondition(q.cameo, alias));
  if (q.root) parts.push(part(`${c('root')} = ?`, q.root.padStart(2, '0')));
  if (q.quad !== undefined) parts.push(part(`${c('quad_class')} = ?`, q.quad));
  if (q.plover) parts.push(part(`${c('plover_type')} = ?`, q.plover.toUpperCase()));
  if (q.modality) parts.push(part(`${c('modality')} = ?`, q.modality.toLowerCase()));
  if (q.from) parts.push(part(`${c('date_end')} >= ?`, checkDay(q.from, '--from')));
  if (q.to) parts.push(part(`${c('date_start')} <= ?`, checkDay(q.to, '--to')));
  if (q.place) parts.push(placeCondition(q.place, alias));
  if (q.topic) {
    const quoted = `%${likeEscape(JSON.stringify(q.topic.toLowerCase()))}%`;
    parts.push(join([part(`${c('topics')} LIKE ? ESCAPE '\\'`, quoted), part(`${c('plover_contexts')} LIKE ? ESCAPE '\\'`, quoted)], 'OR'));
  }
  if (q.story) parts.push(part(`${c('story_id')} = ?`, q.story));
  return join(parts, 'AND');
}

function placeCondition(place: string, alias: string): SqlPart {
  if (CODE_LIKE.test(place)) return part(`${alias}place_country = ?`, place);
  return part(`LOWER(${alias}place_name) LIKE ? ESCAPE '\\'`, `%${likeEscape(place.toLowerCase())}%`);
}
