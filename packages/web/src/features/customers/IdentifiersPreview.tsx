import { classifyIdentifier, splitIdentifiers } from '@cp/shared';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Reads pasted text exactly as the API will (shared codecs), so the preview never disagrees with the result. */
export function readIdentifiers(text: string) {
  const entries = splitIdentifiers(text).map(classifyIdentifier);
  return {
    entries,
    valid: entries.filter((entry) => entry.kind !== 'invalid').length,
    invalid: entries.filter((entry) => entry.kind === 'invalid').map((entry) => entry.input),
  };
}

/** What will be added, updated as the person types. */
export function IdentifiersPreview({ text }: { text: string }) {
  const { t } = useTranslation();
  const { entries, valid, invalid } = readIdentifiers(text);
  if (entries.length === 0) return null;
  return (
    <Stack gap={6} aria-live="polite">
      <Text size="sm" c={valid > 0 ? 'teal.8' : 'dimmed'} fw={500}>
        {t('addCustomers.validCount', { count: valid })}
      </Text>
      {invalid.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" c="red.8">
            {t('addCustomers.invalidCount', { count: invalid.length })}
          </Text>
          <Group gap={4}>
            {invalid.map((input) => (
              <Badge key={input} color="red" variant="light" radius="sm">
                {input}
              </Badge>
            ))}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
