import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ArrivalTitle } from '../../components/ArrivalTitle';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/i18n/format';
import { organizationPath } from '../../app/paths';
import { graphql } from '../../gql';
import { EditCustomerDialog } from './EditCustomerDialog';

const CustomerHeaderCustomer = graphql(`
  fragment CustomerHeader_customer on Customer {
    id
    displayName
    email
    username
    externalId
    createdAt
    updatedAt
    organizations {
      id
      name
    }
    ...EditCustomerDialog_customer
  }
`);

/** Who the customer is at a glance, with the way to correct it. */
export function CustomerHeader({ customer }: { customer: FragmentType<typeof CustomerHeaderCustomer> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, edit] = useDisclosure(false);
  const { data, complete } = useFragment({
    fragment: CustomerHeaderCustomer,
    fragmentName: 'CustomerHeader_customer',
    from: customer,
  });
  if (!complete) return null;

  return (
    <Paper withBorder radius="md" p="lg" mb="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="md">
        <ArrivalTitle subject={data.id}>{data.displayName}</ArrivalTitle>
        {/* The name wraps beside the button; the button keeps its width (on a phone it was cut to "Edi"). */}
        <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open} style={{ flexShrink: 0 }}>
          {t('profile.edit')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 6 }} spacing="lg" component="dl" m={0}>
        <Fact label={t('profile.email')}>
          {data.email ? (
            <Anchor href={`mailto:${data.email}`} size="sm">
              {data.email}
            </Anchor>
          ) : null}
        </Fact>
        <Fact label={t('profile.username')}>{data.username}</Fact>
        <Fact label={t('profile.externalId')}>{data.externalId}</Fact>
        <Fact label={t('profile.organizations')}>
          {data.organizations.length > 0 ? (
            <Group gap={8}>
              {data.organizations.map((organization) => (
                <Anchor key={organization.id} component={Link} to={organizationPath(organization.id)} size="sm">
                  {organization.name}
                </Anchor>
              ))}
            </Group>
          ) : null}
        </Fact>
        <Fact label={t('profile.created')}>
          <time dateTime={data.createdAt}>{format.dateTime(data.createdAt)}</time>
        </Fact>
        <Fact label={t('profile.updated')}>
          <time dateTime={data.updatedAt}>{format.dateTime(data.updatedAt)}</time>
        </Fact>
      </SimpleGrid>
      <EditCustomerDialog customer={data} opened={editing} onClose={edit.close} />
    </Paper>
  );
}

/** One labelled fact; an empty one says "None" rather than leaving a hole. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} miw={0}>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children ?? (
          <Text span c="dimmed" size="sm">
            {t('profile.none')}
          </Text>
        )}
      </Text>
    </Stack>
  );
}
