import { Router, type Request, type Response } from 'express';
import { isProblem, neutralizeFormula, neutralizeReportText } from '@cp/shared';
import type { ViewerIdentity } from '../../auth/viewer';
import { notFound, unauthenticated } from '../../common/domain-error';
import { textsIn } from '../../common/translations';
import { refusalResponse } from '../../http/client-errors';
import { requestScope } from '../../http/request-scope';
import type { Logger } from '../../logger';
import type { Services } from '../../services';
import { csvLines, UTF8_BOM } from '../exports/csv-cells';
import { idempotencyKey, importRequest } from './import.service';

export interface ImportRouteDeps {
  services: Services;
  logger: Logger;
  /** The request's viewer from its bearer token or session cookie: the one `/graphql` uses. */
  identify: (req: Request) => Promise<ViewerIdentity | null>;
}

/** Error rows per page of the errors CSV. */
const ERRORS_PAGE = 1000;

/**
 * `POST /` (mounted at `/api/imports`): the request body is the file,
 * streamed into the job's store as it arrives; the query arguments are
 * `importRequest`'s; an `Idempotency-Key` header replays. Answers 202
 * `{ jobId }`, or a refusal in GraphQL's error body (401 without a viewer,
 * 400 for bad arguments, 413 for a file over the limit).
 * `GET /:id/errors.csv[?lang=ja]`: every error of the viewer's own job as
 * CSV (line, column, value, message, reason), UTF-8 with BOM, cells
 * neutralized against formulas, hidden-field values left out as `errors`
 * leaves them. The header and messages are in `lang` (a language the web app
 * ships, as the web app says them; English without it); the reason stays
 * the stable code.
 */
export function importRoutes({ services, logger, identify }: ImportRouteDeps): Router {
  const router = Router();

  async function viewerOf(req: Request): Promise<ViewerIdentity> {
    const viewer = await identify(req);
    requestScope.getStore()!.authenticated = viewer !== null;
    if (!viewer) throw unauthenticated();
    return viewer;
  }

  const refuse = (res: Response, error: unknown) => {
    const refused = refusalResponse(error, logger);
    if (!res.headersSent) res.status(refused.status).json(refused.body);
  };

  router.post('/', async (req, res) => {
    try {
      const viewer = await viewerOf(req);
      const request = importRequest(req.query as Record<string, unknown>);
      const jobId = await services.imports.startUpload(viewer, request, req, idempotencyKey(req.headers['idempotency-key']));
      res.status(202).json({ jobId });
    } catch (error) {
      // The client may still be sending: answering and closing beats reading a gigabyte we refused.
      res.setHeader('Connection', 'close');
      refuse(res, error);
    }
  });

  router.get('/:id/errors.csv', async (req, res) => {
    try {
      const viewer = await viewerOf(req);
      const job = await services.imports.find(viewer, req.params.id);
      if (!job) throw notFound('IMPORT', req.params.id);
      const texts = textsIn(req.query.lang);
      res.status(200).set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="import-errors-${job.id}.csv"`,
        'Content-Language': texts.language,
        'Cache-Control': 'no-store',
      });
      const header = ['line', 'column', 'value', 'message', 'reason'].map((name) => texts.text(`imports.result.${name}`));
      res.write(UTF8_BOM + csvLines([header]));
      for (let after: string | null = null; ; ) {
        const page = await services.imports.errors(viewer, job.id, ERRORS_PAGE, after);
        const rows = page.nodes.map((e) => [String(e.line), neutralizeFormula(e.column ?? ''), neutralizeFormula(e.value ?? ''), neutralizeReportText(isProblem(e.problem) ? texts.problem(e.problem) : e.message), e.problem.reason]);
        if (rows.length > 0) res.write(csvLines(rows));
        if (!page.hasNextPage) break;
        after = page.cursors.at(-1)!;
      }
      res.end();
    } catch (error) {
      if (res.headersSent) {
        logger.error({ err: error, requestId: requestScope.getStore()?.requestId }, 'import errors CSV failed while streaming');
        res.destroy();
      } else refuse(res, error);
    }
  });
  return router;
}
