import { useMergedRef } from '@mantine/hooks';
import type { Ref } from 'react';

/**
 * `useMergeRefs` of @floating-ui/react, for Mantine's ScrollArea only (see
 * scroll-area-refs.plugin.ts): one callback ref that sets every ref in `refs`
 * (objects get `.current`, callbacks are called, React 19 cleanups kept);
 * `refs` has the same length on every render, as hooks need.
 */
export function useMergeRefs<T>(refs: ReadonlyArray<Ref<T> | undefined>): (node: T | null) => void {
  return useMergedRef(...refs);
}
