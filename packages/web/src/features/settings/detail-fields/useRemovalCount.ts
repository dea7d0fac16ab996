import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { DetailFieldScope } from '../../../gql/graphql';

const RemovalCountQuery = graphql(`
  query OptionRemovalCount($scope: DetailFieldScope!, $options: [String!]!) {
    detailFields(scope: $scope, includeArchived: true) {
      id
      valueCountWithOptions(options: $options)
    }
  }
`);

/**
 * How many values removing these options from the field would change, asked
 * from the API whenever the removed set changes (null while counting or when
 * nothing is removed). Always fresh: other agents keep writing values.
 */
export function useRemovalCount(field: { id: string; scope: DetailFieldScope }, removed: readonly string[]): number | null {
  const { data } = useQuery(RemovalCountQuery, {
    variables: { scope: field.scope, options: [...removed] },
    skip: removed.length === 0,
    fetchPolicy: 'network-only',
  });
  if (removed.length === 0) return null;
  return data?.detailFields.find((f) => f.id === field.id)?.valueCountWithOptions ?? null;
}
