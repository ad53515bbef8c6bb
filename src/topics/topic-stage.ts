/**
 * The topic stage: PLOVER contexts for each event, from the terms in the event's sentence
 * first, then from the rest of its paragraph (contexts are often set a sentence or two away).
 */
import type { Doc, Sentence, Token } from '../core/doc.js';
import { layer } from '../core/doc.js';
import type { Stage, StageContext } from '../core/stage.js';
import type { TopicLexicon } from './lexicon.js';

function contextsOf(lex: TopicLexicon, tokens: readonly Token[], s: Sentence): string[] {
  return [...new Set(lex.find(tokens, s.tokenStart, s.tokenEnd).map((h) => h.context))];
}

export class TopicStage implements Stage {
  readonly name = 'topics';
  readonly requires = ['sentences', 'tokens', 'events'] as const;
  readonly provides = ['topics'] as const;

  run(doc: Doc, ctx: StageContext): Doc {
    const lex = ctx.knowledge.topics;
    const sentences = layer(doc, 'sentences');
    const tokens = layer(doc, 'tokens');
    const perSentence = new Map<number, string[]>();
    const ofSentence = (i: number): string[] => {
      let found = perSentence.get(i);
      if (!found) perSentence.set(i, (found = contextsOf(lex, tokens, sentences[i])));
      return found;
    };
    // The sentences of each paragraph, once (not a scan of the whole document for each event).
    const inParagraph = new Map<number, Sentence[]>();
    for (const s of sentences) {
      const group = inParagraph.get(s.paragraph);
      if (group) group.push(s);
      else inParagraph.set(s.paragraph, [s]);
    }
    const topics = layer(doc, 'events').map((e) => {
      const own = sentences[e.sentence];
      const ordered = [...ofSentence(e.sentence)];
      for (const s of inParagraph.get(own.paragraph) ?? []) {
        if (s.index !== own.index) ordered.push(...ofSentence(s.index));
      }
      return [...new Set(ordered)];
    });
    return { ...doc, topics };
  }
}
