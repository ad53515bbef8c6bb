/**
 * segment: sentences, tokens, POS and lemmas from wink-nlp, with character offsets into doc.text.
 * wink's NER is not used (it finds no people or organisations); actors come from our dictionaries.
 */
import winkNLP, { type Document, type ItemSentence, type ItsFunction } from 'wink-nlp';
import type { Doc, Pos, Sentence, Token } from '../core/doc.js';
import type { Stage } from '../core/stage.js';
import { FreshWink } from './wink-state.js';

let shared: FreshWink | null = null;

/**
 * One wink instance per process (loading the model takes ~0.3 s), reading each text as if it were the
 * first. Sentence split and POS only: dyad reads no entities, negation or sentiment from wink (tokens,
 * lemmas and tags are the same; compared on the corpus, test/corpus-slice.test.ts).
 */
export function wink(): FreshWink {
  shared ??= new FreshWink((model) => winkNLP(model, ['sbd', 'pos']));
  return shared;
}

/** Loads wink afresh, as a new process would have it (the determinism test codes documents alone on one). */
export function reloadWink(): void {
  shared = null;
}

const CURLY = /[\u2018\u2019\u201B\u2032]/g;
const CURLY_DOUBLE = /[\u201C\u201D\u201E\u2033]/g;

export function normalise(text: string): string {
  return text.toLowerCase().replace(CURLY, "'").replace(CURLY_DOUBLE, '"');
}

interface RawToken {
  readonly value: string;
  readonly lemma: string;
  readonly pos: string;
  readonly type: string;
}

/** Paragraph number of every character offset: a blank line starts a new paragraph. */
function paragraphStarts(text: string): number[] {
  const starts = [0];
  const re = /\n[ \t]*\n\s*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

function paragraphOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Tokenises text; returns tokens with offsets, grouped into sentences. */
export function segmentText(text: string): { sentences: Sentence[]; tokens: Token[] } {
  return wink().read(text, (wdoc) => collect(text, wdoc));
}

function collect(text: string, wdoc: Document): { sentences: Sentence[]; tokens: Token[] } {
  const its = wink().methods.its;
  const paras = paragraphStarts(text);
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  let cursor = 0;
  let sentenceStartToken = 0;
  /** Closes the sentence made of tokens[sentenceStartToken..]. */
  const flush = (): void => {
    if (tokens.length === sentenceStartToken) return;
    const first = tokens[sentenceStartToken];
    const last = tokens[tokens.length - 1];
    sentences.push({
      index: sentences.length,
      start: first.start,
      end: last.end,
      tokenStart: sentenceStartToken,
      tokenEnd: tokens.length,
      paragraph: paragraphOf(paras, first.start),
    });
    sentenceStartToken = tokens.length;
  };
  wdoc.sentences().each((wsent: ItemSentence) => {
    const raw = wsent.tokens();
    const values = raw.out(its.value) as string[];
    const lemmas = raw.out(its.lemma as unknown as ItsFunction<string>) as string[];
    const tags = raw.out(its.pos) as string[];
    const types = raw.out(its.type) as string[];
    for (let i = 0; i < values.length; i++) {
      const t: RawToken = { value: values[i], lemma: lemmas[i], pos: tags[i], type: types[i] };
      if (t.type === 'tabCRLF' || t.pos === 'SPACE' || t.value.trim() === '') {
        // A blank line ends a sentence even without a full stop (headlines, list items).
        if (/\n[ \t]*\n/.test(t.value)) flush();
        continue;
      }
      const at = text.indexOf(t.value, cursor);
      const start = at < 0 ? cursor : at;
      const end = at < 0 ? Math.min(text.length, cursor + t.value.length) : at + t.value.length;
      if (tokens.length > sentenceStartToken && /\n[ \t]*\n/.test(text.slice(cursor, start))) flush();
      cursor = end;
      tokens.push({
        index: tokens.length,
        sentence: sentences.length,
        text: t.value,
        normal: normalise(t.value),
        lemma: normalise(t.lemma || t.value),
        pos: t.pos as Pos,
        start,
        end,
      });
    }
    flush();
  });
  return { sentences, tokens };
}

export class SegmentStage implements Stage {
  readonly name = 'segment';
  readonly requires = [] as const;
  readonly provides = ['sentences', 'tokens'] as const;

  run(doc: Doc): Doc {
    const { sentences, tokens } = segmentText(doc.text);
    return { ...doc, sentences, tokens };
  }
}
