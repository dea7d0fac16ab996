import { AsyncLocalStorage } from 'node:async_hooks';

/** Facts about the current HTTP request, readable where no context is passed (error formatting, logs). */
export interface RequestScope {
  requestId: string;
  authenticated: boolean;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();
