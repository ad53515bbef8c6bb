/**
 * Test helper (not used by the library): builds Docs by hand for the place and topic stage
 * tests. Sentences and tokens come from the segment stage; mentions and events are added by hand.
 */
import type { ActorMention, Doc, EventMention, MentionKind, Modality } from '../core/doc.js';
import type { StageContext } from '../core/stage.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { segmentText } from '../segment/segment-stage.js';

/** Sentences and tokens of `text`, as the segment stage makes them. */
export function makeDoc(text: string): Doc {
  const { sentences, tokens } = segmentText(text);
  return { id: 'test', text, title: null, url: null, source: null, published: null, language: 'en', sentences, tokens };
}

/** Index of the n-th token (0-based) whose text is `word`. */
export function tokenOf(doc: Doc, word: string, nth = 0): number {
  const found = (doc.tokens ?? []).filter((t) => t.text === word);
  if (!found[nth]) throw new Error(`no token "${word}" #${nth}`);
  return found[nth].index;
}

/** A country mention over the n-th token `word`. */
export function countryMention(doc: Doc, index: number, word: string, country: string, kind: MentionKind = 'country'): ActorMention {
  const t = (doc.tokens ?? [])[tokenOf(doc, word)];
  return {
    index, sentence: t.sentence, start: t.start, end: t.end, tokenStart: t.index, tokenEnd: t.index + 1, kind,
    actors: [{ code: country, country, sector: null, name: null, role: null, entityId: null }], ruleId: 'test',
  };
}

export interface EventSpec {
  readonly trigger: string;
  readonly nth?: number;
  readonly cameo: string;
  readonly sources?: readonly number[];
  readonly targets?: readonly number[];
  readonly antecedent?: number | null;
}

/** An event whose trigger is the n-th token `trigger`. */
export function event(doc: Doc, index: number, spec: EventSpec): EventMention {
  const t = (doc.tokens ?? [])[tokenOf(doc, spec.trigger, spec.nth ?? 0)];
  return {
    index, sentence: t.sentence, trigger: { start: t.start, end: t.end }, triggerTokens: [t.index], cameo: spec.cameo,
    ruleId: 'test', nominal: false, sources: spec.sources ?? [], targets: spec.targets ?? [], attribution: null,
    antecedent: spec.antecedent ?? null, confidence: 1,
  };
}

export function withLayers(doc: Doc, mentions: readonly ActorMention[], events: readonly EventMention[], modality?: readonly Modality[]): Doc {
  return { ...doc, mentions, events, ...(modality ? { modality } : {}) };
}

/** A stage context holding only the parts of the knowledge a test needs. */
export function contextWith(parts: Partial<Knowledge>): StageContext {
  return { knowledge: parts as Knowledge };
}
