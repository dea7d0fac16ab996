import type { KeyboardEvent } from 'react';

/**
 * Whether this key press means "leave the in-place editor as it was": Escape,
 * unless a control inside already used it, or it closes an open list (a
 * select's options): that Escape only closes the list, it must not throw the
 * edit away.
 */
export function leavesEditor(event: KeyboardEvent<HTMLElement>): boolean {
  if (event.key !== 'Escape' || event.defaultPrevented) return false;
  const target = event.target instanceof Element ? event.target : null;
  // Mantine marks an open combobox's input this way (its modals leave such an Escape alone too).
  return !(target?.getAttribute('aria-expanded') === 'true' || target?.hasAttribute('data-mantine-stop-propagation'));
}
