/**
 * Reading CoNLL-U treebanks (training and evaluation of the tagger and parser).
 * Multiword-token ranges ("4-5") and empty nodes ("8.1") are skipped: the parser works on the
 * syntactic words, as UD annotates them.
 */
import { readFileSync } from 'node:fs';
import { DyadError } from '../core/errors.js';

export interface TreebankWord {
  readonly form: string;
  readonly lemma: string;
  readonly upos: string;
  /** 1-based head, 0 for the root. */
  readonly head: number;
  readonly rel: string;
}

export interface TreebankSentence {
  readonly id: string;
  readonly text: string;
  readonly words: readonly TreebankWord[];
}

/** Parses CoNLL-U text; `name` is used in error messages (file:line). */
export function parseConllu(text: string, name: string): TreebankSentence[] {
  const out: TreebankSentence[] = [];
  let words: TreebankWord[] = [];
  let id = '';
  let sentText = '';
  const lines = text.split('\n');
  const flush = (): void => {
    if (words.length) out.push({ id, text: sentText, words });
    words = [];
    id = '';
    sentText = '';
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].replace(/\r$/, '');
    if (line === '') { flush(); continue; }
    if (line.startsWith('#')) {
      const m = /^#\s*(sent_id|text)\s*=\s*(.*)$/.exec(line);
      if (m?.[1] === 'sent_id') id = m[2];
      else if (m?.[1] === 'text') sentText = m[2];
      continue;
    }
    const cols = line.split('\t');
    if (cols.length !== 10) throw new DyadError('INPUT_UNREADABLE', `expected 10 tab-separated columns, found ${cols.length}`, `${name}:${n + 1}`);
    if (!/^\d+$/.test(cols[0])) continue;
    const head = Number(cols[6]);
    if (!Number.isInteger(head)) throw new DyadError('INPUT_UNREADABLE', `HEAD "${cols[6]}" is not a number`, `${name}:${n + 1}`);
    words.push({ form: cols[1], lemma: cols[2], upos: cols[3], head, rel: cols[7] });
  }
  flush();
  return out;
}

export function readConllu(file: string): TreebankSentence[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DyadError('INPUT_UNREADABLE', (e as Error).message, file);
  }
  return parseConllu(text, file);
}
