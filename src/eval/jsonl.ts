/** JSON Lines records validated by a schema; the first bad line throws INPUT_JSONL with file:line. */
import type { z } from 'zod';
import { DyadError } from '../core/errors.js';

function describe(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message).join('; ');
}

export function parseJsonLines<T>(source: string, file: string, schema: z.ZodType<T>): T[] {
  const records: T[] = [];
  const seen = new Map<string, number>();
  source.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `${file}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new DyadError('INPUT_JSONL', `not valid JSON: ${(err as Error).message}`, where);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new DyadError('INPUT_JSONL', describe(parsed.error), where);
    const id = (parsed.data as { id?: unknown }).id;
    if (typeof id === 'string') {
      const first = seen.get(id);
      if (first !== undefined) throw new DyadError('INPUT_JSONL', `duplicate id ${JSON.stringify(id)} (first at line ${first})`, where);
      seen.set(id, index + 1);
    }
    records.push(parsed.data);
  });
  return records;
}

export { describe as describeZodError };
