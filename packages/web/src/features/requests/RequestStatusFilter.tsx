import { Chip, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestStatus } from '../../gql/graphql';
import { REQUEST_STATUSES } from './request-status';

interface RequestStatusFilterProps {
  /** Every status with its count, whatever is selected (countsByStatus). */
  counts: ReadonlyArray<{ status: RequestStatus; count: number }> | undefined;
  value: RequestStatus | null;
  onChange: (status: RequestStatus | null) => void;
}

const ALL = 'ALL';

/** One status or all, each choice with its count, as a radio group of chips. */
export function RequestStatusFilter({ counts, value, onChange }: RequestStatusFilterProps) {
  const { t } = useTranslation();
  const countOf = (status: RequestStatus) => counts?.find((c) => c.status === status)?.count;
  const total = counts?.reduce((sum, c) => sum + c.count, 0);
  const chip = (chipValue: string, label: string, count: number | undefined) => (
    <Chip key={chipValue} value={chipValue} type="radio" size="sm" variant="outline">
      {label}
      {/* A real space, so the chip's accessible name reads "Closed 12", not "Closed12". */}
      {count !== undefined && ' '}
      {count !== undefined && (
        <Text span size="xs" c="dimmed" ml={2}>
          {t('requests.countInFilter', { count })}
        </Text>
      )}
    </Chip>
  );
  return (
    <Chip.Group multiple={false} value={value ?? ALL} onChange={(next) => onChange(next === ALL ? null : (next as RequestStatus))}>
      <Group gap="xs" role="radiogroup" aria-label={t('requests.filterLabel')}>
        {chip(ALL, t('requests.allStatuses'), total)}
        {REQUEST_STATUSES.map((status) => chip(status, t(`requests.status.${status}`), countOf(status)))}
      </Group>
    </Chip.Group>
  );
}
