import type { StoredDetailValue } from '@cp/shared';
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DetailFieldInfo } from './detail-values';

interface DetailValueViewProps {
  field: DetailFieldInfo;
  value: StoredDetailValue | null;
  /** The value as text in the viewer's language (useDetailFormat). */
  text: string | null;
}

/** A value when not editing: contact values as links, options as badges, the rest as formatted text. */
export function DetailValueView({ field, value, text }: DetailValueViewProps) {
  const { t } = useTranslation();
  if (value === null || text === null) {
    return (
      <Text size="sm" c="dimmed">
        {t('details.empty')}
      </Text>
    );
  }
  // Only values the codec accepted reach here, so an URL is http(s) and never a script.
  const href = field.type === 'EMAIL' ? `mailto:${text}` : field.type === 'URL' ? text : field.type === 'PHONE' ? telHref(text) : null;
  if (href) {
    return (
      <Anchor href={href} size="sm" style={{ overflowWrap: 'anywhere' }} {...(field.type === 'URL' ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
        {text}
      </Anchor>
    );
  }
  if (field.type === 'MULTI_SELECT' && Array.isArray(value)) {
    return (
      <Group gap={4}>
        {value.map((option) => (
          <Badge key={option} variant="light" radius="sm">
            {option}
          </Badge>
        ))}
      </Group>
    );
  }
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {text}
    </Text>
  );
}

/** RFC 3966: no spaces, and the extension as a parameter, so phones dial the extension too. */
function telHref(phone: string): string {
  const [number = '', extension] = phone.split(/\s*(?:x|ext\.?|extension)\s*/i);
  return `tel:${number.replace(/\s+/g, '')}${extension ? `;ext=${extension}` : ''}`;
}
