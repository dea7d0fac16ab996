import { lazy, type ComponentType } from 'react';

/**
 * React.lazy for a module that exports its component by name:
 * `lazyNamed(() => import('./CustomersPage'), 'CustomersPage')`. The module
 * becomes a chunk of its own, downloaded at the component's first render (a
 * <Suspense> above shows its fallback until then) or at `preload()`, whichever
 * comes first.
 */
// `any` props as React.lazy itself takes them: the component keeps its own props type.
export function lazyNamed<K extends string, M extends Record<K, ComponentType<any>>>(load: () => Promise<M>, name: K) {
  let loading: Promise<{ default: M[K] }> | undefined;
  const preload = () => (loading ??= load().then((module) => ({ default: module[name] })));
  return Object.assign(lazy(preload), { preload });
}
