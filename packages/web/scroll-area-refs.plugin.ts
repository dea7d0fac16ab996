import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const shim = fileURLToPath(new URL('./src/app/merge-refs.ts', import.meta.url));

/**
 * Builds only: Mantine's ScrollArea takes one small hook, `useMergeRefs`, from
 * @floating-ui/react; this gives it the same hook from src/app/merge-refs.ts.
 * Chunks hold whole modules, and Mantine's Table imports ScrollArea (for
 * Table.ScrollContainer), so without this every screen with a table
 * downloaded the part of @floating-ui/react that the app's popovers, menus,
 * selects and tooltips use (17 kB gzip with @floating-ui/dom and core), even
 * with none of them on it. Popovers and the rest still import the real one.
 */
export function scrollAreaRefs(): Plugin {
  return {
    name: 'cp:scroll-area-refs',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromScrollArea = importer !== undefined && /[\\/]@mantine[\\/]core[\\/]esm[\\/]components[\\/]ScrollArea[\\/]ScrollArea\.mjs$/.test(importer);
      return source === '@floating-ui/react' && fromScrollArea ? shim : null;
    },
  };
}
