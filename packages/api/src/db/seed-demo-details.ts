import type { DataSource } from 'typeorm';
import type { Faker } from '@faker-js/faker' with { 'resolution-mode': 'import' };
import { parseDetailValue } from '@cp/shared';
import type { Services } from '../services';
import type { DetailField } from '../modules/detail-fields/detail-field.entity';
import { DetailFieldScope, DetailFieldType } from '../modules/detail-fields/detail-field.enums';
import { detailOwner } from '../modules/detail-values/detail-owner.registry';
import { actorOf } from '../auth/viewer';
import type { DetailValueChange } from '../modules/detail-values/detail-value.store';

/** A demo field: its definition, who may view and edit it, and how often and what an owner holds. */
interface DemoField {
  label: string;
  type: DetailFieldType;
  options?: string[];
  /** Restricted to one team (view and edit); every agent otherwise. */
  team?: string;
  /** Share of owners with a value, 0..1. */
  filled: number;
  value: (faker: Faker, context: { agentIds: string[] }) => unknown;
}

const TIERS = ['Bronze', 'Silver', 'Gold', 'Platinum'];

const CUSTOMER_FIELDS: DemoField[] = [
  { label: 'Support tier', type: DetailFieldType.SELECT, options: TIERS, filled: 0.8, value: (f) => f.helpers.weightedArrayElement(TIERS.map((value, i) => ({ value, weight: 4 - i }))) },
  { label: 'Preferred language', type: DetailFieldType.SELECT, options: ['English', '日本語', 'Deutsch', 'Français', 'Español'], filled: 0.6, value: (f) => f.helpers.weightedArrayElement([{ value: 'English', weight: 6 }, { value: '日本語', weight: 2 }, { value: 'Deutsch', weight: 1 }, { value: 'Français', weight: 1 }, { value: 'Español', weight: 1 }]) },
  { label: 'Account manager', type: DetailFieldType.USER, filled: 0.4, value: (f, { agentIds }) => f.helpers.arrayElement(agentIds) },
  { label: 'Phone', type: DetailFieldType.PHONE, filled: 0.5, value: (f) => f.helpers.replaceSymbols('+1 (###) ###-####') },
  { label: 'Contract renewal', type: DetailFieldType.DATE, filled: 0.35, value: (f) => f.date.soon({ days: 400, refDate: '2026-11-01' }).toISOString().slice(0, 10) },
  { label: 'VIP', type: DetailFieldType.BOOLEAN, filled: 0.3, value: (f) => f.datatype.boolean(0.3) },
  { label: 'Channels', type: DetailFieldType.MULTI_SELECT, options: ['Email', 'Phone', 'Chat', 'Portal'], filled: 0.5, value: (f) => f.helpers.arrayElements(['Email', 'Phone', 'Chat', 'Portal'], { min: 1, max: 3 }) },
  // Only the Billing team (and admins) see this one: sign in as agent@demo.test and it is gone everywhere.
  { label: 'Credit limit', type: DetailFieldType.NUMBER, team: 'Billing', filled: 0.5, value: (f) => f.number.int({ min: 5, max: 500 }) * 100 },
];

const ORGANIZATION_FIELDS: DemoField[] = [
  { label: 'Industry', type: DetailFieldType.SELECT, options: ['Software', 'Retail', 'Finance', 'Healthcare', 'Manufacturing', 'Education'], filled: 0.9, value: (f) => f.helpers.arrayElement(['Software', 'Retail', 'Finance', 'Healthcare', 'Manufacturing', 'Education']) },
  { label: 'Regions', type: DetailFieldType.MULTI_SELECT, options: ['Americas', 'EMEA', 'APAC'], filled: 0.8, value: (f) => f.helpers.arrayElements(['Americas', 'EMEA', 'APAC'], { min: 1, max: 3 }) },
  { label: 'Website', type: DetailFieldType.URL, filled: 0.7, value: (f) => `https://www.${f.internet.domainWord()}.example` },
  { label: 'Payment terms', type: DetailFieldType.SELECT, options: ['Net 30', 'Net 60', 'Prepaid'], team: 'Billing', filled: 0.7, value: (f) => f.helpers.arrayElement(['Net 30', 'Net 60', 'Prepaid']) },
];

const PLANS = ['Standard', 'Business', 'Enterprise'];

const ENTITLEMENT_FIELDS: DemoField[] = [
  { label: 'Support plan', type: DetailFieldType.SELECT, options: PLANS, filled: 0.95, value: (f) => f.helpers.weightedArrayElement(PLANS.map((value, i) => ({ value, weight: 3 - i }))) },
  { label: 'Licensed seats', type: DetailFieldType.NUMBER, filled: 0.8, value: (f) => f.helpers.arrayElement([5, 10, 25, 50, 100, 250, 1000]) },
  { label: 'Valid from', type: DetailFieldType.DATE, filled: 0.9, value: (f) => f.date.past({ years: 2, refDate: '2026-11-01' }).toISOString().slice(0, 10) },
  { label: 'Valid until', type: DetailFieldType.DATE, filled: 0.7, value: (f) => f.date.future({ years: 2, refDate: '2026-11-01' }).toISOString().slice(0, 10) },
  { label: 'Contract value', type: DetailFieldType.NUMBER, team: 'Billing', filled: 0.7, value: (f) => f.number.int({ min: 10, max: 900 }) * 100 },
];

/** Products of the demo; the last one archived (its existing entitlements still show, marked). */
const PRODUCTS = ['Helpdesk Cloud', 'Helpdesk Data Center', 'Analytics Add-on', 'Mobile SDK', 'Legacy Server'];

/**
 * Products, and entitlements to them: most organizations hold one or two
 * (their members inherit them), one customer in ten holds one of their own.
 * Their detail values come with the other owners' in `seedDetails`.
 */
export async function seedEntitlements(db: DataSource, services: Services, faker: Faker): Promise<void> {
  faker.seed(13);
  const products = [];
  for (const name of PRODUCTS) products.push(await services.products.create(name));
  const live = products.slice(0, -1).map((p) => p.id);
  const owners = async (table: string) => (await db.query(`SELECT id, created_at AS "createdAt" FROM ${table} ORDER BY created_at, id`)) as Array<{ id: string; createdAt: Date }>;
  const rows = { product: [] as string[], customer: [] as Array<string | null>, organization: [] as Array<string | null>, createdAt: [] as string[] };
  const grant = (owner: { id: string; createdAt: Date }, kind: 'customer' | 'organization', productIds: string[]) => {
    for (const productId of productIds) {
      rows.product.push(productId);
      rows.customer.push(kind === 'customer' ? owner.id : null);
      rows.organization.push(kind === 'organization' ? owner.id : null);
      rows.createdAt.push(faker.date.between({ from: owner.createdAt, to: Date.now() }).toISOString());
    }
  };
  for (const organization of await owners('organizations')) {
    if (faker.datatype.boolean(0.75)) grant(organization, 'organization', faker.helpers.arrayElements([...live, products.at(-1)!.id], { min: 1, max: 2 }));
  }
  for (const customer of await owners('customers')) {
    if (faker.datatype.boolean(0.1)) grant(customer, 'customer', [faker.helpers.arrayElement(live)]);
  }
  await db.query(
    `INSERT INTO entitlements (product_id, customer_id, organization_id, created_at, updated_at)
     SELECT p, c, o, t, t FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[]) AS x(p, c, o, t)`,
    [rows.product, rows.customer, rows.organization, rows.createdAt],
  );
  await services.products.update({ id: products.at(-1)!.id, expectedVersion: products.at(-1)!.version, archived: true });
}

/**
 * Detail fields of several types on customers, organizations and
 * entitlements (one of each restricted to the Billing team, so the agents
 * see different profiles) and values for most owners, written in one
 * statement per owner kind through the value store's bulk path. Values go
 * through the shared codecs, as any written value does. `teams` maps team
 * names to ids.
 */
export async function seedDetails(db: DataSource, services: Services, faker: Faker, teams: Record<string, string>, agentIds: string[]): Promise<void> {
  faker.seed(11);
  for (const [scope, demoFields] of [
    [DetailFieldScope.CUSTOMER, CUSTOMER_FIELDS],
    [DetailFieldScope.ORGANIZATION, ORGANIZATION_FIELDS],
    [DetailFieldScope.ENTITLEMENT, ENTITLEMENT_FIELDS],
  ] as const) {
    const fields: Array<{ field: DetailField; demo: DemoField }> = [];
    for (const demo of demoFields) {
      const audience = demo.team ? { agents: false, teamIds: [teams[demo.team]] } : { agents: true };
      const field = await services.detailFields.create({ label: demo.label, type: demo.type, scope, options: demo.options, view: audience, edit: audience });
      fields.push({ field, demo });
    }
    const owner = detailOwner(scope);
    const ids: Array<{ id: string }> = await db.query(`SELECT id FROM ${owner.table} ORDER BY created_at, id`);
    const rows = ids.map(({ id }) => ({
      ownerId: id,
      changes: fields
        .filter(({ demo }) => faker.datatype.boolean(demo.filled))
        .map(({ field, demo }): DetailValueChange => {
          const parsed = parseDetailValue(field, demo.value(faker, { agentIds }));
          if (!parsed.ok) throw new Error(`demo value refused for ${field.key}`);
          return { field, value: parsed.value };
        }),
    }));
    await db.transaction((tx) => services.detailValues.writeMany(tx, owner, rows, actorOf(null)));
  }
}
