import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFilter } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from '../../app/lazy-named';
import { useEverTrue } from '../../components/use-ever-true';
import type { DetailFieldInfo } from '../details/detail-values';
import type { DetailFilter } from './detail-filters';

const DetailFilterDialog = lazyNamed(() => import('./DetailFilterDialog'), 'DetailFilterDialog');

interface DetailFiltersControlProps {
  fields: readonly DetailFieldInfo[];
  onAdd: (filter: DetailFilter) => void;
}

/**
 * "Filters": pick a field, an operator that fits its type, and a value in the
 * control that fits it. A dialog rather than a popover, because the value
 * pickers open dropdowns of their own.
 */
export function DetailFiltersControl({ fields, onAdd }: DetailFiltersControlProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const openedOnce = useEverTrue(opened);
  return (
    <>
      <Button variant="default" leftSection={<IconFilter size={16} aria-hidden />} onClick={open}>
        {t('customers.filtersControl')}
      </Button>
      {openedOnce && (
        <Suspense fallback={null}>
          <DetailFilterDialog opened={opened} onClose={close} fields={fields} onAdd={onAdd} />
        </Suspense>
      )}
    </>
  );
}
