import 'reflect-metadata';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { detailSearchText, type StoredDetailValue } from '@cp/shared';
import { createDataSource } from '../../src/db/data-source';
import type { ViewerIdentity } from '../../src/auth/viewer';
import { Role } from '../../src/graphql/enums';
import { createTestDatabase } from './test-database';

/**
 * A small help desk built straight in SQL with fixed ids and timestamps, so
 * two databases built from the same description answer byte-for-byte alike.
 * `withoutFields` leaves some fields out entirely: the "world where the hidden
 * field does not exist" that a viewer's answers are compared with.
 */
export interface WorldField {
  id: string;
  scope: 'CUSTOMER' | 'ORGANIZATION' | 'ENTITLEMENT';
  key: string;
  label: string;
  type: 'TEXT' | 'SELECT' | 'MULTI_SELECT' | 'NUMBER' | 'DATE' | 'EMAIL' | 'BOOLEAN';
  options: string[];
  archived: boolean;
  view: { allAgents: boolean; teams: number[] };
  edit: { allAgents: boolean; teams: number[] };
}

export interface World {
  teams: string[];
  fields: WorldField[];
  customers: Array<{ id: string; email: string; name: string; org: number | null; details: Record<string, StoredDetailValue> }>;
  organizations: Array<{ id: string; name: string; details: Record<string, StoredDetailValue> }>;
  products: Array<{ id: string; name: string }>;
  /** Each granted to one customer or one organization (indexes into those lists). */
  entitlements: Array<{ id: string; product: number; customer: number | null; org: number | null; details: Record<string, StoredDetailValue> }>;
}

/** Deterministic UUIDs from a label, so every copy of a world shares its ids. */
export function fixedId(label: string): string {
  const h = createHash('sha256').update(label).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const BASE_TIME = Date.UTC(2026, 0, 1);
const at = (i: number) => new Date(BASE_TIME + i * 60_000).toISOString();

export async function buildWorld(world: World, withoutFields: ReadonlySet<string>): Promise<{ db: DataSource; drop(): Promise<void> }> {
  const database = await createTestDatabase();
  const db = createDataSource({ url: database.url, poolSize: 3 });
  await db.initialize();
  const fields = world.fields.filter((f) => !withoutFields.has(f.id));
  await db.query(`INSERT INTO teams (id, name, created_at) SELECT unnest($1::uuid[]), 'Team ' || generate_series(1, $2), $3`, [world.teams, world.teams.length, at(0)]);
  for (const [position, f] of world.fields.entries()) {
    if (withoutFields.has(f.id)) continue;
    await db.query(
      `INSERT INTO detail_fields (id, scope, key, label, type, options, position, archived, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
      [f.id, f.scope, f.key, f.label, f.type, JSON.stringify(f.options), position, f.archived, at(1)],
    );
    for (const [access, audience] of [['VIEW', f.view], ['EDIT', f.edit]] as const) {
      await db.query(`INSERT INTO detail_field_permissions (field_id, access, all_agents) VALUES ($1, $2, $3)`, [f.id, access, audience.allAgents]);
      for (const t of audience.teams) {
        await db.query(`INSERT INTO detail_field_permission_teams (field_id, access, team_id) VALUES ($1, $2, $3)`, [f.id, access, world.teams[t]]);
      }
    }
  }
  const keep = (details: Record<string, StoredDetailValue>, scope: WorldField['scope']) =>
    Object.fromEntries(Object.entries(details).filter(([key]) => fields.some((f) => f.scope === scope && f.key === key)));
  for (const [i, o] of world.organizations.entries()) {
    await db.query(`INSERT INTO organizations (id, name, details, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)`, [o.id, o.name, keep(o.details, 'ORGANIZATION'), at(10 + i)]);
  }
  for (const [i, c] of world.customers.entries()) {
    await db.query(`INSERT INTO customers (id, email, display_name, details, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)`, [c.id, c.email, c.name, keep(c.details, 'CUSTOMER'), at(100 + i)]);
    if (c.org !== null) await db.query(`INSERT INTO customer_organizations (customer_id, organization_id, created_at) VALUES ($1, $2, $3)`, [c.id, world.organizations[c.org].id, at(0)]);
  }
  for (const [i, p] of world.products.entries()) {
    await db.query(`INSERT INTO products (id, name, created_at, updated_at) VALUES ($1, $2, $3, $3)`, [p.id, p.name, at(200 + i)]);
  }
  for (const [i, e] of world.entitlements.entries()) {
    await db.query(`INSERT INTO entitlements (id, product_id, customer_id, organization_id, details, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)`, [
      e.id,
      world.products[e.product].id,
      e.customer === null ? null : world.customers[e.customer].id,
      e.org === null ? null : world.organizations[e.org].id,
      keep(e.details, 'ENTITLEMENT'),
      at(300 + i),
    ]);
  }
  const owners = [
    ...world.customers.map((c) => ({ id: c.id, details: c.details, scope: 'CUSTOMER' })),
    ...world.organizations.map((o) => ({ id: o.id, details: o.details, scope: 'ORGANIZATION' })),
    ...world.entitlements.map((e) => ({ id: e.id, details: e.details, scope: 'ENTITLEMENT' })),
  ];
  for (const owner of owners) {
    for (const f of fields.filter((field) => field.scope === owner.scope)) {
      const text = detailSearchText(f, owner.details[f.key] ?? null);
      if (text) await db.query(`INSERT INTO detail_search (owner_id, field_id, text) VALUES ($1, $2, $3)`, [owner.id, f.id, text]);
    }
  }
  // One request per customer (in their organization, if any), so a request's reporter and organization are read paths too.
  for (const [i, c] of world.customers.entries()) {
    await db.query(`INSERT INTO requests (id, number, summary, reporter_id, organization_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)`, [
      fixedId(`request-${c.id}`),
      i + 1,
      `Request of ${c.name}`,
      c.id,
      c.org === null ? null : world.organizations[c.org].id,
      at(300 + i),
    ]);
  }
  // History: each customer's creation, each stored value as set from nothing, and each customer's rename, with fixed ids, times and sequence numbers
  // (two entries per minute, so ties on time are broken by seq). The copy without some fields lacks exactly their entries.
  let seq = 0;
  const change = async (subject: { customer_id?: string; organization_id?: string; entitlement_id?: string; product_id?: string }, what: { field_id?: string; attribute?: string }, from: unknown, to: unknown) => {
    seq += 1;
    if (what.field_id && withoutFields.has(what.field_id)) return;
    await db.query(
      `INSERT INTO changes (id, seq, at, customer_id, organization_id, entitlement_id, product_id, field_id, attribute, from_value, to_value) OVERRIDING SYSTEM VALUE
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        fixedId(`change-${seq}`), seq, at(400 + Math.floor(seq / 2)), subject.customer_id ?? null, subject.organization_id ?? null, subject.entitlement_id ?? null, subject.product_id ?? null,
        what.field_id ?? null, what.attribute ?? null, from === null ? null : JSON.stringify(from), to === null ? null : JSON.stringify(to),
      ],
    );
  };
  // Whose history a value goes in: an entitlement's go in its customer's or organization's, naming it and its product.
  const subjectOf = (owner: (typeof owners)[number]) => {
    if (owner.scope === 'CUSTOMER') return { customer_id: owner.id };
    if (owner.scope === 'ORGANIZATION') return { organization_id: owner.id };
    const e = world.entitlements.find((entitlement) => entitlement.id === owner.id)!;
    const product_id = world.products[e.product].id;
    return e.customer === null ? { organization_id: world.organizations[e.org!].id, entitlement_id: e.id, product_id } : { customer_id: world.customers[e.customer].id, entitlement_id: e.id, product_id };
  };
  for (const owner of owners) {
    const subject = subjectOf(owner);
    if (owner.scope === 'CUSTOMER') {
      // As an import records a customer it creates: one entry listing every value by field id (the copy without some fields lacks exactly them).
      const customer = world.customers.find((c) => c.id === owner.id)!;
      const values = world.fields.filter((f) => f.scope === 'CUSTOMER' && owner.details[f.key] !== undefined && !withoutFields.has(f.id)).map((f) => [f.id, owner.details[f.key]]);
      await change(subject, { attribute: 'created' }, null, { email: customer.email, displayName: 'Earlier name', details: Object.fromEntries(values) });
      await change(subject, { attribute: 'displayName' }, 'Earlier name', customer.name);
    }
    for (const f of world.fields.filter((field) => field.scope === owner.scope && owner.details[field.key] !== undefined)) {
      await change(subject, { field_id: f.id }, null, owner.details[f.key]);
    }
  }
  return {
    db,
    drop: async () => {
      await db.destroy();
      await database.drop();
    },
  };
}

export interface WorldViewer {
  name: string;
  identity: ViewerIdentity;
}

/** Every kind of caller: admin, agents in no, one or two teams, and API tokens. */
export function worldViewers(teams: string[]): WorldViewer[] {
  const agent = (name: string, role: Role, teamIds: string[], kind: 'session' | 'token' = 'session'): WorldViewer => ({
    name,
    identity: { kind, id: fixedId(name), agentId: fixedId(name), email: `${name}@leak.test`, displayName: name, role, teamIds },
  });
  return [
    agent('admin', Role.ADMIN, []),
    agent('agent-no-team', Role.AGENT, []),
    agent('agent-team-0', Role.AGENT, [teams[0]]),
    agent('agent-team-1', Role.AGENT, [teams[1]]),
    agent('agent-teams-0-1', Role.AGENT, [teams[0], teams[1]]),
    agent('token-team-2', Role.AGENT, [teams[2]], 'token'),
    agent('token-no-team', Role.AGENT, [], 'token'),
  ];
}

/** The fields a viewer may not view (archived ones count as visible to those who may view them). */
export function hiddenFrom(world: World, viewer: ViewerIdentity): Set<string> {
  if (viewer.role === Role.ADMIN) return new Set();
  const admits = (a: WorldField['view']) => a.allAgents || a.teams.some((t) => viewer.teamIds.includes(world.teams[t]));
  return new Set(world.fields.filter((f) => !admits(f.view)).map((f) => f.id));
}
