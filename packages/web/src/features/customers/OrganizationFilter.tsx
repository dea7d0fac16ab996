import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParam } from '../../app/url-state';
import { graphql } from '../../gql';
import { OrganizationSelect } from '../organizations/OrganizationSelect';

/** The URL parameter holding the organization a customer list is filtered by. */
export const ORGANIZATION_PARAM = 'org';

// The URL holds only the id; the box shows the name.
const OrganizationFilterNameQuery = graphql(`
  query OrganizationFilterName($id: ID!) {
    organization(id: $id) {
      id
      name
    }
  }
`);

export function OrganizationFilter() {
  const { t } = useTranslation();
  const [id, setId] = useSearchParam(ORGANIZATION_PARAM);
  const { data } = useQuery(OrganizationFilterNameQuery, { variables: { id }, skip: !id });
  const organization = id ? data?.organization : null;
  return (
    <OrganizationSelect
      label={t('customers.organizationFilter')}
      placeholder={t('customers.allOrganizations')}
      value={organization ? { id: organization.id, name: organization.name } : null}
      onChange={(choice) => setId(choice?.id ?? '')}
    />
  );
}
