import { Button } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import type { ButtonHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from '../../app/lazy-named';
import { DeferredControl } from '../../components/DeferredControl';
import type { ColumnsPopoverProps } from './ColumnsPopover';

// The popover (and floating-ui under it) downloads after the list has drawn (DeferredControl), not with it.
const ColumnsPopover = lazyNamed(() => import('./ColumnsPopover'), 'ColumnsPopover');

/** Which detail fields show as columns of the customers table. */
export function ColumnsControl(props: ColumnsPopoverProps) {
  const { t } = useTranslation();
  const button = (extra: ButtonHTMLAttributes<HTMLButtonElement>) => (
    <Button variant="default" leftSection={<IconColumns size={16} aria-hidden />} {...extra}>
      {t('customers.columnsControl')}
    </Button>
  );
  return (
    <DeferredControl
      trigger="button"
      preload={ColumnsPopover.preload}
      // Closed, as Popover.Target announces it.
      placeholder={(handlers) => button({ 'aria-haspopup': 'dialog', 'aria-expanded': false, ...handlers })}
    >
      {({ opened, focused }) => <ColumnsPopover {...props} target={button({ autoFocus: focused })} defaultOpened={opened} />}
    </DeferredControl>
  );
}
