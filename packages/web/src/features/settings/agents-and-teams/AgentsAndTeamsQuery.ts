import { graphql } from '../../../gql';

/**
 * The page's one query, in its own module so the dialogs can refetch it after
 * a change without importing the page (membership changes touch both lists).
 */
export const AgentsAndTeamsQuery = graphql(`
  query AgentsAndTeams {
    agents(includeInactive: true) {
      id
      displayName
      ...AgentRow_agent
    }
    teams {
      id
      name
      ...TeamRow_team
    }
  }
`);
