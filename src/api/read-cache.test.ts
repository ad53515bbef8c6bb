/** The read cache: the same GET within its lifetime is answered from memory; a write through the API clears it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCoder } from '../index.js';
import { IngestResult, StatsResult } from './schemas.js';
import { testServer } from './testing.js';

const TOKEN = 'test-token-of-some-length';

test('a read is reused until its time is up or a write comes through the API; writes by others show after the lifetime', async () => {
  const coder = createCoder();
  const s = await testServer(null, { token: TOKEN, coder: () => coder, readCacheMs: 2000 });
  try {
    const stats = async () => {
      const r = await s.app.inject({ method: 'GET', url: '/api/v1/stats' });
      assert.equal(r.statusCode, 200);
      return { documents: StatsResult.parse(r.json()).documents, cache: r.headers['x-dyad-cache'] ?? 'miss' };
    };
    assert.deepEqual(await stats(), { documents: 0, cache: 'miss' });
    assert.deepEqual(await stats(), { documents: 0, cache: 'hit' });
    const post = await s.app.inject({
      method: 'POST', url: '/api/v1/documents', headers: { authorization: `Bearer ${TOKEN}` },
      payload: { text: 'Japan and China held talks in Tokyo on Monday about trade.', date: '2024-05-13' },
    });
    assert.equal(IngestResult.parse(post.json()).added, 1);
    // Another writer (here the store itself, as an ingest in another process would be).
    const later = { text: 'India and Japan signed an agreement on Tuesday.', published: '2024-05-14' };
    const coded = coder.code(later);
    assert.deepEqual(await stats(), { documents: 1, cache: 'miss' }, 'a write through the API is read at once');
    await s.store.saveCoded(later, coded);
    assert.deepEqual(await stats(), { documents: 1, cache: 'hit' }, 'within the lifetime the answer is reused');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    assert.deepEqual(await stats(), { documents: 2, cache: 'miss' });
    const other = await s.app.inject({ method: 'GET', url: '/api/v1/events?limit=1' });
    assert.equal(other.headers['x-dyad-cache'], undefined, 'each URL has its own answer');
    const bad = await s.app.inject({ method: 'GET', url: '/api/v1/events?limit=0' });
    assert.equal(bad.statusCode, 400);
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/v1/events?limit=0' })).headers['x-dyad-cache'], undefined, 'errors are not kept');
  } finally {
    await s.close();
  }
});
