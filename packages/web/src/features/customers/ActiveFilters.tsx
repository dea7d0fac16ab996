import { Badge, CloseButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDetailFormat } from '../details/useDetailFormat';
import { filterValue } from './detail-filters';
import type { ActiveFilter } from './useDetailFilters';

interface ActiveFiltersProps {
  filters: ActiveFilter[];
  onRemove: (index: number) => void;
}

/** The conditions in force, each readable ("Tier is Gold") and removable. */
export function ActiveFilters({ filters, onRemove }: ActiveFiltersProps) {
  const { t } = useTranslation();
  const format = useDetailFormat(filters.map((active) => active.field));
  if (filters.length === 0) return null;

  function describe({ filter, field }: ActiveFilter): string {
    const value = filter.operator === 'is' ? filterValue(field, filter.value) : null;
    const shown = value === null ? filter.value : format(field, value);
    return t(`customers.filterSummary.${filter.operator}`, { field: field.label, value: shown });
  }

  return (
    <Group gap="xs" role="list" aria-label={t('customers.activeFilters')}>
      {filters.map((active, index) => {
        const text = describe(active);
        return (
          // Not Mantine's Pill: its remove button is hidden from keyboards and screen readers.
          <Badge
            key={`${index}:${text}`}
            role="listitem"
            size="lg"
            variant="light"
            color="gray"
            radius="xl"
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
