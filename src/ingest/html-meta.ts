/**
 * Metadata of an HTML page from its head: meta tags (OpenGraph, article:*, Dublin Core, itemprop),
 * JSON-LD, <link rel=canonical>, <time datetime>, the html lang attribute. Read before Readability
 * runs, because Readability changes the document.
 */
import { writtenDay } from './published.js';

export interface PageMeta {
  readonly published: string | null;
  readonly publisher: string | null;
  readonly canonicalUrl: string | null;
  readonly language: string | null;
  readonly title: string | null;
  readonly byline: string | null;
}

/** Meta keys that carry the publication date, best first. */
const DATE_KEYS: readonly string[] = [
  'article:published_time', 'og:published_time', 'article:published', 'datepublished', 'pubdate', 'publishdate',
  'publish-date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'date',
  'parsely-pub-date', 'sailthru.date', 'article.published',
];

type JsonObject = Readonly<Record<string, unknown>>;

export function readPageMeta(document: Document, url: string | null): PageMeta {
  const meta = collectMeta(document);
  const ld = jsonLdObjects(document);
  const base = baseUrl(document, url);
  return {
    published: firstDay([...DATE_KEYS.map((k) => meta.get(k)), ldString(ld, 'datePublished'), ...elementDates(document)]),
    publisher: meta.get('og:site_name') ?? ldPublisher(ld),
    canonicalUrl: absolute(document.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), base)
      ?? absolute(meta.get('og:url'), base),
    language: languageCode(document.documentElement?.getAttribute('lang'))
      ?? languageCode(meta.get('content-language'))
      ?? languageCode(meta.get('og:locale')),
    title: meta.get('og:title') ?? (clean(document.querySelector('title')?.textContent) || null),
    byline: meta.get('author') ?? meta.get('article:author') ?? meta.get('dc.creator') ?? null,
  };
}

/** "en-US", "en_GB", "EN" to "en"; null for anything that does not start with a two-letter code. */
export function languageCode(value: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2})(?:[-_][a-z0-9]+)*\s*(?:[,;]|$)/i.exec(value ?? '');
  return m ? m[1].toLowerCase() : null;
}

/** Meta content by lower-cased property, name, itemprop or http-equiv (the first one wins). */
function collectMeta(document: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const content = clean(el.getAttribute('content'));
    if (content === '') continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      for (const key of (el.getAttribute(attr) ?? '').toLowerCase().split(/\s+/)) {
        if (key !== '' && !map.has(key)) map.set(key, content);
      }
    }
  }
  return map;
}

/** Every object in the page's JSON-LD blocks, arrays and @graph flattened. */
function jsonLdObjects(document: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const obj = value as JsonObject;
      out.push(obj);
      if ('@graph' in obj) visit(obj['@graph']);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is ignored: the other metadata still counts.
    }
  }
  return out;
}

function ldString(objects: readonly JsonObject[], key: string): string | null {
  for (const obj of objects) {
    const value = obj[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

function ldPublisher(objects: readonly JsonObject[]): string | null {
  for (const obj of objects) {
    const publishers = Array.isArray(obj.publisher) ? obj.publisher : [obj.publisher];
    for (const p of publishers) {
      if (typeof p === 'string' && p.trim() !== '') return p.trim();
      const name = typeof p === 'object' && p !== null ? (p as JsonObject).name : null;
      if (typeof name === 'string' && name.trim() !== '') return name.trim();
    }
  }
  return null;
}

/** Dates written on elements: itemprop=datePublished, then the first <time datetime>. */
function elementDates(document: Document): (string | null)[] {
  const item = document.querySelector('[itemprop~="datePublished" i]');
  const time = document.querySelector('time[datetime]');
  return [
    item?.getAttribute('datetime') ?? item?.getAttribute('content') ?? item?.textContent ?? null,
    time?.getAttribute('datetime') ?? null,
  ];
}

function firstDay(candidates: readonly (string | null | undefined)[]): string | null {
  for (const c of candidates) {
    const day = writtenDay(c);
    if (day) return day;
  }
  return null;
}

function baseUrl(document: Document, url: string | null): string | null {
  const href = document.querySelector('base[href]')?.getAttribute('href');
  return absolute(href, url) ?? url;
}

/** An absolute http(s) URL for `href` against `base`, or null. */
export function absolute(href: string | null | undefined, base: string | null): string | null {
  if (!href || href.trim() === '') return null;
  try {
    const resolved = base ? new URL(href.trim(), base) : new URL(href.trim());
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}

function clean(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}
