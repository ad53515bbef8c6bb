/**
 * Output formats. A Formatter turns coding results into the text of one output stream, piece by
 * piece, so that documents can be written as they are coded: start(), document() per result, end().
 */
import type { Doc } from '../core/doc.js';
import type { CodingResult } from '../core/event.js';
import { conlluDocument } from './conllu.js';
import { CSV_COLUMNS, csvCells, csvLine } from './csv.js';
import { GDELT_COLUMNS, gdeltCells, tsvLine } from './gdelt.js';
import { ploverRecord } from './plover.js';

export const OUTPUT_FORMATS = ['json', 'jsonl', 'csv', 'tsv', 'plover', 'conllu'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface FormatterOptions {
  /**
   * JSON only: the output is one `{document, events}` object (true) or an array of them (false).
   * Decided by the command line (one text input or not), never by how many documents succeeded.
   */
  readonly single?: boolean;
  /** TSV only: GDELT's DATEADDED (default: now). */
  readonly added?: Date;
}

export interface Formatter {
  start(): string;
  document(result: CodingResult): string;
  /** Formats that show the annotation layers (conllu) read the annotated Doc instead of the result. */
  annotated?(doc: Doc): string;
  end(): string;
}

export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

export function createFormatter(format: OutputFormat, options: FormatterOptions = {}): Formatter {
  switch (format) {
    case 'json':
      return options.single ? singleJson() : jsonArray();
    case 'jsonl':
      return lines((r) => r.events.map((e) => `${JSON.stringify(e)}\n`));
    case 'plover':
      return lines((r) => r.events.map((e) => `${JSON.stringify(ploverRecord(e, r.document))}\n`));
    case 'csv':
      return lines((r) => r.events.map((e) => csvLine(csvCells(e))), csvLine(CSV_COLUMNS));
    case 'conllu':
      return { start: () => '', document: () => '', annotated: conlluDocument, end: () => '' };
    case 'tsv': {
      const added = options.added ?? new Date();
      return lines((r) => r.events.map((e) => tsvLine(gdeltCells(e, r.document, added))), tsvLine(GDELT_COLUMNS));
    }
  }
}

function lines(rows: (r: CodingResult) => string[], header = ''): Formatter {
  return { start: () => header, document: (r) => rows(r).join(''), end: () => '' };
}

function singleJson(): Formatter {
  return { start: () => '', document: (r) => `${JSON.stringify(r, null, 2)}\n`, end: () => '' };
}

function jsonArray(): Formatter {
  let count = 0;
  return {
    start: () => '[',
    document: (r) => `${count++ === 0 ? '\n' : ',\n'}${JSON.stringify(r, null, 2)}`,
    end: () => (count === 0 ? ']\n' : '\n]\n'),
  };
}
