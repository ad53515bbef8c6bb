/** One stored document: its text with every annotation highlighted, its metadata and its events. */
import type { DocumentDetail } from '../api.js';
import { Highlight, Legend } from '../highlight.js';
import type { PageProps } from '../main.js';
import { EventTable, Notice, Show, useApi } from '../ui.js';

export function DocumentPage({ route }: PageProps) {
  const id = route.args[0] ?? '';
  const doc = useApi<DocumentDetail>(`/documents/${encodeURIComponent(id)}`);
  return (
    <section class="page document">
      <Show value={doc}>
        {(d) => (
          <>
            <h1>{d.document.title ?? 'Untitled document'}</h1>
            <p class="muted">
              {[d.document.source, d.document.published, d.document.language].filter(Boolean).join(' · ')}
              {d.document.url ? <> · <a href={d.document.url} target="_blank" rel="noopener noreferrer">source page</a></> : null}
              {' · '}coded {d.document.codedAt.slice(0, 10)} with <code class="knowledge">{d.document.knowledgeVersion}</code>
            </p>
            <h2>Events ({d.events.length})</h2>
            {d.events.length ? <EventTable events={d.events} compact /> : <Notice title="No events were coded in this document" />}
            <h2>Text</h2>
            {d.spans === 'recomputed'
              ? <p class="notice-inline" data-spans="recomputed">This document was stored before dyad kept the spans it was coded with: its actors, dates and places are read again with the current knowledge, which may differ from what coded its events. <code>dyad recode</code> stores them when it recodes the document (after a knowledge change).</p>
              : null}
            <Legend />
            <article class="article"><Highlight text={d.document.text} annotations={d.annotations} /></article>
          </>
        )}
      </Show>
    </section>
  );
}
