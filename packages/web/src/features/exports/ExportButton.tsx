import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { exportUrl, type ExportArguments } from './export-url';

interface ExportButtonProps {
  list: 'customers' | 'organizations';
  /** The variables the list's query uses now, so the file holds what the list shows (every page of it). */
  args: ExportArguments;
  /** While the list cannot run its query (filters that no longer apply), neither can the export. */
  disabled?: boolean;
}

/**
 * Downloads the list as CSV: a plain link the browser downloads itself
 * (same origin, so the session cookie goes along; the API streams the file).
 */
export function ExportButton({ list, args, disabled }: ExportButtonProps) {
  const { t } = useTranslation();
  const icon = <IconDownload size={16} aria-hidden />;
  // The accessible name starts with the visible word (WCAG 2.5.3) and says what is exported.
  const label = t(`exports.${list}`);
  if (disabled) {
    return (
      <Button variant="default" leftSection={icon} disabled aria-label={label}>
        {t('exports.button')}
      </Button>
    );
  }
  return (
    <Button component="a" href={exportUrl(list, args)} download variant="default" leftSection={icon} aria-label={label}>
      {t('exports.button')}
    </Button>
  );
}
