import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { refetchFieldList } from './DetailFieldsQuery';

const UpdateDetailFieldMutation = graphql(`
  mutation UpdateDetailField($input: UpdateDetailFieldInput!) {
    updateDetailField(input: $input) {
      id
      label
      options
      position
      archived
      version
    }
  }
`);

/** Label, options, position or archived, refused with CONFLICT when the field changed since `expectedVersion`. */
export function useUpdateDetailField() {
  // A move or an archive reorders the whole list, not only this field.
  return useMutation(UpdateDetailFieldMutation, refetchFieldList);
}
