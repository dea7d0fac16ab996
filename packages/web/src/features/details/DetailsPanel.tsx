import { useQuery } from '@apollo/client/react';
import { PERMISSIONS } from '@cp/shared';
import { Button, Paper } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { initialFetchPolicy } from '../../app/page-data';
import { paths } from '../../app/paths';
import { EmptyState } from '../../components/EmptyState';
import { QueryStatus } from '../../components/QueryStatus';
import { useCan } from '../auth/session';
import type { DetailOwner } from './DetailValueEditor';
import { DetailsPanelQuery, detailsPanelVariables } from './DetailsPanelQuery';
import { DetailValueList } from './DetailValueList';
import { useFieldAccessChanges } from './useFieldAccessChanges';

interface DetailsPanelProps {
  /** Whose values: the panel fetches them itself, with the fields, so a page can mount it before its own query answers. */
  owner: Pick<DetailOwner, 'id'> & { scope: 'CUSTOMER' | 'ORGANIZATION' };
}

/**
 * The Details tab of a customer or an organization. The owner's values and
 * version come from the panel's own query (DetailsPanelQuery), not from the
 * page's: the page mounts the panel at once, and both queries travel side by
 * side instead of one after the other (bench:web-profile); saving sends the
 * version on screen, so a stale edit is refused.
 */
export function DetailsPanel({ owner }: DetailsPanelProps) {
  const { t } = useTranslation();
  const canManageFields = useCan(PERMISSIONS.MANAGE_FIELDS);
  // Admins change fields and permissions at run time: check again each time the tab opens.
  // Unless start-up has just fetched it (page-data.ts).
  const variables = detailsPanelVariables(owner);
  const [fetchPolicy] = useState(() => initialFetchPolicy(DetailsPanelQuery, variables));
  const { data, error, refetch } = useQuery(DetailsPanelQuery, { variables, fetchPolicy });
  const fields = data?.detailFields ?? [];
  useFieldAccessChanges(owner.scope, data?.detailFields);
  const record = owner.scope === 'CUSTOMER' ? data?.customer : data?.organization;

  // No record: the owner is gone, and the page around says so (its own query answers the same).
  if (!data || !record) return <QueryStatus error={error} onRetry={refetch} />;
  if (fields.length === 0) {
    return (
      <EmptyState
        icon={IconListDetails}
        title={t(owner.scope === 'CUSTOMER' ? 'profile.empty.detailsTitle' : 'organizations.empty.detailsTitle')}
        body={t(owner.scope === 'CUSTOMER' ? 'profile.empty.detailsBody' : 'organizations.empty.detailsBody')}
        action={
          canManageFields && (
            <Button component={Link} to={paths.detailFields} variant="light">
              {t('detailFields.manage')}
            </Button>
          )
        }
      />
    );
  }
  return (
    <Paper withBorder radius="md" px="lg" py="xs">
      <DetailValueList fields={fields} owner={{ scope: owner.scope, id: record.id, version: record.version }} values={record.detailsByKey} definitionsQuery={DetailsPanelQuery} />
    </Paper>
  );
}
