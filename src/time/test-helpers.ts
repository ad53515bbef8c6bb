/**
 * Test helper (used only by src/time/*.test.ts): builds a Doc with the layers the time stage
 * reads. Sentences and tokens come from the segment stage; mentions, events and modality are hand-given.
 */
import type {
  ActorMention, Doc, EventMention, Modality, ModalityValue, Sentence, Span,
} from '../core/doc.js';
import { segmentText as segment } from '../segment/segment-stage.js';

export interface ActorSpec {
  /** Words of the mention, found in the event's sentence. */
  readonly text: string;
  readonly country: string;
}

export interface EventSpec {
  readonly sentence: number;
  /** Trigger words, found in that sentence (first occurrence). */
  readonly trigger: string;
  readonly cameo?: string;
  readonly modality: ModalityValue;
  readonly sources?: readonly ActorSpec[];
  readonly targets?: readonly ActorSpec[];
  readonly antecedent?: number | null;
}

/** Index of the first sentence (as segmented here) that contains `phrase`. */
export function sentenceContaining(text: string, phrase: string): number {
  const at = text.indexOf(phrase);
  const found = segment(text).sentences.find((s) => s.start <= at && at < s.end);
  if (at < 0 || !found) throw new Error(`"${phrase}" not found`);
  return found.index;
}

function find(text: string, within: Span, words: string): Span {
  const at = text.indexOf(words, within.start);
  if (at < 0 || at + words.length > within.end) throw new Error(`"${words}" not found in sentence`);
  return { start: at, end: at + words.length };
}

/** A Doc with sentences, tokens, mentions, events and modality, ready for the time stage. */
export function buildDoc(text: string, published: string | null, specs: readonly EventSpec[]): Doc {
  const { sentences, tokens } = segment(text);
  const mentions: ActorMention[] = [];
  const addMention = (sentence: Sentence, a: ActorSpec): number => {
    const span = find(text, sentence, a.text);
    mentions.push({
      ...span, index: mentions.length, sentence: sentence.index, tokenStart: 0, tokenEnd: 0, kind: 'country',
      actors: [{ code: a.country, country: a.country, sector: null, name: null, role: null, entityId: null }],
      ruleId: 'test',
    });
    return mentions.length - 1;
  };
  const events: EventMention[] = specs.map((spec, index) => {
    const sentence = sentences[spec.sentence];
    const trigger = find(text, sentence, spec.trigger);
    return {
      index, sentence: spec.sentence, trigger, triggerTokens: [], cameo: spec.cameo ?? '040', ruleId: 'test',
      nominal: false, sources: (spec.sources ?? []).map((a) => addMention(sentence, a)),
      targets: (spec.targets ?? []).map((a) => addMention(sentence, a)),
      attribution: null, antecedent: spec.antecedent ?? null, confidence: 1,
    };
  });
  const modality: Modality[] = specs.map((s) => ({ value: s.modality, cue: null }));
  return {
    id: 'test', text, title: null, url: null, source: null, published, language: 'en',
    sentences, tokens, mentions, events, modality,
  };
}
