/**
 * Stored event rows and their mentions, read back as CodedEvent records per document, so that visits
 * are built from a store by the same function as from fresh coding. Only `store.query` with standard SQL
 * and `?` placeholders is used, so any store (SQLite, PostgreSQL) serves.
 *
 * One event row may be told by several documents of a story: it becomes one CodedEvent per document,
 * with that document's mentions and modality, and the row's id (so evidence points at store rows).
 * A row's person names are those of one of the events merged into it: `namesFromText` puts back the
 * names of the people at each event's own actor spans.
 */
import type { ModalityValue, TextSpan } from '../core/doc.js';
import type { ActorOut, CodedEvent, DateOut, MentionOut } from '../core/event.js';
import type { Store } from '../store/store.js';
import type { DocumentFacts } from './facts.js';

type Value = string | number | null;
export type EventRow = Readonly<Record<string, Value>>;

const COLUMNS = `e.id, e.cameo, e.root, e.quad_class, e.goldstein, e.plover_type, e.plover_mode, e.plover_contexts,
  e.topics, e.date_start, e.date_end, e.date_precision, e.date_basis, e.place_name, e.place_country, e.place_lat,
  e.place_lon, e.source_code, e.source_country, e.source_sector, e.source_name, e.source_role, e.target_code,
  e.target_country, e.target_sector, e.target_name, e.target_role, e.confidence, e.knowledge_version,
  m.document_id, m.coded_event_id, m.sentence, m.trigger_text, m.trigger_start, m.trigger_end, m.source_text, m.source_start,
  m.source_end, m.target_text, m.target_start, m.target_end, m.cue_text, m.cue_start, m.cue_end,
  m.modality AS mention_modality, m.rule AS mention_rule, d.seq`;

/** Event rows with their mentions and the documents' save order, for the condition given. */
export async function eventRows(store: Store, where: string, params: readonly unknown[]): Promise<EventRow[]> {
  return store.query<EventRow>(
    `SELECT ${COLUMNS} FROM events e JOIN event_mentions m ON m.event_id = e.id
     JOIN documents d ON d.id = m.document_id WHERE ${where}
     ORDER BY d.seq, m.sentence, m.trigger_start`, params);
}

const str = (v: Value | undefined): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: Value | undefined): number | null => (v === null || v === undefined ? null : Number(v));

function span(r: EventRow, p: string): TextSpan | null {
  const text = str(r[`${p}_text`]);
  return text === null ? null : { text, start: Number(r[`${p}_start`]), end: Number(r[`${p}_end`]) };
}

function actor(r: EventRow, p: 'source' | 'target'): ActorOut | null {
  const code = str(r[`${p}_code`]);
  if (code === null) return null;
  const at = span(r, p) ?? { text: '', start: 0, end: 0 };
  return {
    code, country: str(r[`${p}_country`]), sector: str(r[`${p}_sector`]), name: str(r[`${p}_name`]),
    role: str(r[`${p}_role`]), text: at.text, start: at.start, end: at.end,
  };
}

function date(r: EventRow): DateOut | null {
  const start = str(r.date_start);
  const end = str(r.date_end);
  if (!start || !end) return null;
  return { start, end, precision: (str(r.date_precision) ?? 'day') as DateOut['precision'], basis: (str(r.date_basis) ?? 'text') as DateOut['basis'] };
}

const parseList = (v: Value | undefined): string[] => {
  const parsed: unknown = JSON.parse(str(v) ?? '[]');
  return Array.isArray(parsed) ? parsed.map(String) : [];
};

/** One event as one document tells it: `rows` are that document's mentions of one event row. */
function toCoded(rows: readonly EventRow[]): CodedEvent {
  const primary = rows.find((r) => r.source_text !== null || r.cue_text !== null) ?? rows[0];
  const r = primary;
  const mentions: MentionOut[] = rows.map((m) => ({ sentence: Number(m.sentence), trigger: span(m, 'trigger') ?? { text: '', start: 0, end: 0 }, rule: String(m.mention_rule) }));
  const placeName = str(r.place_name);
  const cameo = String(r.cameo);
  return {
    id: String(r.id), doc: String(r.document_id), sentence: Number(r.sentence),
    source: actor(r, 'source'), target: actor(r, 'target'),
    cameo, root: String(r.root), quadClass: Number(r.quad_class) as CodedEvent['quadClass'], goldstein: Number(r.goldstein),
    plover: { type: String(r.plover_type), mode: str(r.plover_mode), contexts: parseList(r.plover_contexts) },
    modality: String(r.mention_modality) as ModalityValue, modalityCue: span(r, 'cue'),
    date: date(r),
    place: placeName === null ? null : { name: placeName, country: str(r.place_country), lat: num(r.place_lat), lon: num(r.place_lon) },
    topics: parseList(r.topics), trigger: span(r, 'trigger') ?? { text: '', start: 0, end: 0 },
    rule: String(r.mention_rule), confidence: Number(r.confidence), knowledge: String(r.knowledge_version),
    attribution: null, mentions,
  };
}

/** Groups rows into CodedEvents per document: Map<document id, events in text order>. */
export function codedByDocument(rows: readonly EventRow[]): Map<string, CodedEvent[]> {
  const groups = new Map<string, EventRow[]>();
  for (const r of rows) {
    // The store merges events by actor code: two meetings RUSGOV->CHNGOV (with Xi, with Li) share a row.
    // Each coded event keeps its own mentions and actor spans, so it is rebuilt on its own.
    const key = `${String(r.document_id)}\u0000${String(r.id)}\u0000${String(r.coded_event_id)}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  const out = new Map<string, CodedEvent[]>();
  for (const list of groups.values()) {
    const e = toCoded(list);
    const events = out.get(e.doc) ?? [];
    events.push(e);
    out.set(e.doc, events);
  }
  for (const events of out.values()) events.sort((a, b) => a.sentence - b.sentence || a.trigger.start - b.trigger.start);
  return out;
}

function renamed(a: ActorOut | null, facts: DocumentFacts): ActorOut | null {
  // An actor coded without a name (an unresolved title) stays so: the row's name is not its own.
  if (!a?.name || a.text === '') return a;
  const p = facts.persons.find((x) => x.start < a.end && a.start < x.end);
  return p && p.name !== a.name ? { ...a, name: p.name, role: p.role, country: p.country ?? a.country } : a;
}

/** The event with the people named at its own source and target spans (see the note above). */
export function namesFromText(e: CodedEvent, facts: DocumentFacts): CodedEvent {
  const source = renamed(e.source, facts);
  const target = renamed(e.target, facts);
  return source === e.source && target === e.target ? e : { ...e, source, target };
}
