/**
 * PackedMap: a read-only map whose values are kept as V8-serialized bytes, one run of bytes a key,
 * each decoded on its first lookup and kept from then on.
 *
 * The actor dictionary's tables (47,000 phrases under 21,000 first words, 19,000 people) were 90% of
 * the knowledge cache and of its decoding at every start, and a run looks up a small share of them:
 * packed, a start decodes the keys only, and a document decodes the words it meets. In the knowledge
 * cache file the bytes stay in the file (cache.ts): a value is read from it when first looked up, and
 * checked against its hash (FNV-1a), so a start does not read the 25 MB of them.
 * Values decode as structured clones: equal to what was packed, each lookup of a key giving the same
 * object, but objects shared between two keys' values are copies after decoding (compare by id).
 */
import { readSync, rmSync } from 'node:fs';
import v8 from 'node:v8';
import { DyadError } from '../core/errors.js';

/** Values decoded so far, by map and slot: outside the map's own fields, so never stored in a cache file. */
const decodedValues = new WeakMap<object, unknown[]>();

/** Where the bytes of a map whose bytes stayed in a cache file are: an open descriptor and the offset of the first. */
interface FileBytes {
  readonly file: string;
  readonly fd: number;
  readonly at: number;
}
const fileBytes = new WeakMap<object, FileBytes>();

/** 32-bit FNV-1a of some bytes. */
export function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

export class PackedMap<K, V> {
  /** Slot of each key, in the order given. */
  private readonly slots: Map<K, number>;
  /** Every value's bytes, one after another; null while they are in a cache file. */
  private bytes: Uint8Array | null;
  /** Where the value of slot i ends in `bytes` (it starts where slot i - 1 ends). */
  private readonly ends: Uint32Array;
  /** FNV-1a of each value's bytes, checked when they are read from a file. */
  private readonly sums: Uint32Array;

  constructor(entries: Iterable<readonly [K, V]>) {
    const slots = new Map<K, number>();
    const parts: Buffer[] = [];
    const ends: number[] = [];
    const sums: number[] = [];
    let end = 0;
    for (const [key, value] of entries) {
      if (slots.has(key)) throw new Error('PackedMap: a key given twice');
      const bytes = v8.serialize(value);
      slots.set(key, parts.length);
      parts.push(bytes);
      end += bytes.length;
      ends.push(end);
      sums.push(fnv1a(bytes));
    }
    const all = Buffer.concat(parts);
    this.slots = slots;
    this.bytes = new Uint8Array(all.buffer, all.byteOffset, all.length);
    this.ends = Uint32Array.from(ends);
    this.sums = Uint32Array.from(sums);
  }

  get size(): number {
    return this.slots.size;
  }

  /** How many bytes the values take. */
  get byteLength(): number {
    return this.ends.length ? this.ends[this.ends.length - 1] : 0;
  }

  has(key: K): boolean {
    return this.slots.has(key);
  }

  keys(): IterableIterator<K> {
    return this.slots.keys();
  }

  get(key: K): V | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    let decoded = decodedValues.get(this);
    if (!decoded) {
      decoded = new Array<unknown>(this.slots.size);
      decodedValues.set(this, decoded);
    }
    const known = decoded[slot];
    if (known !== undefined) return known as V;
    const start = slot === 0 ? 0 : this.ends[slot - 1];
    const bytes = this.bytes ? this.bytes.subarray(start, this.ends[slot]) : this.read(slot, start);
    const value = v8.deserialize(bytes) as V;
    decoded[slot] = value;
    return value;
  }

  /** A value's bytes from the cache file, checked. A damaged file is removed (the next start rebuilds it) and named. */
  private read(slot: number, start: number): Uint8Array {
    const from = fileBytes.get(this);
    if (!from) throw new Error('PackedMap: its bytes are neither in memory nor in a file');
    const bytes = Buffer.allocUnsafe(this.ends[slot] - start);
    const got = readSync(from.fd, bytes, 0, bytes.length, from.at + start);
    if (got !== bytes.length || fnv1a(bytes) !== this.sums[slot]) {
      rmSync(from.file, { force: true });
      throw new DyadError('KNOWLEDGE_INVALID', 'the knowledge cache file is damaged; it was removed and is rebuilt at the next start', from.file);
    }
    return bytes;
  }

  /** For the knowledge cache: the bytes, which the map goes without until `putBytes` or `readFrom`. */
  takeBytes(): Uint8Array {
    if (!this.bytes) throw new Error('PackedMap: its bytes were taken');
    const bytes = this.bytes;
    this.bytes = null;
    return bytes;
  }

  /** For the knowledge cache: the bytes in memory again; false when they do not match their hashes. */
  putBytes(bytes: Uint8Array, check = false): boolean {
    if (bytes.length !== this.byteLength) return false;
    for (let slot = 0; check && slot < this.ends.length; slot++) {
      if (fnv1a(bytes.subarray(slot === 0 ? 0 : this.ends[slot - 1], this.ends[slot])) !== this.sums[slot]) return false;
    }
    this.bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length); // a plain view, also of a Buffer
    return true;
  }

  /** For the knowledge cache: each value's bytes are read from `fd` (of `file`) at `at` plus its offset, when first looked up. */
  readFrom(file: string, fd: number, at: number): void {
    this.bytes = null;
    fileBytes.set(this, { file, fd, at });
  }
}
