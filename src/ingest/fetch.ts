/**
 * Polite, bounded HTTP(S) fetching (http-get.ts): redirects followed by hand (to count them and to
 * check each hop's address), the body read as a stream and cut off past a size limit, one timeout
 * for the whole request (a server that drips bytes slowly still times out), conditional requests
 * (ETag, Last-Modified), and a small queue per host (a few requests at a time, a pause between them).
 * Every failure is a DyadError naming the URL.
 */
import { DyadError } from '../core/errors.js';
import type { AddressPolicy } from './address-policy.js';
import { HostGate } from './host-gate.js';
import { httpGet, type HttpResponse } from './http-get.js';
import { DEFAULT_MAX_BYTES, tooLarge } from './text-input.js';

export const DEFAULT_USER_AGENT = 'dyad/0.1 (political event coder)';

/** Content types accepted by default: pages, feeds, JSON Lines, plain text. */
export const DEFAULT_CONTENT_TYPES: readonly string[] = [
  'text/html', 'application/xhtml+xml', 'application/rss+xml', 'application/atom+xml', 'application/rdf+xml',
  'application/xml', 'text/xml', 'text/plain', 'application/json', 'application/x-ndjson', 'application/jsonl',
  'application/jsonlines', 'application/x-jsonlines',
];

export interface FetcherOptions {
  /** Whole request, redirects and body included (default 30 s). */
  readonly timeoutMs?: number;
  /** Largest body accepted (default 5 MB). */
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  readonly userAgent?: string;
  /** Requests in flight at once to one host (default 2). */
  readonly perHostConcurrency?: number;
  /** Pause between the starts of two requests to one host (default 1000 ms). */
  readonly delayBetweenRequestsMs?: number;
  /** Accepted content types (without parameters); a response without a Content-Type is accepted. */
  readonly contentTypes?: readonly string[];
  /** Timeouts in a row after which a host is given up: its other URLs fail at once (default 3). */
  readonly maxHostTimeouts?: number;
  /**
   * Addresses a request may connect to, checked on the addresses a host resolves to and on every
   * redirect hop (`publicAddressesOnly` for a server that fetches what its clients name); default all.
   */
  readonly addressPolicy?: AddressPolicy | null;
}

export interface ConditionalRequest {
  /** The ETag of the copy already held: sent as If-None-Match. */
  readonly etag?: string | null;
  /** The Last-Modified of the copy already held: sent as If-Modified-Since. */
  readonly lastModified?: string | null;
}

export interface Fetched {
  readonly notModified: false;
  /** The URL after redirects. */
  readonly url: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly bytes: Buffer;
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export interface NotModified {
  readonly notModified: true;
  readonly url: string;
  readonly status: 304;
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export type FetchResult = Fetched | NotModified;

const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

export class Fetcher {
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly userAgent: string;
  private readonly contentTypes: ReadonlySet<string>;
  private readonly concurrency: number;
  private readonly delayMs: number;
  private readonly gates = new Map<string, HostGate>();
  private readonly maxHostTimeouts: number;
  private readonly policy: AddressPolicy | null;
  /** Timeouts in a row per host (a success resets it). */
  private readonly timeouts = new Map<string, number>();

  constructor(options: FetcherOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.maxRedirects = options.maxRedirects ?? 5;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.contentTypes = new Set(options.contentTypes ?? DEFAULT_CONTENT_TYPES);
    this.concurrency = Math.max(1, options.perHostConcurrency ?? 2);
    this.delayMs = Math.max(0, options.delayBetweenRequestsMs ?? 1000);
    this.maxHostTimeouts = Math.max(1, options.maxHostTimeouts ?? 3);
    this.policy = options.addressPolicy ?? null;
  }

  /**
   * Fetches a URL (http or https); waits its turn in the host's queue. A host that timed out
   * `maxHostTimeouts` times in a row is given up: its URLs fail at once, saying so.
   */
  async fetch(url: string, conditional: ConditionalRequest = {}): Promise<FetchResult> {
    const start = parseUrl(url);
    this.checkHost(start.host, url);
    return this.gate(start.host).run(async () => {
      this.checkHost(start.host, url);
      try {
        const result = await this.fetchNow(start, url, conditional);
        this.timeouts.delete(start.host);
        return result;
      } catch (err) {
        if (err instanceof TimedOut) throw this.noteTimeout(start.host, url);
        throw err;
      }
    });
  }

  /** Whether the host has been given up after its timeouts. */
  gaveUp(host: string): boolean {
    return (this.timeouts.get(host) ?? 0) >= this.maxHostTimeouts;
  }

  private checkHost(host: string, input: string): void {
    if (this.gaveUp(host)) {
      throw new DyadError('INPUT_UNREADABLE', `not fetched: gave up on ${host} after ${this.maxHostTimeouts} timeouts in a row`, input);
    }
  }

  private noteTimeout(host: string, input: string): DyadError {
    const count = (this.timeouts.get(host) ?? 0) + 1;
    this.timeouts.set(host, count);
    const giveUp = count === this.maxHostTimeouts ? `; giving up on ${host} after ${count} timeouts in a row: its other links are not fetched` : '';
    return new DyadError('INPUT_UNREADABLE', `timed out after ${this.timeoutMs} ms${giveUp}`, input);
  }

  private gate(host: string): HostGate {
    let gate = this.gates.get(host);
    if (!gate) {
      gate = new HostGate(this.concurrency, this.delayMs);
      this.gates.set(host, gate);
    }
    return gate;
  }

  private async fetchNow(start: URL, input: string, conditional: ConditionalRequest): Promise<FetchResult> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    try {
      return await this.follow(start, input, conditional, controller.signal);
    } catch (err) {
      if (timedOut) throw new TimedOut();
      throw asDyadError(err, input);
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }

  private async follow(start: URL, input: string, conditional: ConditionalRequest, signal: AbortSignal): Promise<FetchResult> {
    let url = start;
    for (let hops = 0; ; hops++) {
      const response = await httpGet(url, { signal, headers: this.headers(conditional), policy: this.policy, input });
      if (!REDIRECTS.has(response.status)) return this.finish(response, url, input, signal);
      await response.body.cancel();
      const location = response.headers.get('location');
      if (!location) throw new DyadError('INPUT_UNREADABLE', `HTTP ${response.status} redirect without a Location`, input);
      if (hops >= this.maxRedirects) throw new DyadError('INPUT_UNREADABLE', `too many redirects (more than ${this.maxRedirects})`, input);
      url = parseUrl(new URL(location, url).href, input);
    }
  }

  private headers(conditional: ConditionalRequest): Record<string, string> {
    const headers: Record<string, string> = { 'user-agent': this.userAgent, accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5' };
    if (conditional.etag) headers['if-none-match'] = conditional.etag;
    if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
    return headers;
  }

  private async finish(response: HttpResponse, url: URL, input: string, signal: AbortSignal): Promise<FetchResult> {
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (response.status === 304) {
      await response.body.cancel();
      return { notModified: true, url: url.href, status: 304, etag, lastModified };
    }
    if (response.status < 200 || response.status > 299) {
      await response.body.cancel();
      const text = response.statusText ? ` ${response.statusText}` : '';
      throw new DyadError('INPUT_UNREADABLE', `HTTP ${response.status}${text}`, input);
    }
    const contentType = response.headers.get('content-type');
    const type = contentType?.split(';')[0].trim().toLowerCase() ?? '';
    if (type !== '' && !this.contentTypes.has(type)) {
      await response.body.cancel();
      throw new DyadError('INPUT_UNREADABLE', `unexpected content type "${type}" (not a page, feed or text)`, input);
    }
    const bytes = await this.readBody(response, input, signal);
    return { notModified: false, url: url.href, status: response.status, contentType, bytes, etag, lastModified };
  }

  /** Reads the body, stopping as soon as it passes the limit (a Content-Length over it stops it at once). */
  private async readBody(response: HttpResponse, input: string, signal: AbortSignal): Promise<Buffer> {
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > this.maxBytes) {
      await response.body.cancel();
      throw tooLarge(declared, input, this.maxBytes);
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      if (signal.aborted) throw new Error('aborted');
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > this.maxBytes) {
        await reader.cancel();
        throw tooLarge(null, input, this.maxBytes);
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks, total);
  }
}

/** A request that ran out of time (turned into a DyadError by `fetch`, which counts it for its host). */
class TimedOut extends Error {}

/** A URL that is http or https; INPUT_UNREADABLE otherwise. */
function parseUrl(url: string, input: string = url): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DyadError('INPUT_UNREADABLE', 'not a valid URL', input);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new DyadError('INPUT_UNREADABLE', `only http and https URLs can be fetched, not ${parsed.protocol}`, input);
  }
  return parsed;
}

/** A network failure (refused, reset, DNS) as INPUT_UNREADABLE with its cause. */
function asDyadError(err: unknown, input: string): DyadError {
  if (err instanceof DyadError) return err;
  const e = err as { code?: unknown; cause?: { code?: string; message?: string } } | null;
  const code = typeof e?.code === 'string' && e.code !== 'ABORT_ERR' ? e.code : undefined;
  const why = code ?? e?.cause?.code ?? e?.cause?.message ?? (err instanceof Error ? err.message : String(err));
  return new DyadError('INPUT_UNREADABLE', `cannot fetch: ${why}`, input);
}

