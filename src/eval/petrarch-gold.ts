/**
 * PETRARCH's validation suite (../shared/eval/petrarch-validation/, README there), scored by its own
 * rule: a record passes when the set of coded (source, target, code) triples equals the expected set;
 * a record that expects no events (`noevents`, or an `error` such as a discarded story) passes when
 * nothing is coded; inactive records are not scored.
 */
import { DyadError } from '../core/errors.js';
import type { ActorOut, CodedEvent } from '../core/event.js';

export interface PetrarchRecord {
  readonly id: string;
  readonly date: string | null;
  readonly text: string;
  readonly category: string;
  /** "SOURCE TARGET CODE" triples. */
  readonly expected: readonly string[];
  readonly active: boolean;
  /** The record's `require_dyad` option (PETRARCH's default: true): an event needs a source and a target. */
  readonly requireDyad: boolean;
}

export interface PetrarchRecordResult {
  readonly id: string;
  readonly category: string;
  readonly pass: boolean;
  readonly expected: readonly string[];
  readonly coded: readonly string[];
  readonly text: string;
}

export interface PetrarchReport {
  readonly active: number;
  readonly passed: number;
  readonly triples: { readonly tp: number; readonly fp: number; readonly fn: number; readonly precision: number; readonly recall: number; readonly f1: number };
  readonly byCategory: Readonly<Record<string, { readonly active: number; readonly passed: number }>>;
  readonly records: readonly PetrarchRecordResult[];
}

interface RawEvent {
  readonly eventcode?: unknown;
  readonly sourcecode?: unknown;
  readonly targetcode?: unknown;
}

const triple = (source: string, target: string, code: string): string => `${source} ${target} ${code}`;

export function parsePetrarchGold(text: string, file: string): PetrarchRecord[] {
  const out: PetrarchRecord[] = [];
  text.split(/\r?\n/).forEach((line, k) => {
    if (!line.trim()) return;
    let raw: { id?: unknown; date?: unknown; text?: unknown; category?: unknown; events?: unknown; active?: unknown; config?: { require_dyad?: unknown } };
    try {
      raw = JSON.parse(line) as typeof raw;
    } catch (err) {
      throw new DyadError('INPUT_UNREADABLE', `line ${k + 1}: not JSON (${(err as Error).message})`, file);
    }
    if (typeof raw.id !== 'string' || typeof raw.text !== 'string' || !Array.isArray(raw.events)) {
      throw new DyadError('INPUT_UNREADABLE', `line ${k + 1}: a PETRARCH record needs id, text and events`, file);
    }
    const expected = (raw.events as RawEvent[]).map((e) => triple(String(e.sourcecode), String(e.targetcode), String(e.eventcode)));
    out.push({
      id: raw.id, text: raw.text, date: typeof raw.date === 'string' ? raw.date : null,
      category: typeof raw.category === 'string' ? raw.category : raw.id.replace(/-.*$/, ''),
      expected: [...new Set(expected)].sort(), active: raw.active !== false,
      requireDyad: String(raw.config?.require_dyad ?? 'true').toLowerCase() !== 'false',
    });
  });
  return out;
}

/**
 * The triples of the coded events; an actor the coder could not name is "---", as PETRARCH writes it.
 * Under `require_dyad` an event without a source or a target is not output, as PETRARCH does.
 */
export function codedTriples(events: readonly CodedEvent[], requireDyad = true): string[] {
  const kept = requireDyad ? events.filter((e) => e.source !== null && e.target !== null) : events;
  return [...new Set(kept.map((e) => triple(petrarchCode(e.source), petrarchCode(e.target), e.cameo)))].sort();
}

/** PETRARCH writes an agent whose country is unknown with "---" for the country: "---GOV". */
function petrarchCode(actor: ActorOut | null): string {
  if (!actor) return '---';
  return actor.country === null && actor.sector !== null && actor.code === actor.sector ? `---${actor.code}` : actor.code;
}

export function scorePetrarch(records: readonly PetrarchRecord[], coded: ReadonlyMap<string, readonly CodedEvent[]>): PetrarchReport {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const byCategory: Record<string, { active: number; passed: number }> = {};
  const results: PetrarchRecordResult[] = [];
  for (const r of records) {
    if (!r.active) continue;
    const got = codedTriples(coded.get(r.id) ?? [], r.requireDyad);
    const want = new Set(r.expected);
    const hits = got.filter((t) => want.has(t)).length;
    tp += hits;
    fp += got.length - hits;
    fn += want.size - hits;
    const pass = hits === want.size && got.length === want.size;
    const cat = (byCategory[r.category] ??= { active: 0, passed: 0 });
    cat.active++;
    if (pass) cat.passed++;
    results.push({ id: r.id, category: r.category, pass, expected: r.expected, coded: got, text: r.text });
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { active: results.length, passed: results.filter((r) => r.pass).length, triples: { tp, fp, fn, precision, recall, f1 }, byCategory, records: results };
}

export function formatPetrarchReport(report: PetrarchReport, quiet: boolean): string {
  const pct = (x: number): string => (100 * x).toFixed(1);
  const t = report.triples;
  const out = [
    `records passed ${report.passed} of ${report.active} active`,
    `triples: P ${pct(t.precision)}  R ${pct(t.recall)}  F1 ${pct(t.f1)}   (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`,
    '',
    ...Object.entries(report.byCategory).sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => `    ${c.padEnd(12)} ${v.passed} of ${v.active}`),
  ];
  if (!quiet) {
    out.push('', 'failed records:');
    for (const r of report.records.filter((x) => !x.pass)) {
      out.push(`  [${r.id}] expected ${r.expected.join(', ') || 'nothing'}; coded ${r.coded.join(', ') || 'nothing'}`, `      ${r.text}`);
    }
  }
  return `${out.join('\n')}\n`;
}
