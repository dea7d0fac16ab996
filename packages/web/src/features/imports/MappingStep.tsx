import { Alert, Box, Button, Group, Radio, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconFileCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../../app/problems';
import { IMPORT_DELIMITER_NAMES, IMPORT_ENCODINGS, type ImportOnError, type ImportPreview, type PreviewColumn, type PreviewTarget } from '@cp/shared';
import { IMPORT_DATE_FORMATS, type ImportDateFormat, type ReadSettings } from './import-api';
import classes from './preview-scroll.module.css';
import { useTargetLabel } from './target-label';

/** The Select value of "Don't import": no target is a dash (built-in names are words, field keys start with a letter). */
const LEAVE_OUT = '-';
/** The Select value of "only YYYY-MM-DD". */
const ISO_ONLY = 'iso';

/** What the importer chose besides how to read the file. */
export interface RunChoices {
  onError: ImportOnError;
  dateFormat?: ImportDateFormat;
}

interface MappingStepProps {
  preview: ImportPreview;
  settings: ReadSettings;
  onSettings: (settings: ReadSettings) => void;
  choices: RunChoices;
  onChoices: (choices: RunChoices) => void;
  /** While a new preview for changed settings is on its way. */
  previewing: boolean;
  /** Why the last settings could not be previewed, in the viewer's language (the previous preview's rows are then hidden: they are not what would be read). */
  previewError?: string;
  /** Starts the dry run. */
  onCheck: () => void;
  /** While the dry run is being started. */
  starting: boolean;
}

/**
 * Step 2: how the file is read (encoding, delimiter, date format), what
 * each column fills (a Select per column over the first rows, its header
 * problem beside it), what a bad row does, and "Check file" (the dry run).
 * The API maps the columns: every change here is a new preview.
 */
export function MappingStep({ preview, settings, onSettings, choices, onChoices, previewing, previewError, onCheck, starting }: MappingStepProps) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const targetLabel = useTargetLabel();
  const fileProblems = preview.problems.filter((p) => p.position === null);
  const blocked = preview.problems.length > 0 || preview.fileProblem !== null || previewError !== undefined;
  const unknown = preview.columns.filter((column) => column.problem?.reason === 'IMPORT_UNKNOWN_COLUMN');

  // A new encoding or delimiter can change the header, so earlier column choices no longer apply.
  const read = (change: Partial<ReadSettings>) => onSettings({ ...settings, ...change, columns: {} });
  const choose = (column: PreviewColumn, value: string | null) =>
    onSettings({ ...settings, columns: { ...settings.columns, [column.position]: value === LEAVE_OUT || value === null ? '' : value } });
  const leaveOutUnknown = () => onSettings({ ...settings, columns: { ...settings.columns, ...Object.fromEntries(unknown.map((column) => [column.position, ''])) } });
  const targetOptions = [{ value: LEAVE_OUT, label: t('imports.leaveOut') }, ...preview.targets.map((target: PreviewTarget) => ({ value: target.target, label: targetLabel(target) }))];
  // A column without a target but with a problem still needs a choice; one without either is left out.
  const selected = (column: PreviewColumn) => column.target ?? (column.problem ? null : LEAVE_OUT);

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('imports.encoding')}
          data={[...IMPORT_ENCODINGS]}
          value={settings.encoding ?? preview.encoding}
          onChange={(encoding) => encoding && read({ encoding })}
          allowDeselect={false}
        />
        <Select
          label={t('imports.delimiter')}
          data={IMPORT_DELIMITER_NAMES.map((d) => ({ value: d, label: t(`imports.delimiters.${d}`) }))}
          value={settings.delimiter ?? preview.delimiter}
          onChange={(delimiter) => delimiter && read({ delimiter })}
          allowDeselect={false}
        />
        <Select
          label={t('imports.dateFormat')}
          description={t('imports.dateFormatHint')}
          data={[{ value: ISO_ONLY, label: t('imports.isoOnly') }, ...IMPORT_DATE_FORMATS.map((f) => ({ value: f, label: f }))]}
          value={choices.dateFormat ?? ISO_ONLY}
          onChange={(format) => onChoices({ ...choices, dateFormat: format && format !== ISO_ONLY ? (format as ImportDateFormat) : undefined })}
          allowDeselect={false}
        />
      </SimpleGrid>

      {previewError ? (
        <Alert color="red" title={t('imports.previewRefused')} role="alert">
          {previewError}
        </Alert>
      ) : (
        <>
          {preview.fileProblem && (
            <Alert color="red" title={t('imports.fileProblem')} role="alert">
              {problemText(preview.fileProblem)}
            </Alert>
          )}
          {fileProblems.map((p) => (
            <Alert key={p.reason} color="red" title={t('imports.headerProblem')}>
              {problemText(p)}
            </Alert>
          ))}
          {unknown.length > 0 && (
            <Group>
              <Button variant="default" size="xs" onClick={leaveOutUnknown}>
                {t('imports.leaveOutUnknown', { count: unknown.length })}
              </Button>
            </Group>
          )}
        </>
      )}

      {/* The rows of the settings refused are not what would be read: none are shown until settings read. */}
      {previewError === undefined && (
      <Stack gap={4}>
        {/* A wide file scrolls sideways: by keyboard too, so the scroll area takes the focus. */}
        <Box role="region" aria-label={t('imports.previewScroll')} tabIndex={0} className={classes.scroll}>
          <Table
            withTableBorder
            withColumnBorders
            verticalSpacing="xs"
            miw={Math.max(480, preview.columns.length * 200)}
            aria-describedby="import-preview-hint import-cells-hint"
            aria-busy={previewing}
            style={{ opacity: previewing ? 0.6 : 1 }}
          >
            <caption style={{ textAlign: 'start', captionSide: 'top', fontWeight: 600, paddingBottom: 4 }}>{t('imports.previewTable')}</caption>
            <Table.Thead>
              <Table.Tr>
                {preview.columns.map((column) => (
                  <Table.Th key={column.position} scope="col" style={{ verticalAlign: 'top', minWidth: 180 }}>
                    <Text fw={700} size="sm">
                      {column.header || t('imports.unnamedColumn', { position: column.position })}
                    </Text>
                    <Select
                      mt={4}
                      size="xs"
                      aria-label={t('imports.columnTarget', { column: column.header || column.position })}
                      placeholder={t('imports.chooseTarget')}
                      data={targetOptions}
                      value={selected(column)}
                      onChange={(value) => choose(column, value)}
                      error={column.problem ? problemText(column.problem) : undefined}
                      allowDeselect={false}
                      searchable
                    />
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((row, index) => (
                <Table.Tr key={index}>
                  {preview.columns.map((column) => (
                    <Table.Td key={column.position} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {row[column.position - 1] ?? ''}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
        <Text size="sm" c="dimmed" id="import-preview-hint">
          {t('imports.previewHint', { count: preview.rows.length })}
        </Text>
        <Text size="sm" c="dimmed" id="import-cells-hint">
          {t('imports.cellsHint')}
        </Text>
      </Stack>
      )}

      <Radio.Group label={t('imports.onError')} value={choices.onError} onChange={(onError) => onChoices({ ...choices, onError: onError as ImportOnError })}>
        <Stack gap="xs" mt="xs">
          <Radio value="abort" label={t('imports.onErrorAbort')} />
          <Radio value="skip" label={t('imports.onErrorSkip')} />
        </Stack>
      </Radio.Group>

      <Group>
        <Button leftSection={<IconFileCheck size={16} aria-hidden />} onClick={onCheck} loading={starting} disabled={blocked || previewing}>
          {t('imports.check')}
        </Button>
        {preview.problems.length > 0 && !previewError && (
          <Text size="sm" c="var(--mantine-color-error)">
            {t('imports.fixColumnsFirst')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
