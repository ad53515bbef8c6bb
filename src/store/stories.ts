/**
 * Stories: near-duplicate articles (reprints, light rewrites of one wire story) grouped together.
 *
 * A document's MinHash signature (minhash.ts) gives LSH band keys; documents sharing a band key
 * are candidates; a candidate published within WINDOW_DAYS (when both dates are known) whose
 * estimated Jaccard similarity reaches THRESHOLD puts the new document in its story, the most
 * similar one winning. Otherwise the document starts a story of its own, whose id is its own id.
 * Stories are never merged afterwards, so a story id, once given, is stable.
 */
import { bandKeys, shingleHashes, signature, similarity, type Signature } from './minhash.js';

export interface StoryOptions {
  /** Estimated Jaccard similarity at which two articles tell the same story. */
  readonly threshold: number;
  /** Largest distance in days between the publication dates of two articles of one story. */
  readonly windowDays: number;
  /** Texts with fewer distinct shingles are too short to compare: they start their own story. */
  readonly minShingles: number;
}

export const STORY_DEFAULTS: StoryOptions = { threshold: 0.5, windowDays: 3, minShingles: 8 };

export interface Fingerprint {
  readonly signature: Signature | null;
  readonly bandKeys: readonly number[];
}

export interface StoryCandidate {
  readonly documentId: string;
  readonly storyId: string;
  readonly published: string | null;
  readonly signature: Signature | null;
}

export interface StoryChoice {
  readonly storyId: string;
  readonly documentId: string;
  readonly similarity: number;
}

export function fingerprint(text: string, options: StoryOptions = STORY_DEFAULTS): Fingerprint {
  const shingles = shingleHashes(text);
  if (shingles.size < options.minShingles) return { signature: null, bandKeys: [] };
  const sig = signature(shingles);
  return { signature: sig, bandKeys: sig ? bandKeys(sig) : [] };
}

const DAY_MS = 86_400_000;

/** True when either date is unknown or unreadable, or they are at most `days` apart. */
export function withinWindow(a: string | null, b: string | null, days: number): boolean {
  if (!a || !b) return true;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return true;
  return Math.abs(ta - tb) <= days * DAY_MS;
}

/** The story a new document joins, or null when it starts its own. */
export function chooseStory(
  fp: Fingerprint,
  published: string | null,
  candidates: readonly StoryCandidate[],
  options: StoryOptions = STORY_DEFAULTS,
): StoryChoice | null {
  if (!fp.signature) return null;
  let best: StoryChoice | null = null;
  for (const c of candidates) {
    if (!c.signature || !withinWindow(published, c.published, options.windowDays)) continue;
    const sim = similarity(fp.signature, c.signature);
    if (sim < options.threshold) continue;
    const better = !best || sim > best.similarity || (sim === best.similarity && c.storyId < best.storyId);
    if (better) best = { storyId: c.storyId, documentId: c.documentId, similarity: sim };
  }
  return best;
}
