import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { after, test } from 'node:test';
import type { DocInput } from '../core/doc.js';
import { DyadError, KnowledgeError } from '../core/errors.js';
import type { CodingResult } from '../core/event.js';
import { sampleDocument, sampleEvent } from '../output/testing.js';
import { runCode, type CodeRequest, type CoderSettings, type DocumentCoder } from './code-run.js';
import type { CliIO } from './io.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-run-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ENGLISH = 'The president of Brazil will visit Argentina next week for talks with his counterpart on trade, energy and the regional security situation, the foreign ministry in Brasilia said.';
const QUIET_NEWS = 'The president of Brazil spoke about the weather and the harvest at length on Tuesday, and the markets in Sao Paulo closed higher for the third day in a row, traders said.';
const FRENCH = "Le président du Brésil se rendra en Argentine la semaine prochaine pour des entretiens avec son homologue sur le commerce, l'énergie et la sécurité régionale, a indiqué le ministère.";

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A stand-in coder: one visit event per document that mentions "visit"; "CRASH" throws. */
class FakeCoder implements DocumentCoder {
  readonly seen: DocInput[] = [];
  code(input: DocInput): CodingResult {
    if (input.text.includes('CRASH')) throw new Error('boom');
    this.seen.push(input);
    const id = input.id ?? `doc${this.seen.length}`;
    const events = input.text.includes('visit') ? [sampleEvent({ id: `${id}-e0`, doc: id })] : [];
    return { document: sampleDocument({ id, published: input.published ?? null }), events };
  }
}

function memoryIO(stdin = ''): { io: CliIO; stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]): Writable => new Writable({ write(chunk: Buffer, _enc, cb) { into.push(chunk.toString()); cb(); } });
  return { io: { stdin: Readable.from([Buffer.from(stdin)]), stdout: sink(out), stderr: sink(err) }, stdout: () => out.join(''), stderr: () => err.join('') };
}

function request(inputs: string[], overrides: Partial<CodeRequest> = {}): CodeRequest {
  return { inputs, date: '2024-05-14', format: 'json', inputFormat: null, dictionaries: [], compound: null, maxBytes: 5 * 1024 * 1024, quiet: false, ...overrides };
}

async function run(req: CodeRequest, stdin = '', coder = new FakeCoder()) {
  const m = memoryIO(stdin);
  let settings: CoderSettings | null = null;
  const exit = await runCode(req, m.io, async (s) => {
    settings = s;
    return coder;
  });
  return { exit, stdout: m.stdout(), stderr: m.stderr(), coder, settings: settings as CoderSettings | null };
}

test('one text file: a single {document, events}, the --date as publication date, nothing on stderr', async () => {
  const r = await run(request([file('one.txt', ENGLISH)]));
  assert.equal(r.exit, 0);
  assert.equal(r.stderr, '');
  const out = JSON.parse(r.stdout) as CodingResult;
  assert.equal(out.events.length, 1);
  assert.equal(out.document.published, '2024-05-14');
  assert.deepEqual([r.coder.seen[0].text, r.coder.seen[0].language], [ENGLISH, 'en']);
});

test('a document with no events is still coded: exit 0', async () => {
  const r = await run(request([file('calm.txt', QUIET_NEWS)]));
  assert.equal(r.exit, 0);
  assert.deepEqual((JSON.parse(r.stdout) as CodingResult).events, []);
});

test('several inputs: bad ones are named on stderr, the rest coded, a summary at the end', async () => {
  const good = file('good.txt', ENGLISH);
  const french = file('fr.txt', FRENCH);
  const empty = file('empty.txt', '');
  const missing = join(dir, 'missing.txt');
  const r = await run(request([good, french, empty, missing], { format: 'csv' }));
  assert.equal(r.exit, 0);
  assert.equal(r.stdout.trimEnd().split('\r\n').length, 2);
  assert.deepEqual(r.stderr.trimEnd().split('\n'), [
    `dyad: ${french}: text looks like French (fra), not English [INPUT_LANGUAGE]`,
    `dyad: ${empty}: input is empty [INPUT_EMPTY]`,
    `dyad: ${missing}: no such file [INPUT_UNREADABLE]`,
    'dyad: coded 1 document, 1 event; 3 skipped: 1 not English, 1 empty, 1 unreadable',
  ]);
  const json = await run(request([good, good]));
  assert.equal((JSON.parse(json.stdout) as unknown[]).length, 2);
});

test('nothing could be coded: exit 1; --quiet keeps stderr empty', async () => {
  const bad = file('bin.dat', Buffer.from([0, 1, 2, 3, 0, 0]));
  const loud = await run(request([bad]));
  assert.equal(loud.exit, 1);
  assert.equal(loud.stdout, '');
  assert.match(loud.stderr, new RegExp(`^dyad: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: input is binary data`));
  assert.match(loud.stderr, /coded 0 documents, 0 events; 1 skipped: 1 binary/);
  const quiet = await run(request([bad], { quiet: true }));
  assert.deepEqual([quiet.exit, quiet.stderr], [1, '']);
});

test('JSON Lines: a bad line is reported as FILE:LINE and skipped, the others coded with their own dates', async () => {
  const items = file('items.jsonl', [
    JSON.stringify({ id: 'a', text: ENGLISH, date: '2024-06-01' }),
    '{not json',
    JSON.stringify({ id: 'c', text: QUIET_NEWS }),
  ].join('\n'));
  const r = await run(request([items], { format: 'jsonl' }));
  assert.equal(r.exit, 0);
  assert.deepEqual(r.coder.seen.map((d) => [d.id, d.published]), [['a', '2024-06-01'], ['c', '2024-05-14']]);
  assert.equal(r.stdout.trimEnd().split('\n').length, 1);
  const lines = r.stderr.trimEnd().split('\n');
  assert.match(lines[0], new RegExp(`^dyad: .*items\\.jsonl:2: invalid JSON`));
  assert.equal(lines[1], 'dyad: coded 2 documents, 1 event; 1 skipped: 1 invalid record');
  // JSON output for JSON Lines input is always an array.
  const json = await run(request([items]));
  assert.equal((JSON.parse(json.stdout) as unknown[]).length, 2);
});

test('stdin: "-" as text, or as JSON Lines with --input-format', async () => {
  const text = await run(request(['-']), ENGLISH);
  assert.deepEqual([text.exit, (JSON.parse(text.stdout) as CodingResult).events.length], [0, 1]);
  const lines = await run(request(['-'], { inputFormat: 'jsonl', format: 'plover' }), `${JSON.stringify({ id: 's1', text: ENGLISH })}\n`);
  assert.equal(lines.exit, 0);
  assert.equal((JSON.parse(lines.stdout) as { doc: string }).doc, 's1');
  const empty = await run(request(['-']), '');
  assert.deepEqual([empty.exit, empty.stderr.split('\n')[0]], [1, 'dyad: <stdin>: input is empty [INPUT_EMPTY]']);
});

test('the coder gets the dictionaries and compound mode; a knowledge error stops the run with exit 1 and no output', async () => {
  const r = await run(request([file('d.txt', ENGLISH)], { dictionaries: ['mine.yaml'], compound: 'list' }));
  assert.deepEqual(r.settings, { dictionaries: ['mine.yaml'], compound: 'list' });
  const m = memoryIO();
  const exit = await runCode(request([file('e.txt', ENGLISH)]), m.io, async () => {
    throw new KnowledgeError([{ file: 'mine.yaml', line: 3, entry: 'x', message: 'country must be 3 letters' }]);
  });
  assert.equal(exit, 1);
  assert.match(m.stderr(), /^dyad: invalid knowledge data:\nmine\.yaml:3 \(x\): country must be 3 letters\n$/);
  assert.equal(m.stdout(), '');
});

test('a document the coder fails on is reported and skipped; the next one is coded', async () => {
  const r = await run(request([file('crash.txt', `${ENGLISH} CRASH`), file('fine.txt', ENGLISH)], { format: 'jsonl' }));
  assert.equal(r.exit, 0);
  assert.match(r.stderr, /crash\.txt: internal error: boom\n/);
  assert.match(r.stderr, /coded 1 document, 1 event; 1 skipped: 1 failed/);
});

test('a DyadError from the coder keeps its code in the summary', async () => {
  const coder = new FakeCoder();
  coder.code = () => {
    throw new DyadError('INPUT_LANGUAGE', 'looks like Spanish');
  };
  const r = await run(request([file('es.txt', ENGLISH)]), '', coder);
  assert.equal(r.exit, 1);
  assert.match(r.stderr, /es\.txt: looks like Spanish \[INPUT_LANGUAGE\]\n.*1 not English/);
});

test('the coder is not loaded when no input passes its checks', async () => {
  const m = memoryIO();
  let loaded = false;
  const exit = await runCode(request([join(dir, 'absent.txt')]), m.io, async () => {
    loaded = true;
    return new FakeCoder();
  });
  assert.deepEqual([exit, loaded, m.stdout()], [1, false, '']);
});

test('when stdout is closed by the reader (EPIPE), coding stops quietly', async () => {
  const items = file('many.jsonl', Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: `n${i}`, text: ENGLISH })).join('\n'));
  let stderr = '';
  const stdout = new Writable({
    write(_c, _e, cb) {
      cb(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    },
  });
  const stderrSink = new Writable({ write(c: Buffer, _e, cb) { stderr += c.toString(); cb(); } });
  const coder = new FakeCoder();
  const exit = await runCode(request([items], { format: 'jsonl' }), { stdin: Readable.from([]), stdout, stderr: stderrSink }, async () => coder);
  assert.equal(exit, 0);
  assert.ok(coder.seen.length < 50, `coded ${coder.seen.length}`);
  assert.equal(stderr, '');
});

test('an empty JSON Lines input (nothing coded, nothing said) is reported; a blank record is named by its line', async () => {
  const empty = file('none.jsonl', '');
  const blanks = file('blanks.jsonl', `${JSON.stringify({ id: 'a', text: ENGLISH })}\n\n`);
  const r = await run(request([empty, blanks]));
  assert.match(r.stderr, /none\.jsonl: input is empty: no JSON Lines records \[INPUT_EMPTY\]/);
  assert.match(r.stderr, /blanks\.jsonl:2: blank line: no record \[INPUT_EMPTY\]/);
  assert.match(r.stderr, /coded 1 document, 1 event; 2 skipped: 2 empty/);
});
