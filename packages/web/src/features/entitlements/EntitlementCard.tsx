import { Anchor, Badge, Group, Paper, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { organizationPath } from '../../app/paths';
import { graphql } from '../../gql';
import type { EntitlementCard_EntitlementFragment } from '../../gql/graphql';
import type { DetailFieldInfo } from '../details/detail-values';
import { DetailValueList } from '../details/DetailValueList';
import { EntitlementsPanelQuery } from './EntitlementsPanelQuery';
import { RevokeEntitlementButton } from './RevokeEntitlementButton';

export const EntitlementCardEntitlement = graphql(`
  fragment EntitlementCard_entitlement on Entitlement {
    id
    version
    detailsByKey
    product {
      id
      name
      archived
    }
    customer {
      id
    }
    organization {
      id
      name
    }
  }
`);

interface EntitlementCardProps {
  entitlement: EntitlementCard_EntitlementFragment;
  /** Whose tab this is: on a customer, an organization's entitlement is inherited ("via"), not the customer's to revoke. */
  ownerId: string;
  fields: ReadonlyArray<DetailFieldInfo & { id: string; viewerCanEdit: boolean }>;
}

/** One entitlement: its product, where it comes from, and its detail values edited in place like the Details tab. */
export function EntitlementCard({ entitlement, ownerId, fields }: EntitlementCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const { product, organization } = entitlement;
  const inherited = organization !== null && organization.id !== ownerId;
  return (
    <Paper component="article" aria-labelledby={titleId} withBorder radius="md" px="lg" py="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Group gap="xs">
            <Title order={3} size="h4" id={titleId}>
              {product.name}
            </Title>
            {product.archived && (
              <Badge variant="light" color="gray">
                {t('entitlements.archived')}
              </Badge>
            )}
          </Group>
          {inherited && (
            <Text size="sm" c="dimmed">
              <Trans i18nKey="entitlements.via" values={{ organization: organization.name }} components={{ org: <Anchor component={Link} to={organizationPath(organization.id)} underline="always" /> }} />
            </Text>
          )}
        </div>
        {!inherited && <RevokeEntitlementButton entitlementId={entitlement.id} productName={product.name} />}
      </Group>
      {fields.length > 0 ? (
        <DetailValueList
          fields={fields}
          owner={{ scope: 'ENTITLEMENT', id: entitlement.id, version: entitlement.version }} values={entitlement.detailsByKey} definitionsQuery={EntitlementsPanelQuery}
          // An inherited entitlement is the organization's, shared by every member: it is changed on the organization's page.
          editable={!inherited}
        />
      ) : (
        <Text size="sm" c="dimmed" mt="xs">
          {t('entitlements.noFields')}
        </Text>
      )}
    </Paper>
  );
}
