/** File-system and stream helpers for readSources: folder listing, peeking at a file's or stream's start. */
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { explain } from './read-input.js';

/** Every file under a folder, recursively, sorted by path, hidden files and folders (".name") skipped. */
export async function listFolder(folder: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(folder, { withFileTypes: true }).catch((err: unknown) => {
    throw explain(err, folder);
  });
  const names = entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await listFolder(path)));
    else if (entry.isFile() || (entry.isSymbolicLink() && (await isFile(path)))) out.push(path);
  }
  return out;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The first `n` bytes of a file (fewer when it is shorter). */
export async function peekFile(path: string, n: number): Promise<Buffer> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(n);
      const { bytesRead } = await handle.read(buffer, 0, n, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw explain(err, path);
  }
}

/** A stream's first chunks (at least `n` bytes, or all of it) and the whole stream again, start included. */
export async function peekStream(stream: Readable, n: number): Promise<{ head: Buffer; whole: AsyncIterable<Buffer> }> {
  const iterator: AsyncIterator<unknown> = stream[Symbol.asyncIterator]();
  const first: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < n) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = toBuffer(next.value);
    first.push(chunk);
    length += chunk.length;
  }
  async function* whole(): AsyncGenerator<Buffer> {
    yield* first;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield toBuffer(next.value);
  }
  return { head: Buffer.concat(first, length), whole: whole() };
}

function toBuffer(chunk: unknown): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
}
