import { Badge, CloseButton, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDetailFormat } from '../details/useDetailFormat';
import type { DetailFieldInfo } from '../details/detail-values';
import { filterValue } from './detail-filters';
import type { RequestedFilter } from './useDetailFilters';

interface ActiveFiltersProps {
  filters: RequestedFilter[];
  onRemove: (index: number) => void;
}

/**
 * The conditions asked for, each readable ("Tier is Gold") and removable;
 * one that no longer applies says so ("Tier is Silver — no longer applies").
 */
export function ActiveFilters({ filters, onRemove }: ActiveFiltersProps) {
  const { t } = useTranslation();
  const format = useDetailFormat(filters.flatMap((r) => (r.field ? [r.field] : [])));
  if (filters.length === 0) return null;

  function describe({ filter, field, condition }: RequestedFilter): string {
    const shown = (known: DetailFieldInfo) => {
      const value = filter.operator === 'is' ? filterValue(known, filter.value) : null;
      return value === null ? filter.value : format(known, value);
    };
    // A field the viewer cannot view is named only by the key the link carries.
    const text = t(`customers.filterSummary.${filter.operator}`, { field: field?.label ?? filter.fieldKey, value: field ? shown(field) : filter.value });
    return condition ? text : t('customers.filterNoLongerApplies', { filter: text });
  }

  return (
    <Group gap="xs" role="list" aria-label={t('customers.activeFilters')}>
      {filters.map((requested, index) => {
        const text = describe(requested);
        return (
          // Not Mantine's Pill: its remove button is hidden from keyboards and screen readers.
          <Badge
            key={`${index}:${text}`}
            role="listitem"
            size="lg"
            variant="light"
            color={requested.condition ? 'gray' : 'yellow'}
            radius="xl"
            leftSection={requested.condition ? undefined : <IconAlertTriangle size={14} aria-hidden />}
            styles={{ label: { textTransform: 'none', fontWeight: 500 } }}
            rightSection={<CloseButton size="xs" aria-label={t('customers.removeFilter', { filter: text })} onClick={() => onRemove(index)} />}
          >
            {text}
          </Badge>
        );
      })}
    </Group>
  );
}
