import { isValidElement, lazy, type ComponentType } from 'react';

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

/** The preload() of the component `node` is an element of, when lazyNamed made it; undefined for anything else. */
export function preloadOf(node: unknown): (() => Promise<unknown>) | undefined {
  return isValidElement(node) ? (node.type as { preload?: () => Promise<unknown> }).preload : undefined;
}

/**
 * Pointer and focus handlers for the control that will open a component made
 * by lazyNamed (a dialog, a tab): its code starts downloading as the visitor
 * gets there, so it is mostly in by the click. A failed download shows where
 * the component renders (its error boundary), from the same promise.
 */
export function prefetchOn(preload: () => Promise<unknown>) {
  const start = () => void preload().catch(() => undefined);
  return { onPointerEnter: start, onFocus: start };
}
