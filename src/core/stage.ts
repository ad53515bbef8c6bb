/** A pipeline stage: `Doc` in, `Doc` with its layer out (spaCy-style named stages). */
import type { Doc, LayerName } from './doc.js';
import type { Deadline } from './deadline.js';
import { DyadError } from './errors.js';
import type { Knowledge } from '../knowledge/knowledge.js';

export interface StageContext {
  readonly knowledge: Knowledge;
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

  run(doc: Doc, ctx: StageContext): Doc {
    let current = doc;
    for (const stage of this.stages) {
      current = stage.run(current, ctx);
      ctx.deadline?.check(stage.name);
    }
    return current;
  }
}
