/** Who acts on whom: countries as nodes, edges sized by event count and coloured by mean Goldstein; an edge opens its events. */
import cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Edge, Event } from '../api.js';
import { FilterForm, filterQuery, filtersOf } from '../filters.js';
import type { PageProps } from '../main.js';
import { go, href } from '../route.js';
import { EventTable, goldsteinColour, Notice, Show, useApi } from '../ui.js';

declare global {
  interface Window { dyadNetwork?: cytoscape.Core }
}

function Graph({ edges, onPick }: { edges: readonly Edge[]; onPick: (e: Edge) => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    // An actor without a code cannot be a node.
    const shown = edges.filter((e) => e.source && e.target);
    const nodes = new Map<string, number>();
    for (const e of shown) {
      nodes.set(e.source, (nodes.get(e.source) ?? 0) + e.events);
      nodes.set(e.target, (nodes.get(e.target) ?? 0) + e.events);
    }
    const max = Math.max(1, ...shown.map((e) => e.events));
    const maxNode = Math.max(1, ...nodes.values());
    const cy = cytoscape({
      container: box.current,
      elements: [
        ...[...nodes].map(([id, n]) => ({ data: { id, label: id, size: 14 + 26 * Math.sqrt(n / maxNode) } })),
        ...shown.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, width: 1.5 + 9 * (e.events / max), colour: goldsteinColour(e.goldstein), index: i, label: String(e.events) } })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': '#4a5a70', color: '#111', 'font-size': 12, 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 4 } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(colour)', 'target-arrow-color': 'data(colour)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.85 } },
        { selector: 'edge:selected', style: { 'line-color': '#1565c0', 'target-arrow-color': '#1565c0', opacity: 1 } },
      ],
      layout: { name: shown.length > 1 ? 'cose' : 'circle', animate: false, randomize: false, padding: 30 } as cytoscape.LayoutOptions,
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'edge', (ev) => onPick(shown[Number(ev.target.data('index'))]));
    window.dyadNetwork = cy;
    return () => {
      cy.destroy();
      window.dyadNetwork = undefined;
    };
  }, [edges]);
  return <div ref={box} class="network-canvas" aria-label="actor network" />;
}

function EdgeEvents({ edge, params }: { edge: Edge; params: URLSearchParams }) {
  const q = new URLSearchParams(params);
  q.delete('undirected');
  q.set('dyad', `${edge.source},${edge.target}`);
  q.set('limit', '100');
  const events = useApi<{ events: Event[] }>(`/events?${q.toString()}`);
  return (
    <div class="edge-events">
      <h2>{edge.source} → {edge.target}: {edge.events} event{edge.events === 1 ? '' : 's'}, mean Goldstein {edge.goldstein.toFixed(1)} · <a href={href('dyad', edge.source, edge.target)}>timeline</a></h2>
      <Show value={events}>{(e) => <EventTable events={e.events} />}</Show>
    </div>
  );
}

export function NetworkPage({ route, stats }: PageProps) {
  const filters = filtersOf(route.params);
  const q = filterQuery(filters);
  const net = useApi<{ edges: Edge[] }>(`/network?${q.toString()}`);
  const [picked, setPicked] = useState<Edge | null>(null);
  useEffect(() => setPicked(null), [q.toString()]);
  return (
    <section class="page network">
      <h1>Who acts on whom</h1>
      <FilterForm initial={filters} ploverTypes={stats?.ploverTypes ?? []} onApply={(f) => go(href('network', filterQuery(f)))} />
      <Show value={net}>
        {(n) => n.edges.length === 0
          ? <Notice title="No events with both a source and a target match">Loosen the filters, or ingest more news.</Notice>
          : (
            <>
              <p class="muted">Edges: width by number of events, colour by mean Goldstein (red conflict, green cooperation). Click an edge, or a row below, for its events.</p>
              <Graph edges={n.edges} onPick={setPicked} />
              {picked ? <EdgeEvents edge={picked} params={q} /> : null}
              <details class="edge-list">
                <summary>All {n.edges.length} edges as a table</summary>
                <table class="events">
                  <thead><tr><th>source</th><th>target</th><th>events</th><th>mean Goldstein</th></tr></thead>
                  <tbody>{n.edges.map((e) => (
                    <tr key={`${e.source}>${e.target}`}>
                      <td>{e.source}</td><td>{e.target}</td>
                      <td><button type="button" class="linklike" onClick={() => setPicked(e)}>{e.events}</button></td>
                      <td><span class="swatch" style={{ background: goldsteinColour(e.goldstein) }} />{e.goldstein.toFixed(1)}</td>
                    </tr>
                  ))}</tbody>
                </table>
              </details>
            </>
          )}
      </Show>
    </section>
  );
}
