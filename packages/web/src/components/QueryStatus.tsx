import { Alert, Button, Center, Group, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/errors';

interface QueryStatusProps {
  error: unknown;
  onRetry: () => Promise<unknown>;
}

/** What a page shows while its query has no data: a spinner, or the failure and a retry. */
export function QueryStatus({ error, onRetry }: QueryStatusProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  if (!error) {
    return (
      <Center py="xl">
        {/* A bare span may not carry a name: the role makes the label count (axe aria-prohibited-attr). */}
        <Loader role="progressbar" aria-label={t('app.loading')} />
      </Center>
    );
  }
  return (
    <Alert color="red" title={t('errors.title')}>
      {errorMessage(error)}
      <Group mt="sm">
        {/* A failed retry comes back through `error`; the rejection itself needs no handling. */}
        <Button size="xs" variant="white" color="red" onClick={() => onRetry().catch(() => undefined)}>
          {t('app.retry')}
        </Button>
      </Group>
    </Alert>
  );
}
