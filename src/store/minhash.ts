/**
 * MinHash signatures over word shingles, and LSH band keys for finding near-duplicate candidates.
 *
 * Words are lower-cased letter/digit runs; a shingle is SHINGLE consecutive words. Each of HASHES
 * hash functions is a seeded 32-bit mix of the shingle's FNV-1a hash; the signature keeps each
 * function's minimum. BANDS bands of ROWS rows: two documents become candidates when one band is
 * equal, which happens with probability 1-(1-J^ROWS)^BANDS for Jaccard similarity J (about 0.5
 * at J = 0.53 with 24 x 5).
 */

export const SHINGLE = 3;
export const BANDS = 24;
export const ROWS = 5;
export const HASHES = BANDS * ROWS;

export type Signature = Uint32Array;

const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(HASHES);
  let x = 0x9e3779b9;
  for (let i = 0; i < HASHES; i++) {
    x = mix32(x + 0x6d2b79f5 + i);
    seeds[i] = x;
  }
  return seeds;
})();

/** MurmurHash3's finaliser: a bijective 32-bit mix. */
function mix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Hashes of the distinct word shingles of a text. */
export function shingleHashes(text: string, size = SHINGLE): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  for (let i = 0; i + size <= w.length; i++) out.add(fnv1a(w.slice(i, i + size).join(' ')));
  return out;
}

/** The MinHash signature of a set of shingle hashes; null for an empty set. */
export function signature(shingles: ReadonlySet<number>): Signature | null {
  if (shingles.size === 0) return null;
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of shingles) {
    for (let i = 0; i < HASHES; i++) {
      const h = mix32(s ^ SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** Share of equal positions: an estimate of the Jaccard similarity of the two shingle sets. */
export function similarity(a: Signature, b: Signature): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/** One key per band: band * 2^32 + a 32-bit hash of its rows (a safe integer, a BIGINT in SQL). */
export function bandKeys(sig: Signature): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix32(Math.imul(h ^ sig[b * ROWS + r], 0x01000193));
    keys.push(b * 2 ** 32 + h);
  }
  return keys;
}

export function encodeSignature(sig: Signature): string {
  const bytes = Buffer.alloc(sig.length * 4);
  sig.forEach((v, i) => bytes.writeUInt32LE(v, i * 4));
  return bytes.toString('base64');
}

export function decodeSignature(text: string): Signature | null {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== HASHES * 4) return null;
  const sig = new Uint32Array(HASHES);
  for (let i = 0; i < HASHES; i++) sig[i] = bytes.readUInt32LE(i * 4);
  return sig;
}
