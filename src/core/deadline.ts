/**
 * A document's time budget. The pipeline checks it after each stage; past it, coding stops with a
 * DOC_TIMEOUT error naming the document, and the caller reports it and goes on with the next one.
 * Every stage is linear in the document's length, so a stage ends soon after the budget is spent.
 */
import { DyadError } from './errors.js';

/** Default budget: seconds per 100 KB of text (--doc-timeout). */
export const DEFAULT_DOC_TIMEOUT = 5;
/** No document gets less than this, however short (milliseconds). */
export const MIN_BUDGET_MS = 1000;

export class Deadline {
  private readonly started: number;
  readonly budgetMs: number;

  /** `perHundredKb`: seconds per 100 KB of text; `textLength` in characters; `doc` names the document. */
  constructor(private readonly perHundredKb: number, textLength: number, private readonly doc: string, private readonly clock: () => number = () => performance.now()) {
    this.budgetMs = Math.max(MIN_BUDGET_MS, (perHundredKb * 1000 * textLength) / 102_400);
    this.started = clock();
  }

  /** Throws DOC_TIMEOUT when the budget is spent; `stage` is the stage that just ended. */
  check(stage: string): void {
    const spent = this.clock() - this.started;
    if (spent <= this.budgetMs) return;
    const budget = (this.budgetMs / 1000).toFixed(1);
    throw new DyadError('DOC_TIMEOUT', `document ${this.doc}: coding passed its time budget of ${budget} s `
      + `(--doc-timeout ${this.perHundredKb} s per 100 KB) by the end of the ${stage} stage; skipped`);
  }
}
