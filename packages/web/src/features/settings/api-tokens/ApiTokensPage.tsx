import { useQuery } from '@apollo/client/react';
import { PERMISSIONS, ROLES, roleCovers, roleGrants } from '@cp/shared';
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ActionsTableHead } from '../../../components/ActionsTableHead';
import { QueryStatus } from '../../../components/QueryStatus';
import { ApiTokenRow } from './ApiTokenRow';
import { ApiTokensQuery } from './ApiTokensQuery';
import { CreateApiTokenDialog } from './CreateApiTokenDialog';

/** Settings → API tokens: the viewer's own tokens (an admin sees everyone's). */
export function ApiTokensPage() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(ApiTokensQuery);
  const [creating, create] = useDisclosure(false);

  if (!data) return <QueryStatus error={error} onRetry={refetch} />;

  const { viewer } = data;
  // A token may not carry more power than its creator: fewer roles for agents,
  // and only the teams they belong to (admins may pick any team).
  const roles = ROLES.filter((role) => roleCovers(viewer.role, role));
  const teams = roleGrants(viewer.role, PERMISSIONS.MANAGE_API_TOKENS) ? data.teams : viewer.teams;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text c="dimmed" maw={640}>
          {t('tokens.description')}
        </Text>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={create.open}>
          {t('tokens.create')}
        </Button>
      </Group>
      {data.apiTokens.length === 0 ? (
        <Text c="dimmed">{t('tokens.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm" withTableBorder highlightOnHover bg="white" aria-label={t('settings.apiTokens')}>
            <ActionsTableHead
              columns={[
                t('tokens.name'),
                t('tokens.role'),
                t('tokens.teams'),
                t('tokens.createdBy'),
                t('tokens.createdAt'),
                t('tokens.lastUsedAt'),
                t('tokens.status'),
              ]}
              actionsLabel={t('tokens.actions')}
            />
            <Table.Tbody>
              {data.apiTokens.map((token) => (
                <ApiTokenRow key={token.id} token={token} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CreateApiTokenDialog
        opened={creating}
        onClose={create.close}
        roles={roles}
        teamOptions={teams.map((team) => ({ value: team.id, label: team.name }))}
      />
    </Stack>
  );
}
