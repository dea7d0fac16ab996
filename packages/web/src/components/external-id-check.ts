import { cleanExternalId, externalIdProblem, problem, shownValue } from '@cp/shared';
import { useCallback } from 'react';
import { useProblemText } from '../app/problems';

/**
 * The API's external id check for a form field (customers, organizations):
 * the same rules and reason, so a value it would refuse is caught before
 * sending. Null when the value is fine (empty clears it).
 */
export function useExternalIdCheck(): (value: string) => string | null {
  const problemText = useProblemText();
  return useCallback(
    (value: string) => {
      const refusal = externalIdProblem(cleanExternalId(value));
      return refusal ? problemText(problem('INVALID_FIELD_VALUE', { field: 'externalId', value: shownValue(value), problem: refusal })) : null;
    },
    [problemText],
  );
}
