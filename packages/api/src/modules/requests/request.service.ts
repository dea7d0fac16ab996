import { parseValueOfType, problem, quote, shownValue } from '@cp/shared';
import type { DataSource } from 'typeorm';
import { badInput } from '../../common/domain-error';
import { isUuid } from '../../common/ids';
import type { KeysetOrder } from '../../common/keyset';
import { lockExpectedVersion } from '../../common/optimistic-lock';
import { RequestStatus, SupportRequest } from './request.entity';
import type { CreateRequestInput, UpdateRequestInput } from './request.inputs';

export const REQUEST_COLUMNS = `r.id, r.key, r.summary, r.description, r.status, r.priority, r.reporter_id AS "reporterId",
  r.organization_id AS "organizationId", r.external_url AS "externalUrl", r.version, r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

/** Every request list: newest first, ties by id; matches requests_reporter_newest_idx. */
export const NEWEST_FIRST: KeysetOrder = {
  name: 'REQUESTS:NEWEST',
  keys: [
    { sql: 'r.created_at', type: 'timestamptz' },
    { sql: 'r.id', type: 'uuid' },
  ],
  descending: true,
};

/** Code points, as people count them; the table's CHECK constraints say the same. */
export const SUMMARY_MAX = 200;
export const PRIORITY_MAX = 50;

export const toRequest = (row: Record<string, any>): SupportRequest =>
  Object.assign(new SupportRequest(), {
    id: row.id,
    key: row.key,
    summary: row.summary,
    description: row.description,
    status: row.status,
    priority: row.priority,
    reporterId: row.reporterId,
    organizationId: row.organizationId,
    externalUrl: row.externalUrl,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

/**
 * A one-line text (summary, priority): runs of white space (line breaks
 * included) become one space, then the TEXT codec's rules (no control
 * characters, NFC). Empty after that → null.
 */
function oneLine(field: string, raw: string, max: number): string | null {
  const parsed = parseValueOfType('TEXT', raw.replace(/\s+/gu, ' '));
  if (!parsed.ok) throw badInput(problem('INVALID_FIELD_VALUE', { field, value: shownValue(raw), problem: parsed.problem }), field);
  const text = parsed.value as string | null;
  if (text !== null && Array.from(text).length > max) throw badInput(problem('FIELD_TOO_LONG', { field, max }), field);
  return text;
}

function summaryOf(raw: string): string {
  const summary = oneLine('summary', raw, SUMMARY_MAX);
  if (summary === null) throw badInput(problem('FIELD_LENGTH', { field: 'summary', min: 1, max: SUMMARY_MAX }), 'summary');
  return summary;
}

/** Description (TEXT: line breaks kept, ≤ 10,000) and external link (URL: http(s) only), by the shared codecs; '' → null. */
function codecValue(field: 'description' | 'externalUrl', type: 'TEXT' | 'URL', raw: string): string | null {
  const parsed = parseValueOfType(type, raw);
  if (!parsed.ok) throw badInput(problem('INVALID_FIELD_VALUE', { field, value: shownValue(raw), problem: parsed.problem }), field);
  return parsed.value as string | null;
}

/** The rules of requests that partner tools file and update. Lists are read through request.loader.ts. */
export class RequestService {
  constructor(private readonly db: DataSource) {}

  /**
   * Files a request. Refused (BAD_USER_INPUT, nothing written): an unknown
   * reporter or organization (NOT_FOUND), an organization the reporter is
   * not a member of (REPORTER_NOT_IN_ORGANIZATION), an empty or too long
   * summary, a description or link the shared codecs refuse.
   */
  async create(input: CreateRequestInput): Promise<SupportRequest> {
    const values = {
      summary: summaryOf(input.summary),
      description: input.description == null ? null : codecValue('description', 'TEXT', input.description),
      status: input.status ?? RequestStatus.OPEN,
      priority: input.priority == null ? null : oneLine('priority', input.priority, PRIORITY_MAX),
      externalUrl: input.externalUrl == null ? null : codecValue('externalUrl', 'URL', input.externalUrl),
    };
    return this.db.transaction(async (tx) => {
      // FOR KEY SHARE: neither the reporter nor the organization can be deleted before this insert commits.
      const reporter = isUuid(input.customerId) ? await tx.query(`SELECT id FROM customers WHERE id = $1 FOR KEY SHARE`, [input.customerId]) : [];
      if (!reporter[0]) throw badInput(problem('NOT_FOUND', { entity: 'CUSTOMER', id: shownValue(input.customerId) }), 'customerId');
      const organizationId = input.organizationId || null;
      if (organizationId !== null) {
        const [organization]: Array<{ name: string; member: boolean }> = isUuid(organizationId)
          ? await tx.query(
              `SELECT o.name::text AS name, EXISTS (SELECT 1 FROM customer_organizations co WHERE co.organization_id = o.id AND co.customer_id = $2) AS member
                 FROM organizations o WHERE o.id = $1 FOR KEY SHARE OF o`,
              [organizationId, input.customerId],
            )
          : [];
        if (!organization) throw badInput(problem('NOT_FOUND', { entity: 'ORGANIZATION', id: shownValue(organizationId) }), 'organizationId');
        if (!organization.member) throw badInput(problem('REPORTER_NOT_IN_ORGANIZATION', { organization: quote(organization.name) }), 'organizationId');
      }
      const rows = await tx.query(
        `INSERT INTO requests AS r (summary, description, status, priority, reporter_id, organization_id, external_url)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${REQUEST_COLUMNS}`,
        [values.summary, values.description, values.status, values.priority, input.customerId, organizationId, values.externalUrl],
      );
      return toRequest(rows[0]);
    });
  }

  /**
   * Changes summary, description, status, priority or external link of the
   * version the caller edited: a stale `expectedVersion` is CONFLICT
   * (STALE_VERSION), an unknown id NOT_FOUND; the same text rules as create.
   */
  async update(input: UpdateRequestInput): Promise<SupportRequest> {
    const changes: Record<string, string | null> = {};
    if (input.summary != null) changes.summary = summaryOf(input.summary);
    if (input.description != null) changes.description = codecValue('description', 'TEXT', input.description);
    if (input.status != null) changes.status = input.status;
    if (input.priority != null) changes.priority = oneLine('priority', input.priority, PRIORITY_MAX);
    if (input.externalUrl != null) changes.external_url = codecValue('externalUrl', 'URL', input.externalUrl);
    const columns = Object.keys(changes);
    return this.db.transaction(async (tx) => {
      await lockExpectedVersion(tx, 'requests', 'REQUEST', input.id, input.expectedVersion);
      if (columns.length === 0) return toRequest((await tx.query(`SELECT ${REQUEST_COLUMNS} FROM requests r WHERE r.id = $1`, [input.id]))[0]);
      const sets = columns.map((column, i) => `${column} = $${i + 2}`);
      // TypeORM answers an UPDATE ... RETURNING with [rows, affected].
      const [rows] = await tx.query(
        `UPDATE requests r SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE r.id = $1 RETURNING ${REQUEST_COLUMNS}`,
        [input.id, ...columns.map((column) => changes[column])],
      );
      return toRequest(rows[0]);
    });
  }
}
