import 'reflect-metadata';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { Agent } from '../modules/agents/agent.entity';
import { Team } from '../modules/teams/team.entity';
import { Session } from '../auth/session.entity';
import { ApiToken } from '../auth/api-token.entity';
import { CreatePeople1764072000000 } from './migrations/1764072000000-create-people';
import { CreateCustomers1764075600000 } from './migrations/1764075600000-create-customers';
import { CreateDetailFields1764079200000 } from './migrations/1764079200000-create-detail-fields';
import { AddPeopleVersions1764082800000 } from './migrations/1764082800000-add-people-versions';
import { NormalizeStoredText1764087300000 } from './migrations/1764087300000-normalize-stored-text';
import { FoldAccentsInSearch1764087400000 } from './migrations/1764087400000-fold-accents-in-search';
import { BreakSortTiesByName1764093600000 } from './migrations/1764093600000-break-sort-ties-by-name';
import { CreateRequests1764200000000 } from './migrations/1764200000000-create-requests';
import { CreateNotes1764203600000 } from './migrations/1764203600000-create-notes';
import { CreateEntitlements1764300000000 } from './migrations/1764300000000-create-entitlements';
import { CreateChanges1764303600000 } from './migrations/1764303600000-create-changes';
import { LinkChangesToEntitlements1764307200000 } from './migrations/1764307200000-link-changes-to-entitlements';
import { AddExternalIds1764400000000 } from './migrations/1764400000000-add-external-ids';
import { CreateImports1764403600000 } from './migrations/1764403600000-create-imports';
import { CoverSearchWalks1764500000000 } from './migrations/1764500000000-cover-search-walks';
import { TimeOrderedIds1764500100000 } from './migrations/1764500100000-time-ordered-ids';
import { NotifyCacheChanges1764500200000 } from './migrations/1764500200000-notify-cache-changes';
import { ShortSearches1764600000000 } from './migrations/1764600000000-short-searches';
import { ImportCreatedEntries1764700000000 } from './migrations/1764700000000-import-created-entries';
import { DetailField } from '../modules/detail-fields/detail-field.entity';
import { Customer } from '../modules/customers/customer.entity';
import { Organization } from '../modules/organizations/organization.entity';
import { Note } from '../modules/notes/note.entity';
import { SupportRequest } from '../modules/requests/request.entity';
import { Change } from '../modules/history/change.entity';
import { Product } from '../modules/products/product.entity';
import { Entitlement } from '../modules/entitlements/entitlement.entity';

export const entities = [Agent, Team, Session, ApiToken, Customer, Organization, DetailField, SupportRequest, Note, Product, Entitlement, Change];
export const migrations = [
  CreatePeople1764072000000, CreateCustomers1764075600000, CreateDetailFields1764079200000, AddPeopleVersions1764082800000,
  NormalizeStoredText1764087300000, FoldAccentsInSearch1764087400000, BreakSortTiesByName1764093600000,
  CreateRequests1764200000000, CreateNotes1764203600000, CreateEntitlements1764300000000, CreateChanges1764303600000,
  LinkChangesToEntitlements1764307200000, AddExternalIds1764400000000, CreateImports1764403600000, CoverSearchWalks1764500000000,
  TimeOrderedIds1764500100000, NotifyCacheChanges1764500200000, ShortSearches1764600000000,
  ImportCreatedEntries1764700000000,
];

export interface DataSourceOptions {
  url: string;
  poolSize: number;
  /** Lets tests count the SQL statements an operation sends. */
  logger?: TypeOrmLogger;
}

export function createDataSource({ url, poolSize, logger }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    poolSize,
    logger,
    logging: logger ? ['query'] : false,
    applicationName: 'customer-profiles',
  });
}
