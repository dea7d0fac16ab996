import { problem, problemText, shownValue, type Entity, type ErrorCode, type Problem } from '@cp/shared';

/** Extra facts a client can act on, e.g. which input field was wrong. */
export interface DomainErrorDetails {
  field?: string;
  [key: string]: unknown;
}

/**
 * The one error type services throw. Its code is stable and becomes the
 * GraphQL error's `extensions.code`; its problem (a stable `reason` and its
 * `params`, see @cp/shared problems) goes into `extensions` for the web app
 * to translate, and its English text becomes the message partner tools read.
 */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL_SERVER_ERROR'>,
    readonly problem: Problem,
    readonly details: DomainErrorDetails = {},
  ) {
    super(problemText(problem));
    this.name = 'DomainError';
  }
}

/** BAD_USER_INPUT; `field` names the input field (`extensions.field`). */
export const badInput = (refusal: Problem, field?: string) => new DomainError('BAD_USER_INPUT', refusal, field ? { field } : {});
export const notFound = (entity: Entity, id: string) => new DomainError('NOT_FOUND', problem('NOT_FOUND', { entity, id: shownValue(id) }));
export const forbidden = (refusal: Problem = problem('NOT_ALLOWED')) => new DomainError('FORBIDDEN', refusal);
export const unauthenticated = () => new DomainError('UNAUTHENTICATED', problem('SIGN_IN_FIRST'));
