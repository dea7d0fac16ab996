import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A spinner named "Loading…" (a progressbar to assistive technology) where a
 * page will be: while the session is checked (`fullScreen`) or a page's code
 * downloads on its first visit.
 */
export function PageLoader({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Center h={fullScreen ? '100vh' : 240}>
      <Loader role="progressbar" aria-label={t('app.loading')} />
    </Center>
  );
}
