import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { graphql } from '../../gql';
import { DetailsPanel } from '../details/DetailsPanel';

const OrganizationDetailsOrganization = graphql(`
  fragment OrganizationDetails_organization on Organization {
    id
    version
    detailsByKey
  }
`);

/** The organization page's Details tab; saving sends the version on screen, so a stale edit is refused. */
export function OrganizationDetails({ organization }: { organization: FragmentType<typeof OrganizationDetailsOrganization> }) {
  const { data, complete } = useFragment({
    fragment: OrganizationDetailsOrganization,
    fragmentName: 'OrganizationDetails_organization',
    from: organization,
  });
  if (!complete) return null;
  return <DetailsPanel owner={{ scope: 'ORGANIZATION', id: data.id, version: data.version }} values={data.detailsByKey} />;
}
