/**
 * A fixed slice of ../shared/corpus (the first articles of Reuters-21578 and Wikinews politics) and
 * the compact form of dyad's events on it, for test/corpus-slice.test.ts. The expected file
 * test/fixtures/corpus-slice.expected.tsv is dyad's own output (not corpus text): regenerate it with
 * `node --import tsx scripts/corpus-slice.ts` only when a change is meant to alter the events.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodedEvent, DocInput } from '../src/index.js';

export const corpusDir = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
export const expectedFile = fileURLToPath(new URL('./fixtures/corpus-slice.expected.tsv', import.meta.url));

/** [corpus file, how many of its first articles]. */
const SLICE: readonly (readonly [string, number])[] = [['reuters21578.jsonl', 120], ['wikinews-politics.jsonl', 60]];

export function sliceAvailable(): boolean {
  return SLICE.every(([file]) => existsSync(corpusDir + file));
}

interface CorpusRecord {
  readonly id: string;
  readonly title?: string | null;
  readonly date?: string | null;
  readonly text: string;
}

export function sliceInputs(): DocInput[] {
  const inputs: DocInput[] = [];
  for (const [file, n] of SLICE) {
    const lines = readFileSync(corpusDir + file, 'utf8').split('\n').filter((l) => l.trim());
    for (const line of lines.slice(0, n)) {
      const r = JSON.parse(line) as CorpusRecord;
      inputs.push({ id: r.id, text: r.text, title: r.title ?? null, published: r.date ? r.date.slice(0, 10) : null });
    }
  }
  return inputs;
}

const actor = (a: CodedEvent['source']): string => (a ? `${a.code}@${a.start}-${a.end}` : '-');

/** One line per event: ids, codes, spans, modality, date and place; no knowledge version. */
export function eventLine(e: CodedEvent): string {
  const date = e.date ? `${e.date.start}/${e.date.end}/${e.date.precision}/${e.date.basis}` : '-';
  return [
    e.doc, e.id, e.sentence, e.cameo, actor(e.source), actor(e.target), `${e.trigger.start}-${e.trigger.end}`,
    e.rule, e.modality, date, e.place?.name ?? '-', actor(e.attribution), e.mentions.length,
  ].join('\t');
}
