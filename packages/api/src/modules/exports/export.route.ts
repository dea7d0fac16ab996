import { Router, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { ViewerIdentity } from '../../auth/viewer';
import { unauthenticated } from '../../common/domain-error';
import { refusalResponse } from '../../http/client-errors';
import { requestScope } from '../../http/request-scope';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import { FieldVisibility } from '../detail-fields/field-visibility';
import { customerExportArgs, organizationExportArgs } from './export.arguments';

export interface ExportRouteDeps {
  db: DataSource;
  schema: GraphQLSchema;
  services: Services;
  logger: Logger;
  /** The request's viewer from its bearer token or session cookie: the one `/graphql` uses. */
  identify: (req: Request) => Promise<ViewerIdentity | null>;
}

/** `attachment` with the name both plain and as RFC 5987 `filename*` (RFC 6266), dated by the UTC day. */
function disposition(list: string): string {
  const name = `${list}-${new Date().toISOString().slice(0, 10)}.csv`;
  return `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Writes a chunk, waiting while the client's buffer is full (backpressure);
 * false once the client has gone (the download was cancelled).
 */
function written(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (res.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve(!res.destroyed);
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * `GET /customers.csv` and `GET /organizations.csv` (mounted at
 * `/api/exports`): the viewer (token or session, 401 without), the
 * arguments read like the lists' GraphQL arguments, and the first page are
 * all settled before any byte is sent, so a refusal is a plain JSON error
 * (GraphQL's error body, 400/401/...). Then the chunks of `ExportService`
 * stream out with backpressure; a client that goes away stops the reading;
 * a failure mid-stream is logged and the connection cut, so a partial file
 * never looks complete.
 */
export function exportRoutes({ db, schema, services, logger, identify }: ExportRouteDeps): Router {
  const router = Router();

  async function send(req: Request, res: Response, list: string, open: (visibility: FieldVisibility) => Promise<AsyncGenerator<string>>) {
    let chunks: AsyncGenerator<string>;
    let step: IteratorResult<string>;
    try {
      const viewer = await identify(req);
      requestScope.getStore()!.authenticated = viewer !== null;
      if (!viewer) throw unauthenticated();
      chunks = await open(new FieldVisibility(db, viewer));
      step = await chunks.next();
    } catch (error) {
      const refused = refusalResponse(error, logger);
      res.status(refused.status).json(refused.body);
      return;
    }
    res.status(200);
    res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': disposition(list), 'Cache-Control': 'no-store' });
    try {
      for (; !step.done; step = await chunks.next()) {
        if (!(await written(res, step.value))) {
          await chunks.return(undefined);
          return;
        }
      }
      res.end();
    } catch (error) {
      logger.error({ err: error, requestId: requestScope.getStore()?.requestId, url: req.url }, 'export failed while streaming');
      res.destroy();
    }
  }

  router.get('/customers.csv', (req, res) => send(req, res, 'customers', async (visibility) => services.exports.customersCsv(await customerExportArgs(schema, req.query), visibility)));
  router.get('/organizations.csv', (req, res) => send(req, res, 'organizations', async (visibility) => services.exports.organizationsCsv(await organizationExportArgs(schema, req.query), visibility)));
  return router;
}
