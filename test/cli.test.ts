/**
 * End to end: `dyad code ...` on temporary files, as a user would run it: the first test spawns
 * `node bin/dyad.js`, the others run the same CLI in this process (test/in-process.ts).
 * Needs the coder (src/index.ts) for the tests that code a document.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { runCli } from './in-process.js';

const BIN = fileURLToPath(new URL('../bin/dyad.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dyad-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Written for these tests: an English report of a planned state visit.
const VISIT = [
  'French President Emmanuel Macron will pay a state visit to Germany next week, his office said on Tuesday.',
  'Macron is expected to meet Chancellor Olaf Scholz in Berlin to discuss defence cooperation, energy prices and support for Ukraine.',
  'The two leaders will also sign a joint declaration on industrial policy, officials in Paris said.',
].join(' ');
const FRENCH = "Le président de la République se rendra en Allemagne la semaine prochaine pour une visite d'État, a annoncé mardi l'Élysée, afin de discuter de la coopération en matière de défense et de l'énergie.";

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function dyad(args: string[], stdin?: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return runCli(args, stdin ?? '');
}

interface Result {
  readonly document: { readonly published: string | null };
  readonly events: readonly { readonly cameo: string }[];
}

test('an English article about a visit: JSON {document, events} with at least one event, exit 0', () => {
  const spawned = spawnSync(process.execPath, [BIN, 'code', file('visit.txt', VISIT), '--date', '2024-05-14'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const r = { status: spawned.status, stdout: spawned.stdout, stderr: spawned.stderr };
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Result;
  assert.equal(out.document.published, '2024-05-14');
  assert.ok(out.events.length >= 1, 'no events');
  for (const e of out.events) assert.match(e.cameo, /^\d{2,4}$/);
  assert.equal(r.stderr, '');
});

test('stdin with "-", JSON Lines out', async () => {
  const r = await dyad(['code', '-', '--date', '2024-05-14', '--format', 'jsonl'], VISIT);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.ok(lines.length >= 1);
  for (const line of lines) assert.equal(typeof (JSON.parse(line) as { cameo: unknown }).cameo, 'string');
});

test('a 50 MB file is refused with INPUT_TOO_LARGE naming the file; exit 1', async () => {
  const big = file('big.txt', '');
  truncateSync(big, 50 * 1024 * 1024);
  const r = await dyad(['code', big]);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, new RegExp(`^dyad: ${escape(big)}: input is 50 MB, over the limit of 5 MB .*\\[INPUT_TOO_LARGE\\]$`, 'm'));
});

test('a missing file: exit 1, named on stderr', async () => {
  const missing = join(dir, 'no-such.txt');
  const r = await dyad(['code', missing]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`^dyad: ${escape(missing)}: no such file \\[INPUT_UNREADABLE\\]$`, 'm'));
});

test('a bad --date is a usage error naming the option: exit 2, nothing on stdout', async () => {
  const r = await dyad(['code', file('v2.txt', VISIT), '--date', '2024-02-30']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^dyad: option '--date <YYYY-MM-DD>' argument '2024-02-30' is invalid/);
});

test('several inputs with a French one: the English one is coded (exit 0), the French one named, a summary', async () => {
  const fr = file('fr.txt', FRENCH);
  const r = await dyad(['code', file('v3.txt', VISIT), fr, '--date', '2024-05-14', '--format', 'csv']);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stderr.trimEnd().split('\n');
  assert.match(lines[0], new RegExp(`^dyad: ${escape(fr)}: text looks like French \\(fra\\), not English \\[INPUT_LANGUAGE\\]$`));
  assert.match(lines[1], /^dyad: coded 1 document, \d+ events?; 1 skipped: 1 not English$/);
  assert.match(r.stdout, /^id,doc,sentence,source_code,/);
});

test('JSON Lines with a bad line in the middle: the others are coded, the bad one named by line', async () => {
  const items = file('items.jsonl', [
    JSON.stringify({ id: 'one', text: VISIT, date: '2024-05-14' }),
    '{"id": "two", "text": 7}',
    JSON.stringify({ id: 'three', text: VISIT }),
  ].join('\n'));
  const r = await dyad(['code', items, '--format', 'plover', '--date', '2024-05-20']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`^dyad: ${escape(items)}:2: "text" is a number, not a string \\[INPUT_JSONL\\]$`, 'm'));
  assert.match(r.stderr, /coded 2 documents, \d+ events; 1 skipped: 1 invalid record/);
  const docs = new Set(r.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { doc: string }).doc));
  assert.equal(docs.size, 2);
});

test('nothing codable (empty and binary files): exit 1', async () => {
  const r = await dyad(['code', file('empty.txt', ''), file('bin.dat', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0]))]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /empty\.txt: input is empty \[INPUT_EMPTY\]/);
  assert.match(r.stderr, /bin\.dat: input is binary data, not text \[INPUT_BINARY\]/);
  assert.match(r.stderr, /coded 0 documents, 0 events; 2 skipped: 1 empty, 1 binary/);
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
