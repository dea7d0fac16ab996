import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/i18n/format';
import { organizationPath } from '../../app/paths';
import { graphql } from '../../gql';

const OrganizationRowOrganization = graphql(`
  fragment OrganizationRow_organization on Organization {
    id
    name
    customerCount
    createdAt
  }
`);

export function OrganizationRow({ organization }: { organization: FragmentType<typeof OrganizationRowOrganization> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, complete } = useFragment({
    fragment: OrganizationRowOrganization,
    fragmentName: 'OrganizationRow_organization',
    from: organization,
  });
  if (!complete) return null;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={organizationPath(data.id)} fw={500} size="sm">
          {data.name}
        </Anchor>
      </Table.Td>
      <Table.Td>{t('organizations.memberCount', { count: data.customerCount })}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={data.createdAt}>{format.date(data.createdAt)}</time>
      </Table.Td>
    </Table.Tr>
  );
}
