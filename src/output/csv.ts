/** CSV output: one event per row, flattened columns, RFC 4180 quoting, codes kept as strings. */
import type { ActorOut, CodedEvent } from '../core/event.js';

type Cell = string | number | null;

const ACTOR_FIELDS = ['code', 'country', 'sector', 'name', 'role', 'text'] as const;

/** The header row, in order. Documented in README.md; keep it stable. */
export const CSV_COLUMNS: readonly string[] = [
  'id', 'doc', 'sentence',
  ...ACTOR_FIELDS.map((f) => `source_${f}`),
  ...ACTOR_FIELDS.map((f) => `target_${f}`),
  'cameo', 'root', 'quad_class', 'goldstein', 'plover_type', 'plover_mode', 'plover_contexts',
  'modality', 'modality_cue', 'date_start', 'date_end', 'date_precision',
  'place_name', 'place_country', 'lat', 'lon', 'topics',
  'trigger', 'trigger_start', 'trigger_end', 'rule', 'confidence', 'knowledge',
];

function actorCells(actor: ActorOut | null): Cell[] {
  return ACTOR_FIELDS.map((f) => (actor ? actor[f] : null));
}

/** One event as CSV cells, in CSV_COLUMNS order. */
export function csvCells(e: CodedEvent): Cell[] {
  return [
    e.id, e.doc, e.sentence,
    ...actorCells(e.source),
    ...actorCells(e.target),
    e.cameo, e.root, e.quadClass, e.goldstein, e.plover.type, e.plover.mode, e.plover.contexts.join(';'),
    e.modality, e.modalityCue?.text ?? null, e.date?.start ?? null, e.date?.end ?? null, e.date?.precision ?? null,
    e.place?.name ?? null, e.place?.country ?? null, e.place?.lat ?? null, e.place?.lon ?? null, e.topics.join(';'),
    e.trigger.text, e.trigger.start, e.trigger.end, e.rule, e.confidence, e.knowledge,
  ];
}

/** A field quoted when it holds a comma, a quote or a line break (RFC 4180); null is empty. */
export function csvField(value: Cell): string {
  const s = value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}
