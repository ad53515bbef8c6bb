/**
 * What a command-line source is (stdin, URL, file, folder) and what a source's bytes are (HTML page,
 * feed, JSON Lines, plain text), from the content type, the name's extension and the first bytes.
 */
import { statSync } from 'node:fs';

export type SourceKind = 'stdin' | 'url' | 'file' | 'folder';
export type ContentKind = 'html' | 'feed' | 'jsonl' | 'text';

/** "-" is stdin, http(s):// a URL, an existing directory a folder, anything else a file. */
export function classifySource(arg: string): { readonly kind: SourceKind } {
  if (arg === '-') return { kind: 'stdin' };
  if (/^https?:\/\//i.test(arg)) return { kind: 'url' };
  try {
    if (statSync(arg).isDirectory()) return { kind: 'folder' };
  } catch {
    // Missing or unreadable: reading it as a file reports why.
  }
  return { kind: 'file' };
}

const TYPES: Readonly<Record<string, ContentKind>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/rss+xml': 'feed',
  'application/atom+xml': 'feed',
  'application/rdf+xml': 'feed',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/jsonlines': 'jsonl',
  'application/x-jsonlines': 'jsonl',
};

const EXTENSIONS: Readonly<Record<string, ContentKind>> = {
  html: 'html', htm: 'html', xhtml: 'html', shtml: 'html',
  rss: 'feed', atom: 'feed', rdf: 'feed', xml: 'feed',
  jsonl: 'jsonl', ndjson: 'jsonl',
  txt: 'text', text: 'text', md: 'text',
};

/** How much of the start is read to recognise the content. */
export const SNIFF_BYTES = 4096;

/**
 * What the bytes are. A feed's root element (<rss>, <feed>, <rdf:RDF>) wins over everything (servers
 * often call feeds text/html or text/xml); then the content type, then the extension, then the
 * content (<html>, a first line that is a JSON object); plain text otherwise.
 */
export function sniff(bytes: Uint8Array, nameOrUrl: string, contentType: string | null = null): ContentKind {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const root = firstElement(head);
  if (root === 'rss' || root === 'feed' || /^[\w.-]+:rdf$|^rdf$/.test(root ?? '')) return 'feed';
  const type = contentType?.split(';')[0].trim().toLowerCase() ?? '';
  if (type in TYPES) return TYPES[type];
  const ext = extension(nameOrUrl);
  if (ext !== null && ext in EXTENSIONS) return EXTENSIONS[ext];
  if (root === 'html' || root === 'head' || root === 'body' || /^\s*<!doctype\s+html/i.test(stripPrologue(head))) return 'html';
  if (firstLineIsJsonObject(head)) return 'jsonl';
  return 'text';
}

/** Lower-cased name of the first element after the prologue (BOM, XML declaration, comments, doctype), or null. */
function firstElement(head: string): string | null {
  const m = /^<([A-Za-z][\w.:-]*)/.exec(stripPrologue(head).replace(/^<!doctype[^>]*>\s*/i, ''));
  return m ? m[1].toLowerCase() : null;
}

function stripPrologue(head: string): string {
  let rest = head.replace(/^(\xef\xbb\xbf|\ufeff)/, '').trimStart();
  for (;;) {
    const next = rest.replace(/^<\?[\s\S]*?\?>\s*/, '').replace(/^<!--[\s\S]*?-->\s*/, '');
    if (next === rest) return rest;
    rest = next;
  }
}

function firstLineIsJsonObject(head: string): boolean {
  const text = head.replace(/^(\xef\xbb\xbf|\ufeff)/, '');
  const newline = text.indexOf('\n');
  if (newline === -1 && text.length >= SNIFF_BYTES) return false;
  const line = (newline === -1 ? text : text.slice(0, newline)).trim();
  if (!line.startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** Lower-cased extension of a file name or a URL's path, or null. */
function extension(nameOrUrl: string): string | null {
  let path = nameOrUrl;
  if (/^https?:\/\//i.test(nameOrUrl)) {
    try {
      path = new URL(nameOrUrl).pathname;
    } catch {
      return null;
    }
  }
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  return m ? m[1].toLowerCase() : null;
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i;
const CHARSET = /;\s*charset\s*=\s*"?([A-Za-z0-9._:-]+)"?/i;

/** An HTML page's text: charset from the content type, else <meta charset>, else UTF-8 (windows-1252 if not UTF-8). */
export function decodeHtml(bytes: Uint8Array, contentType: string | null = null): string {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const label = (contentType ? CHARSET.exec(contentType)?.[1] : undefined) ?? META_CHARSET.exec(head)?.[1];
  if (label) {
    try {
      const decoder = new TextDecoder(label.toLowerCase());
      if (decoder.encoding !== 'utf-8') return decoder.decode(bytes);
    } catch {
      // Unknown label: fall through to UTF-8.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
