import { Alert, Button, Group, Stack, Stepper, Text } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../app/errors';
import { useFormat } from '../../app/i18n/format';
import { paths } from '../../app/paths';
import { BackLink } from '../../components/BackLink';
import { PageHeader } from '../../components/PageHeader';
import { ChooseFileStep } from './ChooseFileStep';
import { previewImport, startImport, type ImportKind, type ImportPreview, type ReadSettings } from './import-api';
import { MappingStep, type RunChoices } from './MappingStep';

/** The wizard's steps, in order. */
const STEP = { file: 0, mapping: 1, running: 2, result: 3 } as const;

/** The job the wizard follows: a dry run, or the real import. */
interface StartedJob {
  id: string;
  dryRun: boolean;
}

/**
 * Customers → Import (and Organizations → Import): choose a file, check the
 * preview and the mapping, run a dry run, then the import, each with a
 * progress bar, and see the result. The file stays in the browser until a
 * run sends it whole; previews send its first bytes.
 */
export function ImportPage({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const [step, setStep] = useState<number>(STEP.file);
  const [file, setFile] = useState<File | null>(null);
  const [settings, setSettings] = useState<ReadSettings>({ columns: {} });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  // Failures are kept as they came and said in the language shown now.
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [choices, setChoices] = useState<RunChoices>({ onError: 'abort' });
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const [, setJob] = useState<StartedJob | null>(null);

  // Every file or setting is previewed anew; a newer one cancels the one on its way.
  useEffect(() => {
    if (!file) return;
    const controller = new AbortController();
    setPreviewing(true);
    previewImport(file, kind, settings, controller.signal)
      .then((answer) => {
        setPreview(answer);
        setPreviewError(null);
        setStep((current) => (current === STEP.file ? STEP.mapping : current));
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setPreviewError(error);
      })
      .finally(() => {
        if (!controller.signal.aborted) setPreviewing(false);
      });
    return () => controller.abort();
  }, [file, kind, settings]);

  function choose(chosen: File) {
    setFile(chosen);
    setSettings({ columns: {} });
    setPreview(null);
    setPreviewError(null);
    setStep(STEP.file);
  }

  async function run(dryRun: boolean) {
    if (!file) return;
    setStarting(true);
    setStartError(null);
    try {
      // One key per click: a retried request (network hiccup) then gives back the same job.
      const id = await startImport(file, kind, settings, { dryRun, ...choices }, crypto.randomUUID());
      setJob({ id, dryRun });
      setStep(STEP.running);
    } catch (error) {
      setStartError(error);
    } finally {
      setStarting(false);
    }
  }

  const listPath = kind === 'customers' ? paths.customers : paths.organizations;
  return (
    <Stack gap="lg">
      <div>
        <BackLink to={listPath} label={t(`nav.${kind}`)} />
        <PageHeader title={t(`imports.title.${kind}`)} description={t(`imports.description.${kind}`)} />
      </div>
      <Stepper active={step} allowNextStepsSelect={false} onStepClick={(target) => target < STEP.running && step < STEP.running && setStep(target)} size="sm">
        <Stepper.Step label={t('imports.steps.file')} description={t('imports.steps.fileHint')}>
          <ChooseFileStep kind={kind} file={file} loading={previewing} error={step === STEP.file && previewError ? errorMessage(previewError) : undefined} onChoose={choose} />
        </Stepper.Step>
        <Stepper.Step label={t('imports.steps.mapping')} description={t('imports.steps.mappingHint')}>
          {file && preview && (
            <Stack gap="lg">
              <Group gap="xs">
                <IconFileText size={18} aria-hidden />
                <Text size="sm">{t('imports.chosenFile', { name: file.name, size: format.fileSize(file.size) })}</Text>
                <Button variant="subtle" size="compact-sm" onClick={() => setStep(STEP.file)}>
                  {t('imports.chooseAnother')}
                </Button>
              </Group>
              <MappingStep
                preview={preview}
                settings={settings}
                onSettings={setSettings}
                choices={choices}
                onChoices={setChoices}
                previewing={previewing}
                previewError={previewError ? errorMessage(previewError) : undefined}
                onCheck={() => run(true)}
                starting={starting}
              />
              {startError !== null && (
                <Alert color="red" title={t('imports.notStarted')} role="alert">
                  {errorMessage(startError)}
                </Alert>
              )}
            </Stack>
          )}
        </Stepper.Step>
        <Stepper.Step label={t('imports.steps.running')} description={t('imports.steps.runningHint')} />
        <Stepper.Step label={t('imports.steps.result')} description={t('imports.steps.resultHint')} />
      </Stepper>
    </Stack>
  );
}
