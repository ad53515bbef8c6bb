/**
 * From the pipeline's tokens (wink's) to the words the parser reads, in UD's tokenisation.
 * wink already splits most contractions as UD does ("do" "n't", "Russia" "'s", "ca" "n't");
 * it leaves some clitics on ("I'm", "They'd've", "Russia’s" with a curly apostrophe), which are
 * split off here. Each token maps to one or more words; the token takes the dependency of the
 * word among them whose head lies outside the token.
 */
import type { Token } from '../core/doc.js';
import { syntaxWords } from '../syntax/words.js';

export interface ParserWords {
  /** Word forms, in UD's tokenisation. */
  readonly forms: string[];
  /** For token k of the sentence (0-based), its words [first[k], first[k + 1]). */
  readonly first: Int32Array;
  /** For each word, the sentence-relative token it came from. */
  readonly tokenOf: Int32Array;
}

/** Splits clitic endings off one token's text; returns the parts (at least one). */
export function splitClitics(text: string, clitics: readonly string[] = syntaxWords().clitics): string[] {
  const parts: string[] = [];
  let rest = text;
  for (let again = true; again && rest.length > 1;) {
    again = false;
    const folded = rest.toLowerCase().replace(/[\u2019\u2018]/g, "'");
    for (const c of clitics) {
      if (folded.length > c.length && folded.endsWith(c) && /[a-z]/i.test(rest[rest.length - c.length - 1])) {
        parts.unshift(rest.slice(rest.length - c.length));
        rest = rest.slice(0, rest.length - c.length);
        again = true;
        break;
      }
    }
  }
  parts.unshift(rest);
  return parts;
}

export function parserWords(tokens: readonly Token[], start: number, end: number): ParserWords {
  const forms: string[] = [];
  const first = new Int32Array(end - start + 1);
  const tokenOf: number[] = [];
  for (let i = start; i < end; i++) {
    first[i - start] = forms.length;
    for (const part of splitClitics(tokens[i].text)) {
      forms.push(part);
      tokenOf.push(i - start);
    }
  }
  first[end - start] = forms.length;
  return { forms, first, tokenOf: Int32Array.from(tokenOf) };
}

/**
 * Projects a parse of the words back onto the tokens: for each token, the word (its "lead")
 * whose head is outside the token, or the first word when none is.
 */
export function leadWords(words: ParserWords, heads: Int32Array): Int32Array {
  const n = words.first.length - 1;
  const lead = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const a = words.first[k];
    const b = words.first[k + 1];
    lead[k] = a;
    for (let w = a; w < b; w++) {
      const h = heads[w];
      if (h < a || h >= b) { lead[k] = w; break; }
    }
  }
  return lead;
}
