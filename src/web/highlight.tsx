/**
 * A text with its evidence highlighted: stand-off spans (which may overlap) cut the text into runs;
 * each run is marked with the strongest kind covering it and titled with every label.
 */
import type { Annotation, AnnotationKind } from './api.js';

const RANK: Readonly<Record<AnnotationKind, number>> = { trigger: 7, cue: 6, source: 5, target: 4, date: 3, place: 2, actor: 1 };

export interface HighlightProps {
  readonly text: string;
  /** Where `text` starts in the document (annotations use document offsets). */
  readonly offset?: number;
  readonly annotations: readonly Annotation[];
  /** Spans of this event are marked strongly; other events' trigger/argument spans faintly. */
  readonly focus?: string | null;
}

/** The DOM id of the first run of a focused annotation, for the field links of the event view. */
export const evidenceId = (kind: AnnotationKind, start: number): string => `ev-${kind}-${start}`;

function strongest(list: readonly Annotation[], focus: string | null): Annotation {
  const weight = (a: Annotation): number => RANK[a.kind] + (a.eventId !== null && a.eventId === focus ? 10 : 0) - (a.eventId !== null && focus && a.eventId !== focus ? 8 : 0);
  return list.reduce((best, a) => (weight(a) > weight(best) ? a : best));
}

export function Highlight({ text, offset = 0, annotations, focus = null }: HighlightProps) {
  const end = offset + text.length;
  const spans = annotations.filter((a) => a.end > offset && a.start < end && a.end > a.start);
  const cuts = new Set<number>([offset, end]);
  for (const a of spans) {
    cuts.add(Math.max(offset, a.start));
    cuts.add(Math.min(end, a.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const started = new Set<Annotation>();
  const runs = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a - offset, b - offset);
    const over = spans.filter((s) => s.start <= a && s.end >= b);
    if (over.length === 0) {
      runs.push(piece);
      continue;
    }
    const top = strongest(over, focus);
    const focused = top.eventId !== null && top.eventId === focus;
    const faint = top.eventId !== null && focus !== null && !focused;
    const first = !started.has(top) && (focused || top.eventId === null);
    started.add(top);
    runs.push(
      <mark key={a} class={`hl hl-${top.kind}${focused ? ' hl-focus' : ''}${faint ? ' hl-faint' : ''}`} data-kind={top.kind}
        id={first ? evidenceId(top.kind, top.start) : undefined} title={over.map((s) => `${s.kind}: ${s.label}`).join('\n')}>
        {piece}
      </mark>,
    );
  }
  return <div class="doc-text">{runs}</div>;
}

export function Legend() {
  const kinds: AnnotationKind[] = ['trigger', 'source', 'target', 'cue', 'date', 'place', 'actor'];
  const names: Record<AnnotationKind, string> = { trigger: 'event trigger', source: 'source actor', target: 'target actor', cue: 'modality cue', date: 'date', place: 'place', actor: 'other actor' };
  return <p class="legend">{kinds.map((k) => <mark key={k} class={`hl hl-${k} hl-focus`}>{names[k]}</mark>)}</p>;
}

/** Scrolls to an evidence run and flashes it. */
export function showEvidence(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.classList.remove('flash');
  void el.offsetWidth;
  el.classList.add('flash');
}
