import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { after, test } from 'node:test';
import { runCode, type CodeRequest } from '../cli/code-run.js';
import { createCoder } from '../index.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-conllu-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const coder = createCoder();

async function code(inputs: string[], overrides: Partial<CodeRequest> = {}): Promise<{ exit: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]): Writable => new Writable({ write(c: Buffer, _e, cb) { into.push(c.toString()); cb(); } });
  const req: CodeRequest = { inputs, date: '2024-05-14', format: 'conllu', inputFormat: null, dictionaries: [], compound: null, maxBytes: 1 << 20, quiet: false, ...overrides };
  const exit = await runCode(req, { stdin: Readable.from([]), stdout: sink(out), stderr: sink(err) }, async () => coder);
  return { exit, out: out.join(''), err: err.join('') };
}

interface Block { comments: Map<string, string>; rows: string[][] }

function blocks(text: string): Block[] {
  return text.trim().split(/\n\n/).map((b) => {
    const comments = new Map<string, string>();
    const rows: string[][] = [];
    for (const line of b.split('\n')) {
      const m = /^# (\S+) = (.*)$/.exec(line);
      if (m) comments.set(m[1], m[2]);
      else rows.push(line.split('\t'));
    }
    return { comments, rows };
  });
}

test('dyad code --format conllu on JSON Lines: one block per sentence, doc_id and text, ten columns, offsets in MISC', async () => {
  const text = 'Russia attacked Ukraine. Sergei Lavrov, Russia’s foreign minister, met Wang Yi in Beijing.';
  const jsonl = join(dir, 'items.jsonl');
  writeFileSync(jsonl, `${JSON.stringify({ id: 'a1', text })}\n${JSON.stringify({ id: 'a2', text: 'The talks were not held.' })}\n`);
  const r = await code([jsonl]);
  assert.equal(r.exit, 0, r.err);
  const bs = blocks(r.out);
  assert.deepEqual(bs.map((b) => b.comments.get('doc_id')), ['a1', 'a1', 'a2']);
  assert.deepEqual(bs.map((b) => b.comments.get('text')), ['Russia attacked Ukraine.', 'Sergei Lavrov, Russia’s foreign minister, met Wang Yi in Beijing.', 'The talks were not held.']);
  for (const b of bs) {
    assert.ok(b.rows.every((row) => row.length === 10), 'ten columns');
    assert.deepEqual(b.rows.map((row) => row[0]), b.rows.map((_, i) => String(i + 1)));
    assert.equal(b.rows.filter((row) => row[6] === '0').length, 1, 'one root');
    for (const row of b.rows) {
      const m = /TokenRange=(\d+):(\d+)/.exec(row[9]);
      assert.ok(m, `MISC has offsets: ${row[9]}`);
      if (b.comments.get('doc_id') === 'a1') assert.equal(text.slice(Number(m[1]), Number(m[2])), row[1]);
    }
  }
  const first = bs[0].rows;
  assert.deepEqual(first.map((row) => [row[1], row[6], row[7]]), [
    ['Russia', '2', 'nsubj'], ['attacked', '0', 'root'], ['Ukraine', '2', 'obj'], ['.', '2', 'punct'],
  ]);
  assert.match(first[2][9], /SpaceAfter=No/, 'no space between "Ukraine" and "."');
});

test('dyad code --format conllu on a text file', async () => {
  const file = join(dir, 'one.txt');
  writeFileSync(file, 'The minister said the army would withdraw.');
  const r = await code([file]);
  assert.equal(r.exit, 0, r.err);
  const [b] = blocks(r.out);
  assert.equal(b.comments.get('text'), 'The minister said the army would withdraw.');
  const said = b.rows.find((row) => row[1] === 'said')!;
  const withdraw = b.rows.find((row) => row[1] === 'withdraw')!;
  assert.deepEqual([said[6], withdraw[6], withdraw[7]], ['0', said[0], 'ccomp']);
});
