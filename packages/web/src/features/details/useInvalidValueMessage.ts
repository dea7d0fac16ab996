import { checkIsoDay, type DetailFieldType } from '@cp/shared';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from './detail-values';

/**
 * The message for a draft that the shared codec refused: what is wrong and
 * what is allowed. Dates get the exact problem (no month 13, February 2026
 * has 28 days); other types say what they accept.
 */
export function useInvalidValueMessage(): (type: DetailFieldType, draft: Draft) => string {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useCallback(
    (type, draft) => {
      const text = typeof draft === 'string' ? draft.trim() : '';
      const day = type === 'DATE' ? checkIsoDay(text) : null;
      if (!day || day.ok) return t(`details.invalid.${type}`);
      const { problem } = day;
      switch (problem.kind) {
        case 'format':
          return t('details.invalid.DATE');
        case 'year':
          return t('details.invalidDate.year');
        case 'month':
          return t('details.invalidDate.month', { text, month: problem.month });
        case 'day': {
          const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(problem.year, problem.month - 1, 1));
          return t('details.invalidDate.day', { text, month, lastDay: problem.lastDay });
        }
      }
    },
    [t, locale],
  );
}
