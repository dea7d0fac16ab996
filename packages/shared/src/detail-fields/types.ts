/**
 * The shapes every detail-field codec speaks. Values live in PostgreSQL JSONB
 * (one object per owner keyed by field key), so a stored value is plain JSON.
 */

import { problem, type Problem, type ProblemParam, type ProblemReason } from '../problems';

export const DETAIL_FIELD_TYPES = ['TEXT', 'NUMBER', 'DATE', 'SELECT', 'MULTI_SELECT', 'EMAIL', 'URL', 'PHONE', 'BOOLEAN', 'USER'] as const;
export type DetailFieldType = (typeof DETAIL_FIELD_TYPES)[number];

export const DETAIL_FIELD_SCOPES = ['CUSTOMER', 'ORGANIZATION', 'ENTITLEMENT'] as const;
export type DetailFieldScope = (typeof DETAIL_FIELD_SCOPES)[number];

/** A normalized stored value: string for TEXT/DATE('YYYY-MM-DD')/SELECT(option label)/EMAIL/URL/PHONE/USER(agent id), number for NUMBER, boolean for BOOLEAN, string[] for MULTI_SELECT (option labels, in the field's option order, no repeats). */
export type StoredDetailValue = string | number | boolean | string[];

export interface DetailFieldDefinition {
  key: string;
  label: string;
  type: DetailFieldType;
  options: readonly string[];
}

/** A refused value carries why, as data (see ../problems.ts); `problemText` gives the English. */
export type ParseResult = { ok: true; value: StoredDetailValue | null } | { ok: false; problem: Problem };

/** Long enough for free-form notes in a field, short enough to keep one customer's JSONB row small. */
export const MAX_TEXT_LENGTH = 10_000;

export function ok(value: StoredDetailValue | null): ParseResult {
  return { ok: true, value };
}

export function fail(reason: ProblemReason, params: Record<string, ProblemParam> = {}): ParseResult {
  return { ok: false, problem: problem(reason, params) };
}
