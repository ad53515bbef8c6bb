/** Option parsers shared by the commands that read input and code it. */
import { InvalidArgumentError } from 'commander';
import { DEFAULT_DOC_TIMEOUT } from '../core/deadline.js';

export { DEFAULT_DOC_TIMEOUT };

/** --max-bytes: a positive whole number of bytes. */
export function parseMaxBytes(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a positive whole number of bytes`);
  return n;
}

/** --doc-timeout: seconds per 100 KB of text, a number >= 0 (0: no limit). */
export function parseDocTimeout(value: string): number {
  const n = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`"${value}" is not a number of seconds (0 or more)`);
  return n;
}

export const DOC_TIMEOUT_HELP = `time budget per document, in seconds per 100 KB of text (a shorter document gets as long as 100 KB; 0: none); a document past it is reported and skipped`;
