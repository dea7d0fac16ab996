import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createApolloClient } from './app/apollo';
import { initI18n } from './app/i18n';
import { paths } from './app/paths';
import { prefetchPageData, preloadPages } from './app/router';
import { ViewerQuery } from './features/auth/session';

// Everything the first screen waits for starts now, side by side (bench:web-profile).
const i18nReady = initI18n();
const client = createApolloClient();
// Who is signed in, asked before the locale and the page's code have arrived:
// RequireSession's query joins this request or reads its answer. (A refusal
// is RequireSession's to handle, when it asks again.)
if (window.location.pathname !== paths.signIn) client.query({ query: ViewerQuery }).catch(() => undefined);
// The queries the page asks first, beside it; then its code, in a later task:
// the locale's import() leaves from a promise callback, and the page's dozens
// of chunks would otherwise take the browser's six connections ahead of it.
prefetchPageData(window.location, client);
const pageCode = new Promise((resolve) => window.setTimeout(resolve, 0)).then(() => preloadPages(window.location.pathname));
// Render only once the chosen language is loaded, so the first screen never
// flashes untranslated keys, and the page's code: a page that suspends shows
// the loader, and React then holds the page back for up to 300 ms more.
void Promise.all([i18nReady, pageCode]).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
});
