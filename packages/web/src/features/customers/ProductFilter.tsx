import { useQuery } from '@apollo/client/react';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParam } from '../../app/url-state';
import { graphql } from '../../gql';

/** The URL parameter holding the product a customer list is filtered by. */
export const PRODUCT_PARAM = 'product';

// Archived products too: customers keep entitlements to them. There are few products, so all are listed.
const ProductFilterOptionsQuery = graphql(`
  query ProductFilterOptions {
    products(includeArchived: true) {
      id
      name
    }
  }
`);

/**
 * The product a list is filtered by, from the URL: `unknown` once the
 * products are known and the link's one is not among them (deleted, or a
 * mistyped link), so the list can say so instead of failing; `clear` removes it.
 */
export function useProductParam(): { productId: string; unknown: boolean; clear: () => void } {
  const [id, setId] = useSearchParam(PRODUCT_PARAM);
  const { data } = useQuery(ProductFilterOptionsQuery, { skip: !id });
  return { productId: id, unknown: id !== '' && data !== undefined && !data.products.some((p) => p.id === id), clear: () => setId('') };
}

/** Only customers entitled to a product, themselves or through an organization. */
export function ProductFilter() {
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
    />
  );
}
