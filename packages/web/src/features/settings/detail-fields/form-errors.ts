import { useCallback } from 'react';
import { useErrorInfo } from '../../../app/errors';

export type FieldFormPart = 'label' | 'options' | 'audiences';

/**
 * Where in a field dialog the API's input error belongs, by the input field
 * it names (`extensions.field`), with its message; null for anything else,
 * which a toast reports.
 */
export function useFieldFormError(): (error: unknown) => { part: FieldFormPart; message: string } | null {
  const describe = useErrorInfo();
  return useCallback(
    (error: unknown) => {
      const { field, detail } = describe(error);
      if (!field || !detail) return null;
      const root = field.split('.')[0];
      if (root === 'label') return { part: 'label', message: detail };
      if (root === 'options' || root === 'optionRenames') return { part: 'options', message: detail };
      if (root === 'view' || root === 'edit') return { part: 'audiences', message: detail };
      return null;
    },
    [describe],
  );
}
