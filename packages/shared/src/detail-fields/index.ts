export { DETAIL_FIELD_SCOPES, DETAIL_FIELD_TYPES, MAX_TEXT_LENGTH } from './types';
export type { DetailFieldDefinition, DetailFieldScope, DetailFieldType, ParseResult, StoredDetailValue } from './types';
export { detailSearchText, formatDetailValue, isTextSearchable, parseDetailValue, parseValueOfType, sortKind, typeHasOptions } from './codecs';
export { detailValueToCsv, neutralizeFormula, parseDetailCsv } from './csv';
export { DETAIL_KEY_PATTERN, detailFieldKeyFromLabel } from './keys';
export { cleanLabel, cleanOptions } from './options';
export { codePointName, foldWidth, normalizeText, quote, showInvisible } from './text';
export { checkIsoDay, FIRST_YEAR } from './dates';
export type { DayCheck, DayProblem } from './dates';
