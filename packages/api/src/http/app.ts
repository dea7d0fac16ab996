import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Request } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { createContext, type Context } from '../graphql/context';
import { createSchema } from '../graphql/schema';
import { createLimits } from '../graphql/limits';
import { introspectionGuardPlugin } from '../graphql/introspection-guard';
import { cacheBarrierPlugin } from '../graphql/cache-barrier';
import { formatError } from '../graphql/error-formatting';
import { jitGateway } from '../graphql/jit-executor';
import { createServices, type Services } from '../services';
import type { ViewerIdentity } from '../auth/viewer';
import { SessionCookies } from './session-cookie';
import { requestScope } from './request-scope';
import { clientErrorResponse } from './client-errors';
import { securityHeaders } from './security-headers';
import { exportRoutes } from '../modules/exports/export.route';
import { importPreviewRoutes } from '../modules/imports/import-preview.route';
import { importRoutes } from '../modules/imports/import.route';

export interface App {
  app: express.Express;
  services: Services;
  stop(): Promise<void>;
}

const BEARER = /^Bearer\s+(\S+)$/i;
/** Largest JSON body /graphql accepts (importCustomers' 10,000 rows of a partner tool run to several MB); a larger one answers 413 stating this limit. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Turns the request's credentials into a viewer: an API token wins over a cookie. */
async function identify(req: Request, services: Services, cookies: SessionCookies): Promise<ViewerIdentity | null> {
  const bearer = req.headers.authorization?.match(BEARER)?.[1];
  if (bearer) return services.apiTokens.viewerForToken(bearer);
  const session = cookies.read(req);
  return session ? services.auth.viewerForSession(session) : null;
}

export async function createApp(db: DataSource, config: Config, logger: Logger): Promise<App> {
  const services = createServices(db, config, logger);
  // Before the first request: until it listens, the caches of viewers and field definitions serve nothing.
  await services.cacheInvalidation.start();
  const cookies = new SessionCookies(config.COOKIE_SECURE);
  const limits = createLimits();
  const schema = await createSchema();
  const apollo = new ApolloServer<Context>({
    // Queries run compiled (graphql-jit) over the same schema; see jit-executor.ts.
    gateway: jitGateway(schema, logger),
    // No landing page: Apollo's loads its sandbox from a CDN, which our CSP forbids; partner tools read schema.graphql.
    plugins: [...limits.plugins, introspectionGuardPlugin(), cacheBarrierPlugin(db, services.cacheInvalidation), ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled()],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    introspection: true,
    // main.ts owns SIGINT/SIGTERM: stops HTTP, Apollo, then the database; Apollo's own handler raced it and the process never exited.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => formatError(formatted, error, logger),
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  if (config.TRUST_PROXY === '1') app.set('trust proxy', 1);

  app.use((_req, res, next) => {
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    requestScope.run({ requestId, authenticated: false }, next);
  });

  app.get('/healthz', async (_req, res) => {
    await db.query('SELECT 1');
    res.json({ ok: true });
  });

  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY_BYTES }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const scope = requestScope.getStore()!;
        const viewer = await identify(req, services, cookies);
        scope.authenticated = viewer !== null;
        return createContext(db, { requestId: scope.requestId, viewer, services, cookies, req, res });
      },
    }),
  );

  app.use('/api/exports', exportRoutes({ db, schema, services, logger, identify: (req) => identify(req, services, cookies) }));
  // First under /api/imports: `/preview` and `/template.csv` must not be taken for a job's path.
  app.use('/api/imports', importPreviewRoutes({ db, logger, identify: (req) => identify(req, services, cookies) }));
  app.use('/api/imports', importRoutes({ services, logger, identify: (req) => identify(req, services, cookies) }));

  // Import jobs run in every API process; test apps start working at their first import (or on unfinished ones), saving pg-boss's set-up.
  if ((config.IMPORT_WORKER ?? (config.NODE_ENV === 'test' ? 'lazy' : 'eager')) === 'eager') await services.importQueue.start();
  else await services.importQueue.resumeUnfinished();

  const webDist = path.resolve(config.WEB_DIST ?? path.join(__dirname, '../../../web/dist'));
  if (existsSync(path.join(webDist, 'index.html'))) {
    // Vite names each built asset by a hash of its content (a new build, new names): browsers keep them for good, and a
    // chunk that is not there is a 404, not the app shell, which a page still on an older build would load as a script.
    // Each is sent brotli- or gzip-compressed as the browser accepts (the copies the web build made beside it, so no
    // CPU per request; Vary: Accept-Encoding), else as is. Only here: /graphql and /api answer uncompressed, as
    // compressing each answer costs the API more CPU than loopback and LAN bandwidth saves (bench:web-profile).
    app.use(
      '/assets',
      expressStaticGzip(path.join(webDist, 'assets'), {
        enableBrotli: true,
        orderPreference: ['br', 'gzip'],
        index: false,
        serveStatic: { index: false, immutable: true, maxAge: '1y', fallthrough: false },
      }),
    );
    // The shell is asked again every time, so a new build reaches agents at their next page load.
    app.use(express.static(webDist, { index: false, maxAge: '1h', setHeaders: (res, file) => file.endsWith('index.html') && res.setHeader('Cache-Control', 'no-cache') }));
    // Client-side routes: any other GET that wants HTML gets the app shell.
    app.get(/^\/(?!graphql|api\/).*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.sendFile(path.join(webDist, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } });
    });
  } else {
    logger.warn({ webDist }, 'web app not built; serving the API only');
  }

  app.use((err: unknown, req: Request, res: express.Response, _next: express.NextFunction) => {
    const refused = clientErrorResponse(err);
    if (refused) {
      res.status(refused.status).json(refused.body);
      return;
    }
    const requestId = requestScope.getStore()?.requestId;
    logger.error({ err, requestId, url: req.url }, 'unhandled HTTP error');
    res.status(500).json({ error: 'Internal server error', requestId });
  });

  return {
    app,
    services,
    stop: async () => {
      await services.importQueue.stop();
      await apollo.stop();
      await services.cacheInvalidation.stop();
    },
  };
}
