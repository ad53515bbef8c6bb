/** Bearer tokens for writes: compared in constant time; with no token configured, every write is refused. */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from './errors.js';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** A check for the Authorization header of a write; throws ApiError 401/403. */
export function bearerCheck(token: string | null): (header: string | undefined) => void {
  const expected = token ? digest(token) : null;
  return (header) => {
    if (!expected) throw new ApiError(403, 'WRITES_DISABLED', 'writes are disabled: start the server with DYAD_TOKEN set to enable them');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    // Hashing both sides gives equal lengths, so timingSafeEqual never throws and leaks no length.
    if (!m || !timingSafeEqual(digest(m[1]), expected)) throw new ApiError(401, 'UNAUTHORIZED', 'a valid "Authorization: Bearer <token>" header is required for writes');
  };
}
