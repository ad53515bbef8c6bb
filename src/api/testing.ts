/**
 * Test helpers for the API: a real SQLite file in a temp folder holding the project's example
 * articles, coded by the real coder with their publication dates, and an app over it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { codeWithVisitFacts } from '../diplomacy/stored-facts.js';
import type { Coder } from '../index.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { buildApp, type ApiOptions } from './app.js';

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;

export interface TestServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly dir: string;
  close(): Promise<void>;
}

/** Saves every examples/*.txt with the publication date of its .expected.json. */
export async function saveExamples(store: Store, coder: Coder): Promise<number> {
  let n = 0;
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(join(EXAMPLES, file), 'utf8');
    const expected = JSON.parse(readFileSync(join(EXAMPLES, file.replace(/\.txt$/, '.expected.json')), 'utf8')) as { published?: string };
    const input = { id: file, text, title: text.split('\n')[0], published: expected.published ?? null, source: 'dyad examples' };
    const { result, visitFacts, spans } = codeWithVisitFacts(coder, input);
    await store.saveCoded({ ...input, externalId: file, knowledgeVersion: coder.knowledge.version, visitFacts, spans }, result);
    n++;
  }
  return n;
}

/** A fresh store (with the examples when `coder` is given) and an app over it. */
export async function testServer(coder: Coder | null, options: Partial<ApiOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-api-'));
  const store = openSqliteStore({ file: join(dir, 'test.db') });
  await store.migrate();
  if (coder) await saveExamples(store, coder);
  const app = await buildApp({
    store,
    coder: () => {
      if (!coder) throw new Error('this test server has no coder');
      return coder;
    },
    webRoot: null,
    ...options,
  });
  await app.ready();
  return {
    app, store, dir,
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The error shape every failing response has. */
export function isErrorBody(body: unknown): body is { error: { code: string; message: string } } {
  const e = (body as { error?: unknown } | null)?.error as { code?: unknown; message?: unknown } | undefined;
  return typeof e === 'object' && e !== null && typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code) && typeof e.message === 'string' && e.message.length > 0;
}
