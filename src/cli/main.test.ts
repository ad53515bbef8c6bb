import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { test } from 'node:test';
import { main } from './main.js';

async function cli(...args: string[]): Promise<{ exit: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdin: Readable.from([]),
    stdout: new Writable({ write(c: Buffer, _e, cb) { stdout += c.toString(); cb(); } }),
    stderr: new Writable({ write(c: Buffer, _e, cb) { stderr += c.toString(); cb(); } }),
  };
  const exit = await main(['node', 'dyad', ...args], io);
  return { exit, stdout, stderr };
}

// Every row fails on the command line, before any input is read or the coder is loaded.
const usageErrors: readonly [string[], RegExp][] = [
  [['code', 'a.txt', '--date', '14/05/2024'], /^dyad: option '--date <YYYY-MM-DD>' argument '14\/05\/2024' is invalid\. "14\/05\/2024" is not a date/],
  [['code', 'a.txt', '--date', '2024-02-30'], /--date.*not a real calendar date/],
  [['code', 'a.txt', '--format', 'xml'], /--format.*Allowed choices are json, jsonl, csv, tsv, plover/],
  [['code', 'a.txt', '--input-format', 'html'], /--input-format.*Allowed choices are text, jsonl/],
  [['code', 'a.txt', '--compound', 'merge'], /--compound.*Allowed choices are expand, list/],
  [['code', 'a.txt', '--max-bytes', '0'], /--max-bytes.*not a positive whole number/],
  [['code', 'a.txt', '--max-bytes', '5MB'], /--max-bytes.*not a positive whole number/],
  [['code'], /missing required argument 'inputs'/],
  [['code', 'a.txt', '--no-such-option'], /unknown option '--no-such-option'/],
  [['frobnicate'], /unknown command 'frobnicate'/],
];

for (const [args, message] of usageErrors) {
  test(`usage error, exit 2: dyad ${args.join(' ')}`, async () => {
    const r = await cli(...args);
    assert.equal(r.exit, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
  });
}

test('dyad code --help: exit 0, the options and examples on stdout', async () => {
  const r = await cli('code', '--help');
  assert.equal(r.exit, 0);
  for (const words of ['--date <YYYY-MM-DD>', '--format <format>', '--input-format', '--dictionary <file>', '--compound', '--max-bytes', '--quiet', 'Examples:', 'Exit status:']) {
    assert.ok(r.stdout.includes(words), words);
  }
});

test('dyad --version prints the package version', async () => {
  const r = await cli('--version');
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.deepEqual([r.exit, r.stdout.trim()], [0, pkg.version]);
});
