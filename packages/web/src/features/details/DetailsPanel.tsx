import { useQuery } from '@apollo/client/react';
import { PERMISSIONS } from '@cp/shared';
import { Button, Paper } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { EmptyState } from '../../components/EmptyState';
import { QueryStatus } from '../../components/QueryStatus';
import { useCan } from '../auth/session';
import type { DetailOwner } from './DetailValueEditor';
import { DetailsPanelQuery } from './DetailsPanelQuery';
import { DetailValueList } from './DetailValueList';
import { useFieldAccessChanges } from './useFieldAccessChanges';

interface DetailsPanelProps {
  owner: DetailOwner & { scope: 'CUSTOMER' | 'ORGANIZATION' };
  /** The owner's `detailsByKey`. */
  values: unknown;
}

/** The Details tab of a customer or an organization. */
export function DetailsPanel({ owner, values }: DetailsPanelProps) {
  const { t } = useTranslation();
  const canManageFields = useCan(PERMISSIONS.MANAGE_FIELDS);
  // Admins change fields and permissions at run time: check again each time the tab opens.
  const { data, error, refetch } = useQuery(DetailsPanelQuery, {
    variables: { scope: owner.scope, ownerId: owner.id, customer: owner.scope === 'CUSTOMER' },
    fetchPolicy: 'cache-and-network',
  });
  const fields = data?.detailFields ?? [];
  useFieldAccessChanges(owner.scope, data?.detailFields);

  if (!data) return <QueryStatus error={error} onRetry={refetch} />;
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
      <DetailValueList fields={fields} owner={owner} values={values} definitionsQuery={DetailsPanelQuery} />
    </Paper>
  );
}
