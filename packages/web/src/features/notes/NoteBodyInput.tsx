import { cleanNoteBody, MAX_NOTE_LENGTH, noteBodyLength } from '@cp/shared';
import { Textarea } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../../app/problems';

interface NoteBodyInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Ctrl+Enter (Cmd+Enter on a Mac) calls it, as in mail and chat tools. */
  onSubmit: () => void;
  /** A refusal from the server, shown until the text changes. */
  error?: string;
  /** Said beneath the count, e.g. the saved text after a conflict. */
  hint?: string;
  placeholder?: string;
  autoFocus?: boolean;
}

/**
 * The note text box: a live count in code points (what the API counts) and
 * the API's own rules as the agent types, so a note it would refuse is
 * flagged before sending. An empty box is only refused on submit.
 */
export function NoteBodyInput({ label, value, onChange, onSubmit, error, hint, placeholder, autoFocus }: NoteBodyInputProps) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const checked = value.trim() === '' ? null : cleanNoteBody(value);
  const liveError = checked && !checked.ok ? problemText(checked.problem) : undefined;
  const count = t('notes.count', { count: noteBodyLength(value), max: MAX_NOTE_LENGTH });
  const box = useRef<HTMLTextAreaElement>(null);
  // Editing a note goes on from its end: focused with the caret at the start, what was typed at once landed before the text (fresh-eyes QA).
  useEffect(() => {
    if (autoFocus) box.current?.setSelectionRange(box.current.value.length, box.current.value.length);
  }, []);
  return (
    <Textarea
      ref={box}
      label={label}
      value={value}
      placeholder={placeholder}
      onChange={(event) => onChange(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          onSubmit();
        }
      }}
      description={[count, t('notes.shortcut'), hint].filter(Boolean).join(' · ')}
      error={error ?? liveError}
      autosize
      minRows={3}
      maxRows={14}
      autoFocus={autoFocus}
    />
  );
}
