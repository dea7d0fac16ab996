import { cleanExternalId, externalIdProblem, problem, shownValue } from '@cp/shared';
import { badInput } from './domain-error';

/**
 * An external id given to a customer or organization update, as stored (see
 * cleanExternalId): null or '' clears it. Refused as INVALID_FIELD_VALUE on `externalId`, naming the
 * value and why (CONTROL_CHARACTERS, TOO_LONG).
 */
export function externalIdOf(given: string | null): string | null {
  const value = cleanExternalId(given ?? '');
  const refusal = externalIdProblem(value);
  if (refusal) throw badInput(problem('INVALID_FIELD_VALUE', { field: 'externalId', value: shownValue(given ?? ''), problem: refusal }), 'externalId');
  return value || null;
}
