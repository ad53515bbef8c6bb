/**
 * An HTML page to its article: the main text (Readability on a linkedom DOM, no browser, no network)
 * and the page's metadata (title, publication day, publisher, canonical URL, language, byline).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DyadError } from '../core/errors.js';
import { checkHtmlDepth } from './html-depth.js';
import { languageCode, readPageMeta, type PageMeta } from './html-meta.js';
import { nodeText } from './html-text.js';
import { writtenDay } from './published.js';

export interface ExtractedPage {
  /** The article's text, paragraphs separated by blank lines. */
  readonly text: string;
  readonly title: string | null;
  /** Publication day (YYYY-MM-DD) as the page states it, or null. */
  readonly published: string | null;
  /** The site or organisation that published it (og:site_name, JSON-LD publisher). */
  readonly publisher: string | null;
  /** Absolute canonical URL (link rel=canonical, og:url), or null. */
  readonly canonicalUrl: string | null;
  /** Two-letter language code from the page's markup (not guessed from the text), or null. */
  readonly language: string | null;
  readonly byline: string | null;
}

type Article = NonNullable<ReturnType<Readability<Node>['parse']>>;

/**
 * Extracts the article of an HTML page. `url` is where the page came from (to resolve relative
 * links), `name` what errors call it (default: the URL). Throws INPUT_EMPTY when the page has no
 * text, INPUT_UNREADABLE when it cannot be parsed or nests too deep to parse in bounded time.
 */
export function extractArticle(html: string, url: string | null, name: string = url ?? 'HTML page'): ExtractedPage {
  if (html.trim() === '') throw new DyadError('INPUT_EMPTY', 'HTML page is empty', name);
  checkHtmlDepth(html, name);
  let document: Document;
  let meta: PageMeta;
  let article: Article | null;
  try {
    document = parseHTML(html).document;
    meta = readPageMeta(document, url);
    article = new Readability<Node>(document, { serializer: (node) => node }).parse();
  } catch (err) {
    throw new DyadError('INPUT_UNREADABLE', `cannot parse the HTML page: ${(err as Error).message}`, name);
  }
  const text = article?.content ? nodeText(article.content) : '';
  if (text === '') throw new DyadError('INPUT_EMPTY', 'no article text found in the HTML page', name);
  return {
    text,
    title: trimSiteName(clean(article?.title), document) ?? meta.title,
    published: writtenDay(article?.publishedTime) ?? meta.published,
    publisher: meta.publisher ?? clean(article?.siteName),
    canonicalUrl: meta.canonicalUrl,
    language: meta.language ?? languageCode(article?.lang),
    byline: clean(article?.byline) ?? meta.byline,
  };
}

/**
 * Readability 0.6.0 cuts a site name off a title after " | " or " - " but not after an en or em dash
 * ("Headline – Site"); later versions do. Same rule: drop the last part when three words remain.
 */
function trimSiteName(title: string | null, document: Document): string | null {
  if (title === null || title !== clean(document.title)) return title;
  const separators = Array.from(title.matchAll(/ [\u2013\u2014] /g));
  const last = separators.pop();
  if (last?.index === undefined) return title;
  const head = title.slice(0, last.index).trim();
  return head.split(/\s+/).length >= 3 ? head : title;
}

function clean(value: string | null | undefined): string | null {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}
