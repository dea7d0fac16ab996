/** Every route's path in one place, so links and redirects cannot drift apart. */
export const paths = {
  signIn: '/sign-in',
  customers: '/customers',
  organizations: '/organizations',
  settings: '/settings',
  agentsAndTeams: '/settings/agents',
  apiTokens: '/settings/api-tokens',
} as const;
