import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { graphqlDocuments } from './graphql-documents.plugin.ts';
import { scrollAreaRefs } from './scroll-area-refs.plugin.ts';

// The API listens here in development; in production it serves dist/ itself.
const api = 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [
    graphqlDocuments(),
    scrollAreaRefs(),
    react(),
    // Brotli and gzip copies beside each asset (X.js.br, X.js.gz), made once here at the strongest settings rather
    // than per request: the API sends the one the browser accepts (packages/api/src/http/app.ts). Below 1 kB the
    // headers outweigh the saving.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css)$/, threshold: 1024 }),
  ],
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
        // Libraries every screen needs change far less often than the app:
        // chunks of their own stay cached across deploys. Only those: a group
        // takes every module it matches, so a group for Mantine or for all of
        // node_modules would put what a single page uses (the calendar, drag
        // and drop) into the first screen's download too.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'apollo', test: /node_modules[\\/](@apollo|@wry|graphql|optimism|rxjs)[\\/]/, priority: 2 },
            // The rest of what the entry imports statically, which every screen loads before drawing anything:
            // one file, not the 14 small ones (a Mantine component each) that shared modules split into. Pages'
            // small shared chunks stay apart: every group tried for them (shared by 2+ pages, small modules only,
            // entriesAware with merging) added 25-75 kB gzip to the sign-in and customers screens (bench:web).
            { name: 'initial', tags: ['$initial'], priority: 1 },
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
