/**
 * A crash mid-batch loses nothing and doubles nothing: a child process saves documents in a loop
 * and is killed with SIGKILL part-way (once inside an open transaction, once wherever it happens to
 * be); a second run completes the batch, and the store then equals one saved in a single clean run.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodingResult } from '../core/event.js';
import { createCoder } from '../index.js';
import { TEXTS, type FixtureName } from './fixtures.js';
import { openSqliteStore } from './sqlite.js';
import type { Store, StoredDocumentInput } from './store.js';

interface Item {
  readonly input: StoredDocumentInput;
  readonly result: CodingResult;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const storeModule = new URL('./index.ts', import.meta.url).href;
const dir = mkdtempSync(join(tmpdir(), 'dyad-crash-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const CHILD = `
import { readFileSync } from 'node:fs';
const [storeModule, itemsFile, dbFile, hangAt] = process.argv.slice(2);
const { openSqliteStore, documentHash } = await import(storeModule);
const items = JSON.parse(readFileSync(itemsFile, 'utf8'));
const store = openSqliteStore({ file: dbFile });
await store.migrate();
for (const [i, item] of items.entries()) {
  if (await store.hasDocument(documentHash(item.input.text))) continue;
  if (i === Number(hangAt)) {
    store.db.exec('BEGIN IMMEDIATE');
    await store.saveCoded(item.input, item.result);
    console.log('inside ' + i);
    setInterval(() => {}, 1000);
    await new Promise(() => {});
  }
  await store.saveCoded(item.input, item.result);
  console.log('saved ' + i);
}
await store.close();
console.log('done');
`;

const NAMES: readonly FixtureName[] = ['original', 'unrelated', 'quiet', 'rewrite'];
const COUNT = 36;

function buildItems(): Item[] {
  const coder = createCoder();
  const cache = new Map<string, CodingResult>();
  return Array.from({ length: COUNT }, (_, i) => {
    const name = NAMES[i % NAMES.length];
    const published = new Date(Date.UTC(2024, 4, 13 + 7 * Math.floor(i / 8))).toISOString().slice(0, 10);
    const key = `${name}|${published}`;
    const result = cache.get(key) ?? coder.code({ text: TEXTS[name], published });
    cache.set(key, result);
    const input = { text: `${TEXTS[name]}\n\nFile ${i}.`, published, source: `source-${i % 3}`, knowledgeVersion: coder.knowledge.version };
    return { input, result };
  });
}

/** Runs the child; kills it with SIGKILL at the first output line `killWhen` accepts. */
function runChild(args: readonly string[], killWhen: (line: string) => boolean): Promise<{ lines: string[]; signal: string | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(dir, 'child.mts'), ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    if (killWhen(line)) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve({ lines, signal });
    });
  });
}

async function snapshot(store: Store): Promise<unknown> {
  const stats = await store.stats();
  return {
    documents: (await store.documents()).map((d) => [d.id, d.storyId]).sort(),
    events: (await store.events()).map((e) => [e.id, e.storyId, e.firstDocumentId, e.numMentions, e.numArticles, e.numSources]),
    stories: (await store.stories()).map((s) => [s.id, s.numArticles, s.numSources]),
    mentions: stats.mentions,
    actors: stats.actors,
  };
}

async function countDocuments(file: string): Promise<number> {
  const store = openSqliteStore({ file, readonly: true });
  const n = (await store.stats()).documents;
  await store.close();
  return n;
}

describe('crash mid-batch', () => {
  let itemsFile = '';
  let reference: unknown;
  before(async () => {
    const items = buildItems();
    itemsFile = join(dir, 'items.json');
    writeFileSync(itemsFile, JSON.stringify(items));
    writeFileSync(join(dir, 'child.mts'), CHILD);
    const store = openSqliteStore({ file: join(dir, 'reference.db') });
    await store.migrate();
    for (const item of items) await store.saveCoded(item.input, item.result);
    reference = await snapshot(store);
    await store.close();
  });

  const cases = [
    { name: 'killed inside an open transaction', hangAt: 12, killAt: 'inside 12', afterKill: 12 },
    { name: 'killed wherever the loop is', hangAt: -1, killAt: 'saved 5', afterKill: null },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const file = join(dir, `crash-${c.hangAt}.db`);
      const killed = await runChild([storeModule, itemsFile, file, String(c.hangAt)], (line) => line === c.killAt);
      assert.equal(killed.signal, 'SIGKILL', `the child was killed part-way (output: ${killed.lines.join(', ')})`);
      const saved = await countDocuments(file);
      if (c.afterKill !== null) assert.equal(saved, c.afterKill, 'committed documents stay, the open one is gone');
      else assert.ok(saved >= 6 && saved < COUNT, `part of the batch is saved (${saved})`);
      const rerun = await runChild([storeModule, itemsFile, file, '-1'], () => false);
      assert.equal(rerun.lines.at(-1), 'done');
      assert.equal(rerun.lines.filter((l) => l.startsWith('saved')).length, COUNT - saved, 'the re-run saves only the rest');
      const store = openSqliteStore({ file, readonly: true });
      assert.deepEqual(await snapshot(store), reference);
      await store.close();
    });
  }
});
