/** A pipeline stage: `Doc` in, `Doc` with its layer out (spaCy-style named stages). */
import type { Doc, LayerName } from './doc.js';
import type { Deadline } from './deadline.js';
import { DyadError } from './errors.js';
import type { Knowledge } from '../knowledge/knowledge.js';

/**
 * How the event coder reads a trigger's source and target: from the dependency parse first, with
 * word windows where the parse names no actor (`parse-first`, the default), from word windows alone
 * (`window`), or from the parse only where the window finds none (`parse-targets`: targets;
 * `parse-structural`: also sources the parse finds through control or a shared subject), or from the
 * parse alone (`parse`: what the coder reads once the windows are gone; measured beside the default).
 * Figures: README.md, "Reading the clause".
 */
export type ClauseReading = 'window' | 'parse-targets' | 'parse-structural' | 'parse-first' | 'parse';
export const clauseReadings: readonly ClauseReading[] = ['window', 'parse-targets', 'parse-structural', 'parse-first', 'parse'];
export const DEFAULT_CLAUSE_READING: ClauseReading = 'parse-first';

export interface StageContext {
  readonly knowledge: Knowledge;
  /** Default DEFAULT_CLAUSE_READING. */
  readonly clauseReading?: ClauseReading;
  /** The document's time budget, checked after each stage. */
  readonly deadline?: Deadline;
}

export interface Stage {
  readonly name: string;
  /** Layers this stage reads. */
  readonly requires: readonly LayerName[];
  /** Layers this stage adds. */
  readonly provides: readonly LayerName[];
  run(doc: Doc, ctx: StageContext): Doc;
  /** Loads the stage's models now instead of on its first document. */
  warm?(): void;
}

/** An ordered list of stages, checked when built: every input is made by an earlier stage. */
export class Pipeline {
  readonly stages: readonly Stage[];

  constructor(stages: readonly Stage[]) {
    const made = new Set<LayerName>();
    for (const stage of stages) {
      for (const need of stage.requires) {
        if (!made.has(need)) {
          throw new DyadError('PIPELINE_ORDER', `stage "${stage.name}" needs layer "${need}", which no earlier stage provides`);
        }
      }
      for (const out of stage.provides) made.add(out);
    }
    this.stages = stages;
  }

  /** Loads what the stages load on first use (models), so that no document's time budget pays for it. */
  warm(): void {
    for (const stage of this.stages) stage.warm?.();
  }

  run(doc: Doc, ctx: StageContext): Doc {
    let current = doc;
    for (const stage of this.stages) {
      current = stage.run(current, ctx);
      ctx.deadline?.check(stage.name);
    }
    return current;
  }
}
