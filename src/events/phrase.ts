/**
 * The grammar of a pattern phrase (data/patterns/*.yaml, data/modality/cues.yaml), checked when loaded.
 *
 * A phrase is a list of elements separated by spaces; `|` binds tighter than a space, so every
 * alternative is one word: "phone|telephone call|conversation" is two elements, (phone or telephone)
 * then (call or conversation): "phone call", "telephone conversation", "phone conversation". An
 * alternative of several words ("gun battle" beside "gunfire") cannot be written inside one element:
 * "gunfire|gun battle" would read (gunfire or gun) then battle. Write it as a pattern of its own.
 *
 *   word        lower case: letters, digits, ' . -
 *   a|b|c       one word of several; no empty alternative, no space beside a `|`
 *   ?word       an optional word (or ?a|b)
 *   *           a gap of up to three words
 *
 * An event pattern's first element is its head: a word that must be there (no `*`, no `?`).
 */
import { z } from 'zod';

const WORD = /^[a-z0-9'.-]+$/;

/** What is wrong with one element, or null. */
function elementProblem(element: string, at: number): string | null {
  const where = `element ${at + 1} "${element}"`;
  if (element === '*') return null;
  if (element === '|' || element.startsWith('|') || element.endsWith('|')) {
    return `${where}: a "|" stands beside a space, so the alternatives are split into separate elements; write "a|b" with no spaces (an alternative of several words is a pattern of its own)`;
  }
  const body = element.startsWith('?') ? element.slice(1) : element;
  if (body.includes('*')) return `${where}: "*" is a gap on its own, not part of a word`;
  if (body.startsWith('?')) return `${where}: one "?" makes a word optional`;
  const alternatives = body.split('|');
  if (alternatives.some((a) => a === '')) return `${where}: an empty alternative ("||")`;
  const bad = alternatives.find((a) => !WORD.test(a));
  if (bad === undefined) return null;
  if (bad.includes('_') || bad.includes('+')) return `${where}: "${bad}" joins words; an alternative is one word (an alternative of several words is a pattern of its own)`;
  if (bad !== bad.toLowerCase()) return `${where}: "${bad}" is not lower case`;
  return `${where}: "${bad}" is not a word (lower-case letters, digits, ' . -)`;
}

/** Every problem of a phrase; `head`: the first element must be a required word (event patterns). */
export function phraseProblems(phrase: string, head: boolean): string[] {
  if (phrase.trim() === '') return ['the phrase is empty'];
  if (phrase !== phrase.trim()) return ['the phrase starts or ends with a space'];
  const elements = phrase.split(/\s+/);
  const problems = elements.map(elementProblem).filter((p): p is string => p !== null);
  const first = elements[0];
  if (head && problems.length === 0 && (first === '*' || first.startsWith('?'))) {
    problems.push(`the first element "${first}" is the head and must be a word that is there (no "*", no "?")`);
  }
  return problems;
}

/** A phrase field, validated with a message per problem (the loader adds file:line and the entry's id). */
export function phraseField(head: boolean): z.ZodType<string> {
  return z.string().superRefine((phrase, ctx) => {
    for (const message of phraseProblems(phrase, head)) ctx.addIssue({ code: 'custom', message });
  });
}
