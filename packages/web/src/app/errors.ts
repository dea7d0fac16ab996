import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ERROR_CODES, isProblem, type ErrorCode, type Problem } from '@cp/shared';
import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from './problems';

/** What the UI needs from any failure: a code to translate and, for internal errors, a reference. */
export interface ErrorInfo {
  code: ErrorCode | 'NETWORK' | 'UNKNOWN';
  requestId?: string;
  /** Why, as data (`extensions.reason` and `params`), to be said in the viewer's language. */
  problem?: Problem;
  /** For input errors: the input field the server refused (`extensions.field`), to show the message beside it. */
  field?: string;
}

function isErrorCode(value: unknown): value is ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(value);
}

/** Rate limits and expired sessions may be answered at the HTTP layer, before GraphQL runs. */
const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
};

/** What a GraphQL error's `extensions` say, as the UI needs it. */
function extensionsInfo(extensions: Record<string, unknown> = {}): ErrorInfo {
  const { code, requestId, field, reason, params } = extensions;
  const problem = { reason, params: params ?? {} };
  return {
    // Codes from before execution (a refused document or body) are not ours, but their problem still is.
    code: isErrorCode(code) ? code : 'UNKNOWN',
    requestId: typeof requestId === 'string' ? requestId : undefined,
    problem: isProblem(problem) ? problem : undefined,
    field: code === 'BAD_USER_INPUT' && typeof field === 'string' ? field : undefined,
  };
}

/**
 * A refusal of a plain HTTP endpoint (`/api/imports`, `/api/exports`): its
 * body is GraphQL's error body, so `errorInfo` reads it like a GraphQL error.
 */
export class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }

  /** The refusal a non-2xx response carries (its JSON error body, or none when it has no such body). */
  static async of(response: Response): Promise<HttpRefusal> {
    return new HttpRefusal(response.status, await response.json().catch(() => null));
  }
}

export function errorInfo(error: unknown): ErrorInfo {
  if (CombinedGraphQLErrors.is(error)) return extensionsInfo(error.errors[0]?.extensions);
  if (error instanceof HttpRefusal) {
    const extensions = (error.body as { errors?: Array<{ extensions?: Record<string, unknown> }> } | null)?.errors?.[0]?.extensions;
    if (extensions) return extensionsInfo(extensions);
    return { code: HTTP_STATUS_CODES[error.status] ?? 'INTERNAL_SERVER_ERROR' };
  }
  if (ServerError.is(error)) {
    return { code: HTTP_STATUS_CODES[error.statusCode] ?? 'INTERNAL_SERVER_ERROR' };
  }
  // fetch() rejects with a TypeError when the server cannot be reached at all.
  return { code: error instanceof TypeError ? 'NETWORK' : 'UNKNOWN' };
}

export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return errorInfo(error).code === code;
}

/** errorInfo plus `detail`: the problem said in the viewer's language. */
export function useErrorInfo() {
  const problemText = useProblemText();
  return useCallback(
    (error: unknown): ErrorInfo & { detail?: string } => {
      const info = errorInfo(error);
      return { ...info, detail: info.problem ? problemText(info.problem) : undefined };
    },
    [problemText],
  );
}

/** Turns an error into one friendly, translated sentence: the specific problem when there is one, else the code's. */
export function useErrorMessage() {
  const { t } = useTranslation();
  const describe = useErrorInfo();
  return useCallback(
    (error: unknown): string => {
      const info = describe(error);
      const parts = [info.detail ?? t(`errors.${info.code}`)];
      if (info.requestId) parts.push(t('errors.requestId', { requestId: info.requestId }));
      return parts.join(' ');
    },
    [t, describe],
  );
}

const REFUSAL_CODES: readonly ErrorInfo['code'][] = ['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'];

/**
 * Whether an error is the API refusing on purpose (a domain rule said no and
 * said why, as a problem), as opposed to a failure: a refusal is the answer,
 * not "something went wrong".
 */
export function isRefusal(info: ErrorInfo): boolean {
  return info.problem !== undefined && REFUSAL_CODES.includes(info.code);
}

/**
 * For failed mutations: a red toast saying what went wrong in the viewer's
 * language, titled "Not saved" for a refusal and "Something went wrong" for a
 * failure (server, network, unknown).
 */
export function useNotifyError() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return useCallback(
    (error: unknown) => {
      const title = isRefusal(errorInfo(error)) ? t('errors.refusedTitle') : t('errors.title');
      notifications.show({ color: 'red', title, message: message(error) });
    },
    [t, message],
  );
}

/**
 * For a refused save with an input beside it: the translated problem under
 * the input when the API names that input (`extensions.field`), else a toast.
 */
export function useReportRefusal() {
  const describe = useErrorInfo();
  const notifyError = useNotifyError();
  return useCallback(
    (error: unknown, field: string, showBeside: (message: string) => void) => {
      const { field: refused, detail } = describe(error);
      if (refused === field && detail) showBeside(detail);
      else notifyError(error);
    },
    [describe, notifyError],
  );
}
