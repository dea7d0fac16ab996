import { identifierRefusal, parseIdentifiers, type Identifier } from '@cp/shared';
import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../../app/problems';

type Refused = Extract<Identifier, { kind: 'invalid' }>;
type Accepted = Exclude<Identifier, Refused>;

/** Reads pasted text exactly as the API will (shared parser), so the preview never disagrees with the result. */
export function readIdentifiers(text: string) {
  const entries = parseIdentifiers(text);
  return {
    valid: entries.filter((entry): entry is Accepted => entry.kind !== 'invalid'),
    invalid: entries.filter((entry): entry is Refused => entry.kind === 'invalid'),
  };
}

/** An accepted entry as it will be stored: the name given with the address, then the address; or the username. */
function entryLabel(entry: Accepted): string {
  if (entry.kind === 'username') return entry.username;
  return entry.displayName ? `${entry.displayName} <${entry.email}>` : entry.email;
}

/** What will be added and what skipped (with the API's reason, translated), updated as the person types. */
export function IdentifiersPreview({ text }: { text: string }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const { valid, invalid } = readIdentifiers(text);
  if (valid.length + invalid.length === 0) return null;
  return (
    <Stack gap={6} aria-live="polite">
      <Text size="sm" c={valid.length > 0 ? 'teal.8' : 'dimmed'} fw={500}>
        {t('addCustomers.validCount', { count: valid.length })}
      </Text>
      {valid.length > 0 && (
        <Group gap={4} role="list" aria-label={t('addCustomers.validEntries')} mah={96} style={{ overflowY: 'auto' }}>
          {valid.map((entry) => (
            <Badge key={entry.input} role="listitem" color="teal" variant="light" radius="sm" tt="none">
              {entryLabel(entry)}
            </Badge>
          ))}
        </Group>
      )}
      {invalid.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" c="red.8">
            {t('addCustomers.invalidCount', { count: invalid.length })}
          </Text>
          <List size="sm" c="red.8" spacing={2} aria-label={t('addCustomers.invalidEntries')} mah={120} style={{ overflowY: 'auto' }}>
            {invalid.map((entry) => (
              <List.Item key={entry.input}>{problemText(identifierRefusal(entry.input, entry.problem))}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
