import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { createApolloClient } from './apollo';
import { LocalizedDates } from './i18n/dates';
import { router } from './router';
import { createAppTheme, cssVariablesResolver } from './theme';

export function App() {
  const [client] = useState(createApolloClient);
  const { t } = useTranslation();
  // `t` changes with the language, and with it the names of Mantine's own buttons.
  const theme = useMemo(() => createAppTheme(t), [t]);
  return (
    <ApolloProvider client={client}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <LocalizedDates>
          <Notifications position="top-right" />
          <RouterProvider router={router} />
        </LocalizedDates>
      </MantineProvider>
    </ApolloProvider>
  );
}
