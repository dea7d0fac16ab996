import { Checkbox, Popover, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DetailFieldInfo } from '../details/detail-values';

export interface ColumnsPopoverProps {
  fields: readonly DetailFieldInfo[];
  value: string[];
  onChange: (keys: string[]) => void;
}

/** ColumnsControl's popover around its button (`target`), open at first when `defaultOpened`; loaded after the list (DeferredControl). */
export function ColumnsPopover({ fields, value, onChange, target, defaultOpened }: ColumnsPopoverProps & { target: ReactElement; defaultOpened: boolean }) {
  const { t } = useTranslation();
  return (
    // A dialog-like popup (the button says aria-haspopup="dialog"): opening it moves the focus to its first checkbox and
    // Tab stays inside, since the portal puts it far from the button in tab order; Escape closes it and focuses the button.
    <Popover position="bottom-end" shadow="md" withinPortal defaultOpened={defaultOpened} trapFocus returnFocus>
      <Popover.Target>{target}</Popover.Target>
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
