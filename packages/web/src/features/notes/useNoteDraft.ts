import { cleanNoteBody } from '@cp/shared';
import { useState } from 'react';
import { useProblemText } from '../../app/problems';

/**
 * A note body being typed and what is wrong with it: `change` clears the
 * error, `cleaned()` answers the body the API will store (the shared rules:
 * LF, trimmed, NFC, 1–10,000 code points) or null after showing why not.
 */
export function useNoteDraft(initial: string) {
  const problemText = useProblemText();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string>();
  return {
    draft,
    error,
    setError,
    setDraft,
    change(next: string) {
      setDraft(next);
      setError(undefined);
    },
    cleaned(): string | null {
      const result = cleanNoteBody(draft);
      if (result.ok) return result.body;
      setError(problemText(result.problem));
      return null;
    },
  };
}
