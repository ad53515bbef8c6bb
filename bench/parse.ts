/**
 * The parser alone on one core: model load time, and tokens/s of the parse stage over the
 * wink-segmented sentences of the first articles of a corpus (segmentation not timed), by wall
 * clock and by the process's CPU time (the machine may be shared).
 */
import { createReadStream, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import type { Doc } from '../src/core/doc.js';
import { readCompiledModel } from '../src/parse/model-file.js';
import { MODEL_FILE, parseDoc } from '../src/parse/parse-stage.js';
import { Parser } from '../src/parse/parser.js';
import { segmentText } from '../src/segment/segment-stage.js';

export async function benchParser(file: string, limit: number): Promise<void> {
  const t0 = performance.now();
  const parser = new Parser(readCompiledModel(MODEL_FILE));
  console.log(`  model load      ${Math.round(performance.now() - t0)} ms`);
  const docs: Doc[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim() || docs.length >= Math.min(limit, 2000)) continue;
    const r = JSON.parse(line) as { id: string; text: string };
    docs.push({ id: r.id, text: r.text, title: null, url: null, source: null, published: null, language: 'en', ...segmentText(r.text) });
  }
  for (const d of docs.slice(0, 100)) parseDoc(d, parser); // warm-up
  let tokens = 0;
  const wall = performance.now();
  const cpu = process.cpuUsage();
  for (const d of docs) tokens += parseDoc(d, parser).length;
  const used = process.cpuUsage(cpu);
  const wallS = (performance.now() - wall) / 1000;
  const cpuS = (used.user + used.system) / 1e6;
  console.log(`  parse           ${tokens} tokens of ${docs.length} articles: ${Math.round(tokens / wallS)} tokens/s (wall), ${Math.round(tokens / cpuS)} tokens/s (CPU time); target 150000`);
}

// Run alone: `node --import tsx bench/parse.ts [articles]` (the first articles of Reuters-21578).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = fileURLToPath(new URL('../../shared/corpus/reuters21578.jsonl', import.meta.url));
  if (existsSync(file)) await benchParser(file, Number(process.argv[2] ?? 2000));
  else console.log(`bench/parse: skipped, no corpus at ${file} (../shared/corpus beside the project)`);
}
