import { isProblem, type Problem, type ProblemParam } from '@cp/shared';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A problem (a stable reason and its params, from an API error's
 * `extensions` or a per-entry result) in the viewer's language: the template
 * is `problems.<REASON>`; nested problems are translated first, lists joined
 * with the language's separator, `entity` params become nouns
 * (`problems.entities.<ENTITY>`) and `field` params the input's name
 * (`problems.fields.<field>`).
 */
export function translateProblem(t: TFunction, problem: Problem): string {
  const params: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(problem.params) as Array<[string, ProblemParam]>) {
    if (isProblem(value)) params[name] = translateProblem(t, value);
    else if (Array.isArray(value)) params[name] = value.join(t('problems.listSeparator'));
    else if (name === 'entity') params[name] = t(`problems.entities.${value as string}`, { defaultValue: String(value) });
    // An input's API name (`displayName`) becomes the word the form shows; an unlisted one stays as it is.
    else if (name === 'field' && typeof value === 'string' && value !== '') params[name] = t(`problems.fields.${value}`, { defaultValue: value });
    else params[name] = value as string | number | boolean;
  }
  // Params are checked against the templates by a test (problems.test.ts), not by the key's type.
  return String(t(`problems.${problem.reason}` as never, params as never));
}

/** `translateProblem` bound to the current language. */
export function useProblemText(): (problem: Problem) => string {
  const { t } = useTranslation();
  return useCallback((problem: Problem) => translateProblem(t, problem), [t]);
}
