/**
 * dyad's public API: load the knowledge once, then code documents.
 *
 *   const coder = createCoder();
 *   const { document, events } = coder.code({ text, published: '2024-05-14' });
 */
import { createHash } from 'node:crypto';
import { Deadline, DEFAULT_DOC_TIMEOUT } from './core/deadline.js';
import type { Doc, DocInput } from './core/doc.js';
import { DyadError } from './core/errors.js';
import type { CodingResult } from './core/event.js';
import { DEFAULT_CLAUSE_READING, type ClauseReading, type Pipeline } from './core/stage.js';
import { assemble, type CompoundMode } from './assemble/assemble.js';
import type { Knowledge } from './knowledge/knowledge.js';
import { loadKnowledge } from './knowledge/load.js';
import { withCameoKnowledge } from './knowledge/cameo-categories.js';
import { defaultPipeline } from './pipeline.js';

export type { CodedEvent, CodingResult } from './core/event.js';
export type { DocInput } from './core/doc.js';
export { DyadError, KnowledgeError } from './core/errors.js';

export interface CoderOptions {
  /** Extra dictionaries: the format of data/actors/*.yaml, or PETRARCH .actors, .agents, .verbs and .discards files. */
  readonly dictionaries?: readonly string[];
  /** Code with the dictionaries alone: dyad's own actors and patterns are not loaded (its grammar, parse and modality are). */
  readonly onlyDictionaries?: boolean;
  /** Also code with the CAMEO verb patterns converted from PETRARCH's CAMEO.2.0.txt (opt-in; see README). */
  readonly cameoVerbs?: boolean;
  /** expand (default): one event per source-target pair, as GDELT and ICEWS. list: one event per trigger with `sources`/`targets` lists, as PLOVER. */
  readonly compound?: CompoundMode;
  /** Knowledge folder; defaults to the package's data/. */
  readonly dataDir?: string;
  /** How source and target are read (src/core/stage.ts); default `window`. */
  readonly clauseReading?: ClauseReading;
  /**
   * Time budget per document, in seconds per 100 KB of text (a shorter document gets as long as 100 KB;
   * default 5), in wall-clock and CPU time both. Past it, `code` throws a DyadError with code DOC_TIMEOUT
   * naming the document. 0 turns it off.
   */
  readonly docTimeout?: number;
}

export interface Coder {
  readonly knowledge: Knowledge;
  code(input: DocInput): CodingResult;
  /** The annotated Doc with every layer, for evidence views and debugging. */
  annotate(input: DocInput): Doc;
  /** Both at once, the text run through the pipeline once: the annotated Doc and its coded events. */
  inspect(input: DocInput): { readonly doc: Doc; readonly result: CodingResult };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function toDoc(input: DocInput): Doc {
  if (input.published && (!ISO_DAY.test(input.published) || Number.isNaN(Date.parse(input.published)))) {
    throw new DyadError('INPUT_DATE', `publication date "${input.published}" is not a date (YYYY-MM-DD)`, input.id ?? null);
  }
  const id = input.id ?? createHash('sha256').update(input.text).digest('hex').slice(0, 16);
  return {
    id,
    text: input.text,
    title: input.title ?? null,
    url: input.url ?? null,
    source: input.source ?? null,
    published: input.published ?? null,
    language: input.language ?? 'en',
  };
}

export function createCoder(options: CoderOptions = {}): Coder {
  const knowledge = loadKnowledge({ dataDir: options.dataDir, dictionaries: options.dictionaries, ...(options.onlyDictionaries ? { onlyDictionaries: true } : {}), ...(options.cameoVerbs ? { cameoVerbs: true } : {}) });
  const pipeline: Pipeline = defaultPipeline();
  // Coding needs the dates of the event sentences only; annotate keeps every date mention.
  const coding: Pipeline = defaultPipeline({ dates: 'events' });
  // Models load now, not inside the first document's time budget. Not the time stage's warm-up, which
  // compiles chrono's patterns on four texts (~0.2 s): the first sentence with a date compiles them once,
  // outside its document's budget (TimeStage.ready), and a run with no date never does.
  for (const stage of coding.stages) if (stage.name !== 'time') stage.warm?.();
  const perHundredKb = options.docTimeout ?? DEFAULT_DOC_TIMEOUT;
  const clauseReading = options.clauseReading ?? DEFAULT_CLAUSE_READING;
  const run = (p: Pipeline, input: DocInput): Doc => {
    const doc = toDoc(input);
    const deadline = perHundredKb > 0 ? new Deadline(perHundredKb, doc.text.length, doc.id) : undefined;
    return p.run(doc, { knowledge, clauseReading, deadline });
  };
  // The rules' CAMEO categories and actor types are this knowledge's (its data folder's), while it codes.
  const scoped = <T>(work: () => T): T => withCameoKnowledge(knowledge.cameo, work);
  const annotate = (input: DocInput): Doc => scoped(() => run(pipeline, input));
  return {
    knowledge,
    annotate,
    code: (input) => scoped(() => assemble(run(coding, input), knowledge, options.compound ?? 'expand')),
    inspect: (input) => scoped(() => {
      const doc = run(coding, input);
      return { doc, result: assemble(doc, knowledge, options.compound ?? 'expand') };
    }),
  };
}
