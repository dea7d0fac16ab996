import { translateProblem, type Problem } from '@cp/shared';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A problem (a stable reason and its params) in the language shown now: shared `translateProblem` with this app's i18next. */
export function useProblemText(): (problem: Problem) => string {
  const { t } = useTranslation();
  // The keys are built from reasons at run time; the locale files are checked against them by a test, not by the key's type.
  return useCallback((problem: Problem) => translateProblem((key, options) => String(t(key as never, options as never)), problem), [t]);
}
