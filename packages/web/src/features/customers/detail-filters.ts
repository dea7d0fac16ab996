import { DETAIL_KEY_PATTERN, isTextSearchable, parseDetailValue, problem, shownValue, type DetailFieldType, type Problem, type StoredDetailValue } from '@cp/shared';
import type { DetailCondition } from '../../gql/graphql';
import type { DetailFieldInfo, Draft } from '../details/detail-values';

/** The URL parameter, once per condition: `?detail=tier.is.Gold&detail=vip.empty`. */
export const DETAIL_FILTER_PARAM = 'detail';

export const FILTER_OPERATORS = ['is', 'contains', 'empty', 'set'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export interface DetailFilter {
  fieldKey: string;
  operator: FilterOperator;
  /** For `is` and `contains`: the value as text (a normalized stored value for `is`). */
  value: string;
}

/** Which operators make sense for a type: substring search only exists for text-like fields. */
export function operatorsFor(type: DetailFieldType): FilterOperator[] {
  return FILTER_OPERATORS.filter((operator) => operator !== 'contains' || isTextSearchable(type));
}

export function takesValue(operator: FilterOperator): boolean {
  return operator === 'is' || operator === 'contains';
}

function isOperator(value: string): value is FilterOperator {
  return (FILTER_OPERATORS as readonly string[]).includes(value);
}

/** Keys and operators contain no dots, so the value (which may) is whatever follows the second one. */
export function parseDetailFilter(param: string): DetailFilter | null {
  const [fieldKey = '', operator = '', ...rest] = param.split('.');
  if (!DETAIL_KEY_PATTERN.test(fieldKey) || !isOperator(operator)) return null;
  const value = rest.join('.');
  if (takesValue(operator) && value.trim() === '') return null;
  return { fieldKey, operator, value: takesValue(operator) ? value : '' };
}

export function detailFilterParam({ fieldKey, operator, value }: DetailFilter): string {
  return takesValue(operator) ? `${fieldKey}.${operator}.${value}` : `${fieldKey}.${operator}`;
}

/** "is" on a multi-select means "includes this option", so its value is one option, as for a select. */
export function filterField(field: DetailFieldInfo): DetailFieldInfo {
  return field.type === 'MULTI_SELECT' ? { ...field, type: 'SELECT' } : field;
}

/** An `is` value checked by the same codec as the API; a refusal says why, as the API's INVALID_FILTER_VALUE would. */
export function parseFilterValue(field: DetailFieldInfo, input: Draft): { ok: true; value: StoredDetailValue } | { ok: false; problem: Problem } {
  const parsed = parseDetailValue(filterField(field), field.type === 'BOOLEAN' && typeof input === 'string' ? input === 'true' : input);
  if (parsed.ok && parsed.value !== null) return { ok: true, value: parsed.value };
  return { ok: false, problem: problem('INVALID_FILTER_VALUE', { label: field.label, value: shownValue(input), problem: parsed.ok ? problem('EMPTY') : parsed.problem }) };
}

/** An `is` value checked by the same codec as the API, or null when it is not one. */
export function filterValue(field: DetailFieldInfo, input: Draft): StoredDetailValue | null {
  const parsed = parseFilterValue(field, input);
  return parsed.ok ? parsed.value : null;
}

/** The API's condition for a filter, or null if its value no longer fits the field (e.g. a renamed option in an old link). */
export function detailCondition(filter: DetailFilter, field: DetailFieldInfo): DetailCondition | null {
  switch (filter.operator) {
    case 'empty':
      return { fieldKey: field.key, isEmpty: true };
    case 'set':
      return { fieldKey: field.key, isEmpty: false };
    case 'contains':
      return isTextSearchable(field.type) ? { fieldKey: field.key, contains: filter.value } : null;
    case 'is': {
      const value = filterValue(field, filter.value);
      return value === null ? null : { fieldKey: field.key, equals: value };
    }
  }
}
