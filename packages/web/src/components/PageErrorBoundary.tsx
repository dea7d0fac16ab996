import { Alert, Button, Center, Stack } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PageErrorBoundaryProps {
  children: ReactNode;
  /** A change (the address) clears a failure: going to another page tries that page. */
  resetKey?: string;
}

/**
 * What a page that failed to render shows instead of a blank screen. Most
 * often its code could not be downloaded (offline, or a deploy replaced the
 * files since this tab loaded): trying again reloads the app, with the current
 * files.
 */
export class PageErrorBoundary extends Component<PageErrorBoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidUpdate(previous: PageErrorBoundaryProps) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  render() {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

function PageFailed() {
  const { t } = useTranslation();
  return (
    <Center p="xl">
      <Stack align="center">
        <Alert color="red" title={t('errors.title')}>
          {t('errors.UNKNOWN')}
        </Alert>
        <Button onClick={() => window.location.reload()}>{t('app.retry')}</Button>
      </Stack>
    </Center>
  );
}
