import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createApolloClient } from './apollo';
import { LocalizedDates } from './i18n/dates';
import { router } from './router';
import { theme } from './theme';

export function App() {
  const [client] = useState(createApolloClient);
  return (
    <ApolloProvider client={client}>
      <MantineProvider theme={theme}>
        <LocalizedDates>
          <Notifications position="top-right" />
          <RouterProvider router={router} />
        </LocalizedDates>
      </MantineProvider>
    </ApolloProvider>
  );
}
