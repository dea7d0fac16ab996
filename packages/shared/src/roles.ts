/** Roles an agent or an API token can hold. Admins can do everything agents can. */
export const ROLES = ['ADMIN', 'AGENT'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Permission keys checked by the API's authChecker and used by the web app to
 * decide what to show. A role is a fixed set of keys; admin-defined field
 * permissions are data and live in the API's visibility service instead.
 */
export const PERMISSIONS = {
  /** Read and work on customers, organizations, notes, requests. */
  WORKSPACE: 'WORKSPACE',
  /** Create and change agents, teams and their membership. */
  MANAGE_AGENTS: 'MANAGE_AGENTS',
  /** Create, change and restrict detail fields. */
  MANAGE_FIELDS: 'MANAGE_FIELDS',
  /** See and revoke every API token, not only one's own. */
  MANAGE_API_TOKENS: 'MANAGE_API_TOKENS',
  /** Edit and delete notes other agents wrote (everyone may change their own). */
  MANAGE_ANY_NOTE: 'MANAGE_ANY_NOTE',
  /** Create, rename and archive products (every agent may grant and revoke entitlements). */
  MANAGE_PRODUCTS: 'MANAGE_PRODUCTS',
} as const;
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: Object.values(PERMISSIONS),
  AGENT: [PERMISSIONS.WORKSPACE],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function roleGrants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** A token may not carry more power than the agent who creates it. */
export function roleCovers(holder: Role, requested: Role): boolean {
  return permissionsOf(requested).every((p) => roleGrants(holder, p));
}
