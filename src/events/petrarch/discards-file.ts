/**
 * PETRARCH/TABARI `.discards` files: phrases that veto coding, as PETRARCH does.
 *
 *   BASEBALL                  a sentence holding the phrase yields no events
 *   +TYPHOON                  a story holding it anywhere yields no events at all
 *   AFRICAN NATIONS CUP       words of a phrase are adjacent (blanks or `_`), matched without case
 */
import type { Token } from '../../core/doc.js';
import type { KnowledgeIssue } from '../../core/errors.js';

export interface Discards {
  /** Each phrase as its lower-case words. */
  readonly sentence: readonly (readonly string[])[];
  readonly story: readonly (readonly string[])[];
  /** Where each came from, for the reason a sentence or story was left out: "file:line". */
  readonly origins: readonly string[];
}

export const NO_DISCARDS: Discards = { sentence: [], story: [], origins: [] };

export function parseDiscardsFile(text: string, file: string): { discards: Discards; issues: KnowledgeIssue[] } {
  const sentence: string[][] = [];
  const story: string[][] = [];
  const origins: string[] = [];
  const issues: KnowledgeIssue[] = [];
  text.split(/\r?\n/).forEach((raw, k) => {
    const body = raw.replace(/<!--.*?(-->|$)/g, '').replace(/#.*$/, '').trim();
    if (!body) return;
    const storyLevel = body.startsWith('+');
    const phrase = storyLevel ? body.slice(1).trim() : body;
    if (!/^[A-Za-z0-9][\w .'&-]*$/.test(phrase)) {
      issues.push({ file, line: k + 1, entry: null, message: `cannot read the discard "${body}" (expected a phrase, + before it for a whole story)` });
      return;
    }
    const words = phrase.toLowerCase().split(/[_\s]+/).filter(Boolean).flatMap((w) => w.split(/(-)/).filter(Boolean));
    (storyLevel ? story : sentence).push(words);
    origins.push(`${file}:${k + 1}`);
  });
  return { discards: { sentence, story, origins }, issues };
}

export function mergeDiscards(all: readonly Discards[]): Discards {
  return { sentence: all.flatMap((d) => d.sentence), story: all.flatMap((d) => d.story), origins: all.flatMap((d) => d.origins) };
}

/** Does tokens[from, to) hold one of the phrases (by form or lemma, words adjacent)? */
export function holdsPhrase(tokens: readonly Token[], from: number, to: number, phrases: readonly (readonly string[])[]): boolean {
  for (const phrase of phrases) {
    for (let i = from; i + phrase.length <= to; i++) {
      if (phrase.every((w, j) => tokens[i + j].normal === w || tokens[i + j].lemma === w)) return true;
    }
  }
  return false;
}
