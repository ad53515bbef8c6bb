/** Typed errors with stable codes. Library code throws these; only the CLI prints them. */

export type DyadErrorCode =
  | 'KNOWLEDGE_INVALID'   // a data file failed its schema
  | 'KNOWLEDGE_MISSING'   // a data file could not be read
  | 'INPUT_EMPTY'
  | 'INPUT_BINARY'
  | 'INPUT_ENCODING'      // not valid UTF-8
  | 'INPUT_TOO_LARGE'
  | 'INPUT_LANGUAGE'      // not English
  | 'INPUT_UNREADABLE'    // file missing, permission denied, ...
  | 'INPUT_HOST_REFUSED'  // a URL whose host is not a public address, fetched by a server that refuses those
  | 'INPUT_JSONL'         // a JSON Lines record is malformed
  | 'INPUT_DATE'          // a date option or field is not a date
  | 'PIPELINE_ORDER'      // a stage runs before the stage that makes its input
  | 'DOC_TIMEOUT'         // coding a document passed its time budget (--doc-timeout)
  | 'USAGE';

export class DyadError extends Error {
  readonly code: DyadErrorCode;
  /** What the error is about: a file, file:line, URL, or option name. */
  readonly input: string | null;

  constructor(code: DyadErrorCode, message: string, input: string | null = null) {
    super(input ? `${input}: ${message}` : message);
    this.name = 'DyadError';
    this.code = code;
    this.input = input;
  }
}

/** One problem in a knowledge file. */
export interface KnowledgeIssue {
  readonly file: string;
  readonly line: number;
  readonly entry: string | null;
  readonly message: string;
}

export class KnowledgeError extends DyadError {
  readonly issues: readonly KnowledgeIssue[];

  constructor(issues: readonly KnowledgeIssue[]) {
    const lines = issues.map((i) => `${i.file}:${i.line}${i.entry ? ` (${i.entry})` : ''}: ${i.message}`);
    super('KNOWLEDGE_INVALID', `invalid knowledge data:\n${lines.join('\n')}`);
    this.issues = issues;
  }
}
