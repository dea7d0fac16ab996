import { classifyIdentifier, splitIdentifiers } from '@cp/shared';
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { customerPath } from '../../app/paths';
import type { AddCustomersOutcome } from './AddCustomersForm';

// The word is the whole message: never cut it short.
const FULL_LABEL = { label: { overflow: 'visible' } };

type AddedCustomer = AddCustomersOutcome['result']['customers'][number];

type EntryResult =
  | { input: string; status: 'added'; customer: AddedCustomer }
  | { input: string; status: 'rejected'; reason: string };

/**
 * Pairs each pasted entry with what the API did. The API lists the customers
 * of the valid entries in the order given and names each rejected entry, so
 * splitting the text the same way (shared codec) lines them up.
 */
function entryResults({ identifiers, result }: AddCustomersOutcome): EntryResult[] {
  const rejected = new Map(result.errors.map((error) => [error.input, error.message]));
  const customers = result.customers.values();
  return splitIdentifiers(identifiers).map((input): EntryResult => {
    const reason = rejected.get(input);
    if (reason !== undefined) return { input, status: 'rejected', reason };
    return { input, status: 'added', customer: customers.next().value! };
  });
}

interface AddCustomersResultsProps {
  outcome: AddCustomersOutcome;
  onAddMore: () => void;
  onDone: () => void;
}

export function AddCustomersResults({ outcome, onAddMore, onDone }: AddCustomersResultsProps) {
  const { t } = useTranslation();
  const { created, existing, errors } = outcome.result;
  // The API counts new and existing customers but does not say which entry was which;
  // when all of them went one way, each entry can say so.
  const addedStatus = existing === 0 ? 'created' : created === 0 ? 'existed' : 'added';

  return (
    <Stack>
      <Alert color={errors.length > 0 ? 'yellow' : 'teal'} role="status" title={t('addCustomers.doneTitle')}>
        {t('addCustomers.summary', {
          created: t('addCustomers.createdCount', { count: created }),
          existing: t('addCustomers.existingCount', { count: existing }),
          rejected: t('addCustomers.rejectedCount', { count: errors.length }),
        })}
        {outcome.organization && created + existing > 0 && (
          <Text size="sm" mt={4}>
            {t('addCustomers.addedTo', { name: outcome.organization.name })}
          </Text>
        )}
      </Alert>
      <Table.ScrollContainer minWidth={480} mah={360}>
        <Table withTableBorder verticalSpacing="xs" aria-label={t('addCustomers.resultsLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('addCustomers.entry')}</Table.Th>
              <Table.Th>{t('addCustomers.result')}</Table.Th>
              <Table.Th>{t('addCustomers.customer')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entryResults(outcome).map((entry) => (
              <Table.Tr key={entry.input}>
                <Table.Td style={{ wordBreak: 'break-all' }}>{entry.input}</Table.Td>
                <Table.Td>
                  {entry.status === 'added' ? (
                    <Badge color={addedStatus === 'existed' ? 'gray' : 'teal'} variant="light" styles={FULL_LABEL}>
                      {t(`addCustomers.status.${addedStatus}`)}
                    </Badge>
                  ) : (
                    <Badge color="red" variant="light" styles={FULL_LABEL}>
                      {t('addCustomers.status.rejected')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {entry.status === 'added' ? (
                    <Anchor component={Link} to={customerPath(entry.customer.id)} size="sm">
                      {entry.customer.displayName}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="red.8">
                      <RejectionReason input={entry.input} reason={entry.reason} />
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="flex-end">
        <Button variant="default" onClick={onAddMore}>
          {t('addCustomers.addMore')}
        </Button>
        <Button onClick={onDone}>{t('addCustomers.done')}</Button>
      </Group>
    </Stack>
  );
}

/**
 * The API's reasons come in English. The one the shared codec can explain
 * (not an email or username) is said in the viewer's language; any other is
 * shown as the server wrote it rather than guessed at.
 */
function RejectionReason({ input, reason }: { input: string; reason: string }) {
  const { t } = useTranslation();
  return classifyIdentifier(input).kind === 'invalid' ? t('addCustomers.notAnIdentifier') : reason;
}
