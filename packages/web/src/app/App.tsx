import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { useNotifications } from '@mantine/notifications';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { PageErrorBoundary } from '../components/PageErrorBoundary';
import { PageLoader } from '../components/PageLoader';
import { useEverTrue } from '../components/use-ever-true';
import { lazyNamed } from './lazy-named';
import { AppRoutes } from './router';
import { createAppTheme, cssVariablesResolver } from './theme';

// Toasts are drawn by code that downloads with the first one (notifications.show() only fills a store).
const Toasts = lazyNamed(() => import('./Toasts'), 'Toasts');

/** The whole app, on `client` (main.tsx makes it, to send the first query before React starts). */
export function App({ client }: { client: ApolloClient }) {
  const { t } = useTranslation();
  // `t` changes with the language, and with it the names of Mantine's own buttons.
  const theme = useMemo(() => createAppTheme(t), [t]);
  const notified = useEverTrue(useNotifications().notifications.length > 0);
  return (
    <ApolloProvider client={client}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        {notified && (
          <Suspense fallback={null}>
            <Toasts />
          </Suspense>
        )}
        <BrowserRouter>
          <PageErrorBoundary>
            {/* Until the first page's chunk arrives; later pages load inside the frame (AppLayout). */}
            <Suspense fallback={<PageLoader fullScreen />}>
              <AppRoutes />
            </Suspense>
          </PageErrorBoundary>
        </BrowserRouter>
      </MantineProvider>
    </ApolloProvider>
  );
}
