import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/ja';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toLanguage } from './languages';

/** Date pickers name months and weekdays in the UI language, not the browser's. */
export function LocalizedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <DatesProvider settings={{ locale: toLanguage(i18n.resolvedLanguage) }}>{children}</DatesProvider>;
}
