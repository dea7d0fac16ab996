import type { DataSource } from 'typeorm';
import { parseDetailValue, problem, shownValue, type StoredDetailValue } from '@cp/shared';
import { DetailFieldScope, DetailFieldType } from './detail-field.enums';
import type { DetailField } from './detail-field.entity';
import type { SetDetailValuesInput } from './detail-field.inputs';
import type { FieldVisibility } from './field-visibility';
import { ownerTable } from './detail-owner-tables';
import { reindexDetailValues } from './detail-search-index';
import { badInput, notFound } from '../../common/domain-error';
import { lockExpectedVersion } from '../../common/optimistic-lock';
import { isUuid } from '../../common/ids';
import type { Customer } from '../customers/customer.entity';
import type { CustomerService } from '../customers/customer.service';
import type { Organization } from '../organizations/organization.entity';
import type { OrganizationService } from '../organizations/organization.service';

export interface DetailOwnerRef {
  scope: DetailFieldScope;
  id: string;
}

/** Which record the values are for: exactly one of the ids. */
function ownerOf(input: SetDetailValuesInput): DetailOwnerRef {
  const given = [
    { scope: DetailFieldScope.CUSTOMER, id: input.customerId },
    { scope: DetailFieldScope.ORGANIZATION, id: input.organizationId },
    { scope: DetailFieldScope.ENTITLEMENT, id: input.entitlementId },
  ].filter((o): o is DetailOwnerRef => o.id != null);
  if (given.length !== 1) throw badInput(problem('ONE_DETAIL_OWNER'), 'customerId');
  return given[0];
}

/** Writes of detail values: all-or-nothing, checked field by field with the visibility service. */
export class DetailValueService {
  constructor(
    private readonly db: DataSource,
    private readonly customers: CustomerService,
    private readonly organizations: OrganizationService,
  ) {}

  /** Writes the values and answers the owner as it is now (the DetailOwner of the mutation). */
  async set(input: SetDetailValuesInput, visibility: FieldVisibility): Promise<{ ref: DetailOwnerRef; record: Customer | Organization }> {
    const owner = ownerOf(input);
    const table = ownerTable(owner.scope);
    const keys = new Set<string>();
    const changes: Array<{ field: DetailField; value: StoredDetailValue | null }> = [];
    // Every value is checked before anything is written: one refusal refuses the whole call.
    for (const { fieldKey, value } of input.values) {
      const field = await visibility.writable(owner.scope, fieldKey);
      // After the visibility check, so that a repeated hidden key reads as unknown, not as repeated.
      if (keys.has(fieldKey)) throw badInput(problem('DETAIL_FIELD_GIVEN_TWICE', { label: field.label }), 'values');
      keys.add(fieldKey);
      const parsed = parseDetailValue(field, value);
      if (!parsed.ok) throw badInput(problem('INVALID_DETAIL_VALUE', { label: field.label, value: shownValue(value), problem: parsed.problem }), field.key);
      changes.push({ field, value: parsed.value });
    }
    await this.assertAgentsExist(changes);

    await this.db.transaction(async (tx) => {
      const what = owner.scope === DetailFieldScope.CUSTOMER ? 'CUSTOMER' : 'ORGANIZATION';
      if (input.expectedVersion != null) {
        await lockExpectedVersion(tx, table, what, owner.id, input.expectedVersion);
      } else {
        const found = isUuid(owner.id) ? await tx.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE`, [owner.id]) : [];
        if (found.length === 0) throw notFound(what, owner.id);
      }
      if (changes.length === 0) return;
      const set = Object.fromEntries(changes.filter((c) => c.value !== null).map((c) => [c.field.key, c.value]));
      const cleared = changes.filter((c) => c.value === null).map((c) => c.field.key);
      await tx.query(
        `UPDATE ${table} SET details = (details - $2::text[]) || $3::jsonb, version = version + 1, updated_at = now() WHERE id = $1`,
        [owner.id, cleared, JSON.stringify(set)],
      );
      await reindexDetailValues(tx, changes.map((c) => ({ ownerId: owner.id, field: c.field, value: c.value })));
    });
    const record = owner.scope === DetailFieldScope.CUSTOMER ? await this.customers.find(owner.id) : await this.organizations.find(owner.id);
    if (!record) throw notFound(owner.scope === DetailFieldScope.CUSTOMER ? 'CUSTOMER' : 'ORGANIZATION', owner.id);
    return { ref: owner, record };
  }

  private async assertAgentsExist(changes: ReadonlyArray<{ field: DetailField; value: StoredDetailValue | null }>): Promise<void> {
    const userValues = changes.filter((c) => c.field.type === DetailFieldType.USER && typeof c.value === 'string');
    if (userValues.length === 0) return;
    const ids = userValues.map((c) => c.value as string);
    const found: Array<{ id: string }> = await this.db.query(`SELECT id FROM agents WHERE id = ANY($1::uuid[])`, [ids]);
    const missing = userValues.find((c) => !found.some((f) => f.id === c.value));
    if (missing) throw badInput(problem('INVALID_DETAIL_VALUE', { label: missing.field.label, value: shownValue(missing.value), problem: problem('NOT_AN_AGENT') }), missing.field.key);
  }
}
