import 'i18next';
import type en from './locales/en.json';

// English is the source of truth: a key missing from it is a type error.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}
