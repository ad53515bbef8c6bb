import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DyadError } from '../core/errors.js';
import { publicAddressesOnly, type AddressPolicy } from './address-policy.js';
import { Fetcher } from './fetch.js';

const PAGE = '<html><body><p>Hello from an internal host</p></body></html>';

/** A local server that counts the requests it is sent. */
interface Counted {
  readonly server: Server;
  readonly port: number;
  hits: number;
}

interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | string;
}

async function listen(host: string, handler: (path: string) => Reply): Promise<Counted> {
  const counted: { server: Server | null; port: number; hits: number } = { server: null, port: 0, hits: 0 };
  const server = createServer((req, res) => {
    counted.hits++;
    const r = handler(req.url ?? '/');
    res.writeHead(r.status, r.headers).end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return Object.assign(counted, { server, port: (server.address() as AddressInfo).port });
}

let inner: Counted;
let outer: Counted;

before(async () => {
  inner = await listen('127.0.0.2', () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: PAGE }));
  outer = await listen('127.0.0.1', (path): Reply => {
    if (path === '/to-inner') return { status: 302, headers: { location: `http://127.0.0.2:${inner.port}/secret` }, body: '' };
    if (path === '/gzip') return { status: 200, headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' }, body: gzipSync(PAGE) };
    return { status: 200, headers: { 'content-type': 'text/html' }, body: PAGE };
  });
});

after(async () => {
  for (const s of [inner, outer]) await new Promise<void>((resolve) => s.server.close(() => resolve()));
});

const quick = { timeoutMs: 5000, delayBetweenRequestsMs: 0 };

test('publicAddressesOnly refuses loopback, private, link-local and unspecified addresses (IPv4, IPv6, IPv4-mapped) and allows public ones', () => {
  const refused: ReadonlyArray<readonly [string, string]> = [
    ['127.0.0.1', 'loopback'], ['127.8.9.10', 'loopback'], ['0.0.0.0', 'unspecified'], ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'], ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'shared (carrier-grade NAT)'], ['224.0.0.1', 'multicast'], ['::1', 'loopback'], ['::', 'unspecified'],
    ['fe80::1', 'link-local'], ['fc00::1', 'private (unique local)'], ['fd12:3456::1', 'private (unique local)'],
    ['::ffff:127.0.0.1', 'loopback'], ['::ffff:10.0.0.1', 'private'], ['::ffff:a9fe:a9fe', 'link-local'],
  ];
  for (const [address, why] of refused) assert.deepEqual(publicAddressesOnly(address), { allowed: false, why }, address);
  for (const address of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '192.169.0.1', '93.184.216.34', '2606:4700::1111', '2a00:1450:4001::200e']) {
    assert.deepEqual(publicAddressesOnly(address), { allowed: true }, address);
  }
});

/** Fetching `url` with the policy fails with INPUT_HOST_REFUSED naming the URL, and matching `message`. */
async function refused(fetcher: Fetcher, url: string, message: RegExp): Promise<void> {
  await assert.rejects(fetcher.fetch(url), (e) => e instanceof DyadError && e.code === 'INPUT_HOST_REFUSED' && e.input === url && message.test(e.message));
}

test('a fetcher with publicAddressesOnly refuses an internal host, written as an address or resolved by DNS, before sending anything', async () => {
  const fetcher = new Fetcher({ ...quick, addressPolicy: publicAddressesOnly });
  const port = outer.port;
  await refused(fetcher, `http://127.0.0.1:${port}/`, /127\.0\.0\.1 is a loopback address/);
  await refused(fetcher, `http://localhost:${port}/`, /localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
  await refused(fetcher, `http://[::1]:${port}/`, /::1 is a loopback address/);
  await refused(fetcher, `http://0x7f.1:${port}/`, /127\.0\.0\.1 is a loopback address/);
  await refused(fetcher, `http://[::ffff:127.0.0.1]:${port}/`, /loopback/);
  await refused(fetcher, `http://0.0.0.0:${port}/`, /unspecified/);
  await refused(fetcher, `http://169.254.169.254/latest/meta-data/`, /link-local/);
  assert.equal(outer.hits, 0, 'no request reached the local server');
});

test('every redirect hop is checked: an allowed host that redirects to a refused one fails, and the refused host is never asked', async () => {
  // 127.0.0.1 stands in for a public host here; 127.0.0.2 (where it redirects) keeps the default verdict.
  const policy: AddressPolicy = (address) => (address === '127.0.0.1' ? { allowed: true } : publicAddressesOnly(address));
  const fetcher = new Fetcher({ ...quick, addressPolicy: policy });
  const before = outer.hits;
  const ok = await fetcher.fetch(`http://127.0.0.1:${outer.port}/page`);
  assert.equal(ok.notModified, false);
  await refused(fetcher, `http://127.0.0.1:${outer.port}/to-inner`, /127\.0\.0\.2 is a loopback address/);
  assert.equal(outer.hits, before + 2);
  assert.equal(inner.hits, 0, 'the redirect target was not asked');
});

test('without a policy (the CLI), internal hosts are fetched, and a gzip body is decompressed', async () => {
  const fetcher = new Fetcher(quick);
  const viaRedirect = await fetcher.fetch(`http://127.0.0.1:${outer.port}/to-inner`);
  assert.ok(!viaRedirect.notModified && viaRedirect.bytes.toString('utf8') === PAGE);
  assert.equal(viaRedirect.url, `http://127.0.0.2:${inner.port}/secret`);
  const gz = await fetcher.fetch(`http://localhost:${outer.port}/gzip`);
  assert.ok(!gz.notModified && gz.bytes.toString('utf8') === PAGE);
});
