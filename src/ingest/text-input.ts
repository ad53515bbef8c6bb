/**
 * Input checking: bytes in, checked English text out, or a DyadError naming the input and the problem.
 * No printing; the only I/O is reading data/language/english.yaml once, for the language check.
 */
import { francAll } from 'franc-min';
import { DyadError } from '../core/errors.js';
import { mostlyEnglish } from './language.js';

/** Default limit on one document: 5 MB. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** How much text the language detector reads. */
const LANGUAGE_SAMPLE = 2000;
/** Fewer words than this (or CJK characters than twice this) and the language is not judged. */
const MIN_WORDS = 20;
/** English's detector score (1 = the best-scoring language) below which another language is refused. */
const ENGLISH_MIN_SCORE = 0.85;
/** Share of control characters in the first bytes above which the input is binary. */
const BINARY_SHARE = 0.1;
const BINARY_SAMPLE = 65536;

export interface TextOptions {
  /** Largest document accepted, in bytes of UTF-8. */
  readonly maxBytes?: number;
  /** Refuse text in another language than English (default true). */
  readonly checkLanguage?: boolean;
}

export interface CheckedText {
  readonly text: string;
  /** "en" when the detector recognised English; null when the text is too short to judge. */
  readonly language: 'en' | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Checks a whole input's bytes and decodes them: size, emptiness, binary data, UTF-8, language. */
export function decodeText(bytes: Uint8Array, input: string, options: TextOptions = {}): CheckedText {
  checkSize(bytes.length, input, options.maxBytes);
  if (bytes.length === 0) throw new DyadError('INPUT_EMPTY', 'input is empty', input);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new DyadError('INPUT_ENCODING', 'input is UTF-16; convert it to UTF-8', input);
  }
  if (bytes.includes(0) || looksBinary(Math.min(bytes.length, BINARY_SAMPLE), (i) => bytes[i])) {
    throw new DyadError('INPUT_BINARY', 'input is binary data, not text', input);
  }
  let text: string;
  try {
    text = utf8.decode(bytes); // strips a UTF-8 byte order mark
  } catch {
    throw new DyadError('INPUT_ENCODING', `input is not valid UTF-8 (first bad byte at offset ${firstBadByte(bytes)})`, input);
  }
  return checkText(text, input, { ...options, maxBytes: undefined });
}

/**
 * Checks text that is already a string (a JSON Lines record): size, emptiness, control characters,
 * language. The text comes back as given, a leading U+FEFF included, so offsets index it.
 */
export function checkText(text: string, input: string, options: TextOptions = {}): CheckedText {
  if (options.maxBytes !== undefined) checkSize(Buffer.byteLength(text, 'utf8'), input, options.maxBytes);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    throw new DyadError('INPUT_EMPTY', body === '' ? 'input is empty' : 'input has only white space', input);
  }
  if (body.includes('\0') || looksBinary(Math.min(body.length, BINARY_SAMPLE), (i) => body.charCodeAt(i))) {
    throw new DyadError('INPUT_BINARY', 'input is binary data, not text', input);
  }
  const language = options.checkLanguage === false ? null : checkEnglish(body, input);
  return { text, language };
}

export interface LanguageGuess {
  /** ISO 639-3 code of the best-scoring language ("eng", "fra", ...), or "und". */
  readonly code: string;
  /** English name of that language ("French"). */
  readonly name: string;
  /** True when the text is long enough and the guess clearly beats English (or is English). */
  readonly confident: boolean;
}

/**
 * Guesses the language of the first ~2000 characters: English when enough of its words are English
 * function words (language.ts), else franc-min decides.
 */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, LANGUAGE_SAMPLE);
  if (!longEnough(sample)) return { code: 'und', name: 'undetermined', confident: false };
  if (mostlyEnglish(sample.match(/\p{L}+/gu) ?? [])) return { code: 'eng', name: 'English', confident: true };
  const scores = francAll(sample);
  const [code] = scores[0];
  if (code === 'und') return { code, name: 'undetermined', confident: false };
  const english = scores.find(([c]) => c === 'eng')?.[1] ?? 0;
  const confident = code === 'eng' || english < ENGLISH_MIN_SCORE;
  return { code, name: languageName(code), confident };
}

function checkEnglish(text: string, input: string): 'en' | null {
  const guess = detectLanguage(text);
  if (!guess.confident) return null;
  if (guess.code === 'eng') return 'en';
  throw new DyadError('INPUT_LANGUAGE', `text looks like ${guess.name} (${guess.code}), not English`, input);
}

function checkSize(bytes: number, input: string, maxBytes: number = DEFAULT_MAX_BYTES): void {
  if (bytes > maxBytes) throw tooLarge(bytes, input, maxBytes);
}

/** The INPUT_TOO_LARGE error; `bytes` may be a lower bound ("more than") when reading stopped early. */
export function tooLarge(bytes: number | null, input: string, maxBytes: number): DyadError {
  const size = bytes === null ? `more than ${formatBytes(maxBytes)}` : formatBytes(bytes);
  return new DyadError('INPUT_TOO_LARGE', `input is ${size}, over the limit of ${formatBytes(maxBytes)} (see --max-bytes)`, input);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${n} bytes`;
}

/** Control characters other than tab, line feed, form feed and carriage return. */
function looksBinary(length: number, codeAt: (i: number) => number): boolean {
  let control = 0;
  for (let i = 0; i < length; i++) {
    const c = codeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) control++;
  }
  return length > 0 && control / length > BINARY_SHARE;
}

function longEnough(sample: string): boolean {
  const words = sample.match(/\p{L}+/gu)?.length ?? 0;
  if (words >= MIN_WORDS) return true;
  const ideographs = sample.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  return ideographs >= MIN_WORDS * 2;
}

const displayNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

function languageName(code: string): string {
  try {
    return displayNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Offset of the first byte of the first invalid sequence. */
function firstBadByte(bytes: Uint8Array): number {
  // Shortest prefix that fails in streaming mode (where a character cut at the end is not an error).
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  // Byte `lo` is where decoding failed; the bad sequence may have started at a lead byte before it.
  let start = lo - 1;
  while (start >= 0 && lo - start <= 3 && (bytes[start] & 0xc0) === 0x80) start--;
  return start >= 0 && lo - start <= 3 && bytes[start] >= 0xc0 ? start : lo;
}
