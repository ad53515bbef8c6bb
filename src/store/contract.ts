/**
 * The store contract suite: every Store implementation (SQLite now, PostgreSQL later) must pass it.
 *
 *   runStoreContract('sqlite', async () => openSqliteStore({ file: tempFile() }));
 *
 * `makeStore` returns a fresh, empty, not yet migrated store each time it is called.
 */
import { EVENT_COUNTRY_DAYS } from './schema.js';
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createCoder, type Coder } from '../index.js';
import { codeWithVisitFacts } from '../diplomacy/stored-facts.js';
import { fixture, TEXTS } from './fixtures.js';
import { decodeDocumentSpans } from './spans.js';
import { documentHash, type Store } from './store.js';

export type MakeStore = () => Promise<Store>;

async function withStore(makeStore: MakeStore, fn: (store: Store) => Promise<void>): Promise<void> {
  const store = await makeStore();
  try {
    await store.migrate();
    await fn(store);
  } finally {
    await store.close();
  }
}

export function runStoreContract(name: string, makeStore: MakeStore): void {
  describe(`store contract: ${name}`, () => {
    let coder: Coder;
    before(() => {
      coder = createCoder();
    });
    const run = (fn: (store: Store) => Promise<void>) => () => withStore(makeStore, fn);

    test('query runs read-only SQL with ? placeholders', run(async (store) => {
      const f = fixture(coder, 'original', { source: 'Agence A' });
      await store.saveCoded(f.input, f.result);
      const rows = await store.query<{ n: number }>('SELECT COUNT(*) AS n FROM documents WHERE source = ?', ['Agence A']);
      assert.equal(Number(rows[0].n), 1);
    }));

    test('country_reports always equals the events it sums, through saves, merges and recodes', run(async (store) => {
      const recomputed = `SELECT country, day, SUM(n) AS reports FROM (${EVENT_COUNTRY_DAYS}) t GROUP BY country, day HAVING SUM(n) <> 0 ORDER BY country, day`;
      const kept = 'SELECT country, day, reports FROM country_reports WHERE reports <> 0 ORDER BY country, day';
      const same = async (): Promise<void> => {
        const norm = (rows: readonly Record<string, unknown>[]): string[] => rows.map((r) => `${r.country}|${r.day}|${Number(r.reports)}`);
        assert.deepEqual(norm(await store.query(kept)), norm(await store.query(recomputed)));
      };
      const original = fixture(coder, 'original', { source: 'Agence A' });
      await store.saveCoded(original.input, original.result);
      await same();
      const rewrite = fixture(coder, 'rewrite', { source: 'Agence B' });
      await store.saveCoded(rewrite.input, rewrite.result);
      await same();
      assert.ok((await store.query('SELECT 1 FROM country_reports WHERE reports > 1')).length > 0, 'a merged event counts its two articles');
      const unrelated = fixture(coder, 'unrelated');
      const saved = await store.saveCoded(unrelated.input, unrelated.result);
      await store.replaceEvents(saved.documentId, { ...unrelated.result, events: [] }, 'another-version');
      await same();
    }));

    test('feed state keeps the last validators of a polled feed', run(async (store) => {
      assert.equal(await store.feedState('http://127.0.0.1/feed.xml'), null);
      await store.saveFeedState({ url: 'http://127.0.0.1/feed.xml', etag: '"a1"', lastModified: null, checkedAt: '2024-05-14T10:00:00Z' });
      await store.saveFeedState({ url: 'http://127.0.0.1/feed.xml', etag: '"a2"', lastModified: 'Tue, 14 May 2024 10:00:00 GMT', checkedAt: '2024-05-14T10:15:00Z' });
      assert.deepEqual(await store.feedState('http://127.0.0.1/feed.xml'), {
        url: 'http://127.0.0.1/feed.xml', etag: '"a2"', lastModified: 'Tue, 14 May 2024 10:00:00 GMT', checkedAt: '2024-05-14T10:15:00Z',
      });
    }));

    test('migrate applies every migration once', run(async (store) => {
      assert.deepEqual(await store.migrate(), []);
      assert.equal((await store.stats()).documents, 0);
    }));

    test('a new document is saved with its events, mentions, actors and story', run(async (store) => {
      const f = fixture(coder, 'original', { source: 'Agence A' });
      const out = await store.saveCoded(f.input, f.result);
      assert.equal(out.status, 'new');
      assert.equal(out.documentId, documentHash(TEXTS.original));
      assert.equal(out.storyId, out.documentId);
      assert.equal(out.eventsAdded, f.result.events.length);
      const stats = await store.stats();
      assert.deepEqual({ ...stats, actors: stats.actors > 0 }, {
        documents: 1, events: f.result.events.length, stories: 1, actors: true,
        mentions: f.result.events.reduce((n, e) => n + e.mentions.length, 0),
        byReason: { new: 1, 'known-hash': 0, 'known-url': 0 },
      });
      const doc = await store.document(out.documentId);
      assert.equal(doc?.text, TEXTS.original);
      assert.equal(doc?.publisher, 'Agence A');
      assert.equal(doc?.knowledgeVersion, coder.knowledge.version);
    }));

    test('saving the same document twice adds nothing', run(async (store) => {
      const f = fixture(coder, 'original');
      const first = await store.saveCoded(f.input, f.result);
      const before = await store.stats();
      const respaced = { ...f.input, text: `  ${TEXTS.original.replace(/ /g, '  ')}\r\n` };
      for (const input of [f.input, respaced]) {
        const again = await store.saveCoded(input, f.result);
        assert.deepEqual(again, { ...first, status: 'known', reason: 'known-hash', eventsAdded: 0, eventsMerged: 0 });
      }
      const stats = await store.stats();
      assert.deepEqual({ ...stats, byReason: null }, { ...before, byReason: null });
      assert.equal(stats.byReason['known-hash'], 2);
    }));

    test('a document is known by its canonical URL too', run(async (store) => {
      const url = 'https://news.example.org/2024/05/visit';
      const a = fixture(coder, 'original', { canonicalUrl: url });
      const b = fixture(coder, 'rewrite', { canonicalUrl: url });
      const first = await store.saveCoded(a.input, a.result);
      assert.equal(await store.hasDocument('0'.repeat(32), url), true);
      assert.equal(await store.hasDocument(documentHash(TEXTS.rewrite)), false);
      const second = await store.saveCoded(b.input, b.result);
      assert.equal(second.status, 'known');
      assert.equal(second.reason, 'known-url');
      assert.equal(second.documentId, first.documentId);
      assert.equal((await store.stats()).documents, 1);
    }));

    test('hasDocument finds a saved document by hash', run(async (store) => {
      const f = fixture(coder, 'unrelated');
      assert.equal(await store.hasDocument(documentHash(TEXTS.unrelated)), false);
      await store.saveCoded(f.input, f.result);
      assert.equal(await store.hasDocument(documentHash(TEXTS.unrelated)), true);
      assert.equal(await store.hasDocument(documentHash(TEXTS.original)), false);
    }));

    test('a rewrite joins the story; its visit is one event with two articles', run(async (store) => {
      const a = fixture(coder, 'original', { source: 'Agence A' });
      const b = fixture(coder, 'rewrite', { source: 'Daily B' });
      const c = fixture(coder, 'unrelated', { source: 'Agence A' });
      const first = await store.saveCoded(a.input, a.result);
      const second = await store.saveCoded(b.input, b.result);
      const third = await store.saveCoded(c.input, c.result);
      assert.equal(second.storyId, first.storyId);
      assert.notEqual(third.storyId, first.storyId);
      assert.equal(second.eventsAdded, 0);
      assert.equal(second.eventsMerged, b.result.events.length);
      const visits = await store.events({ cameo: '042' });
      assert.equal(visits.length, 1);
      const visit = visits[0];
      const coded = a.result.events.find((e) => e.cameo === '042');
      assert.ok(coded, 'the fixture codes a visit');
      assert.deepEqual(
        [visit.storyId, visit.source?.code, visit.target?.code, visit.dateStart, visit.dateEnd, visit.firstDocumentId],
        [first.storyId, coded.source?.code, coded.target?.code, coded.date?.start, coded.date?.end, first.documentId],
      );
      assert.equal(visit.numArticles, 2);
      assert.equal(visit.numSources, 2);
      assert.equal(visit.numMentions, 2 * coded.mentions.length);
      const stories = await store.stories();
      assert.deepEqual(stories.map((s) => [s.id, s.numArticles, s.numSources]).sort(), [
        [first.storyId, 2, 2], [third.storyId, 1, 1],
      ].sort());
      assert.equal((await store.documents({ storyId: first.storyId })).length, 2);
    }));

    test('the same text far apart in time is another story', run(async (store) => {
      const a = fixture(coder, 'original', { published: '2024-05-13' });
      const b = fixture(coder, 'rewrite', { published: '2024-06-20' });
      const first = await store.saveCoded(a.input, a.result);
      const second = await store.saveCoded(b.input, b.result);
      assert.notEqual(second.storyId, first.storyId);
      assert.equal(second.eventsAdded, b.result.events.length);
    }));

    test('mentions keep the evidence: spans index the document text', run(async (store) => {
      const f = fixture(coder, 'original');
      const out = await store.saveCoded(f.input, f.result);
      const mentions = await store.mentions({ documentId: out.documentId });
      assert.equal(mentions.length, f.result.events.reduce((n, e) => n + e.mentions.length, 0));
      for (const m of mentions) {
        assert.equal(TEXTS.original.slice(m.trigger.start, m.trigger.end), m.trigger.text);
        for (const s of [m.source, m.target, m.modalityCue]) if (s) assert.equal(TEXTS.original.slice(s.start, s.end), s.text);
        assert.equal(m.knowledgeVersion, coder.knowledge.version);
      }
      assert.ok(mentions.some((m) => m.source !== null), 'the primary mention carries the source span');
    }));

    test('every event row keeps the knowledge version that coded it', run(async (store) => {
      for (const name of ['original', 'unrelated'] as const) {
        const f = fixture(coder, name);
        await store.saveCoded(f.input, f.result);
      }
      const events = await store.events();
      assert.ok(events.length > 0);
      for (const e of events) assert.equal(e.knowledgeVersion, coder.knowledge.version);
    }));

    test('a document without events is stored and counted', run(async (store) => {
      const f = fixture(coder, 'quiet');
      const out = await store.saveCoded(f.input, f.result);
      assert.equal(out.status, 'new');
      assert.deepEqual([(await store.stats()).documents, (await store.events({ documentId: out.documentId })).length], [1, f.result.events.length]);
    }));

    test('recode: candidates by knowledge version, replaceEvents swaps the events', run(async (store) => {
      const a = fixture(coder, 'original', { source: 'Agence A' });
      const b = fixture(coder, 'rewrite', { source: 'Daily B' });
      const first = await store.saveCoded(a.input, a.result);
      await store.saveCoded(b.input, b.result);
      const before = await store.events();
      assert.deepEqual(await store.recodeCandidates(coder.knowledge.version), []);
      assert.equal((await store.recodeCandidates('dyad-0.0.0+old')).length, 2);
      const visitOnly = { ...a.result, events: a.result.events.filter((e) => e.cameo === '042').map((e) => ({ ...e, knowledge: 'next' })) };
      const out = await store.replaceEvents(first.documentId, visitOnly, 'next');
      assert.deepEqual([out.eventsAdded, out.eventsMerged, out.eventsRemoved], [0, 1, 0]);
      assert.deepEqual(await store.recodeCandidates('next'), [(await store.documents()).find((d) => d.id !== first.documentId)?.id]);
      const visit = (await store.events({ cameo: '042' }))[0];
      assert.deepEqual([visit.numArticles, visit.knowledgeVersion], [2, 'next']);
      assert.equal((await store.events({ documentId: first.documentId })).length, 1);
      assert.equal((await store.events()).length, before.length, 'events the rewrite still supports stay');
      await store.replaceEvents(first.documentId, a.result, coder.knowledge.version);
      const restored = await store.events();
      const counts = (events: typeof before) => events.map((e) => [e.id, e.numMentions, e.numArticles, e.firstDocumentId]);
      assert.deepEqual(counts(restored), counts(before));
    }));

    test('visit facts (migration 5): kept as given, NULL when absent, cleared by a recode that brings none', run(async (store) => {
      const facts = JSON.stringify({ v: 1, sentences: [{ index: 0, start: 0, end: 9, paragraph: 0, topics: ['trade'], people: ['Emmanuel Macron'] }], persons: [] });
      const a = fixture(coder, 'original');
      const withFacts = await store.saveCoded({ ...a.input, visitFacts: facts }, a.result);
      const b = fixture(coder, 'unrelated');
      const without = await store.saveCoded(b.input, b.result);
      const factsOf = async (id: string): Promise<unknown> =>
        (await store.query<{ visit_facts: unknown }>('SELECT visit_facts FROM documents WHERE id = ?', [id]))[0]?.visit_facts;
      assert.equal(await factsOf(withFacts.documentId), facts);
      assert.equal(await factsOf(without.documentId), null, 'a document stored without facts (as before migration 5) reads NULL');
      const versions = await store.query<{ version: unknown }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.ok(versions.some((v) => Number(v.version) === 5));
      await store.replaceEvents(withFacts.documentId, a.result, 'next');
      assert.equal(await factsOf(withFacts.documentId), null, 'facts read with the old events do not outlive them');
      await store.replaceEvents(withFacts.documentId, a.result, 'again', { visitFacts: facts });
      assert.equal(await factsOf(withFacts.documentId), facts, 'a recode stores the facts it brings');
    }));

    test('spans (migration 6): the spans the coder used are kept per document, keyed by the coded events; NULL when absent; a recode replaces them', run(async (store) => {
      const published = '2024-05-13';
      const coded = codeWithVisitFacts(coder, { text: TEXTS.original, published });
      const a = fixture(coder, 'original', { published });
      const saved = await store.saveCoded({ ...a.input, spans: coded.spans }, coded.result);
      const doc = await store.document(saved.documentId);
      assert.equal(doc?.spans, coded.spans, 'stored as given');
      const spans = decodeDocumentSpans(doc?.spans ?? null);
      assert.ok(spans, 'readable');
      const text = (s: { start: number; end: number }): string => TEXTS.original.slice(s.start, s.end);
      const visit = coded.result.events.find((e) => e.cameo === '042');
      assert.ok(visit, 'the fixture has its visit');
      assert.equal(text(spans.events[visit.id]?.date ?? { start: 0, end: 0 }), 'from May 16 to 17', 'the date span that dated the visit');
      assert.ok(spans.dates.some((d) => d.label === '2024-05-16..2024-05-17'));
      assert.ok(spans.actors.some((m) => text(m) === 'French President Emmanuel Macron' && m.label === 'FRAGOV Emmanuel Macron'));
      for (const m of await store.mentions({ documentId: saved.documentId })) assert.ok(m.codedEventId in spans.events, `mention of ${m.codedEventId} has its spans`);
      const b = fixture(coder, 'unrelated');
      const without = await store.saveCoded(b.input, b.result);
      assert.equal((await store.document(without.documentId))?.spans, null, 'a document stored without spans (as before migration 6) reads NULL');
      await store.replaceEvents(saved.documentId, coded.result, 'next');
      assert.equal((await store.document(saved.documentId))?.spans, null, 'spans read with the old events do not outlive them');
      await store.replaceEvents(saved.documentId, coded.result, 'again', coded);
      assert.equal((await store.document(saved.documentId))?.spans, coded.spans, 'a recode stores the spans it brings');
      const versions = await store.query<{ version: unknown }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.ok(versions.some((v) => Number(v.version) === 6));
    }));

    test('replaceEvents removes events only this document supported', run(async (store) => {
      const f = fixture(coder, 'unrelated');
      const out = await store.saveCoded(f.input, f.result);
      const replaced = await store.replaceEvents(out.documentId, { ...f.result, events: [] }, 'next');
      assert.deepEqual([replaced.eventsAdded, replaced.eventsRemoved], [0, f.result.events.length]);
      assert.deepEqual([(await store.stats()).events, (await store.stats()).mentions], [0, 0]);
      await assert.rejects(store.replaceEvents('f'.repeat(32), f.result), { name: 'DyadError' });
    }));
  });
}
