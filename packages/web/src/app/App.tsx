import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { useNotifications } from '@mantine/notifications';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { PageLoader } from '../components/PageLoader';
import { useOpenedOnce } from '../components/use-opened-once';
import { createApolloClient } from './apollo';
import { lazyNamed } from './lazy-named';
import { router } from './router';
import { createAppTheme, cssVariablesResolver } from './theme';

// Toasts are drawn by code that downloads with the first one (notifications.show() only fills a store).
const Toasts = lazyNamed(() => import('./Toasts'), 'Toasts');

export function App() {
  const [client] = useState(createApolloClient);
  const { t } = useTranslation();
  // `t` changes with the language, and with it the names of Mantine's own buttons.
  const theme = useMemo(() => createAppTheme(t), [t]);
  const notified = useOpenedOnce(useNotifications().notifications.length > 0);
  return (
    <ApolloProvider client={client}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        {notified && (
          <Suspense fallback={null}>
            <Toasts />
          </Suspense>
        )}
        {/* Until the first page's chunk arrives; later pages load inside the frame (AppLayout). */}
        <Suspense fallback={<PageLoader fullScreen />}>
          <RouterProvider router={router} />
        </Suspense>
      </MantineProvider>
    </ApolloProvider>
  );
}
