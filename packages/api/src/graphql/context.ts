import type { Request, Response } from 'express';
import type { ViewerIdentity } from '../auth/viewer';
import type { DataSource } from 'typeorm';
import { createLoaders, type Loaders } from './loaders';
import type { Services } from '../services';
import type { SessionCookies } from '../http/session-cookie';
import { FieldVisibility } from '../modules/detail-fields/field-visibility';

/** Everything a resolver may use; built fresh for every request. */
export interface Context {
  requestId: string;
  viewer: ViewerIdentity | null;
  /** Which detail fields this viewer may view and edit; asked by every path that touches values. */
  visibility: FieldVisibility;
  loaders: Loaders;
  services: Services;
  cookies: SessionCookies;
  req: Request;
  res: Response;
}

/** The one way a request's context is made: the viewer and the process's field catalog decide visibility, and loaders are fresh. */
export function createContext(
  db: DataSource,
  base: Pick<Context, 'requestId' | 'viewer' | 'services' | 'cookies' | 'req' | 'res'>,
): Context {
  const visibility = new FieldVisibility(base.services.fieldCatalog, base.viewer);
  return { ...base, visibility, loaders: createLoaders(db, visibility, base.services.detailValues) };
}
