/**
 * Item-by-item reading of a feed that is not well-formed XML. A lenient parse of the whole feed nests
 * every later item inside an element left open (a raw `<br>` in one description), so one bad item
 * loses all that follow it. Here the feed is cut at its item (or entry) start tags, and each item is
 * parsed alone inside a copy of the elements that enclose it (`<rss><channel>`, `<feed>`, `<rdf:RDF>`,
 * with their namespace declarations): a bad item can only lose itself.
 */
import { XMLValidator } from 'fast-xml-parser';

/** One item's markup, ready to parse as a feed of one item. */
export interface ItemChunk {
  /** Position of the item in the feed, from 1. */
  readonly index: number;
  /** A feed document holding only this item. */
  readonly xml: string;
  /** Whether the item had to be repaired (raw HTML void tags escaped as the HTML text they are) to be well-formed. */
  readonly repaired: boolean;
  /** Whether the item is well-formed XML (after the repair). */
  readonly wellFormed: boolean;
}

export interface FeedChunks {
  /** The enclosing elements with no item: for the feed's own title, link and language. */
  readonly shell: string;
  readonly items: readonly ItemChunk[];
}

/** Markup that is not an element tag (kept whole), or an element tag with its name. */
const MARKUP = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/** HTML elements that have no end tag; raw in a feed item they leave an element open. */
const VOID_TAG = /<(?:br|hr|img|wbr|area|col|embed|param|source|track|input|meta)\b(?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*>/gi;

interface Tag {
  readonly at: number;
  readonly end: number;
  readonly close: boolean;
  readonly selfClosing: boolean;
  readonly name: string;
  readonly text: string;
}

function localName(name: string): string {
  const colon = name.lastIndexOf(':');
  return (colon === -1 ? name : name.slice(colon + 1)).toLowerCase();
}

function* tags(xml: string): Generator<Tag> {
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(xml); m; m = MARKUP.exec(xml)) {
    if (m[2] === undefined) continue;
    yield { at: m.index, end: m.index + m[0].length, close: m[1] === '/', selfClosing: m[3].trimEnd().endsWith('/'), name: m[2], text: m[0] };
  }
}

/**
 * Cuts a feed into one small feed per item, or returns null when it has no item start tags.
 * Items are `<item>` (RSS, RDF) or `<entry>` (Atom) elements, whatever their namespace prefix.
 */
export function splitFeed(xml: string): FeedChunks | null {
  const open: Tag[] = [];
  const starts: number[] = [];
  let enclosing: readonly Tag[] = [];
  for (const tag of tags(xml)) {
    const local = localName(tag.name);
    if (!tag.close && !tag.selfClosing && (local === 'item' || local === 'entry')) {
      if (starts.length === 0) enclosing = [...open];
      starts.push(tag.at);
      continue;
    }
    if (starts.length > 0) continue;
    if (tag.close) {
      const i = open.map((t) => t.name).lastIndexOf(tag.name);
      if (i !== -1) open.length = i;
    } else if (!tag.selfClosing) {
      open.push(tag);
    }
  }
  if (starts.length === 0) return null;
  const head = enclosing.map((t) => t.text).join('');
  const tail = enclosing.map((t) => `</${t.name}>`).reverse().join('');
  const last = lastItemEnd(xml, starts[starts.length - 1], enclosing);
  // The shell keeps what the enclosing elements hold before the first item (the channel's title and link).
  const shellBody = xml.slice(enclosing.length > 0 ? enclosing[enclosing.length - 1].end : 0, starts[0]);
  const items = starts.map((start, i) => chunk(i + 1, head, xml.slice(start, i + 1 < starts.length ? starts[i + 1] : last), tail));
  return { shell: head + shellBody + tail, items };
}

/** Where the last item ends: at the end tag of the element that encloses the items, else at the end. */
function lastItemEnd(xml: string, start: number, enclosing: readonly Tag[]): number {
  const parent = enclosing[enclosing.length - 1];
  if (!parent) return xml.length;
  const at = xml.indexOf(`</${parent.name}`, start);
  return at === -1 ? xml.length : at;
}

function chunk(index: number, head: string, body: string, tail: string): ItemChunk {
  const xml = head + body + tail;
  if (XMLValidator.validate(xml) === true) return { index, xml, repaired: false, wellFormed: true };
  const fixed = head + body.replace(VOID_TAG, (tag) => tag.replace('<', '&lt;')) + tail;
  return { index, xml: fixed, repaired: fixed !== xml, wellFormed: XMLValidator.validate(fixed) === true };
}
