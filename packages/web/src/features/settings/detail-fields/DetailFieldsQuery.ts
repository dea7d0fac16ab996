import { graphql } from '../../../gql';

/**
 * One scope's fields, archived ones too, with the teams the permission
 * pickers offer. In its own module so the dialogs can refetch it: a new,
 * moved or archived field changes the whole list's order.
 */
export const DetailFieldsQuery = graphql(`
  query DetailFieldsSettings($scope: DetailFieldScope!) {
    detailFields(scope: $scope, includeArchived: true) {
      id
      label
      version
      ...DetailFieldRow_field
    }
    teams {
      id
      name
    }
  }
`);

export const refetchFieldList = { refetchQueries: [DetailFieldsQuery], awaitRefetchQueries: true };
