import { useQuery } from '@apollo/client/react';
import { CloseButton, ComboboxChevron, InputBase } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { lazyNamed } from '../../app/lazy-named';
import { useSearchParam } from '../../app/url-state';
import { DeferredControl } from '../../components/DeferredControl';
import { graphql } from '../../gql';

/** The URL parameter holding the organization a customer list is filtered by. */
export const ORGANIZATION_PARAM = 'org';

// The URL holds only the id; the box shows the name.
const OrganizationFilterNameQuery = graphql(`
  query OrganizationFilterName($id: ID!) {
    organization(id: $id) {
      id
      name
    }
  }
`);

// The search box's list (Combobox, floating-ui) downloads after the list has drawn (DeferredControl), not with it.
const OrganizationSelect = lazyNamed(() => import('../organizations/OrganizationSelect'), 'OrganizationSelect');

export function OrganizationFilter() {
  const { t } = useTranslation();
  const [id, setId] = useSearchParam(ORGANIZATION_PARAM);
  const { data } = useQuery(OrganizationFilterNameQuery, { variables: { id }, skip: !id });
  const organization = id ? data?.organization : null;
  const label = t('customers.organizationFilter');
  const placeholder = t('customers.allOrganizations');
  return (
    <DeferredControl
      trigger="input"
      preload={OrganizationSelect.preload}
      // Drawn as OrganizationSelect's closed box draws itself (same sections and attributes).
      placeholder={(handlers) => (
        <InputBase
          label={label}
          placeholder={placeholder}
          value={organization?.name ?? ''}
          readOnly
          aria-haspopup="listbox"
          autoComplete="off"
          rightSection={
            organization ? <CloseButton size="sm" aria-label={t('organizations.clearChoice')} onClick={() => setId('')} /> : <ComboboxChevron />
          }
          rightSectionPointerEvents={organization ? 'all' : 'none'}
          {...handlers}
        />
      )}
    >
      {({ focused }) => (
        <OrganizationSelect
          label={label}
          placeholder={placeholder}
          value={organization ? { id: organization.id, name: organization.name } : null}
          onChange={(choice) => setId(choice?.id ?? '')}
          autoFocus={focused}
        />
      )}
    </DeferredControl>
  );
}
