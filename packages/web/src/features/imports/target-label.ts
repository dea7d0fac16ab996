import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewTarget } from '@cp/shared';

/** The translation key of each built-in column, by the name the file format (and the API) gives it. */
const BUILT_IN_KEYS = {
  'External ID': 'externalId',
  Email: 'email',
  Username: 'username',
  'Display name': 'displayName',
  Organization: 'organization',
  'Organization Name': 'organizationName',
} as const;

/**
 * What a column fills, in the viewer's language: a built-in column's
 * translated name (its file name stays the API's), a detail field's label.
 */
export function useTargetLabel(): (target: Pick<PreviewTarget, 'target' | 'label' | 'kind'>) => string {
  const { t } = useTranslation();
  return useCallback(
    ({ target, label, kind }) => {
      const key = kind === 'builtIn' ? BUILT_IN_KEYS[target as keyof typeof BUILT_IN_KEYS] : undefined;
      return key ? t(`imports.targets.${key}`) : label;
    },
    [t],
  );
}
