import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API listens here in development; in production it serves dist/ itself.
const api = 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // The API consumes @cp/shared's CommonJS build; the browser bundles its
      // TypeScript source directly so no build step sits between them.
      '@cp/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)),
    },
  },
  build: {
    // dist/.vite/manifest.json: which chunks each lazily loaded page needs, read by `pnpm bench:web`.
    // (The API's static handler ignores dot-directories, so it is not served.)
    manifest: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: separate chunks stay
        // cached across deploys and keep each file a sensible size.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui|@tabler)[\\/]/ },
            { name: 'apollo', test: /node_modules[\\/](@apollo|@wry|graphql|optimism|rxjs)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // Same-origin in development too, so the session cookie and CSRF rules
    // behave exactly as they do when the API serves the built app.
    proxy: {
      '/graphql': api,
      '/api': api,
    },
  },
});
