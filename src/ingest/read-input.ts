/**
 * Reading one input's bytes, bounded: a regular file is measured (stat) before it is read, a stream
 * (stdin, a pipe) is read until it ends or passes the limit. Errors are DyadErrors naming the input.
 */
import { createReadStream, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DyadError } from '../core/errors.js';
import { DEFAULT_MAX_BYTES, tooLarge } from './text-input.js';

/** The name stdin is reported under. */
export const STDIN_NAME = '<stdin>';

/** Reads a file's bytes; stat first, so a file over `maxBytes` is refused without being read. */
export async function readFileBytes(path: string, maxBytes: number = DEFAULT_MAX_BYTES): Promise<Buffer> {
  const info = await statInput(path);
  if (info.isFile()) {
    if (info.size > maxBytes) throw tooLarge(info.size, path, maxBytes);
    return readOrExplain(path);
  }
  // A pipe or device (e.g. process substitution): its size is unknown until it is read.
  return readStreamBytes(openStream(path), path, maxBytes);
}

/** Reads a stream to its end, stopping with INPUT_TOO_LARGE as soon as it passes `maxBytes`. */
export async function readStreamBytes(stream: Readable, input: string, maxBytes: number = DEFAULT_MAX_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
      total += buf.length;
      if (total > maxBytes) {
        stream.destroy();
        throw tooLarge(null, input, maxBytes);
      }
      chunks.push(buf);
    }
  } catch (err) {
    throw explain(err, input);
  }
  return Buffer.concat(chunks, total);
}

/** Checks that a path names something readable; returns its stat (or throws INPUT_UNREADABLE). */
export async function statInput(path: string): Promise<Stats> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (err) {
    throw explain(err, path);
  }
  if (info.isDirectory()) throw new DyadError('INPUT_UNREADABLE', 'is a directory, not a file', path);
  return info;
}

/** A read stream on a path, for line-by-line readers. */
export function openStream(path: string): Readable {
  return createReadStream(path);
}

async function readOrExplain(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    throw explain(err, path);
  }
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
};

/** Turns a Node file-system error into INPUT_UNREADABLE; passes DyadErrors through. */
export function explain(err: unknown, input: string): DyadError {
  if (err instanceof DyadError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const reason = (code && REASONS[code]) ?? `cannot read: ${err instanceof Error ? err.message : String(err)}`;
  return new DyadError('INPUT_UNREADABLE', reason, input);
}
