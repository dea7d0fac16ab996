import { showInvisible, type Problem } from '@cp/shared';
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { customerPath } from '../../app/paths';
import { useProblemText } from '../../app/problems';
import type { AddCustomerStatus } from '../../gql/graphql';
import type { AddCustomersOutcome } from './AddCustomersForm';

// The word is the whole message: never cut it short.
const FULL_LABEL = { label: { overflow: 'visible' } };

// Lines break at spaces, or after an '@' (breakableAfterAt); inside a word only when nothing else fits
// (`break-word`, unlike `break-all` or `anywhere`, does not shrink the column to a few characters).
const ENTRY_STYLE = { overflowWrap: 'break-word' } as const;

const STATUS_COLORS: Record<AddCustomerStatus, string> = { CREATED: 'teal', EXISTING: 'gray', REJECTED: 'red' };

interface AddCustomersResultsProps {
  outcome: AddCustomersOutcome;
  onAddMore: () => void;
  onDone: () => void;
}

/** What happened to each pasted entry, in the order given, as the API reports it. */
export function AddCustomersResults({ outcome, onAddMore, onDone }: AddCustomersResultsProps) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const { results } = outcome;
  const count = (status: AddCustomerStatus) => results.filter((result) => result.status === status).length;
  const [created, existing, rejected] = [count('CREATED'), count('EXISTING'), count('REJECTED')];

  return (
    <Stack>
      <Alert color={rejected > 0 ? 'yellow' : 'teal'} role="status" title={t('addCustomers.doneTitle')}>
        {t('addCustomers.summary', {
          created: t('addCustomers.createdCount', { count: created }),
          existing: t('addCustomers.existingCount', { count: existing }),
          rejected: t('addCustomers.rejectedCount', { count: rejected }),
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
              {/* The entry is what the agent reads first and the longest text: it gets half the width; the badge
                  column only what its word needs; the customer (or why not) the rest. */}
              <Table.Th w="50%">{t('addCustomers.entry')}</Table.Th>
              <Table.Th w="1%">{t('addCustomers.result')}</Table.Th>
              <Table.Th>{t('addCustomers.customer')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.map((result, index) => (
              // The same text can be pasted twice; each entry keeps its own row.
              <Table.Tr key={`${index}:${result.input}`}>
                {/* Spelled out, so an entry with an invisible character never looks like a clean one. */}
                <Table.Td style={ENTRY_STYLE}>{breakableAfterAt(showInvisible(result.input))}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[result.status]} variant="light" styles={FULL_LABEL}>
                    {t(`addCustomers.status.${result.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {result.customer ? (
                    <Anchor component={Link} to={customerPath(result.customer.id)} size="sm">
                      {result.customer.displayName}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="red.8">
                      {result.problem && problemText(result.problem as Problem)}
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

/** An entry with a line-break opportunity after each '@', so an address wraps between its name and domain. */
function breakableAfterAt(text: string): ReactNode {
  return text.split('@').map((part, index) => (
    <Fragment key={index}>
      {index > 0 && (
        <>
          @<wbr />
        </>
      )}
      {part}
    </Fragment>
  ));
}
