import { graphql } from '../../../gql';

/** In its own module so the create dialog can refetch it without importing the page. */
export const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      id
      ...ApiTokenRow_apiToken
    }
    teams {
      id
      name
    }
    viewer {
      id
      role
      teams {
        id
        name
      }
    }
  }
`);
