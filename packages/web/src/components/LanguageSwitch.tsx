import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, rememberLanguage, toLanguage, type Language } from '../app/i18n/languages';

/**
 * Each option is labelled in its own language ("English", "日本語"), so
 * people — and tests — find their way back whatever language is showing.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={toLanguage(i18n.resolvedLanguage)}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
      onChange={(value) => {
        const language = value as Language;
        rememberLanguage(language);
        void i18n.changeLanguage(language);
      }}
    />
  );
}
