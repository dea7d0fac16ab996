import { useQuery } from '@apollo/client/react';
import { ComboboxChevron, ComboboxClearButton, InputBase } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from '../../app/lazy-named';
import { useSearchParam } from '../../app/url-state';
import { DeferredControl } from '../../components/DeferredControl';
import { graphql } from '../../gql';

/** The URL parameter holding the product a customer list is filtered by. */
export const PRODUCT_PARAM = 'product';

// Archived products too: customers keep entitlements to them. There are few products, so all are listed.
export const ProductFilterOptionsQuery = graphql(`
  query ProductFilterOptions {
    products(includeArchived: true) {
      id
      name
    }
  }
`);

// The select (Combobox, floating-ui) downloads after the list has drawn (DeferredControl), not with it.
const ProductSelect = lazyNamed(() => import('./ProductSelect'), 'ProductSelect');

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
  const { data } = useQuery(ProductFilterOptionsQuery, { skip: !id });
  const name = data?.products.find((p) => p.id === id)?.name ?? '';
  return (
    <DeferredControl
      trigger="input"
      preload={ProductSelect.preload}
      // Drawn as ProductSelect's closed select draws itself (same sections and attributes).
      placeholder={(handlers) => (
        <InputBase
          label={t('customers.productFilter')}
          placeholder={t('customers.allProducts')}
          value={name}
          readOnly
          role="combobox"
          aria-haspopup="listbox"
          aria-expanded={false}
          autoComplete="off"
          __defaultRightSection={<ComboboxChevron />}
          __clearSection={<ComboboxClearButton aria-label={t('customers.clearProductFilter')} onClear={() => setId('')} />}
          __clearable={id !== ''}
          rightSectionPointerEvents="none"
          {...handlers}
        />
      )}
    >
      {({ opened, focused }) => <ProductSelect defaultOpened={opened} autoFocus={focused} />}
    </DeferredControl>
  );
}
