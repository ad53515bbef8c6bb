/**
 * What the visit builder needs from a document besides its events: its sentences (with paragraph
 * numbers and plain topics) and the people named in it, resolved at the publication date. Taken from
 * the coder's annotated Doc, so that building visits stays a pure function of events and facts.
 */
import type { ActorRef, Doc, Token } from '../core/doc.js';
import { layer } from '../core/doc.js';
import { resolveAt } from '../assemble/actors.js';
import type { Knowledge } from '../knowledge/knowledge.js';

export interface PersonMention {
  readonly name: string;
  readonly country: string | null;
  readonly role: string | null;
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
}

export interface SentenceFacts {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  /** Plain topics (themes) of the terms in the sentence, leaving out words inside actor mentions. */
  readonly topics: readonly string[];
  /** Names of the people the sentence refers to, by name, title or "the two leaders". */
  readonly people: readonly string[];
}

export interface DocumentFacts {
  readonly id: string;
  readonly text: string;
  readonly published: string | null;
  readonly sentences: readonly SentenceFacts[];
  /** People named by name or title (not pronouns or group references), in text order. */
  readonly persons: readonly PersonMention[];
}

function sentenceTopics(doc: Doc, knowledge: Knowledge, from: number, to: number, inActor: (t: Token) => boolean): string[] {
  const tokens = layer(doc, 'tokens');
  const lex = knowledge.topics;
  const hits = lex.find(tokens, from, to).filter((h) => !tokens.slice(h.start, h.end).some(inActor));
  return [...new Set(hits.map((h) => lex.themeOf(h.context)))];
}

/** Builds the facts of an annotated Doc (`coder.annotate(input)`), under the document id given. */
export function documentFacts(doc: Doc, knowledge: Knowledge, id: string = doc.id): DocumentFacts {
  const mentions = layer(doc, 'mentions');
  const resolve = (m: (typeof mentions)[number], actor: ActorRef): ActorRef =>
    resolveAt(knowledge.actors, { mention: m, actor }, doc.published);
  const people = new Map<number, Set<string>>();
  const persons: PersonMention[] = [];
  for (const m of mentions) {
    // A bare title ("the prime minister") names someone only at a known date.
    if (m.titleQuery && !m.actors.some((a) => a.name) && !doc.published) continue;
    for (const actor of m.actors) {
      const r = resolve(m, actor);
      if (!r.name || !r.entityId?.startsWith('person.')) continue;
      const set = people.get(m.sentence) ?? new Set<string>();
      set.add(r.name);
      people.set(m.sentence, set);
      if (m.kind === 'person' || m.kind === 'title') {
        persons.push({ name: r.name, country: r.country, role: r.role, sentence: m.sentence, start: m.start, end: m.end });
      }
    }
  }
  const inActor = (t: Token): boolean => mentions.some((m) => t.start >= m.start && t.end <= m.end);
  const sentences = layer(doc, 'sentences').map((s) => ({
    index: s.index,
    start: s.start,
    end: s.end,
    paragraph: s.paragraph,
    topics: sentenceTopics(doc, knowledge, s.tokenStart, s.tokenEnd, inActor),
    people: [...(people.get(s.index) ?? [])],
  }));
  return { id, text: doc.text, published: doc.published, sentences, persons };
}
