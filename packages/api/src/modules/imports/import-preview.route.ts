import express, { Router, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import { normalizeText } from '@cp/shared';
import type { ViewerIdentity } from '../../auth/viewer';
import { unauthenticated } from '../../common/domain-error';
import { refusalResponse } from '../../http/client-errors';
import { requestScope } from '../../http/request-scope';
import type { Logger } from '../../logger';
import { FieldVisibility } from '../detail-fields/field-visibility';
import { PREVIEW_BYTES } from '@cp/shared';
import { importTemplate, previewImport } from './import-preview';
import { importRequest } from './import.service';

export interface ImportPreviewRouteDeps {
  db: DataSource;
  logger: Logger;
  /** The request's viewer from its bearer token or session cookie: the one `/graphql` uses. */
  identify: (req: Request) => Promise<ViewerIdentity | null>;
}

/**
 * `POST /preview` and `GET /template.csv` (mounted at `/api/imports`, before
 * the import jobs' routes): the viewer (token or session, 401 without) and
 * the arguments are settled first; every refusal is the GraphQL error body
 * with its status (`refusalResponse`), as exports answer.
 * - preview: the body is the file's first bytes (any content type, at most
 *   PREVIEW_BYTES; more is 413); `kind`, `encoding`, `delimiter` and
 *   `columns` (JSON choices) read and refused as `POST /api/imports` reads
 *   them (`importRequest`). Answers `previewImport`'s JSON.
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
      // The arguments are read as the import reads them, so a preview refuses exactly what the import would.
      const { kind, encoding, delimiter, columns = {} } = importRequest(req.query);
      const choices = new Map(Object.entries(columns).map(([position, target]) => [Number(position), normalizeText(target)]));
      // express.raw leaves the body unset (not a Buffer) when the request has none.
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const preview = await previewImport(bytes, { kind, encoding, delimiter, choices }, visibility);
      res.set('Cache-Control', 'no-store').json(preview);
    }),
  );

  router.get('/template.csv', (req, res) =>
    answer(req, res, async (visibility) => {
      const { kind } = importRequest(req.query);
      const csv = await importTemplate(kind, visibility);
      const name = `${kind}-import-template.csv`;
      res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' }).send(csv);
    }),
  );
  return router;
}
