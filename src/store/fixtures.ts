/**
 * Test fixtures for the store: short texts of our own, coded by the real coder.
 * `original` and `rewrite` tell one story (a planned state visit); `unrelated` is another story.
 */
import type { Coder } from '../index.js';
import type { CodingResult } from '../core/event.js';
import type { StoredDocumentInput } from './store.js';

export const TEXTS = {
  original: `French President Emmanuel Macron will pay a state visit to Germany from May 16 to 17, the foreign ministry in Paris announced on Monday.

During the visit, Macron will meet German Chancellor Olaf Scholz in Berlin to discuss trade, energy and border cooperation. The two leaders are expected to sign a joint statement on lithium mining.

Officials said the trip would be the first by a French head of state to Germany in three years. Relations between the neighbours have been strained by a dispute over fishing rights in the south.`,
  rewrite: `French President Emmanuel Macron will pay a state visit to Germany from May 16 to 17, the foreign ministry in Paris said on Monday.

During the visit, Macron will meet German Chancellor Olaf Scholz in Berlin to discuss trade, energy and border cooperation. The two leaders are expected to sign a joint statement on lithium mining.

Officials said the trip would be the first by a French head of state to Germany in three years. Ties between the two neighbours have been strained by a dispute over fishing rights in the far south.`,
  unrelated: `Japan and Australia held talks in Tokyo on Tuesday about maritime security in the Pacific.

Japanese Prime Minister Fumio Kishida met Australian Prime Minister Anthony Albanese and the two governments agreed to expand joint naval exercises next year. Albanese said the agreement would strengthen regional stability.`,
  quiet: `Wheat prices rose slightly on Monday as traders waited for the weekly harvest report from the southern growing regions.`,
} as const;

export type FixtureName = keyof typeof TEXTS;

export interface Fixture {
  readonly input: StoredDocumentInput;
  readonly result: CodingResult;
}

export interface FixtureOptions {
  readonly published?: string;
  readonly source?: string | null;
  readonly url?: string | null;
  readonly canonicalUrl?: string | null;
  /** Replaces the text (the coding result stays that of the named text). */
  readonly text?: string;
}

/** Codes a fixture text with the real coder, as `dyad ingest` will. */
export function fixture(coder: Coder, name: FixtureName, options: FixtureOptions = {}): Fixture {
  const published = options.published ?? '2024-05-13';
  const result = coder.code({ text: TEXTS[name], published });
  const input: StoredDocumentInput = {
    text: options.text ?? TEXTS[name], published, title: name, source: options.source ?? null,
    url: options.url ?? null, canonicalUrl: options.canonicalUrl ?? null, externalId: name,
    knowledgeVersion: coder.knowledge.version,
  };
  return { input, result };
}
