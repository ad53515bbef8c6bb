/**
 * coref.surname: news names a person in full once ("Home Secretary Charles Clarke", "Tory leader
 * Michael Howard") and by surname after that, with or without an honorific ("Mr Clarke said",
 * "Howard accused"). The surname then names the same actor, even when the dictionary does not know
 * the person. A surname inside another full name ("Kenneth Clarke") is another person.
 */
import type { ActorRef, Token } from '../core/doc.js';
import { HONORIFICS } from '../syntax/english.js';

const NAME_WORD = /^[A-Z][a-z]/;

function nameWord(t: Token | undefined): boolean {
  return t !== undefined && t.pos === 'PROPN' && NAME_WORD.test(t.text);
}

export interface SurnameDraft {
  readonly first: number;
  readonly end: number;
  readonly actors: readonly ActorRef[];
}

export class SurnameMemory {
  private readonly bySurname = new Map<string, readonly ActorRef[]>();

  /**
   * A mention ending in a full name (two name words or more): its last word is a surname for `actors`
   * (one actor). A full name without an actor ("Home Secretary Ruth Adeyemi" with no country) still
   * takes its surname: the surname then names nobody rather than someone else.
   */
  note(tokens: readonly Token[], first: number, end: number, actors: readonly ActorRef[]): void {
    if (actors.length > 1 || end - first < 2 || !nameWord(tokens[end - 1]) || !nameWord(tokens[end - 2])) return;
    const surname = tokens[end - 1].text;
    const known = this.bySurname.get(surname);
    // Two people of one surname in a story: the surname alone names neither.
    const same = known === undefined || (known.length === 1 && actors.length === 1 && known[0].code === actors[0].code);
    this.bySurname.set(surname, same ? actors : []);
  }

  /**
   * A full name no mention covers ("Jamal Badawi, a militant, ..."): a stranger, whose surname alone
   * ("Badawi said") then names no famous namesake of the dictionary.
   */
  noteStranger(tokens: readonly Token[], end: number): void {
    const surname = tokens[end - 1].text;
    if (!this.bySurname.has(surname)) this.bySurname.set(surname, []);
  }

  /** Is the one-word name at token i the surname of someone named earlier in full, not of `actors`? */
  taken(tokens: readonly Token[], i: number, actors: readonly ActorRef[]): boolean {
    const known = this.bySurname.get(tokens[i].text);
    return known !== undefined && !(known.length === 1 && actors.length === 1 && known[0].code === actors[0].code && known[0].entityId === actors[0].entityId);
  }

  /** Surnames of people named earlier, in tokens[from, to) not `covered` by another mention. */
  drafts(tokens: readonly Token[], from: number, to: number, covered: (i: number) => boolean): SurnameDraft[] {
    const out: SurnameDraft[] = [];
    if (this.bySurname.size === 0) return out;
    for (let i = from; i < to; i++) {
      const actors = nameWord(tokens[i]) && !covered(i) ? this.bySurname.get(tokens[i].text) : undefined;
      if (!actors || actors.length === 0 || nameWord(tokens[i + 1])) continue;
      const prev = tokens[i - 1];
      const honorific = i > from && prev !== undefined && HONORIFICS.has(prev.normal) && !covered(i - 1);
      if (!honorific && i > from && nameWord(prev)) continue;
      out.push({ first: honorific ? i - 1 : i, end: i + 1, actors });
    }
    return out;
  }
}
