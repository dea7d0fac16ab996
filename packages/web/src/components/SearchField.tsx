import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { MAX_SEARCH_LENGTH, problem } from '@cp/shared';
import { useProblemText } from '../app/problems';
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
 * the URL (`?q=`), which the list reads, once typing pauses. Text longer than
 * the lists take (MAX_SEARCH_LENGTH) stays in the box, said too long beside
 * it, and is not searched (the list keeps its last search). One search is
 * one history step: its first commit pushes (Back returns to the list as it
 * was before), later commits while the box keeps the focus replace it.
 */
export function SearchField({ label, placeholder }: SearchFieldProps) {
  const [committed, commit] = useSearchParam(SEARCH_PARAM);
  const [text, setText] = useState(committed);
  // The `?q=` the box last agreed with, and the one it sent last: the URL follows a commit only once the
  // navigation renders (a transition, which the list's loading can stretch to a second), and the box must
  // keep what is typed meanwhile (setting its text back then lost keystrokes and flashed the old text).
  const [shownQuery, setShownQuery] = useState(committed);
  const [sent, setSent] = useState<string | null>(null);
  const problemText = useProblemText();
  const tooLong = text.trim().length > MAX_SEARCH_LENGTH;
  // Whether this search (since the box took the focus) has made its history step already.
  const stepMade = useRef(false);
  const commitLater = useDebouncedCallback((value: string) => {
    const trimmed = value.trim();
    if (trimmed.length > MAX_SEARCH_LENGTH || trimmed === committed) return;
    setSent(trimmed);
    commit(trimmed, stepMade.current ? 'replace' : 'push');
    stepMade.current = true;
  }, SEARCH_DELAY_MS);

  // A link or Back can change `?q=` under the box (e.g. the sidebar's "Customers" clears it); the box then
  // shows what the list is searching. Its own commit arriving changes nothing in it.
  if (committed !== shownQuery) {
    setShownQuery(committed);
    setSent(null);
    if (committed !== sent) setText(committed);
  }

  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      error={tooLong ? problemText(problem('FIELD_TOO_LONG', { field: 'query', max: MAX_SEARCH_LENGTH })) : undefined}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commitLater(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commitLater.flush();
      }}
      onFocus={() => {
        stepMade.current = false;
      }}
      // Grows to fill the row, and moves the controls after it to the next line rather than shrink below a usable width.
      style={{ flex: '1 1 260px', minWidth: 'min(100%, 220px)' }}
    />
  );
}
