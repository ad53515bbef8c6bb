/**
 * `dyad serve` run in-process as the CLI runs it: --init ingests the examples into a fresh SQLite
 * file, the server prints its URL and answers there; SIGINT stops it with exit code 0.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { CliIO } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

function io() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => { out += d.toString(); });
  stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const cli: CliIO = { stdout, stderr, stdin: process.stdin };
  return { io: cli, out: () => out, err: () => err };
}

test('dyad serve --init examples/ serves the ingested store on the URL it prints, until SIGINT', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-serve-cli-'));
  const db = join(dir, 'first.db');
  const c = io();
  const examples = new URL('../examples/', import.meta.url).pathname;
  const exit = main(['node', 'dyad', 'serve', '--db', db, '--port', '0', '--init', examples, '--quiet'], c.io);
  try {
    let url: string | undefined;
    for (let i = 0; i < 1200 && !url; i++) {
      url = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(c.out())?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(url, `no URL printed: ${c.out()} ${c.err()}`);
    assert.match(c.out(), /writes disabled \(no DYAD_TOKEN\)/);
    const stats = await (await fetch(`${url}/api/v1/stats`)).json() as { documents: number; events: number };
    assert.equal(stats.documents, 6);
    assert.ok(stats.events > 10);
    const home = await fetch(`${url}/`);
    assert.equal(home.status, 200);
    assert.match(home.headers.get('content-type') ?? '', /text\/html/);
  } finally {
    process.emit('SIGINT');
    assert.equal(await exit, 0);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dyad serve refuses a bad port as a usage error', async () => {
  const c = io();
  assert.equal(await main(['node', 'dyad', 'serve', '--port', '70000'], c.io), 2);
  assert.match(c.err(), /not a port/);
});
