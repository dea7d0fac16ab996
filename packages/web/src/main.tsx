import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createApolloClient } from './app/apollo';
import { initI18n } from './app/i18n';
import { paths } from './app/paths';
import { preloadPages } from './app/router';
import { ViewerQuery } from './features/auth/session';

// Everything the first screen waits for starts now, side by side (bench:web-profile).
// The locale's request first: the page's chunks (dozens, on the browser's six
// connections) would otherwise queue ahead of it, and nothing renders without it.
const i18nReady = initI18n();
preloadPages(window.location.pathname);
const client = createApolloClient();
// Who is signed in, asked before the locale and the page's code have arrived:
// RequireSession's query joins this request or reads its answer. (A refusal
// is RequireSession's to handle, when it asks again.)
if (window.location.pathname !== paths.signIn) client.query({ query: ViewerQuery }).catch(() => undefined);
// Render only once the chosen language is loaded, so the first screen never
// flashes untranslated keys.
void i18nReady.then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
});
