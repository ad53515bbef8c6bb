/**
 * JSON Lines input: one `{id, text, date?|published?, title?, url?, source?}` object per line, read as a
 * stream. A bad line becomes a DyadError naming FILE:LINE and the reading goes on with the next one.
 *
 * Lines are split on bytes (not by readline) so that each line's UTF-8 is checked on its own and a
 * line longer than the limit is skipped without being held in memory.
 */
import type { Readable } from 'node:stream';
import type { DocInput } from '../core/doc.js';
import { DyadError } from '../core/errors.js';
import { parsePublicationDate } from './date.js';
import { DEFAULT_MAX_BYTES, checkText, tooLarge, type TextOptions } from './text-input.js';

export interface JsonlOptions extends TextOptions {
  /** Publication date for records that carry none (already validated). */
  readonly defaultDate?: string | null;
}

export type JsonlRecord =
  | { readonly ok: true; readonly where: string; readonly doc: DocInput }
  /** `blank`: the line is empty or white space (INPUT_EMPTY), counted and reported like any skipped line. */
  | { readonly ok: false; readonly where: string; readonly error: DyadError; readonly blank?: true };

/** A raw line: its bytes, or null when it was longer than the limit (and dropped). */
interface RawLine {
  readonly bytes: Buffer | null;
  readonly length: number;
}

/** Reads records from a stream of JSON Lines, yielding each record or the reason it was skipped. */
export async function* readJsonl(stream: Readable, name: string, options: JsonlOptions = {}): AsyncGenerator<JsonlRecord> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // JSON escapes at most double the UTF-8 size of the text (\uXXXX for 3 bytes), plus the other fields.
  const maxLine = maxBytes * 2 + 65536;
  let lineNo = 0;
  for await (const raw of splitLines(stream, maxLine)) {
    lineNo++;
    const where = `${name}:${lineNo}`;
    if (raw.bytes === null) {
      yield { ok: false, where, error: tooLarge(raw.length, where, maxLine) };
      continue;
    }
    try {
      const doc = parseRecord(raw.bytes, where, lineNo === 1, options);
      if (doc) yield { ok: true, where, doc };
      else yield { ok: false, where, error: new DyadError('INPUT_EMPTY', 'blank line: no record', where), blank: true };
    } catch (err) {
      if (!(err instanceof DyadError)) throw err;
      yield { ok: false, where, error: err };
    }
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** One line to a DocInput; null for a blank line; throws a DyadError naming `where`. */
export function parseRecord(bytes: Uint8Array, where: string, first: boolean, options: JsonlOptions = {}): DocInput | null {
  let line: string;
  try {
    line = decoder.decode(bytes);
  } catch {
    throw new DyadError('INPUT_ENCODING', 'line is not valid UTF-8', where);
  }
  if (first && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new DyadError('INPUT_JSONL', `invalid JSON: ${(err as Error).message}`, where);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DyadError('INPUT_JSONL', 'a line must be a JSON object', where);
  }
  return toDocInput(value as Record<string, unknown>, where, options);
}

function toDocInput(record: Record<string, unknown>, where: string, options: JsonlOptions): DocInput {
  const { text } = record;
  if (text === undefined || text === null) throw new DyadError('INPUT_JSONL', 'record has no "text" field', where);
  if (typeof text !== 'string') throw new DyadError('INPUT_JSONL', `"text" is a ${typeName(text)}, not a string`, where);
  const rawDate = optionalString(record, 'date', where) ?? optionalString(record, 'published', where);
  const published = rawDate === null ? options.defaultDate ?? null : parsePublicationDate(rawDate, where);
  const checked = checkText(text, where, { ...options, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES });
  const id = record.id;
  return {
    id: typeof id === 'string' || typeof id === 'number' ? String(id) : optionalString(record, 'id', where),
    text: checked.text,
    title: optionalString(record, 'title', where),
    url: optionalString(record, 'url', where),
    source: optionalString(record, 'source', where),
    published,
    language: checked.language,
  };
}

function optionalString(record: Record<string, unknown>, field: string, where: string): string | null {
  const value = record[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new DyadError('INPUT_JSONL', `"${field}" is a ${typeName(value)}, not a string`, where);
  return value;
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  return value === null ? 'null' : typeof value;
}

/** Splits a byte stream at "\n" (dropping a "\r" before it); lines over `maxLine` bytes come back empty. */
export async function* splitLines(stream: AsyncIterable<Buffer | string>, maxLine: number): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let length = 0;
  const finish = (): RawLine => {
    const bytes = length > maxLine ? null : trimCr(Buffer.concat(parts, length));
    const line = { bytes, length };
    parts = [];
    length = 0;
    return line;
  };
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let from = 0;
    for (let nl = buf.indexOf(0x0a, from); nl !== -1; nl = buf.indexOf(0x0a, from)) {
      keep(buf.subarray(from, nl));
      yield finish();
      from = nl + 1;
    }
    keep(buf.subarray(from));
  }
  if (length > 0) yield finish();

  function keep(piece: Buffer): void {
    if (length + piece.length <= maxLine) parts.push(piece);
    else parts = [];
    length += piece.length;
  }
}

function trimCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, line.length - 1) : line;
}
