/** Every route's path in one place, so links and redirects cannot drift apart. */
export const paths = {
  signIn: '/sign-in',
  customers: '/customers',
  customersImport: '/customers/import',
  customer: '/customers/:customerId',
  organizations: '/organizations',
  organizationsImport: '/organizations/import',
  organization: '/organizations/:organizationId',
  settings: '/settings',
  agentsAndTeams: '/settings/agents',
  apiTokens: '/settings/api-tokens',
  detailFields: '/settings/detail-fields',
  products: '/settings/products',
} as const;

export function customerPath(id: string): string {
  return `${paths.customers}/${encodeURIComponent(id)}`;
}

export function organizationPath(id: string): string {
  return `${paths.organizations}/${encodeURIComponent(id)}`;
}
