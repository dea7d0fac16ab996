import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { withEnglishProblems } from '@cp/shared';
import { FALLBACK_LANGUAGE, LANGUAGES, initialLanguage } from './languages';

/**
 * Loads one locale file on demand, so a session only downloads the language it
 * shows (plus English, the fallback for any key a translation lacks).
 */
const lazyLocales: BackendModule = {
  type: 'backend',
  callbackApi: false,
  init() {},
  read(language: string) {
    // English problem texts are the API's own templates (@cp/shared), not a copy that could drift.
    return import(`./locales/${language}.json`).then((module: { default: Record<string, object> }) =>
      language === FALLBACK_LANGUAGE ? withEnglishProblems(module.default) : module.default,
    );
  },
};

export async function initI18n(): Promise<void> {
  await i18n
    .use(lazyLocales)
    .use(initReactI18next)
    .init({
      lng: initialLanguage(),
      fallbackLng: FALLBACK_LANGUAGE,
      supportedLngs: LANGUAGES.map((l) => l.code),
      // React escapes rendered text already.
      interpolation: { escapeValue: false },
      // Ask for the locale within this call, not on a later timer: main.tsx calls this before queuing the page's chunks.
      initAsync: false,
    });
  document.documentElement.lang = i18n.resolvedLanguage ?? FALLBACK_LANGUAGE;
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
}
