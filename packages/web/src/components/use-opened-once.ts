import { useState } from 'react';

/**
 * True from the first time `opened` is true on. A dialog whose code loads
 * lazily renders from then on: not before (its code is not downloaded until
 * someone opens it), and not only while open (it keeps its closing animation).
 */
export function useOpenedOnce(opened: boolean): boolean {
  const [once, setOnce] = useState(opened);
  // Derived from a prop, so set during render: React renders again at once, before painting.
  if (opened && !once) setOnce(true);
  return once;
}
