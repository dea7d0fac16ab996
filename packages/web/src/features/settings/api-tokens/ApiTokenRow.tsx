import type { FragmentType } from '@apollo/client';
import { useFragment, useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useDialogAction } from '../../../app/dialog-action';
import { useFormat } from '../../../app/i18n/format';
import { StatusBadge } from '../../../components/StatusBadge';
import { graphql } from '../../../gql';
import { TeamBadges } from '../TeamBadges';

const ApiTokenRowApiToken = graphql(`
  fragment ApiTokenRow_apiToken on ApiToken {
    id
    name
    role
    teams {
      id
      name
    }
    createdBy {
      id
      displayName
    }
    createdAt
    lastUsedAt
    revokedAt
  }
`);

// Returns the token with its revokedAt set, so the cache updates the row in place.
const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);

export function ApiTokenRow({ token }: { token: FragmentType<typeof ApiTokenRowApiToken> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [confirming, confirm] = useDisclosure(false);
  const run = useDialogAction(confirm.close);
  const fragment = useFragment({
    fragment: ApiTokenRowApiToken,
    fragmentName: 'ApiTokenRow_apiToken',
    from: token,
  });
  const [revoke, { loading }] = useMutation(RevokeApiTokenMutation);
  if (!fragment.complete) return null;
  const data = fragment.data;

  async function handleRevoke() {
    await run(async () => {
      await revoke({ variables: { id: data.id } });
      return t('tokens.revokedNotice', { name: data.name });
    });
  }

  const revoked = data.revokedAt !== null;
  return (
    <Table.Tr c={revoked ? 'dimmed' : undefined}>
      <Table.Td>
        <Text fw={500} size="sm">
          {data.name}
        </Text>
      </Table.Td>
      <Table.Td>{t(`roles.${data.role}`)}</Table.Td>
      <Table.Td>
        <TeamBadges teams={data.teams} />
      </Table.Td>
      <Table.Td>{data.createdBy?.displayName}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={data.createdAt}>{format.date(data.createdAt)}</time>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {data.lastUsedAt ? (
          <time dateTime={data.lastUsedAt}>{format.dateTime(data.lastUsedAt)}</time>
        ) : (
          t('tokens.never')
        )}
      </Table.Td>
      <Table.Td>
        <StatusBadge on={!revoked}>{t(revoked ? 'tokens.revoked' : 'tokens.active')}</StatusBadge>
      </Table.Td>
      <Table.Td>
        {!revoked && (
          <Group justify="flex-end">
            <Button size="compact-sm" variant="subtle" color="red" onClick={confirm.open} aria-label={t('tokens.revokeLabel', { name: data.name })}>
              {t('tokens.revoke')}
            </Button>
          </Group>
        )}
        {/* Revoking cannot be undone, so it asks first. */}
        <Modal
          opened={confirming}
          onClose={confirm.close}
          title={t('tokens.revokeTitle', { name: data.name })}
        >
          <Text size="sm">{t('tokens.revokeBody')}</Text>
          <Group justify="flex-end" mt="lg">
            <Button variant="default" onClick={confirm.close}>
              {t('app.cancel')}
            </Button>
            <Button color="red" loading={loading} onClick={() => void handleRevoke()}>
              {t('tokens.revokeConfirm')}
            </Button>
          </Group>
        </Modal>
      </Table.Td>
    </Table.Tr>
  );
}
