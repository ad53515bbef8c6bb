import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { KnowledgeError } from '../core/errors.js';
import { loadFunctionWords, mostlyEnglish } from './language.js';

const scratch = mkdtempSync(join(tmpdir(), 'dyad-language-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const words = (text: string): string[] => text.match(/\p{L}+/gu) ?? [];

test('language: data/language/english.yaml loads, and English news is mostly English function words', () => {
  const fw = loadFunctionWords();
  assert.ok(fw.words.has('the') && fw.share > 0 && fw.share < 1);
  const english = 'The foreign minister said on Tuesday that the talks with their neighbours would resume after the elections, which were held last week.';
  assert.equal(mostlyEnglish(words(english), fw), true);
});

test('language: French, German, Spanish and Dutch sentences are left to the detector', () => {
  const fw = loadFunctionWords();
  for (const text of [
    "Le ministre des affaires étrangères a déclaré mardi que les négociations avec les pays voisins reprendraient après les élections de la semaine dernière.",
    'Der Außenminister sagte am Dienstag, die Gespräche mit den Nachbarländern würden nach den Wahlen der vergangenen Woche wieder aufgenommen.',
    'El ministro de asuntos exteriores dijo el martes que las conversaciones con los países vecinos se reanudarán después de las elecciones de la semana pasada.',
    'De minister van buitenlandse zaken zei dinsdag dat de gesprekken met de buurlanden na de verkiezingen van vorige week worden hervat.',
  ]) assert.equal(mostlyEnglish(words(text), fw), false, text);
});

test('language: a bad function-word file is reported with file:line', () => {
  const file = join(scratch, 'english.yaml');
  writeFileSync(file, ['kind: language', 'version: "1"', 'entries:', '  - id: english.function-words', '    share: 2', '    words: [The]'].join('\n'));
  assert.throws(() => loadFunctionWords(file), (err: unknown) => err instanceof KnowledgeError && /english\.yaml:5 .*share/.test(err.message));
});
