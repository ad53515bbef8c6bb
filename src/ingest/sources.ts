/**
 * Sources to documents: files, folders (recursively), URLs and stdin; each read as an HTML page, a
 * feed (one document per item, or with `follow` the page each item links to), JSON Lines or plain
 * text. One bad item never stops the rest: it is yielded as an error (or a skip) and reading goes on.
 */
import { Readable } from 'node:stream';
import type { DocInput } from '../core/doc.js';
import { DyadError } from '../core/errors.js';
import { parsePublicationDate } from './date.js';
import { classifySource, decodeHtml, sniff, SNIFF_BYTES, type ContentKind } from './detect.js';
import { parseFeed, type FeedItem, type FeedResult } from './feed.js';
import { Fetcher } from './fetch.js';
import { extractArticle } from './html.js';
import { readJsonl } from './jsonl.js';
import { explain, openStream, readFileBytes, readStreamBytes, STDIN_NAME } from './read-input.js';
import { listFolder, peekFile, peekStream } from './source-files.js';
import { DEFAULT_MAX_BYTES, decodeText, detectLanguage } from './text-input.js';

/** Extensions read when a folder is expanded; a file named on the command line is always read. */
const NEWS_FILE = /\.(txt|text|md|html?|xhtml|xml|rss|atom|rdf|jsonl|ndjson)$/i;

export interface SourceOptions {
  /** Publication date (YYYY-MM-DD) for documents whose source gives none (--date). */
  readonly date?: string | null;
  /** Fetch each feed item's link and extract the page instead of using the feed's text (--follow). */
  readonly follow?: boolean;
  /** Fetcher for URLs (default: a new Fetcher with its default politeness). */
  readonly fetcher?: Fetcher;
  /** Largest document (and file other than JSON Lines) accepted, in bytes (default 5 MB). */
  readonly maxBytes?: number;
  /** Where "-" reads from (default process.stdin). */
  readonly stdin?: Readable;
  /** Skip documents confidently in another language (default true). */
  readonly englishOnly?: boolean;
}

export type SourceItem =
  | { readonly input: DocInput; readonly origin: string; readonly kind: ContentKind }
  | { readonly error: DyadError; readonly origin: string }
  | { readonly skipped: string; readonly origin: string }
  /** Something wrong with a source that was still read (a feed that is not well-formed XML). */
  | { readonly warning: string; readonly origin: string };

interface Context {
  readonly date: string | null;
  readonly follow: boolean;
  readonly maxBytes: number;
  readonly englishOnly: boolean;
  readonly stdin: () => Readable;
  readonly fetcher: () => Fetcher;
}

/** Where some bytes came from: the name errors use, the URL (for links), the HTTP content type. */
export interface Origin {
  readonly name: string;
  readonly url: string | null;
  readonly contentType: string | null;
}

/** Reads every source in order. Throws only for a bad `opts.date`; every other problem is yielded. */
export async function* readSources(args: readonly string[], opts: SourceOptions = {}): AsyncGenerator<SourceItem> {
  const ctx = context(opts);
  for (const arg of args) {
    const { kind } = classifySource(arg);
    if (kind === 'url') yield* fromUrl(arg, ctx);
    else if (kind === 'stdin') yield* fromStdin(ctx);
    else if (kind === 'file') yield* fromFile(arg, ctx);
    else {
      let files: string[];
      try {
        files = await listFolder(arg);
      } catch (err) {
        yield { error: explain(err, arg), origin: arg };
        continue;
      }
      for (const file of files) {
        // In a folder, only what can be news: text, pages, feeds, JSON Lines (and files with no extension).
        if (NEWS_FILE.test(file) || !/\.[A-Za-z0-9]{1,8}$/.test(file)) yield* fromFile(file, ctx);
        else yield { skipped: `not a news file (${file.replace(/^.*\./, '.')})`, origin: file };
      }
    }
  }
}

function context(opts: SourceOptions): Context {
  let fetcher = opts.fetcher ?? null;
  return {
    date: opts.date ? parsePublicationDate(opts.date, '--date') : null,
    follow: opts.follow ?? false,
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    englishOnly: opts.englishOnly ?? true,
    stdin: () => opts.stdin ?? process.stdin,
    fetcher: () => (fetcher ??= new Fetcher({ maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES })),
  };
}

async function* fromFile(path: string, ctx: Context): AsyncGenerator<SourceItem> {
  let bytes: Buffer;
  let kind: ContentKind;
  try {
    kind = sniff(await peekFile(path, SNIFF_BYTES), path);
    if (kind === 'jsonl') {
      yield* fromJsonl(openStream(path), path, ctx);
      return;
    }
    bytes = await readFileBytes(path, ctx.maxBytes);
  } catch (err) {
    yield { error: explain(err, path), origin: path };
    return;
  }
  yield* fromBytes(bytes, kind, { name: path, url: null, contentType: null }, ctx);
}

async function* fromUrl(url: string, ctx: Context): AsyncGenerator<SourceItem> {
  try {
    const fetched = await ctx.fetcher().fetch(url);
    if (fetched.notModified) return;
    const kind = sniff(fetched.bytes, fetched.url, fetched.contentType);
    yield* fromBytes(fetched.bytes, kind, { name: url, url: fetched.url, contentType: fetched.contentType }, ctx);
  } catch (err) {
    yield { error: explain(err, url), origin: url };
  }
}

async function* fromStdin(ctx: Context): AsyncGenerator<SourceItem> {
  let bytes: Buffer;
  let kind: ContentKind;
  try {
    const { head, whole } = await peekStream(ctx.stdin(), SNIFF_BYTES);
    kind = sniff(head, STDIN_NAME);
    if (kind === 'jsonl') {
      yield* fromJsonl(Readable.from(whole), STDIN_NAME, ctx);
      return;
    }
    bytes = await readStreamBytes(Readable.from(whole), STDIN_NAME, ctx.maxBytes);
  } catch (err) {
    yield { error: explain(err, STDIN_NAME), origin: STDIN_NAME };
    return;
  }
  yield* fromBytes(bytes, kind, { name: STDIN_NAME, url: null, contentType: null }, ctx);
}

async function* fromBytes(bytes: Buffer, kind: ContentKind, from: Origin, ctx: Context): AsyncGenerator<SourceItem> {
  if (kind === 'feed') {
    yield* fromFeed(bytes, from, ctx);
  } else if (kind === 'jsonl') {
    yield* fromJsonl(Readable.from([bytes]), from.name, ctx);
  } else {
    try {
      yield kind === 'html' ? fromPage(bytes, from, ctx) : fromText(bytes, from, ctx);
    } catch (err) {
      yield { error: explain(err, from.name), origin: from.name };
    }
  }
}

function fromText(bytes: Buffer, from: Origin, ctx: Context): SourceItem {
  const { text } = decodeText(bytes, from.name, { maxBytes: ctx.maxBytes, checkLanguage: false });
  return finish({ id: from.url, text, url: from.url, published: ctx.date }, from.name, 'text', null, ctx);
}

function fromPage(bytes: Buffer, from: Origin, ctx: Context, item: FeedItem | null = null, origin: string = from.name): SourceItem {
  const page = extractArticle(decodeHtml(bytes, from.contentType), from.url, from.name);
  const url = page.canonicalUrl ?? from.url;
  const input: DocInput = {
    id: item?.id ?? url,
    text: page.text,
    title: page.title ?? item?.title ?? null,
    url,
    source: page.publisher,
    published: page.published ?? item?.published ?? ctx.date,
  };
  return finish(input, origin, item ? 'feed' : 'html', page.language, ctx);
}

async function* fromJsonl(stream: Readable, name: string, ctx: Context): AsyncGenerator<SourceItem> {
  try {
    const options = { maxBytes: ctx.maxBytes, defaultDate: ctx.date, checkLanguage: false };
    let lines = 0;
    for await (const record of readJsonl(stream, name, options)) {
      lines++;
      if (record.ok) yield finish(record.doc, record.where, 'jsonl', null, ctx);
      else yield record.blank ? { skipped: 'blank line', origin: record.where } : { error: record.error, origin: record.where };
    }
    if (lines === 0) yield { error: new DyadError('INPUT_EMPTY', 'input is empty: no JSON Lines records', name), origin: name };
  } catch (err) {
    yield { error: explain(err, name), origin: name };
  }
}

async function* fromFeed(bytes: Buffer, from: Origin, ctx: Context): AsyncGenerator<SourceItem> {
  let feed: FeedResult;
  try {
    feed = parseFeed(bytes, from.name, from.contentType);
  } catch (err) {
    yield { error: explain(err, from.name), origin: from.name };
    return;
  }
  for (const problem of feed.problems) {
    if (problem.item === null) {
      yield { warning: problem.reason, origin: from.name };
    } else {
      const origin = `${from.name} item ${problem.item}`;
      yield { error: new DyadError('INPUT_UNREADABLE', problem.reason, origin), origin };
    }
  }
  // With --follow, up to FOLLOW_AHEAD links are fetched at once (the fetcher keeps to each host's allowance); items come out in order.
  const reads: (Promise<SourceItem> | undefined)[] = [];
  const read = (item: FeedItem): Promise<SourceItem> => {
    const origin = `${from.name} item ${item.index}`;
    const pending = ctx.follow && item.link ? followItem(item, origin, ctx) : Promise.resolve().then(() => fromFeedItem(item, feed, origin, ctx));
    return pending.catch((err: unknown): SourceItem => ({ error: explain(err, origin), origin }));
  };
  for (let i = 0; i < feed.items.length; i++) {
    const ahead = ctx.follow ? FOLLOW_AHEAD : 1;
    for (let j = i; j < Math.min(feed.items.length, i + ahead); j++) reads[j] ??= read(feed.items[j]);
    yield await (reads[i] as Promise<SourceItem>);
    reads[i] = undefined;
  }
}

/** Feed links fetched at once with --follow. */
const FOLLOW_AHEAD = 8;

function fromFeedItem(item: FeedItem, feed: FeedResult, origin: string, ctx: Context): SourceItem {
  const text = item.text || item.title || '';
  if (text === '') throw new DyadError('INPUT_EMPTY', 'feed item has no text', origin);
  const input: DocInput = {
    id: item.id ?? item.link,
    text,
    title: item.title,
    url: item.link,
    source: feed.title,
    published: item.published ?? ctx.date,
  };
  return finish(input, origin, 'feed', feed.language, ctx);
}

/** The page a feed item links to, extracted; its errors name the link. */
async function followItem(item: FeedItem, origin: string, ctx: Context): Promise<SourceItem> {
  const link = item.link ?? '';
  const fetched = await ctx.fetcher().fetch(link);
  if (fetched.notModified) return { skipped: 'not modified', origin };
  const kind = sniff(fetched.bytes, fetched.url, fetched.contentType);
  if (kind !== 'html') throw new DyadError('INPUT_UNREADABLE', `the item's link is not an HTML page (${kind})`, link);
  return fromPage(fetched.bytes, { name: link, url: fetched.url, contentType: fetched.contentType }, ctx, item, origin);
}

/** Sets the language from the text; skips a document confidently in another language. */
function finish(input: DocInput, origin: string, kind: ContentKind, declared: string | null, ctx: Context): SourceItem {
  const guess = detectLanguage(input.text);
  const code = guess.confident ? twoLetter(guess.code) : null;
  if (code !== null && code !== 'en' && ctx.englishOnly) return { skipped: `not English (${code})`, origin };
  return { input: { ...input, language: code ?? input.language ?? declared ?? null }, origin, kind };
}

/** ISO 639-3 ("fra") to ISO 639-1 ("fr") where there is one. */
function twoLetter(code: string): string {
  try {
    return new Intl.Locale(code).language;
  } catch {
    return code;
  }
}

/** The items of bytes fetched elsewhere (`dyad watch` fetches its feeds itself, with conditional requests). */
export async function* readFetched(bytes: Buffer, from: Origin, opts: SourceOptions = {}): AsyncGenerator<SourceItem> {
  const kind = sniff(bytes, from.url ?? from.name, from.contentType);
  yield* fromBytes(bytes, kind, from, context(opts));
}
