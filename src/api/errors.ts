/**
 * The API's errors: `{error: {code, message}}` with an HTTP status, from one handler (app.ts).
 * Codes are the CLI's stable DyadError codes, plus the few that only HTTP has.
 */
import { DyadError, type DyadErrorCode } from '../core/errors.js';

export type ApiErrorCode =
  | DyadErrorCode
  | 'NOT_FOUND'          // no such route, event, document
  | 'UNAUTHORIZED'       // a write without a valid bearer token
  | 'WRITES_DISABLED'    // a write while the server has no token configured (DYAD_TOKEN)
  | 'METHOD_NOT_ALLOWED'
  | 'UNSUPPORTED_MEDIA'  // a body in a content type the route does not read
  | 'RATE_LIMITED'
  | 'TIMEOUT'
  | 'INTERNAL';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;

  constructor(status: number, code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export interface ErrorBody {
  readonly error: { readonly code: ApiErrorCode; readonly message: string };
}

/** The HTTP status of a DyadError: bad input is the client's fault, knowledge problems the server's. */
function dyadStatus(code: DyadErrorCode): number {
  if (code === 'INPUT_TOO_LARGE') return 413;
  if (code === 'KNOWLEDGE_INVALID' || code === 'KNOWLEDGE_MISSING' || code === 'PIPELINE_ORDER') return 500;
  if (code === 'INPUT_UNREADABLE') return 422;
  if (code === 'INPUT_HOST_REFUSED') return 403;
  return 400;
}

interface FastifyLikeError {
  readonly code?: unknown;
  readonly statusCode?: unknown;
  readonly message?: unknown;
  readonly validation?: ReadonlyArray<{ readonly instancePath?: string; readonly message?: string; readonly params?: unknown }>;
  readonly validationContext?: unknown;
}

/** Fastify's own error codes (FST_ERR_*) and their API codes. */
const FASTIFY_CODES: Readonly<Record<string, readonly [number, ApiErrorCode, string]>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'INPUT_TOO_LARGE', 'the request body is larger than the limit'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA', 'the body must be application/json (or application/x-ndjson for a batch)'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INPUT_EMPTY', 'the JSON body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'USAGE', 'the body is not valid JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'USAGE', 'the Content-Length does not match the body'],
  FST_ERR_CTP_INVALID_TYPE: [400, 'USAGE', 'the Content-Type header is not valid'],
  FST_ERR_BAD_URL: [400, 'USAGE', 'the URL is not valid'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'USAGE', 'a path parameter is too long (at most 200 characters)'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'USAGE', 'the request is not valid'],
};

function validationMessage(err: FastifyLikeError): string {
  const where = typeof err.validationContext === 'string' ? err.validationContext : 'request';
  const first = err.validation?.slice(0, 3).map((v) => {
    const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    return `${where}${path ? `.${path}` : ''}: ${v.message ?? 'invalid'}`;
  });
  return first?.length ? first.join('; ') : `invalid ${where}`;
}

/** Any thrown value as a status and an error body; never leaks a stack. */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  const make = (status: number, code: ApiErrorCode, message: string) => ({ status, body: { error: { code, message } } });
  if (err instanceof ApiError) return make(err.status, err.code, err.message);
  if (err instanceof DyadError) return make(dyadStatus(err.code), err.code, err.message);
  const e = (typeof err === 'object' && err !== null ? err : {}) as FastifyLikeError;
  if (Array.isArray(e.validation)) return make(400, 'USAGE', validationMessage(e));
  const known = typeof e.code === 'string' ? FASTIFY_CODES[e.code] : undefined;
  if (known) return make(known[0], known[1], known[2]);
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status === 429) return make(429, 'RATE_LIMITED', 'too many requests: slow down and retry later');
  if (status === 408 || status === 503) return make(status, 'TIMEOUT', 'the request took too long');
  if (status >= 400 && status < 500) return make(status, status === 404 ? 'NOT_FOUND' : 'USAGE', typeof e.message === 'string' ? e.message : 'bad request');
  return make(500, 'INTERNAL', 'internal error');
}
