/**
 * GET /documents/:id shows the spans the coder used when it stored the document (documents.spans,
 * migration 6), not a new reading with the knowledge loaded now; documents stored before they were
 * kept are read again, and the response says so.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { codeWithVisitFacts } from '../diplomacy/stored-facts.js';
import { createCoder, type Coder } from '../index.js';
import { decodeDocumentSpans, encodeDocumentSpans } from '../store/spans.js';
import { DocumentDetail } from './schemas.js';
import { testServer, type TestServer } from './testing.js';

let coder: Coder;
let s: TestServer;

before(async () => {
  coder = createCoder();
  s = await testServer(null, { coder: () => coder });
});
after(async () => s.close());

const TEXT = `French President Emmanuel Macron will pay a state visit to Germany from May 16 to 17, the foreign ministry in Paris announced on Monday.

During the visit, Macron will meet German Chancellor Olaf Scholz in Berlin to discuss trade and energy.`;

async function detail(id: string): Promise<DocumentDetail> {
  const r = await s.app.inject({ method: 'GET', url: `/api/v1/documents/${id}` });
  assert.equal(r.statusCode, 200, r.body);
  return DocumentDetail.parse(r.json());
}

type DocumentDetail = ReturnType<typeof DocumentDetail.parse>;

test('the stored spans are shown, each event linked to the date and place spans that coded it, even where today\'s knowledge reads otherwise', async () => {
  const input = { text: TEXT, published: '2024-05-13' };
  const coded = codeWithVisitFacts(coder, input);
  const kept = decodeDocumentSpans(coded.spans);
  assert.ok(kept);
  // What an older knowledge read: the same spans under labels today's knowledge never writes.
  const older = encodeDocumentSpans({
    ...kept, dates: kept.dates.map((d) => ({ ...d, label: `${d.label} (as read in 2024)` })), actors: kept.actors.map((a) => ({ ...a, label: `OLD ${a.label}` })),
  });
  const saved = await s.store.saveCoded({ ...input, knowledgeVersion: coder.knowledge.version, spans: older }, coded.result);
  const d = await detail(saved.documentId);
  assert.equal(d.spans, 'stored');
  const actors = d.annotations.filter((a) => a.kind === 'actor');
  assert.ok(actors.length > 0 && actors.every((a) => a.label.startsWith('OLD ')), 'actor labels are the stored ones');
  const visit = d.events.find((e) => e.cameo === '042');
  assert.ok(visit);
  const when = d.annotations.find((a) => a.kind === 'date' && a.eventId === visit.id);
  const where = d.annotations.find((a) => a.kind === 'place' && a.eventId === visit.id);
  assert.deepEqual([when?.text, when?.label], ['from May 16 to 17', "the event's date: 2024-05-16..2024-05-17 (as read in 2024)"]);
  assert.equal(where?.text, 'Germany');
  assert.ok(d.annotations.some((a) => a.kind === 'trigger' && a.eventId === visit.id));
});

test('a document stored without spans (before migration 6) is read again with the current knowledge, and says so', async () => {
  const input = { text: TEXT.replace('trade and energy', 'trade, energy and defence'), published: '2024-05-13' };
  const coded = codeWithVisitFacts(coder, input);
  const saved = await s.store.saveCoded({ ...input, knowledgeVersion: coder.knowledge.version, spans: null }, coded.result);
  const d = await detail(saved.documentId);
  assert.equal(d.spans, 'recomputed');
  assert.ok(d.annotations.some((a) => a.kind === 'date' && a.eventId === null && a.text === 'from May 16 to 17'));
  assert.ok(!d.annotations.some((a) => (a.kind === 'date' || a.kind === 'place') && a.eventId !== null), 'no event evidence is made up for it');
});
