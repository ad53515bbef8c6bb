/**
 * RSS 0.9x/1.0/2.0, RDF and Atom feeds to items, in any declared encoding. A feed that is not
 * well-formed XML is read leniently and the problem reported; one that yields no feed at all is a
 * DyadError naming the source; an item that cannot be read is reported and skipped.
 */
import { parseFeed as parseFeedXml } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { DyadError } from '../core/errors.js';
import { absolute, languageCode } from './html-meta.js';
import { htmlToLine, htmlToText } from './html-text.js';
import { utcDay, writtenDay } from './published.js';
import { splitFeed } from './feed-recover.js';
import { decodeXml } from './xml-decode.js';

export interface FeedItem {
  /** Position of the item in the feed, from 1 (skipped items keep their number). */
  readonly index: number;
  /** The guid (RSS) or id (Atom), or null. */
  readonly id: string | null;
  readonly title: string | null;
  /** Absolute link to the article, or null. */
  readonly link: string | null;
  /** Publication day (YYYY-MM-DD) as the feed writes it, or null. */
  readonly published: string | null;
  /** The content, else the description, as plain text (paragraphs separated by blank lines). */
  readonly text: string;
  readonly author: string | null;
}

export interface FeedProblem {
  /** The item's position (from 1), or null for a problem of the whole feed. */
  readonly item: number | null;
  readonly reason: string;
}

export interface FeedResult {
  readonly title: string | null;
  readonly link: string | null;
  /** Two-letter language code the feed declares, or null. */
  readonly language: string | null;
  readonly items: readonly FeedItem[];
  readonly problems: readonly FeedProblem[];
}

type LibFeed = ReturnType<typeof parseFeedXml>;
type LibItem = LibFeed['items'][number];

/** Elements that carry an item's date, best first (local names, any namespace). */
const DATE_ELEMENTS: readonly string[] = ['pubdate', 'published', 'issued', 'date', 'created', 'updated', 'modified'];

/**
 * Parses a feed's bytes. `source` names it in errors; `contentType` (an HTTP header) gives the
 * charset when the XML declares none. Throws INPUT_EMPTY or INPUT_UNREADABLE when nothing can be read.
 */
export function parseFeed(bytes: Uint8Array, source: string, contentType: string | null = null): FeedResult {
  const decoded = decodeXml(bytes, contentType);
  const problems: FeedProblem[] = [];
  if (decoded.problem) problems.push({ item: null, reason: decoded.problem });
  if (decoded.text.trim() === '') throw new DyadError('INPUT_EMPTY', 'feed is empty', source);
  const malformed = wellFormednessProblem(decoded.text);
  let whole: LibFeed | null = null;
  let failure = '';
  try {
    whole = parseFeedXml(decoded.text);
  } catch (err) {
    failure = (err as Error).message;
  }
  const recovered = malformed ? readItemByItem(decoded.text) : null;
  if (recovered && recovered.feed && (whole === null || recovered.read > whole.items.length)) {
    problems.push({ item: null, reason: `${malformed}; read item by item${repairNote(recovered.repaired)}` });
    return build(whole ?? recovered.feed, recovered.entries, source, problems);
  }
  if (whole === null) {
    throw new DyadError('INPUT_UNREADABLE', `not a readable RSS, Atom or RDF feed: ${malformed ?? failure}`, source);
  }
  if (malformed) problems.push({ item: null, reason: `${malformed}; read leniently` });
  return build(whole, whole.items.map((libItem, i) => ({ index: i + 1, libItem })), source, problems);
}

/** An item as the library read it, or why it could not be read; `index` counts from 1. */
type Entry = { readonly index: number; readonly libItem: LibItem } | { readonly index: number; readonly problem: string };

function build(feed: LibFeed, entries: readonly Entry[], source: string, problems: FeedProblem[]): FeedResult {
  const base = feedBase(feed, source);
  const items: FeedItem[] = [];
  for (const entry of entries) {
    if ('problem' in entry) {
      problems.push({ item: entry.index, reason: entry.problem });
      continue;
    }
    try {
      const item = toItem(entry.libItem, entry.index, base);
      if (item.title || item.link || item.text) items.push(item);
      else problems.push({ item: entry.index, reason: 'item has no title, link or text' });
    } catch (err) {
      problems.push({ item: entry.index, reason: `cannot read the item: ${(err as Error).message}` });
    }
  }
  const link = absolute(feed.url, base);
  return { title: line(feed.title), link, language: languageCode(feed.language), items, problems };
}

interface Recovered {
  /** The feed's own elements (title, link, language), or null when even they cannot be read. */
  readonly feed: LibFeed | null;
  readonly entries: readonly Entry[];
  /** How many items were read. */
  readonly read: number;
  /** Items read after escaping their raw HTML void tags. */
  readonly repaired: readonly number[];
}

/** Each item parsed on its own (see feed-recover.ts); null when the feed has no item tags. */
function readItemByItem(xml: string): Recovered | null {
  const chunks = splitFeed(xml);
  if (chunks === null) return null;
  const entries: Entry[] = [];
  const repaired: number[] = [];
  let read = 0;
  for (const chunk of chunks.items) {
    try {
      const [libItem] = parseFeedXml(chunk.xml).items;
      if (libItem === undefined) throw new Error('no item found');
      entries.push({ index: chunk.index, libItem });
      read++;
      if (chunk.repaired) repaired.push(chunk.index);
    } catch (err) {
      const why = chunk.wellFormed ? (err as Error).message : `not well-formed XML (${(err as Error).message})`;
      entries.push({ index: chunk.index, problem: `cannot read the item: ${why}` });
    }
  }
  let feed: LibFeed | null = null;
  try {
    feed = parseFeedXml(chunks.shell);
  } catch {
    feed = null;
  }
  return { feed, entries, read, repaired };
}

function repairNote(repaired: readonly number[]): string {
  if (repaired.length === 0) return '';
  const shown = repaired.slice(0, 10).join(', ');
  const more = repaired.length > 10 ? ` and ${repaired.length - 10} more` : '';
  return `; raw HTML tags read as text in item${repaired.length > 1 ? 's' : ''} ${shown}${more}`;
}

/** What relative links are resolved against: the feed's self link, else the URL it came from. */
function feedBase(feed: LibFeed, source: string): string | null {
  const fromSource = absolute(source, null);
  return absolute(feed.self, fromSource) ?? fromSource;
}

function toItem(item: LibItem, index: number, base: string | null): FeedItem {
  const author = item.authors[0];
  return {
    index,
    id: item.id?.trim() || null,
    title: line(item.title),
    link: absolute(item.url, base),
    published: itemDay(item),
    text: htmlToText(item.content ?? '') || htmlToText(item.description ?? ''),
    author: author ? author.name ?? author.email ?? null : null,
  };
}

/** The day as written in the item's first date element, else the parsed date's UTC day. */
function itemDay(item: LibItem): string | null {
  for (const name of DATE_ELEMENTS) {
    const day = writtenDay(item.element.findElementWithName(name)?.textContent);
    if (day) return day;
  }
  return utcDay(item.published) ?? utcDay(item.updated);
}

/** Why the XML is not well-formed (line and message), or null when it is. */
export function wellFormednessProblem(xml: string): string | null {
  const result = XMLValidator.validate(xml);
  if (result !== true) return `not well-formed XML (line ${result.err.line}): ${result.err.msg}`;
  const prefix = undeclaredPrefix(xml);
  return prefix ? `not well-formed XML: namespace prefix "${prefix}" is not declared` : null;
}

/** A namespace prefix used on an element but never declared (outside CDATA and comments). */
function undeclaredPrefix(xml: string): string | null {
  const markup = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const declared = new Set(['xml', 'xmlns']);
  for (const m of markup.matchAll(/\sxmlns:([A-Za-z_][\w.-]*)\s*=/g)) declared.add(m[1]);
  for (const m of markup.matchAll(/<\/?([A-Za-z_][\w.-]*):[A-Za-z_]/g)) {
    if (!declared.has(m[1])) return m[1];
  }
  return null;
}

function line(value: string | null): string | null {
  return value ? htmlToLine(value) || null : null;
}
