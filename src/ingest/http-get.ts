/**
 * One HTTP(S) GET on Node's http and https modules, for the Fetcher: no redirects followed, the body a
 * web ReadableStream (decompressed), aborted by a signal. It exists (rather than the global fetch) to
 * choose the addresses a request may connect to: with an AddressPolicy, every address a host name
 * resolves to is checked in the connection's own DNS lookup (the socket connects only to an address
 * that was checked), and an address in the URL itself before anything is sent.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { pipeline, Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { hostOf, refusedAddress, type AddressPolicy } from './address-policy.js';

export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: ReadableStream<Uint8Array>;
}

export interface GetOptions {
  readonly signal: AbortSignal;
  readonly headers: Readonly<Record<string, string>>;
  /** Addresses allowed; null allows every address. */
  readonly policy: AddressPolicy | null;
  /** What errors name (the URL the caller asked for). */
  readonly input: string;
}

/** A DNS lookup that fails, naming the address, when any address of the host is refused. */
function guardedLookup(policy: AddressPolicy, input: string): LookupFunction {
  return (hostname: string, options: LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      for (const a of addresses) {
        const verdict = policy(a.address);
        if (!verdict.allowed) return callback(refusedAddress(hostname, a.address, verdict.why, input) as NodeJS.ErrnoException, '', 0);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/** The response body, decompressed as its Content-Encoding says (gzip, deflate, br). */
function bodyOf(res: IncomingMessage): ReadableStream<Uint8Array> {
  const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip()
    : encoding === 'deflate' ? createInflate()
      : encoding === 'br' ? createBrotliDecompress() : null;
  if (!decoder) return Readable.toWeb(res) as ReadableStream<Uint8Array>;
  pipeline(res, decoder, () => undefined);
  return Readable.toWeb(decoder) as ReadableStream<Uint8Array>;
}

function headersOf(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const v of [value].flat()) headers.append(name, v);
  }
  return headers;
}

/** GETs `url` (http or https) without following redirects. */
export function httpGet(url: URL, o: GetOptions): Promise<HttpResponse> {
  if (o.policy) {
    const { host, literal } = hostOf(url);
    const verdict = literal ? o.policy(host) : { allowed: true as const };
    if (!verdict.allowed) return Promise.reject(refusedAddress(host, host, verdict.why, o.input));
  }
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'GET', signal: o.signal, agent: false,
      headers: { ...o.headers, 'accept-encoding': 'gzip, deflate, br' },
      ...(o.policy ? { lookup: guardedLookup(o.policy, o.input) } : {}),
    }, (res) => {
      resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: headersOf(res), body: bodyOf(res) });
    });
    req.on('error', reject);
    req.end();
  });
}
