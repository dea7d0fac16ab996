import { useQuery } from '@apollo/client/react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCertificate, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { QueryStatus } from '../../components/QueryStatus';
import { useFieldAccessChanges } from '../details/useFieldAccessChanges';
import { EntitlementCard } from './EntitlementCard';
import { EntitlementsPanelQuery } from './EntitlementsPanelQuery';
import { GrantEntitlementDialog, type EntitlementOwner } from './GrantEntitlementDialog';

/**
 * The Entitlements tab of a customer (its own and, marked "via", those of
 * its organizations) or of an organization (its own): each with its detail
 * values, a way to grant another product, and revoke for the owner's own.
 */
export function EntitlementsPanel({ owner }: { owner: EntitlementOwner }) {
  const { t } = useTranslation();
  const [granting, grant] = useDisclosure(false);
  // Admins change fields, permissions and products at run time: check again each time the tab opens.
  const { data, error, refetch } = useQuery(EntitlementsPanelQuery, {
    variables: { ownerId: owner.id, customer: owner.typename === 'Customer' },
    fetchPolicy: 'cache-and-network',
  });
  useFieldAccessChanges('ENTITLEMENT', data?.detailFields);

  const record = owner.typename === 'Customer' ? data?.customer : data?.organization;
  if (!data || !record) return <QueryStatus error={error} onRetry={refetch} />;
  const entitlements = record.entitlements;
  const own = new Set(entitlements.filter((e) => (e.customer ?? e.organization)?.id === owner.id).map((e) => e.product.id));
  const grantable = data.products.filter((p) => !own.has(p.id));
  const scope = owner.typename === 'Customer' ? 'profile' : 'organizations';

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text c="dimmed" maw={640}>
          {t(`entitlements.description.${owner.typename}`)}
        </Text>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={grant.open}>
          {t('entitlements.grantEntitlement')}
        </Button>
      </Group>
      {entitlements.length === 0 ? (
        <EmptyState icon={IconCertificate} title={t(`${scope}.empty.entitlementsTitle`)} body={t(`${scope}.empty.entitlementsBody`)} />
      ) : (
        entitlements.map((entitlement) => <EntitlementCard key={entitlement.id} entitlement={entitlement} ownerId={owner.id} fields={data.detailFields} />)
      )}
      <GrantEntitlementDialog owner={owner} products={grantable} opened={granting} onClose={grant.close} />
    </Stack>
  );
}
