import { ActionIcon, Button, Group, Input, Stack, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newOption, type OptionDraft } from './option-drafts';

interface OptionsEditorProps {
  value: OptionDraft[];
  onChange: (value: OptionDraft[]) => void;
  error?: string;
}

/** The choices of a select field: add, rename in place, reorder with buttons (keyboard-friendly), remove. */
export function OptionsEditor({ value, onChange, error }: OptionsEditorProps) {
  const { t } = useTranslation();
  const labelId = useId();
  // The option just added takes the focus, so typing a list is add, type, add, type.
  const [focusId, setFocusId] = useState<string | null>(null);

  function update(index: number, text: string) {
    onChange(value.map((option, i) => (i === index ? { ...option, text } : option)));
  }
  function move(index: number, to: number) {
    const next = [...value];
    const [option] = next.splice(index, 1);
    next.splice(to, 0, option!);
    onChange(next);
  }
  function add() {
    const option = newOption();
    setFocusId(option.id);
    onChange([...value, option]);
  }

  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <Input.Label id={labelId} required>
        {t('detailFields.options')}
      </Input.Label>
      {value.map((option, index) => {
        const n = index + 1;
        return (
          <Group key={option.id} gap={4} wrap="nowrap">
            <TextInput
              aria-label={t('detailFields.optionN', { n })}
              value={option.text}
              onChange={(event) => update(index, event.currentTarget.value)}
              autoFocus={option.id === focusId}
              style={{ flex: 1 }}
            />
            <ActionIcon variant="subtle" color="gray" aria-label={t('detailFields.moveOptionUp', { n })} disabled={index === 0} onClick={() => move(index, index - 1)}>
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('detailFields.moveOptionDown', { n })}
              disabled={index === value.length - 1}
              onClick={() => move(index, index + 1)}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={t('detailFields.removeOption', { n })} onClick={() => onChange(value.filter((_, i) => i !== index))}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      {error && <Input.Error>{error}</Input.Error>}
      <Group>
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={add}>
          {t('detailFields.addOption')}
        </Button>
      </Group>
    </Stack>
  );
}
