/** Publication dates given on the command line or in input records. */
import { DyadError } from '../core/errors.js';
import { toDayNumber } from '../time/iso.js';

/** A date, or a date-time whose date part is taken ("2024-05-14T08:30:00Z"). */
const DATE_OR_DATETIME = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The ISO date (YYYY-MM-DD) of a publication date; throws INPUT_DATE naming `input` when it is
 * not a real calendar date.
 */
export function parsePublicationDate(value: string, input: string | null = null): string {
  const m = DATE_OR_DATETIME.exec(value.trim());
  if (!m) {
    throw new DyadError('INPUT_DATE', `"${value}" is not a date (expected YYYY-MM-DD)`, input);
  }
  try {
    toDayNumber(m[1]);
  } catch {
    throw new DyadError('INPUT_DATE', `"${value}" is not a real calendar date`, input);
  }
  return m[1];
}
