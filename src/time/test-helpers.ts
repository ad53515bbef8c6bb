/**
 * Test helper (used only by src/time/*.test.ts): builds a Doc with the layers the time stage
 * reads. Sentences and tokens come from wink-nlp; mentions, events and modality are hand-given.
 */
import winkNLP, { type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type {
  ActorMention, Doc, EventMention, Modality, ModalityValue, Pos, Sentence, Span, Token,
} from '../core/doc.js';

const nlp = winkNLP(model);
const its = nlp.its;
/** wink's typings declare `its.lemma` with the wrong signature; at run time it is an its-function. */
const lemmaOf = its.lemma as unknown as ItsFunction<string>;

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

function segment(text: string): { sentences: Sentence[]; tokens: Token[] } {
  const doc = nlp.readDoc(text);
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  let cursor = 0;
  doc.sentences().each((s, si) => {
    const first = tokens.length;
    const values = s.tokens().out(its.value);
    const pos = s.tokens().out(its.pos);
    const lemmas = s.tokens().out(lemmaOf);
    values.forEach((value, k) => {
      const start = text.indexOf(value, cursor);
      cursor = start + value.length;
      tokens.push({
        index: tokens.length, sentence: si, text: value, normal: value.toLowerCase(),
        lemma: String(lemmas[k]), pos: pos[k] as Pos, start, end: cursor,
      });
    });
    const last = tokens[tokens.length - 1];
    sentences.push({
      index: si, start: tokens[first].start, end: last.end, tokenStart: first, tokenEnd: tokens.length, paragraph: 0,
    });
  });
  return { sentences, tokens };
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
