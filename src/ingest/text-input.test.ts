import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DyadError, type DyadErrorCode } from '../core/errors.js';
import { checkText, decodeText, detectLanguage } from './text-input.js';

const ENGLISH = 'The foreign minister of Japan met his Indian counterpart in New Delhi on Monday to discuss trade, maritime security and a new agreement on technology cooperation, officials said.';
const FRENCH = "Le ministre des Affaires étrangères du Japon a rencontré lundi son homologue indien à New Delhi pour discuter du commerce, de la sécurité maritime et d'un nouvel accord de coopération technologique, selon des responsables.";
const GERMAN = 'Der japanische Außenminister hat am Montag seinen indischen Amtskollegen in Neu-Delhi getroffen, um über Handel, die Sicherheit auf See und ein neues Abkommen über die technologische Zusammenarbeit zu sprechen, teilten Beamte mit.';
const RUSSIAN = 'Министр иностранных дел Японии в понедельник встретился со своим индийским коллегой в Нью-Дели, чтобы обсудить торговлю, морскую безопасность и новое соглашение о технологическом сотрудничестве, сообщили официальные лица.';

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

interface Row {
  readonly name: string;
  readonly bytes: Buffer;
  readonly maxBytes?: number;
  /** The error code expected, or the text expected back. */
  readonly code?: DyadErrorCode;
  readonly text?: string;
  /** Words the message must contain. */
  readonly says?: RegExp;
}

const rows: readonly Row[] = [
  { name: 'empty', bytes: Buffer.alloc(0), code: 'INPUT_EMPTY', says: /empty/ },
  { name: 'whitespace only', bytes: utf8(' \n\t\r\n  \n'), code: 'INPUT_EMPTY', says: /white space/ },
  { name: 'a BOM and nothing else', bytes: Buffer.from([0xef, 0xbb, 0xbf]), code: 'INPUT_EMPTY' },
  { name: 'binary with NUL bytes', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), code: 'INPUT_BINARY', says: /binary/ },
  { name: 'control bytes without NUL', bytes: Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), code: 'INPUT_BINARY' },
  { name: 'invalid UTF-8 (Latin-1 bytes)', bytes: Buffer.concat([utf8('Caf'), Buffer.from([0xe9]), utf8(' au lait')]), code: 'INPUT_ENCODING', says: /UTF-8.*offset 3/ },
  { name: 'truncated UTF-8 sequence at the end', bytes: Buffer.concat([utf8('Moscow '), Buffer.from([0xd0])]), code: 'INPUT_ENCODING' },
  { name: 'UTF-16 with its BOM', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello', 'utf16le')]), code: 'INPUT_ENCODING', says: /UTF-16/ },
  { name: 'too large', bytes: utf8(ENGLISH), maxBytes: 100, code: 'INPUT_TOO_LARGE', says: /over the limit of 100 bytes/ },
  { name: 'French', bytes: utf8(FRENCH), code: 'INPUT_LANGUAGE', says: /French/ },
  { name: 'German', bytes: utf8(GERMAN), code: 'INPUT_LANGUAGE', says: /German/ },
  { name: 'Russian', bytes: utf8(RUSSIAN), code: 'INPUT_LANGUAGE', says: /Russian/ },
  { name: 'English', bytes: utf8(ENGLISH), text: ENGLISH },
  { name: 'English with a BOM (stripped)', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(ENGLISH)]), text: ENGLISH },
  { name: 'short English', bytes: utf8('Putin visits China.'), text: 'Putin visits China.' },
  { name: 'short French: too short to judge, let through', bytes: utf8('Poutine en Chine.'), text: 'Poutine en Chine.' },
  { name: 'tabs, form feeds and CRLF are text', bytes: utf8('Talks held.\r\n\fNext\tpage.'), text: 'Talks held.\r\n\fNext\tpage.' },
];

for (const row of rows) {
  test(`decodeText: ${row.name}`, () => {
    const run = (): string => decodeText(row.bytes, 'in.txt', row.maxBytes ? { maxBytes: row.maxBytes } : {}).text;
    if (row.code) {
      assert.throws(run, (err: unknown) => {
        assert.ok(err instanceof DyadError);
        assert.equal(err.code, row.code);
        assert.equal(err.input, 'in.txt');
        assert.match(err.message, /^in\.txt: /);
        if (row.says) assert.match(err.message, row.says);
        return true;
      });
    } else {
      assert.equal(run(), row.text);
    }
  });
}

test('English is recognised as "en"; short text is left undetermined', () => {
  assert.equal(decodeText(utf8(ENGLISH), 'a').language, 'en');
  assert.equal(decodeText(utf8('Putin visits China.'), 'a').language, null);
});

test('detectLanguage names the language it sees', () => {
  const table: [string, string, string][] = [[FRENCH, 'fra', 'French'], [GERMAN, 'deu', 'German'], [RUSSIAN, 'rus', 'Russian'], [ENGLISH, 'eng', 'English']];
  for (const [text, code, name] of table) {
    const guess = detectLanguage(text);
    assert.deepEqual([guess.code, guess.name, guess.confident], [code, name, true]);
  }
});

test('checkText applies the same checks to strings (JSON Lines records)', () => {
  const codeOf = (text: string, maxBytes?: number): string => {
    try {
      checkText(text, 'x.jsonl:3', maxBytes ? { maxBytes } : {});
      return 'ok';
    } catch (err) {
      return err instanceof DyadError ? err.code : 'not a DyadError';
    }
  };
  assert.deepEqual(
    [codeOf(''), codeOf('   '), codeOf('a\0b'), codeOf(FRENCH), codeOf(ENGLISH), codeOf('é'.repeat(60), 100)],
    ['INPUT_EMPTY', 'INPUT_EMPTY', 'INPUT_BINARY', 'INPUT_LANGUAGE', 'ok', 'INPUT_TOO_LARGE'],
  );
});
