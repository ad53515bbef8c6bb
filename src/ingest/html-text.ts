/**
 * HTML to plain text with paragraphs: every block element (p, div, li, h1..., blockquote, table row)
 * and every <br> ends a paragraph; paragraphs are separated by one blank line, white space inside a
 * paragraph is collapsed to single spaces.
 */
import { parseHTML } from 'linkedom';

const BLOCKS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);
/** Elements whose content is never text a reader sees. */
const SKIPPED: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'head', 'button', 'select', 'textarea',
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

/** The text of a DOM subtree, paragraphs separated by blank lines. */
export function nodeText(root: Node): string {
  const paragraphs: string[] = [];
  let line = '';
  const flush = (): void => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text !== '') paragraphs.push(text);
    line = '';
  };
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_NODE) {
        line += child.textContent ?? '';
      } else if (child.nodeType === ELEMENT_NODE) {
        const tag = (child as Element).localName.toLowerCase();
        if (SKIPPED.has(tag)) continue;
        if (tag === 'br') {
          flush();
          continue;
        }
        const block = BLOCKS.has(tag);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

/** The text of an HTML fragment (a feed item's description, a title with markup or entities). */
export function htmlToText(fragment: string): string {
  if (!/[<&]/.test(fragment)) return fragment.replace(/\s+/g, ' ').trim();
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${fragment}</body></html>`);
  return document.body ? nodeText(document.body) : '';
}

/** One-line text of a fragment (titles): paragraphs joined by spaces. */
export function htmlToLine(fragment: string): string {
  return htmlToText(fragment).replace(/\s*\n\n\s*/g, ' ');
}
