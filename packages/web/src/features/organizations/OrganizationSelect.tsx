import { useQuery } from '@apollo/client/react';
import { CloseButton, Combobox, InputBase, Loader, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';

const OrganizationOptionsQuery = graphql(`
  query OrganizationOptions($query: String) {
    organizations(first: 20, query: $query) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/** An existing organization, or (id null) one to create under this name. */
export type OrganizationChoice = { id: string; name: string } | { id: null; name: string };

/** Marks the "Create “…”" option; ids are UUIDs, so it cannot clash with one. */
const CREATE_OPTION = 'create-new-organization';

const SEARCH_DELAY_MS = 250;

interface OrganizationSelectProps {
  label: string;
  placeholder: string;
  value: OrganizationChoice | null;
  onChange: (value: OrganizationChoice | null) => void;
  /** Offer "Create “name”" when the typed name matches no organization. */
  allowCreate?: boolean;
  description?: string;
  /** Take the focus on mounting (and so open the list), as OrganizationFilter does once the visitor reaches for it. */
  autoFocus?: boolean;
}

/**
 * Picks an organization by typing part of its name; the server searches, so
 * this works with any number of organizations.
 */
export function OrganizationSelect({ label, placeholder, value, onChange, allowCreate, description, autoFocus }: OrganizationSelectProps) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const selectedName = value?.name ?? '';
  const [text, setText] = useState(selectedName);
  const [shownName, setShownName] = useState(selectedName);
  // The choice can change from outside (a URL, a name that loads later): show it.
  if (selectedName !== shownName) {
    setShownName(selectedName);
    setText(selectedName);
  }

  // While the box shows the current choice, list everything rather than just that one.
  const term = text.trim() === selectedName ? '' : text.trim();
  const [debouncedTerm] = useDebouncedValue(term, SEARCH_DELAY_MS);
  const { data, previousData, loading } = useQuery(OrganizationOptionsQuery, {
    variables: { query: debouncedTerm || null },
    skip: !combobox.dropdownOpened,
  });
  // The previous answer stays listed while the next one loads, so options do not flicker away.
  const options = (data ?? previousData)?.organizations.edges.map((edge) => edge.node) ?? [];
  const canCreate =
    allowCreate && term !== '' && !options.some((option) => option.name.toLowerCase() === term.toLowerCase());

  function choose(optionValue: string) {
    // The only option that is not a listed organization is CREATE_OPTION.
    const existing = options.find((option) => option.id === optionValue);
    const next: OrganizationChoice = existing ? { id: existing.id, name: existing.name } : { id: null, name: term };
    setText(next.name);
    onChange(next);
    combobox.closeDropdown();
  }

  function clear() {
    setText('');
    onChange(null);
  }

  return (
    <Combobox store={combobox} onOptionSubmit={choose}>
      <Combobox.Target>
        <InputBase
          label={label}
          placeholder={placeholder}
          description={description}
          autoFocus={autoFocus}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => {
            combobox.closeDropdown();
            // Typing without choosing changes nothing: show the choice again.
            setText(selectedName);
          }}
          rightSection={
            value ? (
              <CloseButton
                size="sm"
                aria-label={t('organizations.clearChoice')}
                onMouseDown={(event) => event.preventDefault()}
                onClick={clear}
              />
            ) : (
              <Combobox.Chevron />
            )
          }
          rightSectionPointerEvents={value ? 'all' : 'none'}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options mah={260} style={{ overflowY: 'auto' }}>
          {options.map((option) => (
            <Combobox.Option key={option.id} value={option.id} active={option.id === value?.id}>
              {option.name}
            </Combobox.Option>
          ))}
          {canCreate && (
            <Combobox.Option value={CREATE_OPTION}>{t('organizations.createOption', { name: term })}</Combobox.Option>
          )}
          {!canCreate && options.length === 0 && (
            <Combobox.Empty>{loading ? <Loader size="xs" role="progressbar" aria-label={t('app.loading')} /> : t('organizations.noOptions')}</Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
