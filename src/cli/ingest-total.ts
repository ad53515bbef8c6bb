/** How many documents an ingest will read, when that can be known cheaply (for the progress bar's ETA). */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

async function countLines(file: string): Promise<number> {
  let n = 0;
  let last = 10;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) n++;
    last = chunk.length ? chunk[chunk.length - 1] : last;
  }
  return last === 10 ? n : n + 1;
}

async function countFolder(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    n += entry.isDirectory() ? await countFolder(path) : await countFile(path);
  }
  return n;
}

async function countFile(path: string): Promise<number> {
  return /\.(jsonl|ndjson)$/i.test(path) ? countLines(path) : 1;
}

/** Documents in local files and folders; null when any source is a URL, stdin or a feed (unknown). */
export async function estimateTotal(sources: readonly string[]): Promise<number | null> {
  let total = 0;
  for (const source of sources) {
    if (source === '-' || /^https?:\/\//i.test(source) || /\.(xml|rss|atom)$/i.test(source)) return null;
    try {
      const info = await stat(source);
      total += info.isDirectory() ? await countFolder(source) : await countFile(source);
    } catch {
      return null;
    }
  }
  return total;
}
