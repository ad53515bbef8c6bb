/**
 * Visit facts kept in the store (documents.visit_facts, migration 5): written when a document is
 * coded, so that `dyad visits` reads them instead of running the coder again over the stored text.
 *
 * The JSON holds the sentences and persons of DocumentFacts; the id, text and publication date are
 * the stored document's own columns and are put back on reading.
 */
import type { DocInput } from '../core/doc.js';
import type { CodedEvent, CodingResult } from '../core/event.js';
import { assemble } from '../assemble/assemble.js';
import type { Coder } from '../index.js';
import { documentSpans, encodeDocumentSpans } from '../store/spans.js';
import { documentFacts, type DocumentFacts, type PersonMention, type SentenceFacts } from './facts.js';
import { isCameo, withCameoKnowledge } from '../knowledge/cameo-categories.js';

/** Bumped when the stored shape changes; other versions read as absent (the listing reads the text). */
const VERSION = 1;

interface StoredFacts {
  readonly v: number;
  readonly sentences: readonly SentenceFacts[];
  readonly persons: readonly PersonMention[];
}

/** Events that visits are built from: visits, hosting, meetings, agreements (data/cameo/categories.yaml). */
export function isVisitRelevant(cameo: string): boolean {
  return isCameo('visit-context', cameo);
}

export function encodeVisitFacts(facts: DocumentFacts): string {
  const stored: StoredFacts = { v: VERSION, sentences: facts.sentences, persons: facts.persons };
  return JSON.stringify(stored);
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function isStoredFacts(x: unknown): x is StoredFacts {
  return isObject(x) && x.v === VERSION && Array.isArray(x.sentences) && Array.isArray(x.persons)
    && x.sentences.every((s) => isObject(s) && typeof s.index === 'number' && Array.isArray(s.topics) && Array.isArray(s.people))
    && x.persons.every((p) => isObject(p) && typeof p.name === 'string' && typeof p.start === 'number');
}

/** The stored document a row of `documents` gives. */
export interface FactsDocument {
  readonly id: string;
  readonly text: string;
  readonly published: string | null;
}

/** The facts of a stored document from its visit_facts JSON; null when absent, unreadable or of another version. */
export function decodeVisitFacts(json: string | null, doc: FactsDocument): DocumentFacts | null {
  if (!json) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isStoredFacts(parsed)) return null;
  return { id: doc.id, text: doc.text, published: doc.published?.slice(0, 10) ?? null, sentences: parsed.sentences, persons: parsed.persons };
}

/**
 * A coding result with what the store keeps beside its events: the document's visit facts (JSON),
 * when it has visit-relevant events, and the spans it was coded with (src/store/spans.ts).
 */
export interface CodedWithFacts {
  readonly result: CodingResult;
  readonly visitFacts: string | null;
  readonly spans: string;
}

/** The JSON facts of an annotated document, or null when none of its events matter to visits. */
function factsFor(events: readonly CodedEvent[], facts: () => DocumentFacts): string | null {
  return events.some((e) => isVisitRelevant(e.cameo)) ? encodeVisitFacts(facts()) : null;
}

/**
 * Codes a document as `coder.code` does (one run of the pipeline) and reads from the same annotation
 * its spans and, when it has visit-relevant events, its visit facts: what ingest and recode store.
 */
export function codeWithVisitFacts(coder: Coder, input: DocInput): CodedWithFacts {
  return withCameoKnowledge(coder.knowledge.cameo, () => {
    const doc = coder.annotate(input);
    const result = assemble(doc, coder.knowledge);
    return {
      result, visitFacts: factsFor(result.events, () => documentFacts(doc, coder.knowledge)),
      spans: encodeDocumentSpans(documentSpans(doc, result.events)),
    };
  });
}
