/**
 * Word clusters for the tagger's and parser's features (data/parse/clusters.tsv, built by
 * scripts/build-clusters.ts): each known word has a cluster path, a bit string whose prefixes are
 * coarser clusters. A word's cluster atoms are hashes of its 4-bit and 6-bit prefixes and of its
 * full path; words not in the file share one "unknown" atom per prefix length.
 */
import { readFileSync } from 'node:fs';
import { DyadError } from '../core/errors.js';
import { hashString } from './perceptron.js';

export interface WordClusters {
  /** Folded form -> word number. */
  readonly index: ReadonlyMap<string, number>;
  /** Three atoms per word: prefix 4, prefix 6, full path. */
  readonly atoms: Int32Array;
  /** A stable hash of the file's cluster lines (the model records the one it was trained with). */
  readonly digest: number;
}

export const UNKNOWN_CLUSTER = [hashString('?4'), hashString('?6'), hashString('?')] as const;

export const NO_CLUSTERS: WordClusters = { index: new Map(), atoms: new Int32Array(0), digest: 0 };

/** Parses "path<TAB>word" lines ('#' lines are comments). */
export function parseClusters(text: string): WordClusters {
  const lines = text.split('\n').filter((l) => l.length > 0 && !l.startsWith('#'));
  const index = new Map<string, number>();
  const atoms = new Int32Array(lines.length * 3);
  lines.forEach((line, i) => {
    const tab = line.indexOf('\t');
    const path = line.slice(0, tab);
    index.set(line.slice(tab + 1), i);
    atoms[i * 3] = hashString(`4:${path.slice(0, 4)}`);
    atoms[i * 3 + 1] = hashString(`6:${path.slice(0, 6)}`);
    atoms[i * 3 + 2] = hashString(path);
  });
  return { index, atoms, digest: hashString(lines.join('\n')) >>> 0 };
}

export function readClusters(file: string): WordClusters {
  try {
    return parseClusters(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DyadError('KNOWLEDGE_INVALID', `word clusters: ${(e as Error).message}`, file);
  }
}
