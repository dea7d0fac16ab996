import type { DataSource } from 'typeorm';
import type { Pool } from 'pg';
import type { Config } from './config';
import type { Logger } from './logger';
import { DetailFieldService } from './modules/detail-fields/detail-field.service';
import { DetailFieldCatalog } from './modules/detail-fields/detail-field.catalog';
import { CacheInvalidation } from './db/cache-invalidation';
import { DetailValueStore } from './modules/detail-values/detail-value.store';
import { AgentService } from './modules/agents/agent.service';
import { TeamService } from './modules/teams/team.service';
import { AuthService } from './auth/auth.service';
import { ApiTokenService } from './auth/api-token.service';
import { SignInLimiter } from './auth/sign-in-limiter';
import { CustomerService } from './modules/customers/customer.service';
import { OrganizationService } from './modules/organizations/organization.service';
import { NoteService } from './modules/notes/note.service';
import { RequestService } from './modules/requests/request.service';
import { HistoryService } from './modules/history/history.service';
import { ProductService } from './modules/products/product.service';
import { EntitlementService } from './modules/entitlements/entitlement.service';
import { ExportService } from './modules/exports/export.service';
import { ImportFileStore } from './modules/imports/import-file.store';
import { ImportRunner } from './modules/imports/import-runner';
import { ImportQueue } from './modules/imports/import-queue';
import { ImportService } from './modules/imports/import.service';

/**
 * Services, built once per process and shared by all requests: stateless,
 * but for the caches of viewers and field definitions, which `cacheInvalidation`
 * keeps right across processes once started (until then they serve nothing).
 */
export function createServices(db: DataSource, config: Config, logger: Logger) {
  const pool = (db.driver as unknown as { master: Pool }).master;
  const cacheInvalidation = new CacheInvalidation((db.options as { url: string }).url, logger);
  const limiter = new SignInLimiter(pool, config.SIGN_IN_MAX_FAILURES, config.SIGN_IN_WINDOW_SECONDS);
  const history = new HistoryService();
  const organizations = new OrganizationService(db, history);
  const detailValues = new DetailValueStore(db, logger);
  // Every detail-value write records its history in its own transaction.
  detailValues.onValuesWritten(history.valuesWritten);
  const customers = new CustomerService(db, organizations, detailValues, history);
  const auth = new AuthService(db, limiter, config.SESSION_TTL_HOURS * 3600_000, cacheInvalidation);
  const apiTokens = new ApiTokenService(db, cacheInvalidation);
  const importFiles = new ImportFileStore(db);
  const importRunner = new ImportRunner({
    db,
    files: importFiles,
    logger,
    detailValues,
    history,
    organizations,
    viewerOf: (kind, id) => (kind === 'token' ? apiTokens.viewerForTokenId(id) : auth.viewerForAgent(id)),
  });
  const importQueue = new ImportQueue(db, importRunner, logger, { stepSeconds: config.IMPORT_STEP_SECONDS, expireSeconds: config.IMPORT_STEP_EXPIRE_SECONDS });
  return {
    cacheInvalidation,
    fieldCatalog: new DetailFieldCatalog(db, cacheInvalidation),
    organizations,
    customers,
    detailFields: new DetailFieldService(db, detailValues),
    detailValues,
    agents: new AgentService(db),
    teams: new TeamService(db),
    auth,
    apiTokens,
    notes: new NoteService(db, history),
    history,
    requests: new RequestService(db),
    products: new ProductService(db),
    entitlements: new EntitlementService(db, detailValues, history),
    exports: new ExportService(db, customers, organizations, detailValues),
    imports: new ImportService(db, importFiles, importQueue),
    importQueue,
  };
}

export type Services = ReturnType<typeof createServices>;
