import type { ErrorCode } from '@cp/shared';

/** Extra facts a client can act on, e.g. which input field was wrong. */
export interface DomainErrorDetails {
  field?: string;
  [key: string]: unknown;
}

/**
 * The one error type services throw. Its code is stable and becomes the
 * GraphQL error's `extensions.code`; its message is meant for people.
 */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL_SERVER_ERROR'>,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string, field?: string) =>
  new DomainError('BAD_USER_INPUT', message, field ? { field } : {});
export const notFound = (what: string, id: string) => new DomainError('NOT_FOUND', `${what} ${id} was not found`);
export const forbidden = (message = 'You are not allowed to do this') => new DomainError('FORBIDDEN', message);
export const unauthenticated = () => new DomainError('UNAUTHENTICATED', 'Sign in first');
