import { useQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParam } from '../../app/url-state';
import { PRODUCT_PARAM, ProductFilterOptionsQuery } from './ProductFilter';

/** ProductFilter's select, with the focus when `autoFocus`, opened at once when `defaultOpened`; loaded after the list (DeferredControl). */
export function ProductSelect({ defaultOpened, autoFocus }: { defaultOpened: boolean; autoFocus: boolean }) {
  const { t } = useTranslation();
  const [id, setId] = useSearchParam(PRODUCT_PARAM);
  const { data } = useQuery(ProductFilterOptionsQuery);
  return (
    <Select
      label={t('customers.productFilter')}
      placeholder={t('customers.allProducts')}
      data={(data?.products ?? []).map((p) => ({ value: p.id, label: p.name }))}
      value={id || null}
      onChange={(value) => setId(value ?? '')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('customers.clearProductFilter') }}
      autoFocus={autoFocus}
      defaultDropdownOpened={defaultOpened}
    />
  );
}
