import type { Request, Response } from 'express';
import type { ViewerIdentity } from '../auth/viewer';
import type { Loaders } from './loaders';
import type { Services } from '../services';
import type { SessionCookies } from '../http/session-cookie';

/** Everything a resolver may use; built fresh for every request. */
export interface Context {
  requestId: string;
  viewer: ViewerIdentity | null;
  loaders: Loaders;
  services: Services;
  cookies: SessionCookies;
  req: Request;
  res: Response;
}
