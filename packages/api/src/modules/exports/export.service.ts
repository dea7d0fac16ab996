import type { DataSource } from 'typeorm';
import type { StoredDetailValue } from '@cp/shared';
import type { CustomerListArgs, CustomerService } from '../customers/customer.service';
import type { OrganizationService } from '../organizations/organization.service';
import { createCustomerLoaders } from '../customers/customer.loader';
import { createOrganizationLoaders } from '../organizations/organization.loader';
import { createAgentLoaders } from '../agents/agent.loader';
import { DetailFieldScope } from '../detail-fields/detail-field.enums';
import type { DetailField } from '../detail-fields/detail-field.entity';
import type { FieldVisibility } from '../detail-fields/field-visibility';
import type { DetailValueStore } from '../detail-values/detail-value.store';
import { detailOwner } from '../detail-values/detail-owner.registry';
import { agentIdsIn, csvLines, detailCell, NAME_SEPARATOR, textCell, timeCell, UTF8_BOM } from './csv-cells';

/** Rows read per statement: large enough that a million rows cost a thousand pages, small enough to hold one in memory. */
export const EXPORT_PAGE_SIZE = 1000;

/** What a customers export lists: the `customers` query's arguments without paging. */
export type CustomerExportArgs = Pick<CustomerListArgs, 'query' | 'filter' | 'orderBy'>;

/** What an organizations export lists: the `organizations` query's arguments without paging. */
export interface OrganizationExportArgs {
  query?: string | null;
}

// `External ID` follows the columns that name the record in each export, under the header the import reads.
export const CUSTOMER_HEADER = ['Display name', 'Email', 'Username', 'External ID', 'Organization', 'Created', 'Updated'] as const;
export const ORGANIZATION_HEADER = ['Organization Name', 'External ID', 'Created', 'Updated', 'Members'] as const;

type Details = Record<string, StoredDetailValue>;

/**
 * CSV exports of the lists, as text chunks to stream: the first chunk is the
 * BOM, the header and the first page; each further chunk is one page of
 * `EXPORT_PAGE_SIZE` rows, read only when the consumer asks for it (an async
 * generator), so memory stays flat whatever the list's length and a consumer
 * that stops asking stops the reading. Arguments are refused (DomainError)
 * when the first chunk is asked for, before any text exists.
 *
 * Rows and their order are the lists' own: the customers export walks the
 * same keyset pages through `CustomerService.list` as the `customers` query
 * (visibility, search, filters, detail projection inside PostgreSQL). Detail
 * columns are the fields the viewer may view, not archived, in position
 * order, headed by their labels; hidden values never leave the database.
 */
export class ExportService {
  constructor(
    private readonly db: DataSource,
    private readonly customers: CustomerService,
    private readonly organizations: OrganizationService,
    private readonly detailValues: DetailValueStore,
  ) {}

  /**
   * The customers export: `Display name`, `Email`, `Username`, `External ID`,
   * `Organization` (names joined by `|`, by name), `Created`, `Updated` (ISO
   * 8601 UTC), then one column per viewable detail field. Statements per
   * page: the page (with its visible values), the organizations, and the
   * agents of USER values when the page has any, plus the search probe when
   * `query` is given.
   */
  async *customersCsv(args: CustomerExportArgs, visibility: FieldVisibility): AsyncGenerator<string> {
    const fields = await visibility.viewable(DetailFieldScope.CUSTOMER);
    let after: string | null = null;
    let head: string | null = UTF8_BOM + csvLines([[...CUSTOMER_HEADER, ...fields.map((f) => f.label)]]);
    do {
      const page = await this.customers.list({ ...args, first: EXPORT_PAGE_SIZE, after, withDetails: true }, visibility);
      const ids = page.nodes.map((c) => c.id);
      // Fresh loaders per page: their batch statements are the GraphQL ones, and nothing is cached across pages.
      const organizations = ids.length ? await createCustomerLoaders(this.db).organizationsByCustomerId.loadMany(ids) : [];
      const agentEmails = await this.agentEmails(fields, page.details!.values());
      const records = page.nodes.map((customer, i) => {
        const names = organizations[i];
        if (names instanceof Error) throw names;
        const details = page.details!.get(customer.id) ?? {};
        return [
          textCell(customer.displayName),
          textCell(customer.email),
          textCell(customer.username),
          textCell(customer.externalId),
          textCell(names.map((o) => o.name).join(NAME_SEPARATOR)),
          timeCell(customer.createdAt),
          timeCell(customer.updatedAt),
          ...fields.map((field) => detailCell(field, details[field.key], agentEmails)),
        ];
      });
      yield (head ?? '') + csvLines(records);
      head = null;
      after = page.hasNextPage ? page.cursors[page.cursors.length - 1] : null;
    } while (after);
  }

  /**
   * The organizations export: `Organization Name`, `External ID`, `Created`, `Updated`,
   * `Members` (the member count), then one column per viewable organization
   * detail field; in the `organizations` list's order (name, A to Z).
   */
  async *organizationsCsv(args: OrganizationExportArgs, visibility: FieldVisibility): AsyncGenerator<string> {
    const fields = await visibility.viewable(DetailFieldScope.ORGANIZATION);
    const owner = detailOwner(DetailFieldScope.ORGANIZATION);
    let after: string | null = null;
    let head: string | null = UTF8_BOM + csvLines([[...ORGANIZATION_HEADER, ...fields.map((f) => f.label)]]);
    do {
      const page = await this.organizations.list({ ...args, first: EXPORT_PAGE_SIZE, after });
      const ids = page.nodes.map((o) => o.id);
      const counts = ids.length ? await createOrganizationLoaders(this.db).customerCountByOrganizationId.loadMany(ids) : [];
      const details: Details[] = fields.length && ids.length ? await this.detailValues.readVisible(owner, ids, visibility) : ids.map(() => ({}));
      const agentEmails = await this.agentEmails(fields, details);
      const records = page.nodes.map((organization, i) => {
        const count = counts[i];
        if (count instanceof Error) throw count;
        return [
          textCell(organization.name),
          textCell(organization.externalId),
          timeCell(organization.createdAt),
          timeCell(organization.updatedAt),
          String(count),
          ...fields.map((field) => detailCell(field, details[i][field.key], agentEmails)),
        ];
      });
      yield (head ?? '') + csvLines(records);
      head = null;
      after = page.hasNextPage ? page.cursors[page.cursors.length - 1] : null;
    } while (after);
  }

  /** Emails of the agents that USER values of these rows name: one statement, none when there are none. */
  private async agentEmails(fields: readonly DetailField[], rows: Iterable<Details>): Promise<Map<string, string>> {
    const ids = agentIdsIn(fields, rows);
    if (ids.length === 0) return new Map();
    const agents = await createAgentLoaders(this.db).agentById.loadMany(ids);
    return new Map(agents.flatMap((agent) => (agent && !(agent instanceof Error) ? [[agent.id, agent.email] as const] : [])));
  }
}
