/**
 * Coreference of "he", "she", "him", "his", "her": the nearest compatible antecedent by role and
 * recency, never a person the preceding sentences do not name.
 *
 * Rules of English (each with a sentence of ours in coreference.test.ts):
 *  - coref.subject-first: a subject pronoun refers to the first person of its own sentence before it
 *    ("Tom Hale told Ann Lee he would quit": Hale), else to the first
 *    person of the previous sentence, its subject as a rule ("Tom Hale met Ann Lee. He said ...": Hale).
 *  - coref.object-recent: an object or possessive pronoun ("him", "his") refers to the nearest person
 *    before it in its sentence, else to the previous sentence's first person.
 *  - coref.window: a pronoun reaches back two sentences at most; a chain of pronouns carries the
 *    person on ("He said ... He added ...").
 *  - coref.opening-possessive: a possessive in a phrase that opens the sentence, before any person,
 *    refers forward ("Speaking on his first day, Tom Hale said ...": Hale).
 *  - coref.unknown-person: a person the dictionary does not know ("Former civil service chief Lord
 *    Butler said. He also attacked ...") still takes the pronoun: it stays unresolved, and the pronouns
 *    after it with it, rather than jumping to a famous leader named earlier.
 */
import type { ActorRef, Token } from '../core/doc.js';
import { wordsOf } from '../syntax/english.js';

/** A person-like place in the text: a known person (actors) or someone unknown (no actors). */
export interface PersonSlot {
  readonly sentence: number;
  readonly token: number;
  readonly actors: readonly ActorRef[];
  /** The mention that put it there, when it had one: a pronoun shares the country the story gives it later. */
  readonly mention?: number;
}

const SUBJECT_PRONOUNS = wordsOf('pronoun.person-subject');
/** How many sentences back a pronoun may reach. */
const WINDOW = 2;

export class PersonMemory {
  private readonly slots: PersonSlot[] = [];

  add(slot: PersonSlot): void {
    this.slots.push(slot);
    this.slots.sort((a, b) => a.sentence - b.sentence || a.token - b.token);
  }

  /**
   * The actors a pronoun at `token` of `sentence` refers to; empty when unknown or unresolved.
   * `opening`: the pronoun is a possessive in a phrase opening its sentence ("In his speech, Xi ..."),
   * which refers forward to the sentence's first person when none comes before it (coref.opening-possessive).
   */
  antecedent(pronoun: string, sentence: number, token: number, opening = false): readonly ActorRef[] {
    return this.antecedentSlot(pronoun, sentence, token, opening)?.actors ?? [];
  }

  /** The place in the text `antecedent` takes its actors from, or null. */
  antecedentSlot(pronoun: string, sentence: number, token: number, opening = false): PersonSlot | null {
    const here = this.slots.filter((s) => s.sentence === sentence && s.token < token);
    if (here.length) return SUBJECT_PRONOUNS.has(pronoun) ? here[0] : here[here.length - 1];
    const after = opening ? this.slots.find((s) => s.sentence === sentence && s.token > token) : undefined;
    if (after) return after;
    for (let back = 1; back <= WINDOW; back++) {
      const earlier = this.slots.find((s) => s.sentence === sentence - back);
      if (earlier) return earlier;
    }
    return null;
  }
}

const CAPITALISED = /^[A-Z][a-z]/;

function nameWord(t: Token | undefined): boolean {
  return t !== undefined && t.pos === 'PROPN' && CAPITALISED.test(t.text);
}

/**
 * Names of people the dictionary does not know: two or more capitalised proper nouns, outside every
 * mention, in a person's position: after a lower-case title word ("chairman Liam Fox"), or as a
 * subject before a verb or an apposition ("Satoshi Sumita said", "Pat Robertson, the founder").
 * A name that modifies a noun after it ("Reagan bonds") is no person.
 */
export function unknownPersons(tokens: readonly Token[], from: number, to: number, covered: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    if (!nameWord(tokens[i]) || covered(i) || (i > from && nameWord(tokens[i - 1]) && !covered(i - 1))) continue;
    let j = i;
    while (j + 1 < to && nameWord(tokens[j + 1]) && !covered(j + 1)) j++;
    if (j === i) continue;
    const prev = tokens[i - 1];
    const next = tokens[j + 1];
    const afterTitle = prev !== undefined && i > from && prev.pos === 'NOUN' && /^[a-z]/.test(prev.text);
    const asSubject = next !== undefined && (next.pos === 'VERB' || next.pos === 'AUX' || next.text === ',');
    if (afterTitle || asSubject) out.push(i);
    i = j;
  }
  return out;
}
