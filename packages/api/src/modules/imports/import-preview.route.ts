import express, { Router, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import type { ViewerIdentity } from '../../auth/viewer';
import { unauthenticated } from '../../common/domain-error';
import { refusalResponse } from '../../http/client-errors';
import { requestScope } from '../../http/request-scope';
import type { Logger } from '../../logger';
import { FieldVisibility } from '../detail-fields/field-visibility';
import { columnChoices, importKind, importTemplate, PREVIEW_BYTES, previewImport } from './import-preview';

export interface ImportPreviewRouteDeps {
  db: DataSource;
  logger: Logger;
  /** The request's viewer from its bearer token or session cookie: the one `/graphql` uses. */
  identify: (req: Request) => Promise<ViewerIdentity | null>;
}

/** A query parameter as text (absent, or the first of a repeated one). */
const param = (req: Request, name: string): string | undefined => {
  const value = req.query[name];
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
};

/**
 * `POST /preview` and `GET /template.csv` (mounted at `/api/imports`, before
 * the import jobs' routes): the viewer (token or session, 401 without) and
 * the arguments are settled first; every refusal is the GraphQL error body
 * with its status (`refusalResponse`), as exports answer.
 * - preview: the body is the file's first bytes (any content type, at most
 *   PREVIEW_BYTES; more is 413); `kind`, `encoding`, `delimiter` and
 *   `columns` (JSON choices) as `previewImport` reads them. Answers JSON.
 * - template.csv: `kind`; answers the empty import file as an attachment.
 */
export function importPreviewRoutes({ db, logger, identify }: ImportPreviewRouteDeps): Router {
  const router = Router();

  async function answer(req: Request, res: Response, respond: (visibility: FieldVisibility) => Promise<void>) {
    try {
      const viewer = await identify(req);
      requestScope.getStore()!.authenticated = viewer !== null;
      if (!viewer) throw unauthenticated();
      await respond(new FieldVisibility(db, viewer));
    } catch (error) {
      const refused = refusalResponse(error, logger);
      res.status(refused.status).json(refused.body);
    }
  }

  router.post('/preview', express.raw({ type: () => true, limit: PREVIEW_BYTES }), (req, res) =>
    answer(req, res, async (visibility) => {
      const kind = importKind(param(req, 'kind'));
      const choices = columnChoices(param(req, 'columns'));
      // express.raw leaves the body unset (not a Buffer) when the request has none.
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const preview = await previewImport(bytes, { kind, encoding: param(req, 'encoding'), delimiter: param(req, 'delimiter'), choices }, visibility);
      res.set('Cache-Control', 'no-store').json(preview);
    }),
  );

  router.get('/template.csv', (req, res) =>
    answer(req, res, async (visibility) => {
      const kind = importKind(param(req, 'kind'));
      const csv = await importTemplate(kind, visibility);
      const name = `${kind}-import-template.csv`;
      res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' }).send(csv);
    }),
  );
  return router;
}
