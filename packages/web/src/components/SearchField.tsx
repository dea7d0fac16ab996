import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParam } from '../app/url-state';

/** The URL parameter holding a list's search text. */
export const SEARCH_PARAM = 'q';

/** Long enough to skip the requests between keystrokes, short enough to feel instant. */
const SEARCH_DELAY_MS = 250;

interface SearchFieldProps {
  label: string;
  placeholder: string;
}

/**
 * A search box that searches as you type: the text shows at once, and reaches
 * the URL (`?q=`), which the list reads, once typing pauses.
 */
export function SearchField({ label, placeholder }: SearchFieldProps) {
  const [committed, commit] = useSearchParam(SEARCH_PARAM);
  const [text, setText] = useState(committed);
  const [syncedQuery, setSyncedQuery] = useState(committed);
  const commitLater = useDebouncedCallback((value: string) => {
    const trimmed = value.trim();
    setSyncedQuery(trimmed);
    commit(trimmed);
  }, SEARCH_DELAY_MS);

  // A link or Back can change `?q=` under the box (e.g. the sidebar's
  // "Customers" clears it); the box then shows what the list is searching.
  if (committed !== syncedQuery) {
    setSyncedQuery(committed);
    setText(committed);
  }

  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commitLater(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commitLater.flush();
      }}
      // Grows to fill the row, and moves the controls after it to the next line rather than shrink below a usable width.
      style={{ flex: '1 1 260px', minWidth: 'min(100%, 220px)' }}
    />
  );
}
