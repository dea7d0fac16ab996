import type { DataSource } from 'typeorm';

/**
 * Makes the demo's history look lived-in. The seed writes in bulk and today,
 * so afterwards: the System entries of the seeded values move to when their
 * record was created (as an import at creation would have been); each
 * entitlement was granted by an agent; about one
 * customer in eight had their support tier raised by an agent at a later
 * day (the creation entry then holds the tier below); memberships are
 * recorded on both sides at the customer's creation; and every seeded note gets its
 * "added" entry by its author, at its time. Deterministic: choices hash the
 * record id, so every demo looks the same.
 */
export async function seedHistory(db: DataSource, agentIds: string[]): Promise<void> {
  await db.query(
    `UPDATE changes ch SET at = coalesce(e.created_at, c.created_at, o.created_at)
       FROM changes x LEFT JOIN customers c ON c.id = x.customer_id LEFT JOIN organizations o ON o.id = x.organization_id
                      LEFT JOIN entitlements e ON e.id = x.entitlement_id
      WHERE ch.id = x.id AND x.actor_id IS NULL`,
  );
  // Each grant by an agent, just before its values were set.
  await db.query(
    `INSERT INTO changes (at, actor_id, customer_id, organization_id, attribute, entitlement_id, product_id, to_value)
     SELECT e.created_at - interval '1 second', ($1::uuid[])[1 + abs(hashtext(e.id::text)) % cardinality($1::uuid[])],
            e.customer_id, e.organization_id, 'entitlement', e.id, e.product_id, to_jsonb(p.name::text)
       FROM entitlements e JOIN products p ON p.id = e.product_id`,
    [agentIds],
  );
  // A raise from the tier below, some days after creation; the creation entry then set the lower tier.
  await db.query(
    `WITH raised AS (
       SELECT ch.id, ch.customer_id, ch.field_id, ch.to_value, c.created_at,
              (ARRAY['Bronze', 'Silver', 'Gold'])[array_position(ARRAY['Silver', 'Gold', 'Platinum'], ch.to_value #>> '{}')] AS lower_tier
         FROM changes ch JOIN detail_fields f ON f.id = ch.field_id
         -- Every 8th customer in the list's order (names come from the fixed seed; ids do not), so the same ones every time.
         JOIN (SELECT id, created_at, row_number() OVER (ORDER BY lower(display_name), id) AS n FROM customers) c ON c.id = ch.customer_id
        WHERE f.key = 'support_tier' AND ch.to_value #>> '{}' <> 'Bronze' AND c.n % 8 = 1),
     lowered AS (UPDATE changes ch SET to_value = to_jsonb(r.lower_tier) FROM raised r WHERE ch.id = r.id)
     INSERT INTO changes (at, actor_id, customer_id, field_id, from_value, to_value)
     SELECT r.created_at + (now() - r.created_at) * (0.2 + (abs(hashtext(r.id::text)) % 700) / 1000.0),
            ($1::uuid[])[1 + abs(hashtext(r.customer_id::text)) % cardinality($1::uuid[])],
            r.customer_id, r.field_id, to_jsonb(r.lower_tier), r.to_value
       FROM raised r`,
    [agentIds],
  );
  await db.query(
    `INSERT INTO changes (at, customer_id, organization_id, attribute, to_value)
     SELECT c.created_at, side.customer_id, side.organization_id, side.attribute, side.value
       FROM customer_organizations co JOIN customers c ON c.id = co.customer_id JOIN organizations o ON o.id = co.organization_id
       CROSS JOIN LATERAL (VALUES (c.id, NULL::uuid, 'organization', to_jsonb(o.name::text)), (NULL::uuid, o.id, 'member', to_jsonb(c.display_name::text)))
         AS side(customer_id, organization_id, attribute, value)`,
  );
  await db.query(
    `INSERT INTO changes (at, actor_id, customer_id, organization_id, attribute, to_value)
     SELECT created_at, author_id, customer_id, organization_id, 'note', to_jsonb(body) FROM notes`,
  );
}
