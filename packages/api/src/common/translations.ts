import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInstance, type i18n } from 'i18next';
import { problemText, translateProblem, withEnglishProblems, type Problem } from '@cp/shared';

/**
 * The web app's locale files: files the API writes for a person (the import
 * errors CSV) say things in their language with the texts the app shows,
 * not a second translation. Beside `web/dist`, which the API serves too.
 */
const LOCALES = path.join(__dirname, '../../../web/src/app/i18n/locales');
const ENGLISH = 'en';

let loaded: i18n | undefined;

/** One i18next instance over every locale file, read at first use (i18next as the web app runs it, without HTML escaping: the texts go into CSV). */
function translations(): i18n {
  if (loaded) return loaded;
  const languages = readdirSync(LOCALES)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length));
  const resources = Object.fromEntries(
    languages.map((language) => {
      const texts = JSON.parse(readFileSync(path.join(LOCALES, `${language}.json`), 'utf8')) as { problems?: object };
      return [language, { translation: language === ENGLISH ? withEnglishProblems(texts) : texts }];
    }),
  );
  const instance = createInstance({ resources, lng: ENGLISH, fallbackLng: ENGLISH, supportedLngs: languages, interpolation: { escapeValue: false }, initAsync: false });
  void instance.init();
  loaded = instance;
  return instance;
}

/** A text in one language: `text(key)` for a locale key (`imports.result.line`), `problem(p)` for a problem. */
export interface Texts {
  language: string;
  text: (key: string) => string;
  problem: (p: Problem) => string;
}

/**
 * The texts of the language `requested` names (a code the web app ships,
 * `ja`, or a regional tag of one, `ja-JP`), else English. Problems in
 * English are the API's own `message` (`problemText`); in another language
 * they are the web app's translation (`translateProblem` over its locale file).
 */
export function textsIn(requested: unknown): Texts {
  const instance = translations();
  const base = typeof requested === 'string' ? requested.split('-')[0].toLowerCase() : '';
  const language = base !== ENGLISH && instance.options.resources?.[base] ? base : ENGLISH;
  const t = instance.getFixedT(language);
  const lookUp = (key: string, options: Record<string, unknown> = {}) => String(t(key as never, options as never));
  return { language, text: (key) => lookUp(key), problem: language === ENGLISH ? problemText : (p) => translateProblem(lookUp, p) };
}
