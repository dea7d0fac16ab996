import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DetailFieldInfo } from '../details/detail-values';

interface ColumnsControlProps {
  fields: readonly DetailFieldInfo[];
  value: string[];
  onChange: (keys: string[]) => void;
}

/** Which detail fields show as columns of the customers table. */
export function ColumnsControl({ fields, value, onChange }: ColumnsControlProps) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} aria-hidden />}>
          {t('customers.columnsControl')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={320}>
        {fields.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('customers.noDetailFields')}
          </Text>
        ) : (
          <Checkbox.Group label={t('customers.detailColumns')} value={value} onChange={onChange}>
            <Stack gap="xs" mt="xs" mah={320} style={{ overflowY: 'auto' }}>
              {fields.map((field) => (
                <Checkbox key={field.key} value={field.key} label={field.label} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
