import { graphql } from '../../gql';

/** Row errors per page of the result's table. */
export const ERRORS_PAGE_SIZE = 50;

/** An import job as the wizard follows it: progress while it runs, then the result and its row errors (paged). */
export const ImportJobQuery = graphql(`
  query ImportJob($id: ID!, $first: Int, $after: String) {
    importJob(id: $id) {
      id
      kind
      dryRun
      onError
      status
      phase
      totalRows
      processedRows
      created
      updated
      unchanged
      failed
      encoding
      delimiter
      dateFormat
      createdAt
      startedAt
      finishedAt
      failure {
        message
        line
        problem {
          reason
          params
        }
      }
      errors(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            line
            column
            value
            message
            problem {
              reason
              params
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
