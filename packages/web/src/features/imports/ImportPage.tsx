import { Alert, Button, Group, Loader, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconFileText, IconUpload } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorMessage } from '../../app/errors';
import { useFormat } from '../../app/i18n/format';
import { paths } from '../../app/paths';
import { useSearchParam } from '../../app/url-state';
import { BackLink } from '../../components/BackLink';
import { PageHeader } from '../../components/PageHeader';
import { customerSortParam, SORT_PARAM } from '../customers/sort';
import { ChooseFileStep } from './ChooseFileStep';
import type { ImportKind, ImportPreview } from '@cp/shared';
import { idempotencyKey, previewImport, startImport, type ReadSettings } from './import-api';
import { ImportProgress } from './ImportProgress';
import { ImportResult, wouldAbort } from './ImportResult';
import { MappingStep, type RunChoices } from './MappingStep';
import { isFinished, useImportJob } from './useImportJob';

/** The wizard's steps, in order. */
const STEP = { file: 0, mapping: 1, running: 2, result: 3 } as const;

/** The query-string parameter naming the job the wizard follows. */
const JOB_PARAM = 'job';

/**
 * Customers → Import (and Organizations → Import): choose a file, check the
 * preview and the mapping, run a dry run, then the import, each with a
 * progress bar, and see the result. The file stays in the browser until a
 * run sends it whole; previews send its first bytes. The job followed is in
 * the address (`?job=<id>`), so a reload goes on showing its progress and
 * result; the file is gone then, and importing after a check needs it again.
 */
export function ImportPage({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  // The step before a run: choosing the file, or its preview and columns.
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
  // The job the wizard follows: a dry run, or the real import. Kept in the address for a reload, not as a step:
  // Back leaves the wizard rather than showing an earlier run without its file.
  const [jobParam, setJobParam] = useSearchParam(JOB_PARAM, { history: 'replace' });
  const jobId = jobParam || null;
  const followed = useImportJob(jobId);
  const job = followed.job;
  const finished = job ? isFinished(job) : false;
  // A check's result stays on step 3, Import being its next action; an import's result is step 4.
  const active = jobId === null ? step : finished && job?.dryRun === false ? STEP.result : STEP.running;

  // What a step shows changes by the importer's doing (not on opening the page): the new step's heading takes the focus.
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = `${active}:${finished}`;
  const lastShown = useRef(shown);
  useEffect(() => {
    if (lastShown.current === shown) return;
    lastShown.current = shown;
    heading.current?.focus();
  }, [shown]);

  // The file is on its way to the server: leaving now would lose the run.
  useEffect(() => {
    if (!starting) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [starting]);

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

  /** Starts over with another file (null: none chosen yet). */
  function choose(chosen: File | null) {
    setJobParam('');
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
      const id = await startImport(file, kind, settings, { dryRun, ...choices }, idempotencyKey());
      setJobParam(id);
    } catch (error) {
      setStartError(error);
    } finally {
      setStarting(false);
    }
  }

  function backToColumns() {
    setJobParam('');
    setStep(STEP.mapping);
  }

  const stepHeading = (text: string) => (
    <Title order={2} size="h4" ref={heading} tabIndex={-1} mb="md">
      {text}
    </Title>
  );

  const listPath = kind === 'customers' ? paths.customers : paths.organizations;
  // The records an import created are the newest: the list opens sorted by created date, newest first.
  const createdPath = kind === 'customers' ? `${paths.customers}?${SORT_PARAM}=${customerSortParam({ key: 'created', desc: true })}` : paths.organizations;
  const result = job;
  const another = (
    <Button variant="default" onClick={() => choose(null)}>
      {t('imports.result.another')}
    </Button>
  );
  const resultActions =
    result?.dryRun === false ? (
      <>
        <Button component={Link} to={createdPath}>
          {t(`imports.result.show.${kind}`)}
        </Button>
        {another}
      </>
    ) : file && preview ? (
      <>
        {result?.status === 'SUCCEEDED' && !wouldAbort(result) && (
          <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={() => run(false)} loading={starting}>
            {t('imports.import')}
          </Button>
        )}
        <Button variant="default" onClick={backToColumns}>
          {t('imports.result.backToColumns')}
        </Button>
      </>
    ) : (
      // The page was reloaded after the check: the file stayed in the browser and is gone.
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('imports.result.fileGone')}</Text>
        {another}
      </Stack>
    );

  return (
    <Stack gap="lg">
      <div>
        <BackLink to={listPath} label={t(`nav.${kind}`)} />
        <PageHeader title={t(`imports.title.${kind}`)} description={t(`imports.description.${kind}`)} />
      </div>
      <Stepper active={active} allowNextStepsSelect={false} onStepClick={(target) => target < STEP.running && jobId === null && setStep(target)} size="sm">
        <Stepper.Step label={t('imports.steps.file')} description={t('imports.steps.fileHint')}>
          {stepHeading(t('imports.steps.file'))}
          <ChooseFileStep kind={kind} file={file} loading={previewing} error={step === STEP.file && previewError ? errorMessage(previewError) : undefined} onChoose={choose} />
        </Stepper.Step>
        <Stepper.Step label={t('imports.steps.mapping')} description={t('imports.steps.mappingHint')}>
          {stepHeading(t('imports.steps.mapping'))}
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
            </Stack>
          )}
        </Stepper.Step>
        <Stepper.Step label={t('imports.steps.running')} description={t('imports.steps.runningHint')} loading={active === STEP.running && !finished && job !== null}>
          {stepHeading(t(finished ? 'imports.result.checkTitle' : job?.dryRun === false ? 'imports.progress.importTitle' : 'imports.progress.checkTitle'))}
          {job === null ? (
            <Stack gap="md" align="flex-start">
              <Alert color="yellow" role="alert" title={t('imports.jobMissing.title')}>
                {t('imports.jobMissing.body')}
              </Alert>
              <Button onClick={() => choose(null)}>{t('imports.jobMissing.startOver')}</Button>
            </Stack>
          ) : job && finished ? (
            <ImportResult job={job} followed={followed} actions={resultActions} />
          ) : job ? (
            <ImportProgress job={job} />
          ) : (
            !followed.query.error && <Loader size="sm" aria-label={t('imports.progress.starting')} />
          )}
          {followed.query.error && (
            <Alert color="red" role="alert" mt="md" title={t('imports.progress.lost')}>
              {errorMessage(followed.query.error)}
            </Alert>
          )}
        </Stepper.Step>
        <Stepper.Step label={t('imports.steps.result')} description={t('imports.steps.resultHint')}>
          {stepHeading(t('imports.result.importTitle'))}
          {result && <ImportResult job={result} followed={followed} actions={resultActions} />}
        </Stepper.Step>
      </Stepper>
      {startError !== null && (
        <Alert color="red" title={t('imports.notStarted')} role="alert">
          {errorMessage(startError)}
        </Alert>
      )}
    </Stack>
  );
}
