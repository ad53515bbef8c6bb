/** One event: each field beside the words that gave it, in its article, and why it was coded. */
import type { ComponentChildren } from 'preact';
import type { Annotation, DocumentDetail, EventDetail } from '../api.js';
import { evidenceId, Highlight, Legend, showEvidence } from '../highlight.js';
import type { PageProps } from '../main.js';
import { href } from '../route.js';
import { actorLabel, dateLabel, goldsteinColour, QUAD_NAMES, Show, useApi } from '../ui.js';

function Row(props: { label: string; evidence: Annotation | null | undefined; children: ComponentChildren }) {
  const ev = props.evidence;
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>{props.children}</td>
      <td class="evidence-cell">
        {ev
          ? <button type="button" class="linklike evidence-link" onClick={() => showEvidence(evidenceId(ev.kind, ev.start))}>“{ev.text}”</button>
          : <span class="muted">no span</span>}
      </td>
    </tr>
  );
}

/** The annotation of `kind` nearest to the event's trigger. */
function nearest(list: readonly Annotation[], kind: Annotation['kind'], at: number, keep: (a: Annotation) => boolean = () => true): Annotation | null {
  let best: Annotation | null = null;
  for (const a of list) if (a.kind === kind && keep(a) && (!best || Math.abs(a.start - at) < Math.abs(best.start - at))) best = a;
  return best;
}

function Detail({ d, doc }: { d: EventDetail; doc: DocumentDetail }) {
  const e = d.event;
  const mine = doc.annotations.filter((a) => a.eventId === e.id);
  const trigger = mine.find((a) => a.kind === 'trigger') ?? null;
  const at = trigger?.start ?? 0;
  const find = (k: Annotation['kind']) => mine.find((a) => a.kind === k) ?? null;
  // The date and place spans that coded the event are stored with it; a document stored before they were
  // kept falls back to the nearest date or place that agrees with the event.
  const date = find('date') ?? (e.date && doc.spans === 'recomputed' ? nearest(doc.annotations, 'date', at, (a) => e.date !== null && a.label.includes(e.date.start.slice(0, 7))) : null);
  const place = find('place') ?? (e.place?.name && doc.spans === 'recomputed' ? nearest(doc.annotations, 'place', at, (a) => a.label.startsWith(e.place?.name ?? '\u0000')) : null);
  const countries = e.source?.country && e.target?.country ? [e.source.country, e.target.country] : null;
  return (
    <div class="event-layout">
      <div class="fields">
        <table class="fields-table">
          <tbody>
            <Row label="who" evidence={find('source')}>{actorLabel(e.source)}{e.source?.role ? <div class="muted">{e.source.role}</div> : null}</Row>
            <Row label="did what" evidence={trigger}>
              <span class="swatch" style={{ background: goldsteinColour(e.goldstein) }} /> CAMEO {e.cameo} · PLOVER {e.plover.type}{e.plover.mode ? ` (${e.plover.mode})` : ''}
              <div class="muted">Goldstein {e.goldstein} · {QUAD_NAMES[e.quadClass - 1] ?? `quad ${e.quadClass}`}</div>
            </Row>
            <Row label="to whom" evidence={find('target')}>{actorLabel(e.target)}{e.target?.role ? <div class="muted">{e.target.role}</div> : null}</Row>
            <Row label="modality" evidence={find('cue')}><span class={`modality m-${e.modality}`}>{e.modality}</span></Row>
            <Row label="when" evidence={date}>{dateLabel(e)}{e.date ? <div class="muted">{e.date.precision} · from {e.date.basis === 'published' ? 'the publication date' : e.date.basis === 'attributed' ? 'the event it belongs to' : 'its own words'}</div> : null}</Row>
            <Row label="where" evidence={place}>{e.place ? `${e.place.name ?? ''}${e.place.country ? ` (${e.place.country})` : ''}` : '—'}</Row>
            <Row label="topics" evidence={null}>{[...new Set([...e.plover.contexts, ...e.topics])].join(', ') || '—'}</Row>
          </tbody>
        </table>
        <div class="why">
          <h2>Why was this coded?</h2>
          <dl>
            <dt>rule</dt><dd><code class="rule">{e.rule}</code> (data/patterns)</dd>
            <dt>knowledge</dt><dd><code class="knowledge">{e.knowledge}</code></dd>
            <dt>confidence</dt><dd>{e.confidence.toFixed(2)}</dd>
            <dt>reports</dt><dd>{e.numMentions} mention{e.numMentions === 1 ? '' : 's'} in {e.numArticles} article{e.numArticles === 1 ? '' : 's'} from {e.numSources} source{e.numSources === 1 ? '' : 's'}</dd>
          </dl>
          {d.mentions.length > 1 ? <ul class="mentions">{d.mentions.map((m) => <li key={`${m.documentId}${m.trigger.start}`}><a href={href('document', m.documentId)}>“{m.trigger.text}”</a> rule <code>{m.rule}</code></li>)}</ul> : null}
          <p>
            <a href={href('document', e.firstDocument.id)}>Open the whole document</a>
            {countries ? <> · <a href={href('dyad', countries[0], countries[1])}>{countries[0]}–{countries[1]} timeline</a></> : null}
            {e.firstDocument.url ? <> · <a href={e.firstDocument.url} rel="noopener noreferrer" target="_blank">source page</a></> : null}
          </p>
        </div>
      </div>
      <article class="article">
        <h2>{doc.document.title ?? 'Untitled document'}</h2>
        <p class="muted">{doc.document.source ?? ''} {doc.document.published ?? ''}</p>
        <Legend />
        <Highlight text={doc.document.text} annotations={doc.annotations} focus={e.id} />
      </article>
    </div>
  );
}

export function EventPage({ route }: PageProps) {
  const id = route.args[0] ?? '';
  const detail = useApi<EventDetail>(`/events/${encodeURIComponent(id)}`);
  const docId = detail.state === 'ok' ? detail.data.event.firstDocument.id : null;
  const doc = useApi<DocumentDetail>(docId ? `/documents/${encodeURIComponent(docId)}` : null);
  return (
    <section class="page event">
      <p><a href="#/search" onClick={(ev) => { if (history.length > 1) { ev.preventDefault(); history.back(); } }}>← back</a></p>
      <h1>Event</h1>
      <Show value={detail}>{(d) => <Show value={doc}>{(dd) => <Detail d={d} doc={dd} />}</Show>}</Show>
    </section>
  );
}
