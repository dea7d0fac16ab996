import { useQuery } from '@apollo/client/react';
import { DETAIL_FIELD_SCOPES, PERMISSIONS, type DetailFieldScope } from '@cp/shared';
import { Alert, Button, Group, Stack, Text, type ComboboxItem } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconListDetails, IconLock, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { QueryStatus } from '../../../components/QueryStatus';
import { UrlTabs } from '../../../components/UrlTabs';
import { useCan } from '../../auth/session';
import { CreateFieldDialog } from './CreateFieldDialog';
import { DetailFieldsQuery } from './DetailFieldsQuery';
import { DetailFieldsTable } from './DetailFieldsTable';

/** Settings → Detail fields: one tab per scope. The API refuses these operations to non-admins too. */
export function DetailFieldsPage() {
  const { t } = useTranslation();
  const canManageFields = useCan(PERMISSIONS.MANAGE_FIELDS);
  if (!canManageFields) {
    return (
      <Alert icon={<IconLock aria-hidden />} title={t('detailFields.adminsOnlyTitle')}>
        {t('detailFields.adminsOnlyBody')}
      </Alert>
    );
  }
  return (
    <UrlTabs
      label={t('detailFields.scopesLabel')}
      tabs={DETAIL_FIELD_SCOPES.map((scope) => ({
        value: scope.toLowerCase(),
        label: t(`detailFields.scopes.${scope}`),
        panel: <ScopeFields scope={scope} />,
      }))}
    />
  );
}

function ScopeFields({ scope }: { scope: DetailFieldScope }) {
  const { t } = useTranslation();
  const [creating, create] = useDisclosure(false);
  const { data, error, refetch } = useQuery(DetailFieldsQuery, { variables: { scope } });
  if (!data) return <QueryStatus error={error} onRetry={refetch} />;
  const teams: ComboboxItem[] = data.teams.map((team) => ({ value: team.id, label: team.name }));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text c="dimmed" size="sm" maw={640}>
          {t(`detailFields.scopeHints.${scope}`)}
        </Text>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={create.open} style={{ flexShrink: 0 }}>
          {t('detailFields.create')}
        </Button>
      </Group>
      {data.detailFields.length === 0 ? (
        <EmptyState icon={IconListDetails} title={t('detailFields.emptyTitle')} body={t('detailFields.emptyBody')} />
      ) : (
        <DetailFieldsTable fields={data.detailFields} teams={teams} />
      )}
      <CreateFieldDialog scope={scope} opened={creating} onClose={create.close} teams={teams} />
    </Stack>
  );
}
