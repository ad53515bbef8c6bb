import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, test } from 'node:test';
import { readJsonl, splitLines, type JsonlRecord } from './jsonl.js';
import { openStream } from './read-input.js';

const dir = mkdtempSync(join(tmpdir(), 'dyad-jsonl-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = 'The president of Kenya met the prime minister of Ethiopia in Nairobi on Friday to discuss a regional trade agreement and security along their shared border, officials said.';
const rec = (o: Record<string, unknown>): string => JSON.stringify(o);

async function collect(stream: Readable, name: string, options = {}): Promise<JsonlRecord[]> {
  const out: JsonlRecord[] = [];
  for await (const r of readJsonl(stream, name, options)) out.push(r);
  return out;
}

test('a bad line in the middle is reported by line number; the lines around it are read', async () => {
  const file = join(dir, 'items.jsonl');
  writeFileSync(file, [rec({ id: 'a', text: TEXT, date: '2024-05-14' }), '{"id": "b", "text": ', rec({ id: 'c', text: TEXT })].join('\n') + '\n');
  const records = await collect(openStream(file), file, { defaultDate: '2024-01-02' });
  assert.equal(records.length, 3);
  const [a, b, c] = records;
  assert.ok(a.ok && c.ok);
  assert.deepEqual([a.doc.id, a.doc.published, a.doc.language, a.doc.text], ['a', '2024-05-14', 'en', TEXT]);
  assert.deepEqual([c.doc.id, c.doc.published], ['c', '2024-01-02']);
  assert.ok(!b.ok);
  assert.equal(b.where, `${file}:2`);
  assert.equal(b.error.code, 'INPUT_JSONL');
  assert.match(b.error.message, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: invalid JSON`));
});

const badLines: readonly [string, string, string, RegExp][] = [
  ['not JSON', 'hello', 'INPUT_JSONL', /invalid JSON/],
  ['not an object', '[1, 2]', 'INPUT_JSONL', /JSON object/],
  ['no text', rec({ id: 'x' }), 'INPUT_JSONL', /no "text"/],
  ['text not a string', rec({ text: 42 }), 'INPUT_JSONL', /"text" is a number/],
  ['title not a string', rec({ text: TEXT, title: ['a'] }), 'INPUT_JSONL', /"title" is a list/],
  ['bad date', rec({ text: TEXT, date: '14/05/2024' }), 'INPUT_DATE', /not a date/],
  ['impossible date', rec({ text: TEXT, published: '2024-02-30' }), 'INPUT_DATE', /calendar/],
  ['empty text', rec({ text: '  ' }), 'INPUT_EMPTY', /white space/],
  ['binary text', rec({ text: 'a\u0000b' }), 'INPUT_BINARY', /binary/],
  ['French text', rec({ text: "Le président du Kenya a rencontré vendredi à Nairobi le Premier ministre éthiopien pour discuter d'un accord commercial régional et de la sécurité le long de leur frontière commune." }), 'INPUT_LANGUAGE', /French/],
];

test('each kind of bad line gets its own code and message, naming FILE:LINE', async () => {
  const lines = [rec({ text: TEXT }), ...badLines.map(([, line]) => line)];
  const records = await collect(Readable.from([Buffer.from(lines.join('\n'))]), 'in.jsonl');
  assert.equal(records.length, lines.length);
  assert.ok(records[0].ok);
  badLines.forEach(([name, , code, says], i) => {
    const r = records[i + 1];
    assert.ok(!r.ok, name);
    assert.equal(r.where, `in.jsonl:${i + 2}`, name);
    assert.equal(r.error.code, code, name);
    assert.match(r.error.message, says, name);
  });
});

test('blank lines (skipped with no message and no count) are reported as blank; CRLF, a BOM and date-times are accepted; numeric ids become strings', async () => {
  const body = `\uFEFF${rec({ id: 7, text: TEXT, published: '1987-02-26T15:01:01' })}\r\n \r\n${rec({ text: TEXT, url: 'https://example.org/x' })}\r\n`;
  const records = await collect(Readable.from([Buffer.from(body)]), 'in.jsonl');
  assert.equal(records.length, 3);
  const [first, blank, second] = records;
  assert.ok(first.ok && second.ok);
  assert.ok(!blank.ok && blank.blank === true);
  assert.deepEqual([blank.where, blank.error.code, blank.error.message], ['in.jsonl:2', 'INPUT_EMPTY', 'in.jsonl:2: blank line: no record']);
  assert.deepEqual([first.doc.id, first.doc.published, first.where], ['7', '1987-02-26', 'in.jsonl:1']);
  assert.deepEqual([second.doc.id, second.doc.url, second.where], [null, 'https://example.org/x', 'in.jsonl:3']);
});

test('invalid UTF-8 is reported for its own line only', async () => {
  const bad = Buffer.concat([Buffer.from('{"text": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
  const good = Buffer.from(`${rec({ text: TEXT })}\n`);
  const records = await collect(Readable.from([good, bad, good]), 'in.jsonl');
  assert.deepEqual(records.map((r) => (r.ok ? 'ok' : `${r.where} ${r.error.code}`)), ['ok', 'in.jsonl:2 INPUT_ENCODING', 'ok']);
});

test('a record whose text is over the limit is refused; so is a line too long to hold', async () => {
  const long = rec({ text: `${TEXT} `.repeat(20) });
  const records = await collect(Readable.from([Buffer.from(`${long}\n${rec({ text: TEXT })}\n${'x'.repeat(70_000)}\n`)]), 'in.jsonl', { maxBytes: 1000 });
  assert.deepEqual(records.map((r) => (r.ok ? 'ok' : `${r.where} ${r.error.code}`)), ['in.jsonl:1 INPUT_TOO_LARGE', 'ok', 'in.jsonl:3 INPUT_TOO_LARGE']);
});

test('splitLines joins lines split across chunks and drops over-long ones without keeping them', async () => {
  const chunks = [Buffer.from('ab'), Buffer.from('c\nde'), Buffer.from('f\r\n'), Buffer.from('0123456789'), Buffer.from('\nlast')];
  const lines: string[] = [];
  for await (const l of splitLines(Readable.from(chunks), 8)) lines.push(l.bytes === null ? `<${l.length} dropped>` : l.bytes.toString());
  assert.deepEqual(lines, ['abc', 'def', '<10 dropped>', 'last']);
});

test('a "text" that starts with U+FEFF is kept as given, so offsets index it (they skipped the mark)', async () => {
  const records = await collect(Readable.from([Buffer.from(`${rec({ id: 'b', text: `\uFEFF${TEXT}` })}\n`)]), 'bom.jsonl');
  assert.ok(records[0].ok);
  assert.equal(records[0].doc.text, `\uFEFF${TEXT}`);
});
