/**
 * PackedMap: a read-only map whose values are kept as V8-serialized bytes, one run of bytes a key,
 * each decoded on its first lookup and kept from then on.
 *
 * The actor dictionary's tables (47,000 phrases under 21,000 first words, 19,000 people) were 90% of
 * the knowledge cache and of its decoding at every start, and a run looks up a small share of them:
 * packed, a start decodes the keys and one buffer, and a document decodes only the words it meets.
 * Values decode as structured clones: equal to what was packed, each lookup of a key giving the same
 * object, but objects shared between two keys' values are copies after decoding (compare by id).
 */
import v8 from 'node:v8';

/** Values decoded so far, by map and slot: outside the map's own fields, so never stored in a cache file. */
const decodedValues = new WeakMap<object, unknown[]>();

export class PackedMap<K, V> {
  /** Slot of each key, in the order given. */
  private readonly slots: Map<K, number>;
  /** Every value's bytes, one after another. */
  private readonly bytes: Uint8Array;
  /** Where the value of slot i ends in `bytes` (it starts where slot i - 1 ends). */
  private readonly ends: Uint32Array;

  constructor(entries: Iterable<readonly [K, V]>) {
    const slots = new Map<K, number>();
    const parts: Buffer[] = [];
    const ends: number[] = [];
    let end = 0;
    for (const [key, value] of entries) {
      if (slots.has(key)) throw new Error('PackedMap: a key given twice');
      const bytes = v8.serialize(value);
      slots.set(key, parts.length);
      parts.push(bytes);
      end += bytes.length;
      ends.push(end);
    }
    const all = Buffer.concat(parts);
    this.slots = slots;
    this.bytes = new Uint8Array(all.buffer, all.byteOffset, all.length);
    this.ends = Uint32Array.from(ends);
  }

  get size(): number {
    return this.slots.size;
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
    const value = v8.deserialize(this.bytes.subarray(slot === 0 ? 0 : this.ends[slot - 1], this.ends[slot])) as V;
    decoded[slot] = value;
    return value;
  }
}
