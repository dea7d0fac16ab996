import { Button, Modal, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../../app/problems';
import { draftOf, type DetailFieldInfo, type Draft } from '../details/detail-values';
import { DetailValueInput } from '../details/DetailValueInput';
import { filterField, operatorsFor, parseFilterValue, takesValue, type DetailFilter, type FilterOperator } from './detail-filters';

interface DetailFilterDialogProps {
  opened: boolean;
  onClose: () => void;
  fields: readonly DetailFieldInfo[];
  onAdd: (filter: DetailFilter) => void;
}

/**
 * The dialog of DetailFiltersControl, a module of its own: the value inputs
 * and their codecs download when someone first adds a filter.
 */
export function DetailFilterDialog({ opened, onClose, fields, onAdd }: DetailFilterDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('customers.addFilterTitle')}>
      {fields.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customers.noDetailFields')}
        </Text>
      ) : (
        // Mounted only while open, so each opening starts from an empty condition.
        <FilterForm
          fields={fields}
          onAdd={(filter) => {
            onAdd(filter);
            onClose();
          }}
        />
      )}
    </Modal>
  );
}

function FilterForm({ fields, onAdd }: Pick<DetailFilterDialogProps, 'fields' | 'onAdd'>) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const [fieldKey, setFieldKey] = useState<string | null>(null);
  const [operator, setOperator] = useState<FilterOperator>('is');
  const [value, setValue] = useState<Draft>('');
  const [error, setError] = useState<string>();
  const field = fields.find((f) => f.key === fieldKey);

  function chooseField(key: string | null) {
    const next = fields.find((f) => f.key === key);
    setFieldKey(key);
    setOperator('is');
    setValue(next ? draftOf(filterField(next).type, null) : '');
    setError(undefined);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!field) return;
    if (!takesValue(operator)) return onAdd({ fieldKey: field.key, operator, value: '' });
    if (operator === 'contains') {
      const text = typeof value === 'string' ? value.trim() : '';
      return text ? onAdd({ fieldKey: field.key, operator, value: text }) : setError(t('customers.filterValueRequired'));
    }
    // Checked by the API's codec, and kept in its normalized form (the exact option, the ISO date…).
    const parsed = parseFilterValue(field, value);
    if (!parsed.ok) return setError(problemText(parsed.problem));
    onAdd({ fieldKey: field.key, operator, value: String(parsed.value) });
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <Select
          label={t('customers.filterField')}
          data={fields.map((f) => ({ value: f.key, label: f.label }))}
          value={fieldKey}
          onChange={chooseField}
          searchable
          data-autofocus
        />
        {field && (
          <Select
            label={t('customers.filterOperator')}
            data={operatorsFor(field.type).map((op) => ({ value: op, label: t(`customers.operators.${op}`) }))}
            value={operator}
            onChange={(op) => {
              setOperator((op as FilterOperator | null) ?? 'is');
              setError(undefined);
            }}
            allowDeselect={false}
          />
        )}
        {field && takesValue(operator) && (
          <DetailValueInput
            // "contains" is free text whatever the field's options.
            field={operator === 'contains' ? { ...field, type: 'TEXT' } : filterField(field)}
            value={value}
            onChange={(next) => {
              setValue(next);
              setError(undefined);
            }}
            label={t('customers.filterValue')}
            error={error}
          />
        )}
        <Button type="submit" disabled={!field}>
          {t('customers.addFilter')}
        </Button>
      </Stack>
    </form>
  );
}
