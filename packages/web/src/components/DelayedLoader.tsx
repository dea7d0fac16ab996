import { Center, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** How long code may take to arrive before a spinner says so: a shorter wait only flashes it. */
export const LOADER_DELAY_MS = 300;

/**
 * The fallback of a <Suspense> around code loaded lazily within a page (a
 * tab's panel, a dialog): nothing for the first LOADER_DELAY_MS, then a
 * spinner named "Loading…" (a progressbar to assistive technology), in the
 * flow where a panel will be, or in the middle of the window (`dialog`),
 * where the dialog will open, over the page without blocking it.
 */
export function DelayedLoader({ dialog = false }: { dialog?: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setShown(true), LOADER_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, []);
  if (!shown) return null;
  return (
    <Center py="xl" {...(dialog && { pos: 'fixed', inset: 0, style: { pointerEvents: 'none', zIndex: 'var(--mantine-z-index-modal)' } })}>
      <Loader role="progressbar" aria-label={t('app.loading')} />
    </Center>
  );
}
