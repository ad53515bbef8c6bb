/**
 * A document's time budget. The pipeline checks it after each stage; past it, coding stops with a
 * DOC_TIMEOUT error naming the document, and the caller reports it and goes on with the next one.
 * Every stage is linear in the document's length, so a stage ends soon after the budget is spent.
 *
 * The budget is spent when both the wall-clock time and the process's CPU time since the start
 * pass it: on a loaded machine the wall clock runs ahead of the work done, and the process's CPU
 * time counts every thread (the garbage collector's, other workers'), so either alone would stop
 * documents that are not slow.
 */
import { DyadError } from './errors.js';

/** Default budget: seconds per 100 KB of text (--doc-timeout); a shorter document gets as long as 100 KB. */
export const DEFAULT_DOC_TIMEOUT = 5;

export interface Clock {
  /** Milliseconds of wall-clock time. */
  wall(): number;
  /** Milliseconds of CPU time. */
  cpu(): number;
}

const processClock: Clock = {
  wall: () => performance.now(),
  cpu: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
};

export class Deadline {
  private wallStart: number;
  private cpuStart: number;
  readonly budgetMs: number;

  /** `perHundredKb`: seconds per 100 KB of text; `textLength` in characters; `doc` names the document. */
  constructor(private readonly perHundredKb: number, textLength: number, private readonly doc: string, private readonly clock: Clock = processClock) {
    this.budgetMs = perHundredKb * 1000 * Math.max(1, textLength / 102_400);
    this.wallStart = clock.wall();
    this.cpuStart = clock.cpu();
  }

  /**
   * Runs `work` outside the budget: one-time work of the process (compiling a library's patterns on the
   * first document that needs them) is no document's cost.
   */
  excluding<T>(work: () => T): T {
    const wall = this.clock.wall();
    const cpu = this.clock.cpu();
    try {
      return work();
    } finally {
      this.wallStart += this.clock.wall() - wall;
      this.cpuStart += this.clock.cpu() - cpu;
    }
  }

  /** Throws DOC_TIMEOUT when the budget is spent; `stage` is the stage that just ended. */
  check(stage: string): void {
    if (this.clock.wall() - this.wallStart <= this.budgetMs || this.clock.cpu() - this.cpuStart <= this.budgetMs) return;
    const budget = (this.budgetMs / 1000).toFixed(1);
    throw new DyadError('DOC_TIMEOUT', `document ${this.doc}: coding passed its time budget of ${budget} s `
      + `(--doc-timeout ${this.perHundredKb} s per 100 KB) by the end of the ${stage} stage; skipped`);
  }
}
