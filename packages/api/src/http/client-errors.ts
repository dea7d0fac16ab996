import { GraphQLError } from 'graphql';
import { problem, problemText } from '@cp/shared';
import { formatError } from '../graphql/error-formatting';
import type { Logger } from '../logger';
/** What an HTTP error handler sends for a refused request: status and a GraphQL-shaped body. */
export interface ClientErrorResponse {
  status: number;
  body: { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
}

interface HttpError {
  status: number;
  expose?: boolean;
  type?: string;
  limit?: number;
  message: string;
}

function isClientHttpError(err: unknown): err is HttpError {
  const status = (err as HttpError | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && (err as HttpError).expose === true;
}

const MIB = 1024 * 1024;

/**
 * Turns what the client got wrong before GraphQL ran (body-parser's
 * http-errors: malformed JSON, a body over the limit, an unsupported
 * charset...) into its 4xx answer in the GraphQL error shape, so such input
 * never answers 500. Codes: PAYLOAD_TOO_LARGE (413, with `limitBytes`),
 * otherwise BAD_REQUEST with the error's own status. Returns undefined for
 * anything else (a server fault).
 */
export function clientErrorResponse(err: unknown): ClientErrorResponse | undefined {
  if (!isClientHttpError(err)) return undefined;
  if (err.type === 'entity.too.large' && typeof err.limit === 'number') {
    const refusal = problem('BODY_TOO_LARGE', { limitBytes: err.limit, size: err.limit % MIB === 0 ? `${err.limit / MIB} MB` : `${err.limit.toLocaleString('en-US')} bytes` });
    return { status: 413, body: { errors: [{ message: problemText(refusal), extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: err.limit, ...refusal } }] } };
  }
  // JSON.parse's own wording can quote the body; the client needs only to know it is not JSON.
  if (err.type === 'entity.parse.failed') {
    const refusal = problem('BODY_NOT_JSON');
    return { status: err.status, body: { errors: [{ message: problemText(refusal), extensions: { code: 'BAD_REQUEST', ...refusal } }] } };
  }
  return { status: err.status, body: { errors: [{ message: err.message, extensions: { code: 'BAD_REQUEST' } }] } };
}

/** HTTP status of a refusal by its code, for endpoints outside GraphQL (a GraphQL response carries the code in its body). */
const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

/**
 * The answer of a plain HTTP endpoint (exports, imports) to an error thrown
 * before it sent anything: the error formatted exactly as GraphQL formats it
 * (`formatError`: domain errors, class-validator refusals, coercion errors;
 * anything else masked and logged as INTERNAL_SERVER_ERROR), in the GraphQL
 * error body, with the status its code implies (500 for unknown codes).
 */
export function refusalResponse(error: unknown, logger: Logger): ClientErrorResponse {
  const formatted = formatError(error instanceof GraphQLError ? error.toJSON() : { message: String((error as Error)?.message) }, error, logger);
  const { message, extensions = {} } = formatted;
  return { status: STATUS_OF_CODE[String(extensions.code)] ?? 500, body: { errors: [{ message, extensions }] } };
}
