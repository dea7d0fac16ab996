import { Button } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import type { ImportKind } from '@cp/shared';

/** "Import" beside a list's "Export": the way to the list's import wizard. */
export function ImportButton({ list }: { list: ImportKind }) {
  const { t } = useTranslation();
  return (
    <Button
      component={Link}
      to={list === 'customers' ? paths.customersImport : paths.organizationsImport}
      variant="default"
      leftSection={<IconUpload size={16} aria-hidden />}
      // The accessible name starts with the visible word (WCAG 2.5.3) and says what is imported.
      aria-label={t(`imports.open.${list}`)}
    >
      {t('imports.button')}
    </Button>
  );
}
