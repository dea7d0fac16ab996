import { problem, problemText, type Problem } from '@cp/shared';
import type { ValidationOptions } from 'class-validator';

/**
 * Options for a class-validator decorator whose refusal is a problem: the
 * English message for partner tools, and the problem itself in the
 * validation error's context, where error formatting finds it.
 */
function rule(refusal: Problem): ValidationOptions {
  return { message: problemText(refusal), context: { problem: refusal } };
}

/** `@Length(min, max, textLength('name', min, max))`: code points of a trimmed-or-not text input. */
export const textLength = (field: string, min: number, max: number) => rule(problem('FIELD_LENGTH', { field, min, max }));
/** `@MaxLength(max, maxText('email', max))`. */
export const maxText = (field: string, max: number) => rule(problem('FIELD_TOO_LONG', { field, max }));
/** `@ArrayMaxSize(max, maxItems('teamIds', max))`. */
export const maxItems = (field: string, max: number) => rule(problem('TOO_MANY_ITEMS', { field, max }));
/** `@MinLength(min, minText('password', min))`. */
export const minText = (field: string, min: number) => rule(problem('FIELD_TOO_SHORT', { field, min }));
/** `@IsEmail({}, emailRule('email'))`. */
export const emailRule = (field: string) => rule(problem('FIELD_NOT_EMAIL', { field }));
