/**
 * How deep an HTML page nests, found by a linear scan of its tags before it is parsed. linkedom's
 * parser and Readability slow down faster than the depth grows (100,000 nested elements: 43 s to
 * parse, 574 s in all before failing on the stack), so a page nested deeper than MAX_HTML_DEPTH is
 * refused before either sees it.
 *
 * The scan follows the parser where it matters: void elements and elements whose end tag may be left
 * out (p, li, td, ...) do not nest, the content of script, style and the like is skipped, and an end
 * tag closes every element opened after its start tag.
 */
import { DyadError } from '../core/errors.js';

/**
 * Deepest nesting accepted; the deepest page of ../shared/corpus/html-pages nests 26 deep by this
 * count, and Chromium's parser stops nesting at 512. At 1,000 Readability took 900 ms on a 16 KB page
 * (its work per element grows with the element's depth); at 256 it stays within bounds.
 */
export const MAX_HTML_DEPTH = 256;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command', 'basefont', 'frame', 'isindex']);
/** End tag optional: the parser closes them when a sibling starts, so they do not pile up. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rp', 'rt', 'rb', 'rtc', 'colgroup', 'caption']);
/** Content read as text up to the matching end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);

const MARKUP = /<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>|<(\/?)([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/** The page's greatest nesting depth, counted up to `stopAt` (the scan stops there). */
export function htmlDepth(html: string, stopAt: number = Number.POSITIVE_INFINITY): number {
  const stack: string[] = [];
  const open = new Map<string, number>();
  let deepest = 0;
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(html); m; m = MARKUP.exec(html)) {
    if (m[2] === undefined) continue;
    const name = m[2].toLowerCase();
    if (VOID.has(name) || OPTIONAL_END.has(name)) continue;
    if (m[1] === '/') {
      if ((open.get(name) ?? 0) === 0) continue;
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        open.set(top, (open.get(top) ?? 1) - 1);
        if (top === name) break;
      }
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const close = endTag(name);
      close.lastIndex = MARKUP.lastIndex;
      MARKUP.lastIndex = close.exec(html)?.index ?? html.length;
      continue;
    }
    if (m[3].trimEnd().endsWith('/')) continue;
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (stack.length > deepest) deepest = stack.length;
    if (deepest >= stopAt) return deepest;
  }
  return deepest;
}

const END_TAGS = new Map<string, RegExp>();

function endTag(name: string): RegExp {
  let re = END_TAGS.get(name);
  if (re === undefined) {
    re = new RegExp(`</${name}`, 'gi');
    END_TAGS.set(name, re);
  }
  return re;
}

/** Throws INPUT_UNREADABLE naming the page when it nests deeper than `max`. */
export function checkHtmlDepth(html: string, name: string, max: number = MAX_HTML_DEPTH): void {
  const depth = htmlDepth(html, max + 1);
  if (depth > max) {
    throw new DyadError('INPUT_UNREADABLE', `HTML page nests elements more than ${max} deep; not read (no real article does)`, name);
  }
}
