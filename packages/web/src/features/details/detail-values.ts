import type { DetailFieldType, StoredDetailValue } from '@cp/shared';

/** What the web needs of a field definition to edit, show, sort or filter its values (a @cp/shared DetailFieldDefinition). */
export interface DetailFieldInfo {
  key: string;
  label: string;
  type: DetailFieldType;
  options: readonly string[];
}

/** A value as its form control holds it: text for most types, the chosen options, or a flag. */
export type Draft = string | string[] | boolean;

function isStoredValue(value: unknown): value is StoredDetailValue {
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * One value out of `detailsByKey`, which the schema types as any JSON: a
 * shape no codec writes counts as empty instead of breaking the page.
 */
export function storedValue(values: unknown, key: string): StoredDetailValue | null {
  if (typeof values !== 'object' || values === null || !Object.hasOwn(values, key)) return null;
  const value = (values as Record<string, unknown>)[key];
  return isStoredValue(value) ? value : null;
}

/** The control's starting point for a stored value (or none). */
export function draftOf(type: DetailFieldType, value: StoredDetailValue | null): Draft {
  if (type === 'BOOLEAN') return value === true;
  if (type === 'MULTI_SELECT') return Array.isArray(value) ? value : [];
  return value === null ? '' : String(value);
}
