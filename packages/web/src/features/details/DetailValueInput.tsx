import { Chip, Group, Select, Switch, Textarea, TextInput } from '@mantine/core';
import { useRef, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DayInput } from '../../components/DayInput';
import type { DetailFieldInfo, Draft } from './detail-values';
import { useDetailAgents } from './useDetailFormat';

interface DetailValueInputProps {
  field: DetailFieldInfo;
  value: Draft;
  onChange: (value: Draft) => void;
  /** The accessible name; the field's label is usually shown beside the control already. */
  label: string;
  error?: string;
  autoFocus?: boolean;
}

const asText = (value: Draft) => (typeof value === 'string' ? value : '');

// Mantine moves a chip's checkbox off-screen; laid over the chip instead, the checkbox itself is
// where a pointer (or a test driver clicking "the EMEA checkbox") lands.
const CHIP_STYLES = {
  root: { position: 'relative' },
  input: { position: 'absolute', inset: 0, width: '100%', height: '100%', margin: 0, opacity: 0, cursor: 'pointer', zIndex: 1 },
} as const;

/** The control that fits a field's type; it holds a draft, which the shared codec checks before anything is sent. */
export function DetailValueInput({ field, value, onChange, label, error, autoFocus }: DetailValueInputProps) {
  const { t } = useTranslation();
  // Opening the editor selects the saved text, so typing replaces it (as in a spreadsheet) instead of appending to it.
  const selectOnOpen = useRef(autoFocus);
  const onFocus = (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (!selectOnOpen.current) return;
    selectOnOpen.current = false;
    event.currentTarget.select();
  };
  const common = { 'aria-label': label, error, autoFocus };
  switch (field.type) {
    case 'TEXT':
      return (
        <Textarea
          {...common}
          onFocus={onFocus}
          autosize
          minRows={1}
          maxRows={8}
          value={asText(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
          // Enter saves like every other field; Shift+Enter starts a new line.
          onKeyDown={(event: KeyboardEvent<HTMLTextAreaElement>) => {
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
        />
      );
    case 'NUMBER':
      // Plain text, not NumberInput: the shared codec decides what a number is, exactly as the API does.
      return <TextInput {...common} onFocus={onFocus} inputMode="decimal" value={asText(value)} onChange={(event) => onChange(event.currentTarget.value)} />;
    case 'EMAIL':
    case 'URL':
    case 'PHONE':
      return (
        <TextInput
          {...common}
          onFocus={onFocus}
          type={field.type === 'EMAIL' ? 'email' : field.type === 'URL' ? 'url' : 'tel'}
          value={asText(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'DATE':
      return <DayInput {...common} value={asText(value)} onChange={onChange} />;
    case 'SELECT':
      return (
        <Select
          {...common}
          data={[...field.options]}
          searchable
          clearable
          value={asText(value) || null}
          onChange={(option) => onChange(option ?? '')}
        />
      );
    case 'MULTI_SELECT':
      return (
        <Chip.Group multiple value={Array.isArray(value) ? value : []} onChange={onChange}>
          <Group gap={6} role="group" aria-label={label}>
            {field.options.map((option) => (
              <Chip key={option} value={option} size="sm" styles={CHIP_STYLES}>
                {option}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      );
    case 'BOOLEAN':
      return (
        <Switch
          aria-label={label}
          label={value === true ? t('details.yes') : t('details.no')}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
          autoFocus={autoFocus}
        />
      );
    case 'USER':
      return <AgentSelect {...common} value={asText(value)} onChange={onChange} />;
  }
}

interface AgentSelectProps {
  'aria-label': string;
  error?: string;
  autoFocus?: boolean;
  value: string;
  onChange: (id: string) => void;
}

/** Active agents to choose from; the current one stays listed even if since deactivated. */
function AgentSelect({ value, onChange, ...props }: AgentSelectProps) {
  const agents = useDetailAgents(true);
  const data = (agents ?? [])
    .filter((agent) => agent.active || agent.id === value)
    .map((agent) => ({ value: agent.id, label: agent.displayName }));
  return <Select {...props} data={data} searchable clearable value={value || null} onChange={(id) => onChange(id ?? '')} />;
}
