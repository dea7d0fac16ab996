import { Alert, Anchor, FileInput, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileUpload } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/i18n/format';
import type { ImportKind } from '@cp/shared';
import { templateUrl } from './import-api';

interface ChooseFileStepProps {
  kind: ImportKind;
  file: File | null;
  /** While the chosen file is being previewed. */
  loading: boolean;
  /** Why the file cannot be previewed, in the viewer's language. */
  error?: string;
  onChoose: (file: File) => void;
}

/**
 * Step 1: a drop zone around a file input (the input is the accessible
 * way; dropping is a shortcut), the chosen file's name and size, and the
 * template to start from.
 */
export function ChooseFileStep({ kind, file, loading, error, onChoose }: ChooseFileStepProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [dragging, setDragging] = useState(false);

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onChoose(dropped);
  }

  return (
    <Stack>
      <Paper
        withBorder
        p="xl"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: dragging ? 'var(--mantine-primary-color-filled)' : undefined }}
      >
        <Stack align="center" gap="sm">
          <IconFileUpload size={40} stroke={1.5} aria-hidden />
          <Text fw={500}>{t('imports.dropHere')}</Text>
          <FileInput
            label={t('imports.file')}
            description={t('imports.fileHint')}
            accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
            value={file}
            onChange={(chosen) => chosen && onChoose(chosen)}
            w="100%"
            maw={420}
          />
        </Stack>
      </Paper>
      {file && (
        <Group gap="xs" aria-live="polite">
          {loading && <Loader size="xs" aria-hidden />}
          <Text size="sm">{t('imports.chosenFile', { name: file.name, size: format.fileSize(file.size) })}</Text>
        </Group>
      )}
      {error && (
        <Alert color="red" title={t('imports.fileRefused')} role="alert">
          {error}
        </Alert>
      )}
      <Group gap="xs">
        <IconDownload size={16} aria-hidden />
        <Anchor href={templateUrl(kind)} download>
          {t('imports.template')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('imports.templateHint')}
        </Text>
      </Group>
    </Stack>
  );
}
