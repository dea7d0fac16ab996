import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Button, Group, Paper, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconUserPlus } from '@tabler/icons-react';
import { ArrivalTitle } from '../../components/ArrivalTitle';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/i18n/format';
import { graphql } from '../../gql';
import { AddCustomersDialog } from '../customers/AddCustomersDialog';
import { EditOrganizationDialog } from './EditOrganizationDialog';

const OrganizationHeaderOrganization = graphql(`
  fragment OrganizationHeader_organization on Organization {
    id
    name
    externalId
    customerCount
    createdAt
    updatedAt
    ...EditOrganizationDialog_organization
  }
`);

export function OrganizationHeader({ organization }: { organization: FragmentType<typeof OrganizationHeaderOrganization> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, edit] = useDisclosure(false);
  const [adding, add] = useDisclosure(false);
  const { data, complete } = useFragment({
    fragment: OrganizationHeaderOrganization,
    fragmentName: 'OrganizationHeader_organization',
    from: organization,
  });
  if (!complete) return null;

  return (
    <Paper withBorder radius="md" p="lg" mb="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <ArrivalTitle subject={data.id}>{data.name}</ArrivalTitle>
          <Text c="dimmed" size="sm" mt={4}>
            {t('organizations.summary', {
              members: t('organizations.memberCount', { count: data.customerCount }),
              created: format.date(data.createdAt),
              updated: format.date(data.updatedAt),
            })}
          </Text>
          <Text c="dimmed" size="sm" style={{ overflowWrap: 'anywhere' }}>
            {data.externalId ? t('organizations.externalIdValue', { value: data.externalId }) : t('organizations.noExternalId')}
          </Text>
        </div>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
            {t('organizations.edit')}
          </Button>
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={add.open}>
            {t('addCustomers.open')}
          </Button>
        </Group>
      </Group>
      <EditOrganizationDialog organization={data} opened={editing} onClose={edit.close} />
      <AddCustomersDialog opened={adding} onClose={add.close} organization={{ id: data.id, name: data.name }} />
    </Paper>
  );
}
