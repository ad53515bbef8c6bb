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

const ANY_CURLY = /[\u2018\u2019\u201B\u2032\u201C\u201D\u201E\u2033]/;

export function normalise(text: string): string {
  const lower = text.toLowerCase();
  return ANY_CURLY.test(lower) ? lower.replace(CURLY, "'").replace(CURLY_DOUBLE, '"') : lower;
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

/**
 * Bounds that keep segmentation and every later stage linear in the text's length. wink's abbreviation
 * regex backtracks on a very long token (80 KB without a space: 13 s), and the coder's per-trigger
 * scans of a sentence make a sentence of thousands of tokens quadratic. 99.9% of news sentences
 * have under 100 tokens (57,088 sentences of the three corpora) and words are short, so a longer run
 * is cut before wink reads it and a longer sentence is split, at its last clause mark when it has one.
 */
export const MAX_TOKEN_CHARS = 100;
export const MAX_SENTENCE_TOKENS = 150;
/** Clause marks a too-long sentence is preferably split after, best first. */
const BREAKS: readonly string[] = [';', ':', ',', '\u2014', '\u2013', '-', ')'];

/** Tokenises text; returns tokens with offsets into `text`, grouped into sentences. */
export function segmentText(text: string): { sentences: Sentence[]; tokens: Token[] } {
  return wink().read(cutLongRuns(text), (wdoc) => collect(text, wdoc));
}

/**
 * The text with a space put into every run of more than MAX_TOKEN_CHARS characters without one
 * (never inside a surrogate pair). wink then reads pieces that are each a substring of `text`, so
 * offsets are still found in the text as given.
 */
export function cutLongRuns(text: string): string {
  const long = new RegExp(`\\S{${MAX_TOKEN_CHARS + 1},}`, 'g');
  return text.replace(long, (run) => {
    const pieces: string[] = [];
    let from = 0;
    while (run.length - from > MAX_TOKEN_CHARS) {
      let cut = from + MAX_TOKEN_CHARS;
      if (isHighSurrogate(run.charCodeAt(cut - 1))) cut--;
      pieces.push(run.slice(from, cut));
      from = cut;
    }
    pieces.push(run.slice(from));
    return pieces.join(' ');
  });
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

type MutableToken = { -readonly [K in keyof Token]: Token[K] };

/** Where a token's value is in `text` at or after `cursor`: past white space, or a little further. */
function locate(text: string, value: string, cursor: number): number {
  let at = cursor;
  while (at < text.length && /\s/.test(text[at])) at++;
  if (text.startsWith(value, at)) return at;
  // wink may drop characters it cannot read (control or zero-width ones): look on, a bounded way.
  const near = text.slice(at, at + value.length + 4096).indexOf(value);
  return near < 0 ? -1 : at + near;
}

function collect(text: string, wdoc: Document): { sentences: Sentence[]; tokens: Token[] } {
  const its = wink().methods.its;
  const paras = paragraphStarts(text);
  const sentences: Sentence[] = [];
  const tokens: MutableToken[] = [];
  let cursor = 0;
  let sentenceStartToken = 0;
  /** Closes the sentence made of tokens[sentenceStartToken..end]. */
  const close = (end: number): void => {
    const first = tokens[sentenceStartToken];
    for (let i = sentenceStartToken; i < end; i++) tokens[i].sentence = sentences.length;
    sentences.push({
      index: sentences.length,
      start: first.start,
      end: tokens[end - 1].end,
      tokenStart: sentenceStartToken,
      tokenEnd: end,
      paragraph: paragraphOf(paras, first.start),
    });
    sentenceStartToken = end;
  };
  /** Closes the sentence in hand, in pieces of at most MAX_SENTENCE_TOKENS. */
  const flush = (): void => {
    while (tokens.length - sentenceStartToken > MAX_SENTENCE_TOKENS) close(breakAfter(tokens, sentenceStartToken));
    if (tokens.length > sentenceStartToken) close(tokens.length);
  };
  wdoc.sentences().each((wsent: ItemSentence) => {
    const raw = wsent.tokens();
    const values = raw.out(its.value) as string[];
    const lemmas = raw.out(its.lemma as unknown as ItsFunction<string>) as string[];
    const tags = raw.out(its.pos) as string[];
    const types = raw.out(its.type) as string[];
    for (let i = 0; i < values.length; i++) {
      const wvalue = values[i];
      if (types[i] === 'tabCRLF' || tags[i] === 'SPACE' || wvalue.trim() === '') {
        // A blank line ends a sentence even without a full stop (headlines, list items).
        if (/\n[ \t]*\n/.test(wvalue)) flush();
        continue;
      }
      const at = locate(text, wvalue, cursor);
      // A value not found in the text (wink changed it) keeps its place and takes the text's characters there.
      const start = at < 0 ? Math.min(text.length, cursor) : at;
      const end = at < 0 ? Math.min(text.length, cursor + wvalue.length) : at + wvalue.length;
      if (start > cursor && tokens.length > sentenceStartToken && /\n[ \t]*\n/.test(text.slice(cursor, start))) flush();
      cursor = end;
      if (end <= start) continue;
      const value = at < 0 ? text.slice(start, end) : wvalue;
      const normal = normalise(value);
      const lemma = at < 0 ? value : lemmas[i] || wvalue;
      tokens.push({
        index: tokens.length,
        sentence: sentences.length,
        text: value,
        normal,
        lemma: lemma === value ? normal : normalise(lemma),
        pos: tags[i] as Pos,
        start,
        end,
      });
    }
    flush();
  });
  return { sentences, tokens };
}

/** Where to end a too-long sentence that starts at `from`: after its last clause mark in the second half, else at the limit. */
function breakAfter(tokens: readonly Token[], from: number): number {
  const limit = from + MAX_SENTENCE_TOKENS;
  for (const mark of BREAKS) {
    for (let i = limit - 1; i >= from + MAX_SENTENCE_TOKENS / 2; i--) if (tokens[i].normal === mark) return i + 1;
  }
  return limit;
}

export class SegmentStage implements Stage {
  readonly name = 'segment';
  readonly requires = [] as const;
  readonly provides = ['sentences', 'tokens'] as const;

  warm(): void {
    wink();
  }

  run(doc: Doc): Doc {
    const { sentences, tokens } = segmentText(doc.text);
    return { ...doc, sentences, tokens };
  }
}
