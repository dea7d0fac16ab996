/** Languages the UI ships in, with their names written in that language. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'ja', name: '日本語' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

export const FALLBACK_LANGUAGE: Language = 'en';
const STORAGE_KEY = 'cp.language';

function isLanguage(value: string | null | undefined): value is Language {
  return LANGUAGES.some((l) => l.code === value);
}

/** The saved choice first, then the browser's preferences, then English. */
export function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(saved)) return saved;
  for (const tag of navigator.languages) {
    const base = tag.split('-')[0];
    if (isLanguage(base)) return base;
  }
  return FALLBACK_LANGUAGE;
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}

/** i18next may report a region variant or `cimode`; map it onto what we ship. */
export function toLanguage(resolved: string | undefined): Language {
  const base = resolved?.split('-')[0];
  return isLanguage(base) ? base : FALLBACK_LANGUAGE;
}
