import { useState } from 'react';

/**
 * True from the first render where `value` is true on. Code loaded lazily
 * renders from then on: a dialog from its first opening (not before, so its
 * code is not downloaded until then; not only while open, so it keeps its
 * closing animation), the toasts from the first toast.
 */
export function useEverTrue(value: boolean): boolean {
  const [ever, setEver] = useState(value);
  // Derived from a prop, so set during render: React renders again at once, before painting.
  if (value && !ever) setEver(true);
  return ever;
}
