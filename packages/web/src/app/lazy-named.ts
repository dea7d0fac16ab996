import { createElement, isValidElement, lazy, useState, type ComponentProps, type ComponentType } from 'react';

/**
 * React.lazy for a module that exports its component by name:
 * `lazyNamed(() => import('./CustomersPage'), 'CustomersPage')`. The module
 * becomes a chunk of its own, downloaded at the component's first render (a
 * <Suspense> above shows its fallback until then) or at `preload()`, whichever
 * comes first. Mounted once the module is in, it renders at once: React.lazy
 * suspends once even on a settled promise, and React then holds the revealed
 * content back up to 300 ms after the fallback (its FALLBACK_THROTTLE_MS;
 * 177 ms of a cold profile load in a trace, bench:web-profile).
 */
// `any` props as React.lazy itself takes them: the component keeps its own props type.
export function lazyNamed<K extends string, M extends Record<K, ComponentType<any>>>(load: () => Promise<M>, name: K) {
  let loading: Promise<{ default: M[K] }> | undefined;
  let loaded: M[K] | undefined;
  const preload = () =>
    (loading ??= load().then((module) => {
      loaded = module[name];
      return { default: module[name] };
    }));
  const Lazy = lazy(preload);
  function LazyNamed(props: ComponentProps<M[K]>) {
    // Chosen once per mount: switching from Lazy to the component would remount it and lose its state.
    const [component] = useState<ComponentType<any>>(() => loaded ?? Lazy);
    return createElement(component, props);
  }
  return Object.assign(LazyNamed, { preload });
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
