import { problem, shownValue } from '@cp/shared';
import { badInput } from './domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** Rejects ids that cannot exist before they reach SQL (where they would be a type error). */
export function assertIds(ids: readonly string[], field: string): void {
  const bad = ids.find((id) => !isUuid(id));
  if (bad !== undefined) throw badInput(problem('UNKNOWN_ID', { field, id: shownValue(bad) }), field);
}

export const uniq = <T>(values: readonly T[]): T[] => [...new Set(values)];
