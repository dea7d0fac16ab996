import 'i18next';
import type { ENTITIES, PROBLEM_TEXT } from '@cp/shared';
import type en from './locales/en.json';

// English is the source of truth: a key missing from it is a type error.
declare module 'i18next' {
  interface CustomTypeOptions {
    // English problem texts come from @cp/shared at load time (see index.ts).
    resources: { translation: typeof en & { problems: typeof PROBLEM_TEXT & { entities: typeof ENTITIES } } };
  }
}
