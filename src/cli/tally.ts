/** Counts of what a run coded and skipped, and the one-line summary printed at the end. */
import { DyadError, type DyadErrorCode } from '../core/errors.js';

const REASONS: Partial<Readonly<Record<DyadErrorCode, string>>> = {
  INPUT_EMPTY: 'empty',
  INPUT_BINARY: 'binary',
  INPUT_ENCODING: 'not UTF-8',
  INPUT_TOO_LARGE: 'too large',
  INPUT_LANGUAGE: 'not English',
  INPUT_UNREADABLE: 'unreadable',
  INPUT_JSONL: 'invalid record',
  INPUT_DATE: 'bad date',
  DOC_TIMEOUT: 'past --doc-timeout',
};

export class Tally {
  documents = 0;
  events = 0;
  private readonly skips = new Map<string, number>();

  coded(events: number): void {
    this.documents++;
    this.events += events;
  }

  skipped(err: unknown): void {
    const reason = (err instanceof DyadError && REASONS[err.code]) || 'failed';
    this.skips.set(reason, (this.skips.get(reason) ?? 0) + 1);
  }

  get skippedCount(): number {
    let n = 0;
    for (const count of this.skips.values()) n += count;
    return n;
  }

  /** "coded 41 documents, 123 events; 2 skipped: 1 not English, 1 invalid record" */
  summary(): string {
    const head = `coded ${plural(this.documents, 'document')}, ${plural(this.events, 'event')}`;
    if (this.skips.size === 0) return head;
    const reasons = [...this.skips].map(([reason, n]) => `${n} ${reason}`).join(', ');
    return `${head}; ${this.skippedCount} skipped: ${reasons}`;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
