/**
 * Test helper (not used by the library): builds Docs by hand for the place and topic stage
 * tests. Tokens, lemmas and POS come from wink-nlp; offsets are found by searching the text
 * from a cursor; a blank line starts a new paragraph. Mentions and events are added by hand.
 */
import winkNLP, { type ItemSentence, type ItemToken, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { ActorMention, Doc, EventMention, MentionKind, Modality, Pos, Sentence, Token } from '../core/doc.js';
import type { StageContext } from '../core/stage.js';
import type { Knowledge } from '../knowledge/knowledge.js';

const nlp = winkNLP(model);
const its = nlp.its;
// wink-nlp 2.4's typings give its.lemma a signature that out() does not accept; it works at run time.
const lemmaOf = its.lemma as unknown as ItsFunction<string>;

function paragraphOf(text: string, offset: number): number {
  return (text.slice(0, offset).match(/\n\s*\n/g) ?? []).length;
}

/** Sentences and tokens of `text`, as the segment stage would make them. */
export function makeDoc(text: string): Doc {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  let cursor = 0;
  nlp.readDoc(text).sentences().each((s: ItemSentence) => {
    const tokenStart = tokens.length;
    const lemmas = s.tokens().out(lemmaOf) as string[];
    s.tokens().each((t: ItemToken, k: number) => {
      const value = t.out(its.value);
      if (value.trim() === '') return;
      const start = text.indexOf(value, cursor);
      if (start < 0) return;
      cursor = start + value.length;
      tokens.push({
        index: tokens.length, sentence: sentences.length, text: value, start, end: cursor,
        normal: value.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"'),
        lemma: (lemmas[k] ?? value).toLowerCase(), pos: t.out(its.pos) as Pos,
      });
    });
    if (tokens.length === tokenStart) return;
    const start = tokens[tokenStart].start;
    sentences.push({
      index: sentences.length, start, end: tokens[tokens.length - 1].end, tokenStart, tokenEnd: tokens.length,
      paragraph: paragraphOf(text, start),
    });
  });
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
