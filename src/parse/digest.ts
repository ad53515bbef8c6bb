/**
 * A digest of what the parser outputs (tag, head and relation of every word) over sentences,
 * so that a faster run-time can be checked to give exactly the same parses.
 */
import { createHash } from 'node:crypto';
import type { Parser } from './parser.js';

export function outputDigest(parser: Parser, sentences: readonly (readonly string[])[]): { digest: string; words: number } {
  const hash = createHash('sha256');
  let words = 0;
  for (const forms of sentences) {
    const p = parser.parse(forms);
    const lines: string[] = [];
    for (let i = 0; i < forms.length; i++) lines.push(`${p.tags[i]}\t${p.heads[i]}\t${p.rels[i]}`);
    hash.update(lines.join('\n') + '\n\n');
    words += forms.length;
  }
  return { digest: hash.digest('hex'), words };
}
